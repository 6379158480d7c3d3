"""`newsconv validate`: every problem of every file, per format, with codes, places and exit codes."""

from __future__ import annotations

import dataclasses
import importlib.machinery
import io
import json
import subprocess
import sys
import types
import zipfile
from importlib.util import find_spec

import pytest
from click.testing import CliRunner

from convert import messages
from convert.api import parse
from convert.cli import main
from convert.model import Quote
from convert.modeljson import to_json
from convert.validation import (ValidateOptions, check_against_xsd, collect_files, detect_format, is_selected,
                              validate_bytes, validate_paths)

from conftest import FIXTURES, ROOT, SEED_NAME, fixture_articles

ARTICLE = "POLICE CLOSE BRIDGE\n\nLONDON, March 3, 2024 - Police closed the bridge on Monday.\n\nTraffic was diverted.\n"


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def codes(report):
    return [m.code for m in report.messages]


def with_quote(article, speaker=None, kind="direct"):
    """The article with one quotation over its first paragraph's first words."""
    para = article.paragraphs[0]
    q = Quote(id="q1", text=para.text[:10], kind=kind, paragraph=para.id, span=para.span, speaker=speaker)
    return dataclasses.replace(article, quotes=(q,))


# ---- text ----------------------------------------------------------------------------------------

def test_text_reader_messages_are_reported_located(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"HEADLINE\n\nPARIS - The talks ended.\r\n\r\nMore text.\n")
    [report] = validate_paths([str(f)])
    assert report.format == "text"
    found = {m.code: m for m in report.messages}
    assert "NC204" in found and (found["NC204"].line, found["NC204"].col) == (3, 1)
    assert "NC106" in found  # mixed line endings
    assert all(m.file == str(f) and m.hint for m in report.messages)


def test_every_problem_of_every_file_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00def")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    res = run("validate", str(empty), str(binary), str(good), str(tmp_path / "missing.txt"))
    assert res.exit_code == 1
    for code, name in (("NC104", "empty.txt"), ("NC101", "bin.txt"), ("NC109", "missing.txt")):
        assert any(code in line and name in line for line in res.stderr.splitlines()), (code, res.stderr)
    assert "4 files checked, 3 failed" in res.stderr
    assert res.stdout == ""


def test_speakerless_direct_quote_is_nc302_generically(monkeypatch, tmp_path):
    """Whatever fills the quotations, a direct one with speaker None is reported at its place;
    a scare quote or an attributed quote is not; a reader's own NC302 is not doubled."""
    import convert.readers.plain as plain

    real = plain.read
    for speaker, kind, expected in ((None, "direct", 1), ("e1", "direct", 0), (None, "scare", 0)):
        monkeypatch.setattr(plain, "read", lambda data, name=None, **kw: (
            lambda r: type(r)(with_quote(r.value, speaker, kind), r.messages))(real(data, name, **kw)))
        report = validate_bytes(ARTICLE.encode(), "a.txt")
        nc302 = [m for m in report.messages if m.code == "NC302"]
        assert len(nc302) == expected, (speaker, kind)
        if expected:
            span = parse(ARTICLE).value.paragraphs[0].span
            assert (nc302[0].line, nc302[0].col) == (span.line, span.col) == (3, 25)
            assert nc302[0].severity == "info"

    def read_with_own_note(data, name=None, **kw):
        r = real(data, name, **kw)
        own = messages.make("NC302", file=name, line=3, col=25)
        return type(r)(with_quote(r.value), r.messages + (own,))

    monkeypatch.setattr(plain, "read", read_with_own_note)
    assert codes(validate_bytes(ARTICLE.encode(), "a.txt")).count("NC302") == 1

    def read_with_note_at_the_cue(data, name=None, **kw):  # same paragraph, another column
        r = real(data, name, **kw)
        own = messages.make("NC302", file=name, line=3, col=40)
        return type(r)(with_quote(r.value), r.messages + (own,))

    monkeypatch.setattr(plain, "read", read_with_note_at_the_cue)
    assert [(m.line, m.col) for m in validate_bytes(ARTICLE.encode(), "a.txt").messages
            if m.code == "NC302"] == [(3, 40)]


def test_text_validation_runs_no_writer():
    """Validating text is reading only: no writer module is even imported."""
    code = ("import sys; from convert.validation import validate_path; "
            f"r = validate_path({str(FIXTURES / SEED_NAME)!r}); "
            "print(sorted(m for m in sys.modules if m.startswith('convert.writers.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- model JSON ----------------------------------------------------------------------------------

def test_model_json_every_schema_error_with_json_path(tmp_path):
    doc = json.loads(to_json(parse(ARTICLE).value))
    doc["language"] = 7
    doc["paragraphs"][0]["id"] = "para"
    doc["source"]["sha256"] = "nope"
    f = tmp_path / "x.model.json"
    f.write_text(json.dumps(doc))
    report = validate_paths([str(f)])[0]
    paths = {m.path for m in report.messages if m.code == "NC401"}
    assert {"$.language", "$.paragraphs[0].id"} <= paths and len(paths) >= 3
    broken = tmp_path / "y.model.json"
    broken.write_text('{"model_version": "1.0",\n  "id": }')
    [m] = validate_paths([str(broken)])[0].messages
    assert (m.code, m.line) == ("NC402", 2)


def test_model_json_quote_without_speaker_gives_path(tmp_path):
    article = with_quote(parse(ARTICLE).value)
    report = validate_bytes(to_json(article).encode(), "q.model.json")
    assert report.ok
    assert [(m.code, m.path) for m in report.messages] == [("NC302", "$.quotes[0]")]


# ---- format detection ----------------------------------------------------------------------------

@pytest.mark.parametrize("name,data,fmt", [
    ("a.txt", b"<p>x", "text"),
    ("a.model.json", b"{}", "json"),
    ("a.newsml.xml", b"x", "newsml"),
    ("a.jsonld", b"{}", "jsonld"),
    ("a.docx", b"x", "docx"),
    ("a.ninjs.json", b"{}", "ninjs"),
    ("a.json", b'{"@context": "https://schema.org", "@graph": []}', "jsonld"),
    ("a.json", b'{"model_version": "1.0", "x": {"@context": 1}}', "json"),
    ("a.xml", b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>', "nitf"),
    ("a.xml", b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml"),
    ("noext", b"PK\x03\x04rest", "docx"),
    ("noext", b'\n<?xml version="1.0"?><newsItem/>', "newsml"),
    ("noext", b'{"@context": "https://schema.org"}', "jsonld"),
    ("noext", b'{"model_version": "1.0"}', "json"),
    ("noext", b"A headline\n\nBody.", "text"),
])
def test_detect_format(name, data, fmt):
    assert detect_format(name, data) == fmt


def test_from_overrides_detection_and_unknown_from_is_usage_error(tmp_path):
    f = tmp_path / "article.data"
    f.write_text('{"model_version": "1.0"}')
    assert validate_paths([str(f)], ValidateOptions(fmt="text"))[0].format == "text"
    assert run("validate", "--from", "json", str(f)).exit_code == 1  # schema errors: it is model JSON now
    res = run("validate", "--from", "pdf", str(f))
    assert res.exit_code == 2 and "valid formats" in res.output


# ---- folders, include/exclude --------------------------------------------------------------------

def test_folders_recursive_with_include_exclude(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("one.txt", "a/two.txt", "a/deep/three.txt", ".git/x.txt", "a/notes.md", "a/deep/skip.txt"):
        (tmp_path / rel).write_text(ARTICLE)
    files, notes = collect_files([str(tmp_path)])
    rels = sorted(str(p)[len(str(tmp_path)) + 1:] for p in files)
    assert rels == ["a/deep/skip.txt", "a/deep/three.txt", "a/two.txt", "one.txt"] and not notes
    files, _ = collect_files([str(tmp_path)], exclude=("skip.txt", "a/two.txt"))
    assert sorted(p.rsplit("/", 1)[1] for p in files) == ["one.txt", "three.txt"]
    files, _ = collect_files([str(tmp_path)], include=("*.md",))
    assert [p.rsplit("/", 1)[1] for p in files] == ["notes.md"]
    files, _ = collect_files([str(tmp_path)], exclude=("deep",))
    assert sorted(p.rsplit("/", 1)[1] for p in files) == ["one.txt", "two.txt"]
    # an explicitly named file is checked whatever the globs say
    files, _ = collect_files([str(tmp_path / "a" / "notes.md")], include=("*.txt",))
    assert len(files) == 1
    res = run("validate", str(tmp_path), "--include", "*.md", "--include", "three.txt")
    assert res.exit_code == 0 and "2 files checked" in res.stderr


def test_empty_folder_warns_nc811(tmp_path):
    res = run("validate", str(tmp_path))
    assert res.exit_code == 0 and "NC811" in res.stderr
    assert run("validate", "--strict", str(tmp_path)).exit_code == 1


# ---- select / ignore -----------------------------------------------------------------------------

@pytest.mark.parametrize("select,ignore,code,kept", [
    ((), (), "NC302", True),
    (("NC3",), (), "NC302", True),
    (("NC3",), (), "NC204", False),
    ((), ("NC2",), "NC204", False),
    (("NC3",), ("NC302",), "NC302", False),
    (("NC302",), ("NC3",), "NC302", True),      # the more specific wins, as in ruff
    (("NC3",), ("NC3",), "NC301", False),       # a tie: ignore wins
    (("ALL",), ("NC30",), "NC301", False),
    (("ALL",), ("NC30",), "NC401", True),
])
def test_is_selected_like_ruff(select, ignore, code, kept):
    assert is_selected(code, select, ignore) is kept


def test_select_ignore_on_the_cli(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes(b"HEADLINE\n\nPARIS - The talks ended.\r\n\r\nMore text.\n")
    all_codes = run("validate", str(f)).stderr
    assert "NC204" in all_codes and "NC106" in all_codes
    only2 = run("validate", "--select", "NC2", str(f)).stderr
    assert "NC204" in only2 and "NC106" not in only2
    res = run("validate", "--ignore", "NC106,NC2", "--strict", str(f))
    assert "NC106" not in res.stderr and "NC204" not in res.stderr and res.exit_code == 0
    assert run("validate", "--strict", str(f)).exit_code == 1  # NC106 is a warning
    bad = run("validate", "--select", "XY1", str(f))
    assert bad.exit_code == 2 and "matches no message code" in bad.output


# ---- exit codes ----------------------------------------------------------------------------------

def test_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    warn = tmp_path / "warn.txt"
    warn.write_bytes(b"HEADLINE\n\nPARIS, March 3, 2024 - Caf\xe9 talks.\n")  # NC102 warning
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert run("validate", str(good)).exit_code == 0
    assert run("validate", str(warn)).exit_code == 0
    assert run("validate", "--strict", str(warn)).exit_code == 1
    assert run("validate", str(bad)).exit_code == 1
    assert run("validate", "--exit-zero", str(bad)).exit_code == 0
    assert run("validate").exit_code == 2
    assert run("validate", "--format", "yaml", str(good)).exit_code == 2
    assert run("validate", "--no-such-option", str(good)).exit_code == 2
    helptext = " ".join(run("validate", "--help").output.split())
    assert "Exit codes: 0 nothing wrong; 1 errors found (or warnings with --strict); 2 usage error" in helptext


def test_stdin_dash():
    res = run("validate", "-", input=b"")
    assert res.exit_code == 1 and "<stdin>:1:1: NC104" in res.stderr


def test_every_fixture_article_validates_without_errors():
    reports = validate_paths([str(p) for p in fixture_articles()])
    assert len(reports) >= 8
    assert [r.file for r in reports if not r.ok] == []


# ---- NewsML-G2, JSON-LD, DOCX: the format's checks when installed, else a fallback ---------------

def _writer(fmt):
    return find_spec(f"convert.writers.{fmt}") is not None


def _has_check(fmt):
    return find_spec(f"convert.checks.{fmt}") is not None


def test_broken_xml_and_wrong_root_are_errors(tmp_path):
    broken = tmp_path / "a.newsml.xml"
    broken.write_text('<?xml version="1.0"?>\n<newsItem>\n  <itemMeta>\n</newsItem>\n')
    wrong = tmp_path / "b.newsml.xml"
    wrong.write_text('<?xml version="1.0"?>\n<html><body/></html>\n')
    reports = validate_paths([str(broken), str(wrong)])
    assert all(r.format == "newsml" and r.errors for r in reports)
    # the package's own NewsML-G2 check: not well-formed (with its line), not a newsItem
    assert codes(reports[0]) == ["NC510"] and reports[0].messages[0].line == 4
    assert codes(reports[1]) == ["NC513"]


def test_newsml_written_by_newsconv_validates(tmp_path):
    if not _writer("newsml"):
        pytest.skip("the NewsML-G2 writer is not in this tree yet")
    from convert.api import write

    f = tmp_path / "seed.newsml.xml"
    f.write_bytes(write(parse((FIXTURES / SEED_NAME).read_bytes()).value, "newsml").value)
    assert validate_paths([str(f)])[0].errors == ()


def test_jsonld_without_context_or_broken_is_error(tmp_path):
    nocontext = tmp_path / "a.jsonld"
    nocontext.write_text('{"@type": "NewsArticle", "headline": "x"}')
    broken = tmp_path / "b.jsonld"
    broken.write_text('{"@context": "https://schema.org",\n "headline": }')
    reports = validate_paths([str(nocontext), str(broken)])
    assert all(r.format == "jsonld" and r.errors for r in reports), reports
    # the package's own JSON-LD check: no @context (NC610, and so no NewsArticle, NC602); bad syntax
    assert codes(reports[0]) == ["NC610", "NC602"]
    assert codes(reports[1]) == ["NC601"] and reports[1].messages[0].line == 2


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return buf.getvalue()


def test_docx_not_a_package_or_missing_parts(tmp_path):
    notzip = tmp_path / "a.docx"
    notzip.write_text("plain text, not a zip")
    partial = tmp_path / "b.docx"
    partial.write_bytes(_zip({"[Content_Types].xml": "<Types/>"}))
    reports = validate_paths([str(notzip), str(partial)])
    assert all(r.format == "docx" and r.errors for r in reports), reports
    # the package's own DOCX check: not a zip; a package missing its required parts
    assert codes(reports[0]) == ["NC710"]
    assert set(codes(reports[1])) == {"NC712"} and len(reports[1].messages) == 4


def test_docx_fallback_accepts_a_word_document(tmp_path, monkeypatch):
    """Without convert.checks.docx (an installation that leaves it out), validate still opens the
    package and says that only the fallback ran (NC820)."""
    import docx

    import convert.validation as validation

    monkeypatch.setattr(validation, "_check_module", lambda fmt: None)

    buf = io.BytesIO()
    docx.Document().save(buf)
    report = validate_bytes(buf.getvalue(), "x.docx")
    assert report.errors == () and codes(report) == ["NC820"]
    notzip = validate_bytes(b"plain text, not a zip", "a.docx")
    assert codes(notzip) == ["NC812"]
    partial = validate_bytes(_zip({"[Content_Types].xml": "<Types/>"}), "b.docx")
    assert set(codes(partial)) == {"NC813"} and len(partial.messages) == 2


def test_docx_written_by_newsconv_validates(tmp_path):
    if not _writer("docx"):
        pytest.skip("the DOCX writer is not in this tree yet")
    from convert.api import write

    data = write(parse((FIXTURES / SEED_NAME).read_bytes()).value, "docx").value
    assert validate_bytes(data, "seed.docx").errors == ()


def test_jsonld_written_by_newsconv_validates():
    if not _writer("jsonld"):
        pytest.skip("the JSON-LD writer is not in this tree yet")
    from convert.api import write

    data = write(parse((FIXTURES / SEED_NAME).read_bytes()).value, "jsonld").value
    assert validate_bytes(data, "seed.jsonld").errors == ()


@pytest.fixture
def stand_in_check(monkeypatch):
    """A stand-in `convert.checks.newsml` that records its calls and reports one located error."""
    calls = []

    def install(accepts_xsd: bool):
        mod = types.ModuleType("convert.checks.newsml")
        mod.__spec__ = importlib.machinery.ModuleSpec("convert.checks.newsml", None)
        if accepts_xsd:
            def check(data, name, xsd=None):
                calls.append((name, xsd))
                return [messages.make("NC814", file=name, line=2, col=3, detail="stand-in")]
        else:
            def check(data, name):
                calls.append((name, None))
                return []
        mod.check = check
        monkeypatch.setitem(sys.modules, "convert.checks.newsml", mod)
        return calls
    return install


def test_dispatch_to_the_format_check_module_with_xsd(stand_in_check, tmp_path):
    calls = stand_in_check(accepts_xsd=True)
    xsd = tmp_path / "s.xsd"
    xsd.write_text("<x/>")
    f = tmp_path / "a.newsml.xml"
    f.write_text("<newsItem/>")
    [report] = validate_paths([str(f)], ValidateOptions(xsd=str(xsd)))
    assert calls == [(str(f), str(xsd))]
    assert [(m.code, m.line, m.col, m.file) for m in report.messages] == [("NC814", 2, 3, str(f))]


def test_check_module_crash_is_reported_not_raised(monkeypatch, tmp_path):
    mod = types.ModuleType("convert.checks.jsonld")
    mod.__spec__ = importlib.machinery.ModuleSpec("convert.checks.jsonld", None)
    mod.check = lambda data, name: 1 / 0
    monkeypatch.setitem(sys.modules, "convert.checks.jsonld", mod)
    f = tmp_path / "a.jsonld"
    f.write_text("{}")
    g = tmp_path / "b.txt"
    g.write_text(ARTICLE)
    res = run("validate", str(f), str(g))
    assert res.exit_code == 1 and "NC819" in res.stderr and "ZeroDivisionError" in res.stderr
    assert "2 files checked, 1 failed" in res.stderr


# ---- the official NewsML-G2 XML Schema -----------------------------------------------------------

def test_xsd_validation_reports_located_errors(shared, stand_in_check, tmp_path):
    xsd = shared / "standards" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
    example = (shared / "standards" / "newsml-g2" / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml").read_bytes()
    assert check_against_xsd(example, "ex.xml", str(xsd)) == []
    from lxml import etree

    root = etree.fromstring(example)
    item_meta = root.find("{http://iptc.org/std/nar/2006-10-01/}itemMeta")
    root.remove(item_meta)
    root.append(item_meta)  # itemMeta after contentSet: out of order
    bad = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    problems = check_against_xsd(bad, "bad.xml", str(xsd))
    assert problems and all(m.code == "NC817" and m.line for m in problems)
    # a check module without `xsd=`: validate runs the XSD itself
    calls = stand_in_check(accepts_xsd=False)
    f = tmp_path / "bad.newsml.xml"
    f.write_bytes(bad)
    res = run("validate", "--xsd", str(xsd), str(f))
    assert calls == [(str(f), None)]
    assert res.exit_code == 1 and "NC817" in res.stderr


def test_unloadable_xsd_is_nc818(tmp_path):
    xsd = tmp_path / "broken.xsd"
    xsd.write_text("<not-a-schema/>")
    problems = check_against_xsd(b"<newsItem/>", "a.xml", str(xsd))
    assert [m.code for m in problems] == ["NC818"]
