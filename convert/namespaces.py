"""XML namespaces in one place, and `qn("nar:headline")` -> Clark notation `{uri}headline`.

Why one table: namespace mistakes are silent (an NITF body in no namespace is simply not
validated by the NewsML-G2 schema); every module that builds or reads XML takes its URIs here
(python-docx's `oxml/ns.py` habit).
"""

from __future__ import annotations

from functools import cache

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XML = "http://www.w3.org/XML/1998/namespace"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

NSMAP: dict[str, str] = {"nar": NAR, "nitf": NITF, "xml": XML, "xsi": XSI}

#: The IPTC catalog every newsconv NewsML-G2 item references, and its version.
CATALOG_URL = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"

#: Scheme aliases declared by catalog.IPTC-G2-Standards_41.xml (147 schemes). A qcode may only
#: use one of these; tests/test_newsml_checks.py compares this list with the catalog itself
#: when ../shared is present.
CATALOG_41_ALIASES: frozenset[str] = frozenset({
    "a1312cat", "a1312prio", "a1312svc", "a1312vers", "acdc", "altidrole", "aoprop", "app",
    "aspfacet", "aspfacetvalue", "authoritystatus", "bcp47", "catinat", "chprop", "cinat",
    "ciprol", "colin", "colsp", "conf", "cpnat", "cpprole", "cptdefrole", "cptnoterole", "crel",
    "ctech", "ctrol", "cusip", "cwarn", "dbpedia", "digsrctype", "dimensionunit", "drol", "dummy",
    "ecirol", "edconf", "ednoterole", "encd", "entityprop", "eocstat", "eorol", "eprol", "eregrol",
    "erol", "figi", "fisymtype", "freebase", "frmt", "gen", "genre", "geonames", "geonameshttps",
    "gics", "googletopicsv1", "googletopicsv2", "hashscope", "hashtype", "hatarget", "hopaction",
    "howextr", "howpr", "iabadproduct10", "iabadproduct20", "iabaudience10", "iabcontent20",
    "iabcontent21", "iabcontent22", "iabcontent30", "ikos", "imgregrole", "imgregtype", "impt",
    "irel", "irep", "isin", "iso3166-1a2", "iso3166-1a3", "iso3166-2", "iso4217a", "iso4217n",
    "isrol", "ivqu", "lbtyp", "loctyp", "loutorient", "lrol", "mb-artist", "mb-label",
    "mb-recording", "mb-release", "mb-releasegroup", "mb-work", "medtop", "medtype", "mic", "mtyp",
    "ncostat", "ninat", "nityp", "nmsig", "not", "nprod", "nprov", "nprt", "nrol", "oito",
    "parasport", "pgrmod", "plinat", "plus", "prio", "prodgenre", "prop", "prov", "pst1",
    "rcalctype", "rel", "riaspect", "rightsprop", "riscope", "rnd", "role1", "rscaleunit", "rtype",
    "scn", "secst", "sedol", "sev", "sig", "skos", "sov", "squ", "stat", "subj", "ticker", "tidm",
    "timeunit", "tone", "tpctyp", "trustindicator", "urgy", "useracttype", "valfmt", "vcdc",
    "videodef", "why", "wikidata", "wldreg",
})

#: URIs newsconv uses where IPTC has no NewsCode: roles of notes and headlines. They are IRIs
#: (roleuri attributes), never qcodes, so no undeclared scheme alias is needed.
ROLE_TITLE = "urn:newsconv:role:title"
ROLE_DERIVED_HEADLINE = "urn:newsconv:role:derived-headline"


@cache
def qn(name: str) -> str:
    """`qn("nar:headline")` -> `{http://iptc.org/std/nar/2006-10-01/}headline`."""
    prefix, _, local = name.partition(":")
    if not local:
        raise ValueError(f"qualified name needs a prefix: {name!r}")
    return f"{{{NSMAP[prefix]}}}{local}"


__all__ = ["NAR", "NITF", "XML", "XSI", "NSMAP", "CATALOG_URL", "CATALOG_41_ALIASES", "ROLE_TITLE",
           "ROLE_DERIVED_HEADLINE", "qn"]
