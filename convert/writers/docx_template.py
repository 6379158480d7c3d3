"""The DOCX report's package: python-docx's default template, read once per process, trimmed to
the styles the report uses, and written out as a deterministic zip.

Why: python-docx's `Document()` re-reads and re-parses its template (a 438 KB styles.xml among
others) on every call, and `save()` re-compresses all of it; that is ~14 ms for a small report.
Here the template is read once (`functools.cache`): the styles the report uses (plus the report's
own named styles) are kept as one parsed styles part, whose names python-docx resolves to ids
once, and every part that does not depend on the article is compressed once. A report then
costs only building `word/document.xml` and `docProps/core.xml` and deflating those two.

Determinism: entries are written in a fixed order with a fixed timestamp (1980-01-01 00:00, the
zip epoch), fixed "made by" and attribute fields, and one deflate level: the same article and
options always give the same bytes.

Left out of the template on purpose: docProps/thumbnail.jpeg (a preview of an empty page, which
would misrepresent the report), word/stylesWithEffects.xml (a second 438 KB copy of the styles
for Word 2010), customXml and numbering.xml (not used by the report).
"""

from __future__ import annotations

import copy
import functools
import re
import struct
import zlib
from dataclasses import dataclass

#: The zip epoch: (1980, 1, 1, 00:00:00) as DOS date and time words.
_DOS_DATE = (0 << 9) | (1 << 5) | 1
_DOS_TIME = 0
#: One compression level for every entry (bytes depend on it).
_LEVEL = 6

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Part names of the package, in the order they are written.
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
CORE = "docProps/core.xml"
APP = "docProps/app.xml"
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
STYLES = "word/styles.xml"
SETTINGS = "word/settings.xml"
FONT_TABLE = "word/fontTable.xml"
WEB_SETTINGS = "word/webSettings.xml"
THEME = "word/theme/theme1.xml"

_CT = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/{DOCUMENT}" ContentType="{_CT}.wordprocessingml.document.main+xml"/>\
<Override PartName="/{STYLES}" ContentType="{_CT}.wordprocessingml.styles+xml"/>\
<Override PartName="/{SETTINGS}" ContentType="{_CT}.wordprocessingml.settings+xml"/>\
<Override PartName="/{WEB_SETTINGS}" ContentType="{_CT}.wordprocessingml.webSettings+xml"/>\
<Override PartName="/{FONT_TABLE}" ContentType="{_CT}.wordprocessingml.fontTable+xml"/>\
<Override PartName="/{THEME}" ContentType="{_CT}.theme+xml"/>\
<Override PartName="/{CORE}" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/{APP}" ContentType="{_CT}.extended-properties+xml"/>\
</Types>""".encode()

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="{DOCUMENT}"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="{CORE}"/>\
<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="{APP}"/>\
</Relationships>""".encode()

_DOCUMENT_RELS_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>\
<Relationship Id="rId3" Type="{_REL}/webSettings" Target="webSettings.xml"/>\
<Relationship Id="rId4" Type="{_REL}/fontTable" Target="fontTable.xml"/>\
<Relationship Id="rId5" Type="{_REL}/theme" Target="theme/theme1.xml"/>\
</Relationships>""".encode()

_APP_XML = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>newsconv</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>\
</Properties>"""

#: US Letter with 1-inch margins: a 6.5-inch text column (the template's 1.25-inch margins are
#: too narrow for a five-column table).
SECTPR_XML = f"""<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>\
<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>\
<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>"""

#: Text width in twips (page 12240 minus two 1440 margins).
TEXT_WIDTH_TWIPS = 9360

#: Built-in styles of the template the report uses (by style id); their basedOn / link / next
#: styles are kept too.
BUILTIN_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Heading1", "Heading2",
                  "Subtitle", "BodyText", "TableGrid", "Strong")

#: The report's own named styles (id, type, name, basedOn, pPr xml, rPr xml).
_CUSTOM_STYLES = (
    ("StoryParagraph", "paragraph", "Story Paragraph", "BodyText",
     '<w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:after="160"/>'
     '<w:ind w:left="567" w:hanging="567"/></w:pPr>', ""),
    ("ReportNote", "paragraph", "Report Note", "Normal",
     '<w:pPr><w:spacing w:before="60" w:after="120"/></w:pPr>',
     '<w:rPr><w:i/><w:iCs/><w:color w:val="595959"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'),
    ("ParagraphNumber", "character", "Paragraph Number", "DefaultParagraphFont", "",
     '<w:rPr><w:color w:val="7F7F7F"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
    ("Quotation", "character", "Quotation", "DefaultParagraphFont", "",
     '<w:rPr><w:color w:val="1F3864"/><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:rPr>'),
)

#: Style names the writer asks python-docx for, by role.
STYLE_NAMES = {
    "title": "Heading 1",
    "section": "Heading 2",
    "derived": "Subtitle",
    "story": "Story Paragraph",
    "note": "Report Note",
    "number": "Paragraph Number",
    "quote": "Quotation",
    "label": "Strong",
    "table": "Table Grid",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One zip entry, already compressed (raw deflate)."""

    name: str
    crc: int
    size: int
    data: bytes


def deflate(name: str, payload: bytes) -> Entry:
    comp = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    data = comp.compress(payload) + comp.flush()
    return Entry(name, zlib.crc32(payload), len(payload), data)


def zip_entries(entries: list[Entry]) -> bytes:
    """A zip archive of `entries` (in this order) with pinned times and attributes."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("ascii")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                           e.crc, len(e.data), e.size, len(name), 0)
        out += name
        out += e.data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                               e.crc, len(e.data), e.size, len(name), 0, 0, 0, 0, 0, offset)
        central += name
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


@dataclass(frozen=True)
class Template:
    """What every report shares. `styles_part` is read-only once built (python-docx only looks
    styles up in it); the writer never mutates it."""

    styles_part: object  # docx.parts.styles.StylesPart
    styles_element: object  # the trimmed w:styles element (never mutated after load)
    head: tuple[Entry, ...]  # [Content_Types].xml, _rels/.rels (before core.xml)
    app: Entry
    document_rels: Entry
    tail: tuple[Entry, ...]  # settings, fontTable, webSettings, theme (after styles.xml)
    style_id: dict  # role (see STYLE_NAMES) -> style id, resolved by python-docx
    style_ids: frozenset[str]  # every style id styles.xml defines


def _trim_styles(styles_el) -> None:
    """Keep only BUILTIN_STYLES and what they refer to; add the report's own styles."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    by_id = {s.get(qn("w:styleId")): s for s in styles_el.findall(qn("w:style"))}
    keep: set[str] = set()
    todo = [sid for sid in BUILTIN_STYLES]
    todo += [sid for sid, s in by_id.items() if s.get(qn("w:default")) in ("1", "true", "on")]
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = by_id[sid].find(qn(tag))
            if ref is not None:
                todo.append(ref.get(qn("w:val")))
    for sid, el in by_id.items():
        if sid not in keep:
            styles_el.remove(el)
        else:
            rsid = el.find(qn("w:rsid"))
            if rsid is not None:
                el.remove(rsid)
    # tables in 10 pt, so a five-column table stays readable on a 6.5-inch column
    grid = by_id["TableGrid"]
    grid.insert(grid.index(grid.find(qn("w:tblPr"))), parse_xml(
        f'<w:rPr xmlns:w="{W_NS}"><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'))
    for sid, kind, name, based, ppr, rpr in _CUSTOM_STYLES:
        styles_el.append(parse_xml(
            f'<w:style xmlns:w="{W_NS}" w:type="{kind}" w:customStyle="1" w:styleId="{sid}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:uiPriority w:val="20"/><w:qFormat/>'
            f"{ppr}{rpr}</w:style>"))


def _template_bytes() -> dict[str, bytes]:
    import importlib.resources
    import zipfile
    import io

    data = importlib.resources.files("docx").joinpath("templates/default.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in (STYLES, SETTINGS, FONT_TABLE, WEB_SETTINGS, THEME)}


@functools.cache
def template() -> Template:
    """Load and prepare the template once per process."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.parts.styles import StylesPart
    from lxml import etree

    parts = _template_bytes()
    styles_el = parse_xml(parts[STYLES])
    _trim_styles(styles_el)
    styles_part = StylesPart(PackURI("/word/styles.xml"), CT.WML_STYLES, styles_el, None)
    styles = styles_part.styles
    kinds = {"title": WD_STYLE_TYPE.PARAGRAPH, "section": WD_STYLE_TYPE.PARAGRAPH,
             "derived": WD_STYLE_TYPE.PARAGRAPH, "story": WD_STYLE_TYPE.PARAGRAPH,
             "note": WD_STYLE_TYPE.PARAGRAPH, "number": WD_STYLE_TYPE.CHARACTER,
             "quote": WD_STYLE_TYPE.CHARACTER, "label": WD_STYLE_TYPE.CHARACTER,
             "table": WD_STYLE_TYPE.TABLE}
    resolved = {}
    for role, name in STYLE_NAMES.items():
        style = styles[name]
        if style.type != kinds[role]:  # pragma: no cover - guards the template edit above
            raise RuntimeError(f"style {name!r} is not a {kinds[role]} style")
        resolved[role] = style
    # settings: no preview picture (there is no thumbnail), no rsids (editing-session noise)
    settings = re.sub(rb"<w:savePreviewPicture/>\s*", b"", parts[SETTINGS])
    settings = re.sub(rb"<w:rsids>.*?</w:rsids>\s*", b"", settings, flags=re.S)
    ids = frozenset(s.style_id for s in styles)
    return Template(
        styles_part=styles_part,
        styles_element=styles_el,
        head=(deflate(CONTENT_TYPES, _CONTENT_TYPES_XML), deflate(ROOT_RELS, _ROOT_RELS_XML)),
        app=deflate(APP, _APP_XML),
        document_rels=deflate(DOCUMENT_RELS, _DOCUMENT_RELS_XML),
        tail=tuple(deflate(n, settings if n == SETTINGS else parts[n]) for n in (SETTINGS, FONT_TABLE, WEB_SETTINGS, THEME)),
        style_id={role: style.style_id for role, style in resolved.items()},
        style_ids=ids,

    )


_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@functools.lru_cache(maxsize=64)
def styles_entry(language: str) -> Entry:
    """word/styles.xml with the document's default language (for spelling and hyphenation) set to
    `language`; compressed once per language."""
    from docx.oxml.ns import qn
    from lxml import etree

    el = copy.deepcopy(template().styles_element)
    lang = el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None and _LANG.match(language or ""):
        lang.set(qn("w:val"), language)
    return deflate(STYLES, etree.tostring(el, encoding="UTF-8", standalone=True))


def package(document_xml: bytes, core_xml: bytes, language: str) -> bytes:
    """The .docx bytes: the cached parts plus this report's document and core properties."""
    tpl = template()
    entries = [*tpl.head, deflate(CORE, core_xml), tpl.app, deflate(DOCUMENT, document_xml), tpl.document_rels,
               styles_entry(language), *tpl.tail]
    return zip_entries(entries)


__all__ = ["Entry", "Template", "STYLE_NAMES", "TEXT_WIDTH_TWIPS", "deflate", "zip_entries", "template",
           "styles_entry", "package", "SECTPR_XML", "W_NS"]
