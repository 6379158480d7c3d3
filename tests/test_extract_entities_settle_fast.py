"""The entity pass's closing steps (Finder.settle, _possessions) give exactly what their plain
forms give.

Why: settle remembers answers it may reuse (find_org's "none" for a name while no organisation
changes, a name that a rule about the name alone dropped) and _possessions finds the first person
by one loop rather than sorting every mention; these tests run the whole entity pass with the
plain form swapped in and compare every entity field by field (the ones left out of the dataclass
comparison too), the role notes and the lookup tables, on every fixture and corpus article (as
written, lower-cased, upper-cased) and on generated paragraphs made of the names and words the
rules look at.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.extract import entities as E
from convert.extract import gazetteer
from convert.extract.lexicon import lexicon

from article_texts import article_texts, extraction_paragraphs
from test_extract_entities import _apposition_title_plain


# -- the plain forms -----------------------------------------------------------------------------

def _plain_settle(self: E.Finder) -> None:
    """Finder.settle without remembering anything: find_person and find_org asked for every word,
    every rule tried in order."""
    lex = self.lex
    for mention, text in self.pending:
        name = mention.text
        person = self.ents.find_person(name)
        if person is None:
            org = self.ents.find_org(name)
            if org is not None:
                self.ents.add("organization", org.name, mention)
                if org.acronym is None and E._is_acronym(name) and E.initials(org.name) == name.replace(".", ""):
                    org.acronym = name
                continue
        if person is not None and not E._is_acronym(name):
            self.ents.add("person", person.name, mention)
            prev = E._prev_word(text, mention)
            if prev in E._FEMALE or prev in E._MALE:
                person.gender = person.gender or ("f" if prev in E._FEMALE else "m")
            continue
        org = self.ents.find_org(name)
        if org is not None:
            self.ents.add("organization", org.name, mention)
            if org.acronym is None and E._is_acronym(name) and E.initials(org.name) == name.replace(".", ""):
                org.acronym = name
            continue
        if name in lex.organizations:
            self.ents.add("organization", name, mention)
            continue
        hit = gazetteer.lookup(name)
        if hit is not None and (hit[0] != "city" or hit[1] >= 1_000_000 or (name.isupper() and len(name) > 3)):
            self.ents.add("place", name, mention)
            continue
        after = text[mention.end:mention.end + 40] if text is not None else ""
        if E._is_acronym(name) and name not in lex.not_names:
            if E._SCHEME_AFTER.match(after):
                continue
            if len(name.replace(".", "")) >= 2 and not name.isdigit() and name not in (
                    "I", "II", "III", "IV", "TV", "OK", "AM", "PM", "CEO", "GDP", "AIDS", "HIV"):
                self.ents.add("organization", name, mention)
            continue
        prev = E._prev_word(text, mention)
        if E.demonym(name) or E._GROUP_PLURAL.search(name) \
                or (text is not None and E._sentence_initial(text, mention.start) and name.endswith("s")
                    and prev not in E._HONORIFICS) or name.lower() in self.vocab:
            continue
        mm = E._MEDIA_AFTER.match(after)
        if mm and not person:
            self.ents.add("organization", name, mention)
            continue
        if E._RE5.fullmatch(name):
            self.ents.add("organization", name, mention)
            continue
        nxt = E._RE6.match(after)
        if nxt and nxt.group(1) in lex.cues and name not in lex.not_names:
            self.ents.add("person", name, mention)
            continue
        if prev.lower() in E._HONORIFICS or prev.lower().rstrip(".") in {"sen", "rep", "gov", "gen", "president", "senator"}:
            ent = self.ents.add("person", name, mention)
            ent.gender = ent.gender or ("f" if prev in E._FEMALE else "m" if prev in E._MALE else None)
            continue


def _plain_possessions(paragraphs: list[str], ents: E.Entities, notes: list) -> None:
    """_possessions as a sort of every matching mention of every person of ents.items."""
    for pi, text in enumerate(paragraphs):
        for m in E._BELONGS.finditer(text):
            org = E.SEQ.match(text, m.end())
            if not org:
                continue
            sent = text.rfind(". ", 0, m.start())
            sent = 0 if sent < 0 else sent + 2
            gender = "m" if text.startswith("his", m.start()) else "f"
            people = sorted(((mm.start, e) for e in ents.items if e.type == "person" for mm in e.mentions
                             if mm.para == pi and sent <= mm.start < m.start() and e.gender in (None, gender)),
                            key=lambda x: x[0])
            if people:
                notes.append((people[0][1], "", org.group(0)))


def _plain_owner_notes(ents: E.Entities, finder: E.Finder) -> None:
    """_owner_notes with max() over a list of every earlier mention."""
    people = ents.people
    for pos in finder.possessed:
        for e in people:
            for hit in e.mentions:
                if hit.start == pos:
                    break
            else:
                continue
            pi = hit.para
            before = [(mm.para, mm.start, x) for x in people if x is not e
                      for mm in x.mentions if mm.para < pi or mm.para == pi and mm.start < pos]
            if before:
                finder.role_notes.append((e, "", "\x00" + str(max(before, key=lambda b: b[:2])[2].key)))
    for pos in finder.its:
        for e in people:
            for hit in e.mentions:
                if hit.start == pos:
                    break
            else:
                hit = None
            if hit is not None:
                orgs = [(mm.para, mm.start, x) for x in ents.orgs
                        for mm in x.mentions if hit.para - 1 <= mm.para and (mm.para, mm.start) < (hit.para, pos)]
                if orgs:
                    finder.role_notes.append((e, "", max(orgs, key=lambda b: b[:2])[2].name))
                break


class _PlainEntities(E.Entities):
    """Entities with the plain lookups: find_person splitting every name, find_org with one loop
    for every name, note_person_name adding word by word."""

    def note_person_name(self, name: str) -> None:
        for w in name.split():
            self.person_words.add(w)
            if "-" in w:
                self.person_words.update(w.split("-"))

    def find_person(self, name: str) -> E.Ent | None:
        ent = self.by_name.get(("person", name))
        if ent is not None:
            return ent
        if name.rsplit(" ", 1)[-1] not in self.person_words:
            return None
        parts = name.split() if " " in name else None
        first, space_last = (parts[0], " " + parts[-1]) if parts else (None, None)
        for e in self.people:
            toks = e.words
            if len(toks) > 1 and (toks[-1] == name or name in e.aliases or
                                  (first is not None and e.name.endswith(space_last) and first == toks[0])):
                return e
        for e in self.people:
            toks = e.words
            if len(toks) > 1 and (toks[0] == name or name in toks[-1].split("-")):
                return e
        return None

    def find_org(self, name: str) -> E.Ent | None:
        ent = self.by_name.get(("organization", name))
        if ent is not None:
            return ent
        bare = name.replace(".", "")
        is_acr = E.ACRONYM.match(name) is not None
        for e in self.orgs:
            if e.acronym and e.acronym.replace(".", "") == bare:
                return e
            if is_acr and " " in e.name:
                if e.initials is None:
                    e.initials = E.initials(e.name)
                if e.initials == bare:
                    return e
            if name in e.aliases:
                return e
        return None


# -- running both --------------------------------------------------------------------------------

def _state(ents: E.Entities, notes: list) -> tuple:
    """Everything the pass leaves behind, entities as keys (so two runs compare)."""
    def key(e):
        return None if e is None else e.key

    items = [(e.key, e.type, e.name, list(e.aliases), list(e.titles), list(e.affiliations), e.acronym,
              [(m.para, m.start, m.end, m.text) for m in e.mentions], e.date, e.location, e.first, e.gender,
              e.initials, list(e.words), sorted(e.at)) for e in ents.items]
    return (items, [key(e) for e in ents.people], [key(e) for e in ents.orgs],
            sorted((k, key(e)) for k, e in ents.by_name.items()), sorted(ents.person_words),
            sorted((k, key(e)) for k, e in ents.org_short.items()),
            sorted((k, key(e)) for k, e in ents.by_fold.items()),
            sorted((k, key(e)) for k, e in ents.place_initials.items()),
            [(key(e), title, ctx) for e, title, ctx in notes])


def _run(paragraphs: list[str], lex, plain: str = "") -> tuple:
    """The state the entity pass leaves, with the plain form of `plain` swapped in."""
    saved = E.Finder.settle, E._possessions, E._owner_notes, E._apposition_title, E.Entities
    if plain == "lookups":
        E.Entities = _PlainEntities
    elif plain == "settle":
        E.Finder.settle = _plain_settle
    elif plain == "possessions":
        E._possessions = _plain_possessions
    elif plain == "owners":
        E._owner_notes = _plain_owner_notes
    elif plain == "apposition":
        E._apposition_title = _apposition_title_plain
    try:
        return _state(*E.find_entities(paragraphs, lex))
    finally:
        E.Finder.settle, E._possessions, E._owner_notes, E._apposition_title, E.Entities = saved


def _check(paragraphs: list[str], lex) -> tuple:
    fast = _run(paragraphs, lex)
    for plain in ("settle", "possessions", "owners", "apposition", "lookups"):
        assert fast == _run(paragraphs, lex, plain), (plain, paragraphs)
    return fast


# -- the tests -----------------------------------------------------------------------------------

def test_settle_and_possessions_are_the_plain_rules_on_articles(shared):
    lex = lexicon(None)
    pending = notes = 0
    for text in article_texts(shared, with_seed=True):
        paragraphs = extraction_paragraphs(text.encode("utf-8"))
        state = _check(paragraphs, lex)
        notes += len(state[-1])
        finder = E.Finder(lex, E.Entities(), E._Vocab(" ".join(paragraphs)))
        for pi, para in enumerate(paragraphs):
            finder.paragraph(pi, para)
        pending += len(finder.pending)
    assert pending > 1000 and notes > 50  # (the rules ran)


# sentences made of what the closing rules look at: surnames and first names of people named
# before, acronyms defined or not, demonyms and group plurals said again and again, a name in
# capitals then in mixed case (a rename), initials of places, cue verbs, honorifics, gender words,
# "his party, X"
_SENTENCES = [
    "Imran Khan spoke.", "Khan said it.", "Mrs. Khan left.", "Mr. Lee said so.", "Lee agreed.", "Ann Lee spoke.",
    "the Pakistan Tehreek-e-Insaf (PTI) won.", "PTI said.", "the PTI system failed.", "Pakistani officials.",
    "Pakistani", "Americans were there.", "Democrats said.", "the United Nations met.", "UN officials said.",
    "U.N. officials said.", "the U.S. said.", "the United States said.", "US troops.", "UK", "the United Kingdom",
    "AMNESTY INTERNATIONAL said.", "Amnesty International said.", "AI said.", "HUMAN RIGHTS WATCH", "Human Rights Watch",
    "HRW", "Human", "Witnesses said.", "witnesses", "Criminal", "criminal cases", "the Dawn newspaper reported.",
    "Dawn", "LifeSiteNews said.", "Tedros said.", "Tedros Adhanom Ghebreyesus", "Sen. Smith spoke.", "Smith",
    "President Biden said.", "Biden", "his party, Pakistan Tehreek-e-Insaf, won.", "her group, the Green Movement",
    "Maria Lopez", "Lopez", "Wai-man", "Chan Wai-man said.", "Man", "Karachi", "Paris", "Springfield", "Georgia",
    "Jordan", "Jordan Peterson", "Peterson said.", "the Maple Leaf Grain Co", "Maple Leaf Grain", "Maple",
    "Acme Corp said it would.", "Acme", "ACME", "NATO", "the North Atlantic Treaty Organization (NATO)", "Nato",
    "Its spokesman, John Doe, said.", "his deputy spokesperson, Farhan Haq, said.", "Haq", "Doe", "He", "The",
    "Jo Bloggs, the Director of Acme at Amnesty International, said.", "Bo Chan, THE Chief Executive, said.",
    "Lee, a spokesman for the group, said.", "Doe, Minister.", "Lee, An Director said.", "Lee, the.", "Chan, Directors",
    "Ann Lee, who said so.", "Bo Chan, U.S. Secretary of State.", "Lee, Director Jr.", "Doe, Director of A. B.",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=8).map(" ".join), min_size=1, max_size=6))
def test_settle_and_possessions_are_the_plain_rules_on_generated_paragraphs(paragraphs):
    _check(paragraphs, lexicon(None))


# paragraphs where a remembered answer would go stale if a change of the organisations went
# uncounted: a new organisation, a renamed one, a new alias; a name dropped by the sentence-start
# rule (which depends on where the name stands, so the name must not be remembered as dropped);
# the same demonym again and again; "his party" after two persons at the same offset
_CASES = [
    ["QRS officials said on Monday.", "Then the QRS system failed.", "QRS said so."],
    ["Nato officials said so.", "NATO said it would.", "Later the NATO rules changed.", "NATO said no."],
    ["Hamas said so.", "HAMAS said it would.", "Later the HAMAS rules changed.", "HAMAS said no."],
    ["ACME said it would.", "The plan of Acme officials failed.", "The Acme newspaper said so.", "Later Acme officials spoke."],
    ["Hodges said so.", "Hodges agreed.", "Then Hodges said no.", "Mr. Hodges left."],
    ["Pakistani officials said.", "Pakistani police came.", "The PTI said.", "Pakistani courts ruled."],
    ["Ann Lee and Bo Chan met.", "Chan said Lee and his party, Green Movement, won.", "Lee left his party, Blue Bloc."],
    ["Human Rights Watch said.", "HRW said.", "The HRW rules.", "Human said.", "HUMAN RIGHTS WATCH agreed.", "HRW"],
]


def test_settle_and_possessions_are_the_plain_rules_where_a_memory_would_go_stale():
    lex = lexicon(None)
    for paragraphs in _CASES:
        _check(paragraphs, lex)


def test_find_org_says_none_again_while_no_organisation_changes(shared):
    """What settle's memory rests on: while ents.org_changes and the organisations' acronyms
    (settle counts the acronyms it sets) stay the same, find_org answers None again for a name it
    answered None for. Checked on every find_org call of the plain settle (which asks for every
    word) over the articles and the cases above."""
    lex = lexicon(None)
    calls = []
    orig = E.Entities.find_org

    def recording(self, name):
        found = orig(self, name)
        calls.append((run, name, (self.org_changes, [e.acronym for e in self.orgs]), found is None))
        return found

    texts = [extraction_paragraphs(t.encode("utf-8")) for t in article_texts(shared, with_seed=True)] + _CASES
    saved = E.Finder.settle, E.Entities.find_org
    E.Finder.settle, E.Entities.find_org = _plain_settle, recording
    try:
        for run, paragraphs in enumerate(texts):
            E.find_entities(paragraphs, lex)
    finally:
        E.Finder.settle, E.Entities.find_org = saved
    none_at = {}
    again = 0
    for run, name, state, none in calls:
        if none_at.get((run, name)) == state:
            assert none, name
            again += 1
        if none:
            none_at[(run, name)] = state
    assert len(calls) > 1000 and again > 100


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([None, "m", "f"]),
                          st.lists(st.tuples(st.integers(0, 2), st.sampled_from([0, 3, 9, 15, 20, 30, 41, 60])),
                                   max_size=5)), max_size=5),
       st.lists(st.sampled_from(["his party, Green Bloc ", "her group, the Blue Union ", "His party, ", "x. ", "her team ",
                                 "Ann Lee ", "said ", "his own political party, Red Front "]),
                min_size=1, max_size=6).map("".join),
       st.integers(0, 2))
def test_possessions_picks_the_plain_first_person(people, text, para):
    """_possessions on hand-built persons (two may have a mention at the same offset, where the
    first person in order wins) and paragraphs of "his party, X" phrases."""
    ents = E.Entities()
    for k, (gender, mentions) in enumerate(people):
        e = ents.add("person", f"P{k} Q", None)
        e.gender = gender
        for pi, start in mentions:
            ents.add("person", e.name, E.Mention(pi, start, start + 2, f"P{k}"))
    paragraphs = ["x"] * para + [text] + ["his party, Other Bloc"]
    fast, plain = [], []
    E._possessions(paragraphs, ents, fast)
    _plain_possessions(paragraphs, ents, plain)
    assert fast == plain


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 2), st.sampled_from([0, 3, 9, 15, 20])), max_size=4),
                max_size=4),
       st.lists(st.tuples(st.integers(0, 2), st.sampled_from([0, 3, 9, 15, 20])), max_size=4),
       st.lists(st.sampled_from([0, 3, 9, 15, 20]), max_size=3), st.lists(st.sampled_from([0, 3, 9, 15, 20]), max_size=3))
def test_owner_notes_are_the_plain_notes(people, org_mentions, possessed, its):
    """_owner_notes on hand-built persons and an organisation (mentions of two persons may share an
    offset: the first person in order wins a tie, as max() over the list does)."""
    import types

    ents = E.Entities()
    for k, mentions in enumerate(people):
        e = ents.add("person", f"P{k} Q", None)
        for pi, start in mentions:
            ents.add("person", e.name, E.Mention(pi, start, start + 2, f"P{k}"))
    org = ents.add("organization", "Acme Group", None)
    for pi, start in org_mentions:
        ents.add("organization", org.name, E.Mention(pi, start, start + 2, "Acme"))
    fast = types.SimpleNamespace(possessed=possessed, its=its, role_notes=[])
    plain = types.SimpleNamespace(possessed=possessed, its=its, role_notes=[])
    E._owner_notes(ents, fast)
    _plain_owner_notes(ents, plain)
    assert fast.role_notes == plain.role_notes


_PHRASE_WORDS = ["the", "The", "THE", "a", "A", "an", "An", "Director", "Directors", "director", "spokesman", "Minister", "Said",
                 "said", "says", "at", "of", "for", "with", "in", "from", "on", "Amnesty", "U.S.", "Jr.", "A.", "B.",
                 "tensions.", "x", "é", "İstanbul", "Chief", "Executive"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_WORDS), min_size=1, max_size=9),
       st.lists(st.sampled_from([" ", " ", "  ", "\t", "\u00a0", "\n", " \n"]), min_size=9, max_size=9))
def test_apposition_title_is_the_plain_rule(words, gaps):
    """On phrases as _APPOS gives them (words and single spaces) and with any white space between
    and after the words: the same title and phrase."""
    lex = lexicon(None)
    for phrase in (" ".join(words), "".join(w + g for w, g in zip(words, gaps))):
        assert E._apposition_title(phrase, lex) == _apposition_title_plain(phrase, lex), phrase


def test_apposition_title_is_the_plain_rule_on_articles(shared):
    """Every phrase _APPOS finds after a comma in the articles."""
    lex = lexicon(None)
    n = 0
    for text in article_texts(shared, with_seed=True):
        for comma in re.finditer(",", text):
            am = E._APPOS.match(text, comma.start())
            if am:
                assert E._apposition_title(am.group(1), lex) == _apposition_title_plain(am.group(1), lex), am.group(1)
                n += 1
    assert n > 1000


def test_lookups_are_the_plain_lookups_on_every_word_of_the_articles(shared):
    """find_person and find_org (and what they leave cached) against the plain lookups, asked for
    every word, pair and triple of words of each article, of its entities as the pass leaves them
    (people with aliases, organisations with acronyms), after note_person_name filled both the
    same way."""
    import copy

    lex = lexicon(None)
    asked = 0
    for text in article_texts(shared, with_seed=True)[::3]:
        paragraphs = extraction_paragraphs(text.encode("utf-8"))
        ents, _ = E.find_entities(paragraphs, lex)
        plain = copy.deepcopy(ents)
        plain.__class__ = _PlainEntities
        fast = copy.deepcopy(ents)
        assert fast.person_words == plain.person_words
        words = " ".join(paragraphs).split()
        names = set(words) | {" ".join(words[i:i + 2]) for i in range(len(words))} \
            | {" ".join(words[i:i + 3]) for i in range(len(words))} | {"", " ", "a  b", "Khan ", " Khan"}
        for name in sorted(names):
            a, b = fast.find_person(name), plain.find_person(name)
            assert (a and a.key) == (b and b.key), name
            a, b = fast.find_org(name), plain.find_org(name)
            assert (a and a.key) == (b and b.key), name
            asked += 1
        assert [e.initials for e in fast.items] == [e.initials for e in plain.items]
        for name in sorted(names)[:300]:
            fast.note_person_name(name)
            plain.note_person_name(name)
        assert fast.person_words == plain.person_words
    assert asked > 10000
