"""Official XML Schemas, assembled and validated offline: shared by the NewsML-G2 and NITF checks.

Why one loader: the IPTC schemas import the W3C `xml.xsd` by its http:// location, and lxml would
fetch it. Here every schema is imported into a small wrapper schema by its local file, the W3C
`xml.xsd` is served from disk, and any other remote location is refused, so validation never
touches the network. Assembled schemas are cached (loading NewsML-G2 takes a large part of a
second).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import messages
from ..namespaces import XML
from ..result import Message


def _resolver(xml_xsd: Path | None):
    """An lxml resolver that serves only local files (the W3C xml.xsd from disk)."""
    from lxml import etree

    class Resolver(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url and url.endswith("/xml.xsd") and url.startswith(("http://", "https://")) and xml_xsd:
                return self.resolve_filename(str(xml_xsd), context)
            if url and url.startswith(("http://", "https://", "ftp://")):
                raise etree.XMLSchemaParseError(f"refusing to fetch {url} (offline)")
            return None

    return Resolver()


@lru_cache(maxsize=8)
def assemble(imports: tuple[tuple[str, str], ...]):
    """One XMLSchema importing each (namespace, local file) of `imports`; the W3C xml.xsd is taken
    from beside the first schema (or beside any of the others) when present."""
    from lxml import etree

    paths = [(ns, Path(loc).resolve()) for ns, loc in imports]
    for _, p in paths:
        if not p.is_file():
            raise OSError(f"no such file: {p}")
    xml_xsd = next((p.parent / "xml.xsd" for _, p in paths if (p.parent / "xml.xsd").is_file()), None)
    if xml_xsd is not None and all(ns != XML for ns, _ in paths):
        paths.insert(0, (XML, xml_xsd))
    xs = "http://www.w3.org/2001/XMLSchema"
    wrapper = etree.Element(f"{{{xs}}}schema", nsmap={"xs": xs})
    wrapper.set("targetNamespace", "urn:newsconv:check-wrapper")
    for ns, loc in paths:
        etree.SubElement(wrapper, f"{{{xs}}}import", namespace=ns, schemaLocation=loc.as_uri())
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_resolver(xml_xsd))
    base = paths[-1][1].parent.as_uri() + "/"
    doc = etree.fromstring(etree.tostring(wrapper), parser, base_url=base)
    return etree.XMLSchema(doc.getroottree())


def target_namespace(xsd: str | Path) -> str | None:
    """The targetNamespace of the schema file at `xsd` (None if it cannot be read)."""
    from lxml import etree

    try:
        for _, el in etree.iterparse(str(xsd), events=("start",), no_network=True, resolve_entities=False,
                                     load_dtd=False):
            return el.get("targetNamespace")
    except (OSError, etree.XMLSyntaxError):
        return None
    return None


def validate(root, imports: tuple[tuple[str, str], ...], name: str | None, *, error_code: str,
             load_code: str, schema_label: str) -> list[Message]:
    """`error_code` per schema error of `root` (`load_code` when the schema cannot be loaded)."""
    from lxml import etree

    try:
        schema = assemble(imports)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        return [messages.make(load_code, file=name, schema=schema_label, detail=str(exc))]
    if schema.validate(root.getroottree()):
        return []
    return [messages.make(error_code, file=name, line=e.line or None, detail=" ".join(str(e.message).split()))
            for e in schema.error_log if e.level >= etree.ErrorLevels.ERROR]


__all__ = ["assemble", "target_namespace", "validate"]
