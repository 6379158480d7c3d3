"""The shortcuts in the per-run path of the entity pass (entities.Finder: paragraph, _word,
_words, _title_prefix, ...) give exactly what their plain forms give.

Why: those methods test the cheap, decisive things inline (the first test of _possessive_len and
_opener before the call), lower-case a run's tokens once and hand them down, hand the run's text
down instead of slicing it again, and read single characters by index instead of slicing a
window and calling endswith; PlainFinder below is the Finder with those methods as they were written
before (no shortcut), and each test runs both over every paragraph of every fixture and corpus
article (as written, lower-cased and upper-cased) and over generated paragraphs made of the
pieces the rules look at, and compares everything the pass found: entities, mentions, the words
left for settle, role notes.
"""

from __future__ import annotations

import random

from convert.extract import entities as E
from convert.extract import gazetteer
from convert.extract.entities import (_ACR_AFTER, _CHAIN_REV, _COMMA_TITLE, _CONNECTORS, _CORP_SUFFIX,
                                      _DATE_AFTER, _DAYS, _DEMONYM_END, _DESCRIBING, _FEMALE, _GROUP_PLURAL,
                                      _HONORIFICS, _KIND_NOUNS, _LEFT_WORDS_REV, _MALE, _MISC, _MONTH_ABBR,
                                      _NAME_SUFFIXES, _NEXT_WORD, _NOT_PERSON_HEAD, _POSSESSIVE, _POST_NOMINALS,
                                      _PRESS_WORDS, _RE2, _SAID_IT, _SENT_END, _TRAILING_ANY_CASE, Mention,
                                      _ends_with_his_her, _expansion_start, _is_acronym, _may_name_day,
                                      _possessive_len, _sentence_initial, demonym, initials, name_runs_in)
from convert.extract.lexicon import lexicon

from article_texts import article_texts, extraction_paragraphs


class PlainFinder(E.Finder):
    """The Finder with its per-run methods as written before the shortcuts."""

    def _prefix_names(self, pi: int, start: int, toks: list[str]) -> None:
        """Acronyms, organisations and places inside a title ("UN Secretary-General"): decided later."""
        pos = start
        run: list[str] = []
        run_start = start
        lex = self.lex
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

    def _name_like(self, toks: list[str]) -> bool:
        lex = self.lex
        if not toks or not (lex.org_words.isdisjoint(toks) and lex.place_words.isdisjoint(toks)):
            return False
        if all(_is_acronym(t) for t in toks) or toks[-1] in _MISC:
            return False
        if not self._titles_not_honorifics.isdisjoint(map(str.lower, toks)):
            return False
        hit = gazetteer.lookup(" ".join(toks))
        return hit is None or hit[0] == "city" and len(toks) > 1

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
                self._words(pi, text, a, b)  # one piece of several words (what the steps below come to)
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

    def _run(self, pi: int, text: str, start: int, end: int) -> None:
        """Classify the run text[start:end] and record what it names."""
        name = text[start:end]
        if " " in name:
            self._words(pi, text, start, end)
        else:
            self._word(pi, text, start, end, name)

    def _word(self, pi: int, text: str, start: int, end: int, name: str) -> None:
        """`_words` for a run of one word (most runs): the same steps, without those that only a
        run of several words needs."""
        whole_end = end
        cut = _possessive_len(name)
        if cut:
            name = name[:-cut]
            end -= cut
        if not name or self._opener(name) or name in _TRAILING_ANY_CASE:
            return
        if text[end:end + 2] == " (":  # an acronym's expansion may run back over words before it
            self._words(pi, text, start, whole_end)
            return
        self._one_word(pi, text, start, end, name)

    def _words(self, pi: int, text: str, start: int, end: int) -> None:
        """A run of several words, or of one with an acronym after it."""
        lex = self.lex
        name = text[start:end]
        cut = _possessive_len(name)
        if cut:
            name = name[:-cut]
            end -= cut
        toks = name.split(" ")
        n = len(toks)
        # sentence openers and other non-name words in front
        while toks and self._opener(toks[0]):
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
        if text[end:end + 2] == " (":
            back = _expansion_start(text, start, toks)
            if back is not None:  # "Movimento 5 Stelle (M5S)": the expansion runs over a number
                start = back
                name = text[start:end]
                toks = name.split(" ")
        if len(toks) == 1:
            self._one_word(pi, text, start, end, name)
            return
        # an acronym defined right after: "Human Rights Commission of Pakistan (HRCP)"
        after = text[end:end + 12]
        acr = None
        am = _ACR_AFTER.match(after) if after[:2] == " (" else None
        if am and len(toks) > 1:
            acr = am.group(1)
        mention = Mention(pi, start, end, name)
        if acr is not None:
            # the expansion may begin later than the run: "the Human Rights ..."; trim to initials
            for i in range(len(toks)):
                if initials(" ".join(toks[i:])) == acr.replace(".", "").upper():
                    if i:
                        start += len(" ".join(toks[:i])) + 1
                        toks = toks[i:]
                        name = " ".join(toks)
                        mention = Mention(pi, start, end, name)
                    break
            if self._place_kind(name, text, start) and not self._org_like(toks, name):
                self.ents.add("place", name, mention)
                return
            ent = self.ents.add("organization", name, mention)
            ent.acronym = acr
            acr_start = end + 2
            self.ents.add("organization", name, Mention(pi, acr_start, acr_start + len(acr), acr))
            return
        # a title in front: "Foreign Secretary David Lammy", "UN Secretary-General António Guterres"
        tp = self._title_prefix(toks)
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
                self.ents.add("organization", name, mention)
            elif gazetteer.lookup(name) is not None:
                self.ents.add("place", name, mention)
            return
        if len(toks) > 1 and toks[-1].lower() in lex.title_words and toks[-1] not in lex.org_words \
                and toks[-1].lower() not in lex.title_modifiers:
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
                mention = Mention(pi, start, end, name)
            sm = _CORP_SUFFIX.match(text, end)
            if sm:  # "Tribune Content Agency, LLC"
                end = sm.end()
                name = text[start:end]
                mention = Mention(pi, start, end, name)
            # a title before the organisation name is not part of it: "Director of the X Institute"
            self.ents.add("organization", name, mention)
            return
        sent_init = _sentence_initial(text, start)
        if sent_init and len(toks) >= 3 and self.ents.find_person(" ".join(toks[1:])) is not None:
            start += len(toks[0]) + 1
            toks = toks[1:]
            name = " ".join(toks)
            mention = Mention(pi, start, end, name)
            tp = self._title_prefix(toks)
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
                lows = {t.lower() for t in title_toks}
                ent.gender = ent.gender or ("f" if lows & _FEMALE else "m" if lows & _MALE else None)
                title = self._title_with_left(text, start, " ".join(title_toks))
                self._prefix_names(pi, start, title_toks)
                if title:
                    self.role_notes.append((ent, title, text[max(0, start - 40):nstart]))
                return
        if tp == len(toks):
            self._prefix_names(pi, start, toks)
            return  # a role phrase: "Foreign Secretary"
        if len(toks) == 2 and toks[1] == "State" and (gazetteer.lookup(toks[0]) or ("", 0))[0] == "state":
            self.ents.add("organization", name, mention)  # "Ohio State": the university
            return
        # (the vocabulary is asked last: each word it has not seen costs a search of the article)
        if len(toks) >= 2 and toks[-1].endswith("s") and not toks[-1].endswith("ss") \
                and (gazetteer.lookup(" ".join(toks[:-1])) or ("", 0))[0] in ("city", "state", "country") \
                and toks[-1].lower() not in self.vocab:
            self.ents.add("organization", name, mention)  # "Green Bay Packers": a team
            return
        if len(toks) >= 3:
            for k in (2, 1):
                head = " ".join(toks[:k])
                hit = gazetteer.lookup(head)
                if hit is not None and hit[0] in ("country", "state") and len(toks) - k >= 2 \
                        and self._name_like(toks[k:]) and not demonym(toks[k]) and toks[k].lower() not in self.vocab:
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
        if toks[-1] in _MISC or all(_is_acronym(t) for t in toks):
            return
        if toks[0].isupper() and len(toks[0]) > 1 and not _is_acronym(toks[0]):
            return
        if (gazetteer.lookup(toks[0]) or ("city",))[0] != "city":
            return  # "Romania Radio": a place word leads, not a given name
        # (only the word that decides is looked up: each lookup scans the article's text)
        if sent_init:
            common = toks[0].lower() in self.vocab  # "Witnesses said": a capital only because the sentence starts
        else:  # mid-sentence capitals are meant; a common last word is not a name ("Better Idea")
            common = toks[-1].lower() in self.vocab
        if common or toks[0] in _NOT_PERSON_HEAD or demonym(toks[0]) or "-" in name and any(_DESCRIBING.search(t) for t in toks) \
                or toks[-1][-1] == "s" and _GROUP_PLURAL.search(toks[-1]):
            return  # "Afghan Girls", "Better Idea", "Congressional Republicans", "Typhoon Kalmaegi": not people
        if len(toks[0]) > 2 and _is_acronym(toks[0]) and toks[0].isupper() and self.ents.find_person(name) is None:
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

    def _title_prefix(self, toks: list[str]) -> int:
        tw = self.lex.title_words
        if tw.isdisjoint(map(str.lower, toks)):
            return 0
        n = self._title_prefix_strict(toks)
        if n:
            return n
        # "House Intelligence Committee Chairman Devin Nunes", "East Timorese Roman Catholic Bishop
        # Carlos Belo": the last title word, a name after it
        for j in range(len(toks) - 2, -1, -1):
            if toks[j].lower() in self.lex.title_words and toks[j].lower() not in self.lex.title_modifiers \
                    and toks[j][0].isupper() and self._name_like(toks[j + 1:]):
                return j + 1
        return 0

    def _title_prefix_strict(self, toks: list[str]) -> int:
        """How many leading tokens of a run form a title ("Foreign Secretary", "UN Secretary-General",
        "former Prime Minister"); 0 when none. Ends with a title word."""
        lex = self.lex
        best = 0
        i = 0
        while i < len(toks):
            low = toks[i].lower()
            # the longest title starting here
            hit = 0
            if low in lex.title_words:
                left = len(toks) - i
                for n in lex.title_lengths.get(low, ()):  # the longest title starting here
                    if n <= left and " ".join(toks[i:i + n]).lower() in lex.titles:
                        hit = n
                        break
            if hit:
                i += hit
                best = i
                continue
            if low in lex.title_modifiers or low in lex.title_words or _is_acronym(toks[i]) \
                    or toks[i] in lex.organizations or gazetteer.lookup(toks[i]) is not None \
                    or _DEMONYM_END.search(toks[i]) and toks[i][0].isupper() and i + 1 < len(toks):
                i += 1
                continue
            break
        return best

    def _org_like(self, words: list[str], name: str) -> bool:
        lex = self.lex
        return name in lex.organizations or not lex.org_words.isdisjoint(words) or \
            (words[-1].endswith("s") and (words[-1][:-1] in lex.org_words or words[-1][:-3] + "y" in lex.org_words))

    def _left_title(self, text: str, start: int) -> str:
        """Lower-case title words right before a name, with the capitalised words before them:
        'State Department spokesperson', 'former', 'his deputy spokesperson,' (comma apposition)."""
        before = text[max(0, start - 100):start]
        lex = self.lex
        # the common answer first: the word right before the name (after one space) is plain
        # letters and no title word, so there is no title to the left ("said Michael Kugelman")
        tail = before[:-1] if before.endswith("\n") else before
        if not tail.endswith(" "):
            return self._comma_title(text, start)  # (what the search below finds then: nothing)
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

    def _comma_title(self, text: str, start: int) -> str:
        """'former U.S. Director of National Intelligence, Richard Grenell': a title and a comma."""
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


def _state(finder: E.Finder) -> tuple:
    """Everything the per-run pass leaves behind, in plain values (mentions as tuples)."""
    def m(x):
        return (x.para, x.start, x.end, x.text)

    ents = [(e.key, e.type, e.name, e.aliases, e.titles, e.affiliations, e.acronym, [m(x) for x in e.mentions],
             e.gender, e.words, sorted(e.at)) for e in finder.ents.items]
    return (ents, [(m(x), t) for x, t in finder.pending], [(e.key, a, b) for e, a, b in finder.role_notes],
            finder.possessed, finder.its, sorted(finder.ents.person_words), sorted(finder.ents.org_short))


def _run_both(paras: list[str]) -> None:
    lex = lexicon(None)
    vocab = E._Vocab(" ".join(paras))
    fast = E.Finder(lex, E.Entities(), vocab)
    plain = PlainFinder(lex, E.Entities(), vocab)
    for pi, text in enumerate(paras):
        fast.paragraph(pi, text)
        plain.paragraph(pi, text)
        assert _state(fast) == _state(plain), (pi, text)
    fast.settle()
    plain.settle()
    assert _state(fast) == _state(plain), paras


def test_runs_give_what_the_plain_finder_gives_on_articles(shared):
    n = 0
    for text in article_texts(shared):
        paras = extraction_paragraphs(text.encode("utf-8"))
        _run_both(paras)
        n += len(paras)
    assert n > 1000


# the pieces the per-run rules look at: titles, honorifics, openers, connectors, possessives,
# acronyms in brackets, dates after a month, post-nominals, places, press words, corporate
# suffixes, cue verbs, capitals and odd cases (final sigma, dotted I)
PIECES = ["Prime Minister ", "Imran Khan", "Foreign Secretary ", "David Lammy", "UN ", "Secretary-General ",
          "António Guterres", "the ", "The ", "However ", "Former ", "former ", "Mr. ", "Mrs. ", "Dr. ", "Sir ",
          "of ", "for ", "on ", "and ", "the State Department ", "spokesperson ", "Human Rights Commission ",
          "of Pakistan ", "(HRCP) ", "(M5S) ", "Movimento 5 Stelle ", "'s ", "’s ", "s' ", "Nov. ", "8 ",
          "Monday ", "MP ", "Margaret Moran ", "Human Rights Watch ", "said ", "said it ", "told ", ", ", ". ",
          "Pakistan ", "Green Bay Packers ", "Ohio State ", "Martin Luther King Jr. ", "UK Daily Mail ",
          "Tribune Content Agency, LLC ", "Director ", "Deputy Regional Director ", "South Asia ", "Institute ",
          "in ", "Islamabad ", "Karachi ", "Paris ", "UNITED NATIONS ", "PTI ", "BBC Worldwide ", "FIRST Global ",
          "Republican-led ", "Timorese-born ", "Afghan ", "Girls ", "Better Idea ", "Witnesses ", "witnesses ",
          "Typhoon Kalmaegi ", "Congressional Republicans ", "the airline ", "Sunfleet ", "Cathay Pacific ",
          "departments ", ", ", ",\n", ", \n", ",  ", "his deputy spokesperson, ", "Its general secretary, ",
          "former U.S. Director of National Intelligence, ", "spokesman ", "the Homeland Security ", "Maple Leaf Grain Co ", "Maple Leaf Grain ", "Σ", "ΟΔΟΣ ", "Οδυσσέας ", "İstanbul ",
          "STRASSE ", "Straße ", "É", "Émile Zola ", "al-Amr ", "el-Sisi ", "Bab Ram Pant", "Chairman ",
          "House Intelligence Committee Chairman Devin Nunes ", "Minister of Education Stefania Giannini ",
          "Undersecretary for Education Mr. Toccafondi ", "Nazi Germany ", "(", ")", "\"", "“", "—", "\n", "X ",
          "Ab", "A. ", "J. R. R. Tolkien ", "U.S. ", "U.S. Embassy ", "Ms ", "Jo Bloggs ", "O'Brien ", "Smith ", "(UNAMIDSTAB) ",
          "(NATO) ", "(N.A.T.O.) ", "Paris Glass ", "Ohio Boss ", "Dallas Mavericks ", "Texas Rangers ",
          "Pakistani Minister ", "Afghan Minister ", "Press Secretary ", "Press Press Secretary "]


def test_runs_give_what_the_plain_finder_gives_on_generated_paragraphs():
    rng = random.Random(8)
    for _ in range(400):
        paras = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 30))).strip() or "X"
                 for _ in range(rng.randrange(1, 5))]
        _run_both(paras)


def test_lowercase_of_the_joined_run_is_each_token_lower_cased(shared):
    """_words lower-cases `" ".join(toks)` once and splits it: the same as lower() of each token
    (no case mapping makes or removes a space; a space ends a final sigma's context)."""
    rng = random.Random(3)
    odd = ["Σ", "ΟΔΟΣ", "ΣΑΣ", "aΣ", "Σa", "İ", "ß", "ǅ", "Ⅻ", "K", "ﬃ", "A.Σ", "Σ.", "'Σ", "x", "", "DŽ", "Ω"]
    samples = [" ".join(rng.choice(odd) for _ in range(rng.randrange(1, 6))) for _ in range(3000)]
    for text in article_texts(shared):
        samples += text.split("\n")
    for name in samples:
        assert name.lower().split(" ") == [t.lower() for t in name.split(" ")], name


def test_left_and_comma_title_read_by_index_give_the_plain_answer(shared):
    """_left_title and _comma_title read the characters before a name by index: the same answer
    (and the same possessed/its notes) as the plain slices and endswith calls, at every capital of
    every fixture and corpus article and of generated texts (line feeds, commas, short heads)."""
    import re

    lex = lexicon(None)
    rng = random.Random(12)
    pieces = ["said ", "spokesperson ", "Deputy ", "director ", "former ", "of ", "the ", "his ", "her ", "its ",
              "Its ", "U.S. ", ", ", ",", "\n", " ", "(", "“", "Mr. ", "Dr.", "x-y ", "it. ", "Minister ", "  ",
              "é ", "general secretary", "spokesman", "a"]
    texts = [text[:4000] for text in article_texts(shared)]
    texts += ["The spokesman, \nJo Bloggs", "his deputy spokesperson, \nFarhan Haq", "x, \nJo", ", \nJo", ",\nJo",
              "Its general secretary, \nDavid Okafor", "the spokesman,\nJo", "the spokesman \nJo", "spokesman\nJo"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14))) + "Jo Bloggs" for _ in range(3000)]
    for text in texts:
        for m in re.finditer(r"[A-Z]", text):
            a = E.Finder(lex, E.Entities())
            b = PlainFinder(lex, E.Entities())
            assert a._left_title(text, m.start()) == b._left_title(text, m.start()), (text[:m.start()][-60:],)
            assert a._comma_title(text, m.start()) == b._comma_title(text, m.start()), (text[:m.start()][-60:],)
            assert (a.possessed, a.its) == (b.possessed, b.its)


def _sentence_initial_plain(text: str, start: int) -> bool:
    """entities._sentence_initial without its index shortcut."""
    head = text[max(0, start - 16):start].rstrip(E._OPENING_PUNCT)
    if not head and start > 16:
        head = text[:start].rstrip(E._OPENING_PUNCT)
    return not head or head[-1] in ".!?:;"


def test_sentence_initial_by_index_is_the_plain_test(shared):
    """At every position of every fixture and corpus article and of generated texts made of
    sentence ends, opening marks and spaces."""
    rng = random.Random(5)
    pieces = [" ", "  ", ".", "!", "?", ":", ";", ",", "\"", "“", "‘", "'", "(", "[", "—", "–", "-", "\n", "a", "B",
              "said", "U.S.", "x", "é"]
    texts = article_texts(shared) + ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30))) for _ in range(3000)]
    for text in texts:
        for start in range(len(text) + 1):
            assert E._sentence_initial(text, start) == _sentence_initial_plain(text, start), (text[max(0, start - 20):start],)


def _possessive_len_plain(name: str) -> int:
    """entities._possessive_len with its endswith calls."""
    if name[-1:] not in E._POSSESSIVE_END:
        return 0
    if name.endswith(("'s", "’s")):
        return 2
    return 1 if name.endswith(("s'", "s’")) else 0


def test_possessive_len_by_slices_is_the_plain_test(shared):
    rng = random.Random(9)
    pieces = ["s", "'", "’", "S", "a", " ", "ss", "Khan", "Reuters", "é", "`"]
    names = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6))) for _ in range(5000)]
    for text in article_texts(shared)[:40]:
        names += text.split()
    for name in names:
        assert E._possessive_len(name) == _possessive_len_plain(name), name


TITLE_TOKENS = ["Press", "Secretary", "UN", "U.S.", "Pakistani", "Afghan", "Minister", "Prime", "Foreign", "State",
                "Department", "spokesperson", "Deputy", "Regional", "Director", "former", "Mr.", "Dr", "Jo",
                "Bloggs", "Human", "Rights", "Commission", "Amnesty", "International", "BBC", "Chairman", "Jr.",
                "Secretary-General", "Director-General", "Chief", "Executive", "Pakistan", "Islamabad", "of", "the"]


def test_title_prefix_and_prefix_names_give_the_plain_answer_on_token_lists():
    """_title_prefix (its demonym test asked last) and _prefix_names (its early return when no
    word can join a name) against the plain methods, on every list of up to three tokens of
    TITLE_TOKENS and on random longer ones."""
    import itertools

    import dataclasses

    base = lexicon(None)
    # and a lexicon whose organisation words include title words ("Minister", "Director"), as a
    # user's word list may: _prefix_names may then not return early
    odd = dataclasses.replace(base, org_words=base.org_words | {"Minister", "Director", "Secretary"})
    rng = random.Random(4)
    lists = [list(c) for n in (1, 2, 3) for c in itertools.product(TITLE_TOKENS, repeat=n)]
    lists += [[rng.choice(TITLE_TOKENS) for _ in range(rng.randrange(4, 8))] for _ in range(3000)]
    for lex in (base, odd):
        for toks in lists:
            lows = " ".join(toks).lower().split(" ")
            fast, plain = E.Finder(lex, E.Entities()), PlainFinder(lex, E.Entities())
            assert fast._title_prefix(toks, lows) == plain._title_prefix(toks), toks
            fast._prefix_names(0, 7, toks)
            plain._prefix_names(0, 7, toks)
            assert _state(fast) == _state(plain), toks
