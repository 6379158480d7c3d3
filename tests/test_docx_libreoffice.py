"""A real client opens the report: LibreOffice (headless, a throwaway user profile) converts the
reference article's report to PDF, and `pdftotext` finds the title, a quotation and a speaker's
name in it. Skipped, with the reason, where LibreOffice or poppler is not installed (`.ci/run`
installs them: libreoffice-writer-nogui, poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from convert.options import WriteOptions
from convert.writers.docx import write

from test_docx_samples import enriched_seed

pytestmark = pytest.mark.slow


def _tools() -> tuple[str, str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    return soffice, pdftotext


def test_libreoffice_renders_the_seed_report(tmp_path):
    soffice, pdftotext = _tools()
    article = enriched_seed()
    result = write(article, WriteOptions())
    src = tmp_path / "seed-report.docx"
    src.write_bytes(result.value)
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "seed-report.pdf"
    assert proc.returncode == 0 and pdf.exists(), f"soffice failed: {proc.stdout}\n{proc.stderr}"
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    flat = " ".join(text.split())
    assert article.title.text in flat
    assert "We call for a prompt, thorough, impartial, effective, and transparent investigation" in flat
    assert "Bab Ram Pant" in flat and "Amnesty International" in flat
    assert "Human Rights Commission of Pakistan" in flat and "HRCP" in flat
    pdfinfo = shutil.which("pdfinfo")  # poppler-utils too
    if pdfinfo is not None:  # the core properties' title reached the PDF's metadata
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=60).stdout
        assert article.title.text[:40] in " ".join(info.split()), info
