"""Data files (word lists, gazetteer extracts) loaded once by the extraction passes."""
