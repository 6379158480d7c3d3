"""The plain-text structure reader: headline or none, datelines, layouts, sign-offs, losslessness."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from convert.decode import decode
from convert.model import blocks_in_order, rebuild_source
from convert.readers.dateline import iso_date, match_dateline
from convert.readers.signoff import is_signoff

from conftest import FIXTURES, SEED_NAME


def parse(text: str | bytes):
    return convert.parse(text, "t.txt")


def codes(result) -> set[str]:
    return {m.code for m in result.messages}


def assert_lossless(text: str | bytes, article) -> None:
    decoded = decode(text.encode("utf-8") if isinstance(text, str) else text).text
    assert rebuild_source(article) == decoded
    for block in blocks_in_order(article):
        assert (block.raw if block.raw is not None else block.text) == decoded[block.span.start:block.span.end]


# --- the dateline forms of the issue -----------------------------------------------------------

BODY = "The company said on Tuesday that it would cut 200 jobs at its main plant."


@pytest.mark.parametrize("line,text,place,date,partial,agency,body", [
    (f"TORONTO, March 26 - {BODY}", "TORONTO, March 26", "TORONTO", "--03-26", True, None, BODY),
    (f"WASHINGTON (AP) — {BODY}", "WASHINGTON (AP)", "WASHINGTON", None, False, "AP", BODY),
    (f"Hong Kong (AFP) – {BODY}", "Hong Kong (AFP)", "Hong Kong", None, False, "AFP", BODY),
    (f"LONDON, March 3 (Reuters) - {BODY}", "LONDON, March 3 (Reuters)", "LONDON", "--03-03", True, "Reuters", BODY),
    (f"BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews) – {BODY}",
     "BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews)", "BUDAPEST", "2018-02-19", False, "LifeSiteNews", BODY),
    (f"NEW YORK, Sept. 12, 2016 /PRNewswire/ -- {BODY}", "NEW YORK, Sept. 12, 2016 /PRNewswire/", "NEW YORK",
     "2016-09-12", False, "PRNewswire", BODY),
    (f"WASHINGTON—{BODY}", "WASHINGTON", "WASHINGTON", None, False, None, BODY),
    (f"Washington (CNN){BODY}", "Washington (CNN)", "Washington", None, False, "CNN", BODY),
    (f"Geneva - {BODY}", "Geneva", "Geneva", None, False, None, BODY),
    (f"NORTH DIGHTON, MA., March 27 - {BODY}", "NORTH DIGHTON, MA., March 27", "NORTH DIGHTON", "--03-27", True,
     None, BODY),
])
def test_prefix_dateline_forms(line, text, place, date, partial, agency, body):
    article = parse(f"A HEADLINE FOR THE STORY\n\n{line}\n\nSecond paragraph here.\n").value
    dl = article.dateline
    assert (dl.text, dl.place, dl.date, dl.date_partial, dl.agency) == (text, place, date, partial, agency)
    assert article.paragraphs[0].text == body
    assert article.headline.text == "A HEADLINE FOR THE STORY"


@pytest.mark.parametrize("line,place,date", [
    ("DILI, East Timor 1996-12-06", "DILI", "1996-12-06"),
    ("UNITED NATIONS 1996-12-06", "UNITED NATIONS", "1996-12-06"),
    ("Friday, July 21, 2017", None, "2017-07-21"),
    ("21 July 2017", None, "2017-07-21"),
])
def test_dateline_on_a_line_of_its_own(line, place, date):
    text = f"Belo leaves for Nobel award ceremony.\n\n{line}\n\n{BODY}\n"
    result = parse(text)
    article = result.value
    # a short first line above a dateline is the headline, even with a final period (CoNLL)
    assert article.headline.text == "Belo leaves for Nobel award ceremony."
    assert (article.dateline.text, article.dateline.place, article.dateline.date) == (line, place, date)
    assert article.dateline.date_partial is False
    assert [p.text for p in article.paragraphs] == [BODY]
    assert_lossless(text, article)


def test_dateline_after_byline_and_abstract_section():
    text = ("Black Democrats urge spending on turnout\n\nABSTRACT.\n\n"
            "Two senior lawmakers urged the campaign to fund turnout efforts in down-ballot races, warning that "
            "control of Congress will be crucial to her agenda.\n\nFULL TEXT.\n\n"
            f"WASHINGTON - {BODY}\n\nMore text.\n")
    article = parse(text).value
    assert article.headline.text == "Black Democrats urge spending on turnout"
    assert article.dateline.place == "WASHINGTON"
    assert [p.text for p in article.paragraphs][:3] == ["ABSTRACT.", article.paragraphs[1].text, "FULL TEXT."]
    assert article.paragraphs[3].text == BODY
    assert [p.id for p in article.paragraphs] == [f"p{i}" for i in range(1, 6)]
    assert_lossless(text, article)

    byline = parse(f"Four Africans said to vie for top U.N. post.\n\nEvelyn Leopold\n\nUNITED NATIONS 1996-12-06\n\n{BODY}\n")
    assert byline.value.headline.text == "Four Africans said to vie for top U.N. post."
    assert byline.value.dateline.place == "UNITED NATIONS"
    assert byline.value.paragraphs[0].text == "Evelyn Leopold"


def test_kicker_line_is_not_a_dateline():
    text = (f"Hungarian leader speaks\n\nNewsFaith, Politics - World\n"
            f"BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews) – {BODY}\nNext line.\n")
    article = parse(text).value
    assert article.dateline.place == "BUDAPEST" and article.dateline.date == "2018-02-19"
    assert article.paragraphs[0].text == "NewsFaith, Politics - World"


def test_dateline_alone_on_its_line_with_a_trailing_dash():
    for text in ("ACME CORP <ACM> 1ST QTR NET\n\nNEW YORK, March 3 -\n\nShr 20 cts vs 15 cts\n\nNet 1,000,000 vs "
                 "800,000\n\nReuter\n",
                 "ACME CORP <ACM> 1ST QTR NET\n\n    NEW YORK, March 3 -\n    Shr 20 cts vs 15 cts\n"
                 "    Net 1,000,000 vs 800,000\n Reuter\n"):
        article = parse(text).value
        assert article.headline.text == "ACME CORP <ACM> 1ST QTR NET"
        assert (article.dateline.text, article.dateline.date) == ("NEW YORK, March 3", "--03-03")
        assert article.dateline.raw == "NEW YORK, March 3 -"
        assert [p.text for p in article.paragraphs] == ["Shr 20 cts vs 15 cts", "Net 1,000,000 vs 800,000"]
        assert article.signoff.text == "Reuter"
        assert_lossless(text, article)


@pytest.mark.parametrize("line,place", [
    ("WASHINGTON ― Hillary Clinton said on Monday that she would campaign in Ohio.", "WASHINGTON"),
    ("ISLAMABAD: Prime Minister Shehbaz Sharif said on Monday that talks would resume.", "ISLAMABAD"),
    ("NEW DELHI, March 3: The government said on Monday that talks would resume.", "NEW DELHI"),
    ("HUFFPOST READERS: What is happening in your state or district? Tell us.", None),
    ("McALLEN, Texas — Border agents said on Monday that talks would resume.", "McALLEN"),
    ("(CNN)Senate Democrats said on Monday that talks would resume.", None),
    ("UPDATE: The company said on Monday that talks would resume.", None),
    ("BREAKING - The company said on Monday that talks would resume.", None),
    ("Note: The company said on Monday that talks would resume.", None),
])
def test_other_separators_and_labels(line, place):
    article = parse(f"Headline words here\n\n{line}\n\nAnother paragraph.\n").value
    assert (article.dateline.place if article.dateline else None) == place


def test_agency_credit_without_a_place():
    article = parse("Headline words here\n\n(CNN) — Senate Democrats blocked the bill on Monday.\n\nMore.\n").value
    assert (article.dateline.text, article.dateline.place, article.dateline.agency) == ("(CNN)", None, "CNN")
    assert article.paragraphs[0].text == "Senate Democrats blocked the bill on Monday."


@pytest.mark.parametrize("opening", [
    "Donald Trump — the Republican nominee — said on Monday that he would win the state.",
    "Hillary Clinton — Democratic nominee for president, spoke on Monday in Ohio.",
    "Ken Livingstone - The mayor of London - said the plan would go ahead.",
    "Wright-Phillips will start against the Netherlands on Wednesday night.",
    "Ken Livingstone - who leads the assembly - said the plan would go ahead.",
    "The PTI says - and it repeats this daily - that the vote was rigged.",
    "In London - the capital - rain fell for the fifth day running.",
    "Brexit - what happens next is anyone's guess, the minister said.",
])
def test_prose_with_dashes_is_not_a_dateline(opening):
    article = parse(f"Headline words here\n\n{opening}\n\nAnother paragraph.\n").value
    assert article.dateline is None
    assert article.paragraphs[0].text == opening


def test_not_a_dateline_never_invents_one():
    assert match_dateline("Friday, the minister said - and meant it - that taxes rise.") is None
    assert match_dateline("LONDON, March 45 - The date is not a date at all here.") is None
    assert match_dateline("RUGBY UNION - RETIRING CAMPESE WEIGHS UP OPTIONS.") is None
    assert match_dateline("Evelyn Leopold") is None
    # a weak (mixed-case, no date or agency) dateline only where it may stand: not with strict
    assert match_dateline("Geneva - The World Health Organisation chief said.", strict=True) is None


@pytest.mark.parametrize("text,value", [
    ("March 26", ("--03-26", True)),
    ("Oct. 19", ("--10-19", True)),
    ("Sept 3, 2016", ("2016-09-03", False)),
    ("Friday, July 21, 2017", ("2017-07-21", False)),
    ("5 April 1920", ("1920-04-05", False)),
    ("1996-12-06", ("1996-12-06", False)),
    ("Feb 29", ("--02-29", True)),
    ("Feb 29, 2023", (None, False)),
    ("1996-13-01", (None, False)),
    ("Smarch 3", (None, False)),
])
def test_iso_date(text, value):
    assert iso_date(text) == value


# --- headline or none ------------------------------------------------------------------------

def test_seed_has_no_headline_and_a_derived_title():
    result = convert.parse((FIXTURES / SEED_NAME).read_bytes(), SEED_NAME)
    article = result.value
    assert article.headline is None
    assert article.title.derived is True and article.title.method in ("lead-clause", "lead-sentence")
    assert article.paragraphs[0].text.startswith(article.title.text)
    assert "NC201" in codes(result)
    assert article.layout == "line-per-paragraph"
    assert len(article.paragraphs) == 26


def test_headline_kept_as_written_all_caps_with_period():
    text = "NCAA AMERICAN FOOTBALL-OHIO STATE'S PACE FIRST REPEAT LOMBARDI AWARD WINNER.\n\nHOUSTON 1996-12-05\n\nOhio State left tackle Orlando Pace won.\n"
    article = parse(text).value
    assert article.headline.text == "NCAA AMERICAN FOOTBALL-OHIO STATE'S PACE FIRST REPEAT LOMBARDI AWARD WINNER."
    assert article.title == convert.model.Title(article.headline.text, False, "headline")
    assert article.dateline.place == "HOUSTON"


def test_all_caps_wire_headline_with_a_dash_is_a_headline_not_a_dateline():
    article = parse("RUGBY UNION - RETIRING CAMPESE WEIGHS UP OPTIONS.\n\nLONDON 1996-12-07\n\nDavid Campese will "
                    "consider offers.\n").value
    assert article.headline.text == "RUGBY UNION - RETIRING CAMPESE WEIGHS UP OPTIONS."
    assert article.dateline.text == "LONDON 1996-12-07"


def test_hyphenated_headline_is_a_headline():
    article = parse("Wright-Phillips to start on right\n\nEngland coach Sven-Goran Eriksson has revealed that "
                    "Shaun Wright-Phillips will start.\n").value
    assert article.headline.text == "Wright-Phillips to start on right"
    assert article.dateline is None


def test_reuters_without_headline_starts_with_its_dateline():
    result = parse(f"WASHINGTON, March 17 - {BODY}\n\nHe said more.\n\nReuter\n")
    article = result.value
    assert article.headline is None and article.title.derived
    assert article.dateline.place == "WASHINGTON" and article.dateline.date == "--03-17"
    assert article.signoff.text == "Reuter"
    assert [p.text for p in article.paragraphs] == [BODY, "He said more."]
    assert {"NC201", "NC205"} <= codes(result)


@pytest.mark.parametrize("first", [
    "The ongoing political unrest in Pakistan has reached a boiling point, with clashes erupting.",
    "Police said the bombs were found hidden behind a kitchen wall.",
])
def test_prose_first_line_is_never_a_headline(first):
    article = parse(f"{first}\n\nSecond paragraph of the story.\n").value
    assert article.headline is None
    assert article.title.derived


def test_section_label_is_not_a_headline():
    text = ("ABSTRACT.\n\nA hotel project in Texas promotes a connection to the developer and a path to a visa in "
            "the United States, a review found.\n\nFULL TEXT.\n\nAn investment pitch invokes the name.\n")
    assert parse(text).value.headline is None


def test_question_headline_and_lone_headline():
    assert parse("Will Tory tax cuts lift spirits?\n\nMichael Howard has revealed the plan.\n").value.headline.text == \
        "Will Tory tax cuts lift spirits?"
    lone = parse("Just A Headline\n")
    assert lone.value.headline.text == "Just A Headline" and lone.value.paragraphs == ()
    assert "NC206" in codes(lone)


def test_derived_title_from_a_long_lead_is_a_clause_and_marked():
    from convert.readers.text import derive_title

    lead = ("Australia's central bank left its cash rate unchanged on Tuesday, saying inflation was easing more "
            "slowly than it had hoped and that the board would wait.")
    title = derive_title(None, lead)
    assert title.derived and title.method == "lead-clause"
    assert title.text == "Australia's central bank left its cash rate unchanged on Tuesday"
    assert derive_title(None, "Short lead sentence. Then more.") == convert.model.Title("Short lead sentence", True,
                                                                                       "lead-sentence")
    assert derive_title("Real headline", lead) == convert.model.Title("Real headline", False, "headline")
    assert derive_title(None, None) == convert.model.Title("", True, "none")


# --- layouts ---------------------------------------------------------------------------------

WRAPPED = (
    "LCE AND IPE ELECT FIRST TRADED OPTIONS MEMBERS\n\n"
    "    LONDON, March 9 - The first 23 members have been elected to\n"
    "the joint traded options facility of the London Commodity\n"
    "Exchange (LCE) and the International Petroleum exchange (IPE),\n"
    "the exchanges said in a statement.\n"
    "    More firms have applied and the final tranche will be\n"
    "admitted on April one and trading is planned to start in early\n"
    "June on the new trading floor on Commodity Quay.\n"
    " Reuter\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_hard_wrapped_wire_copy_is_rejoined(newline):
    text = WRAPPED.replace("\n", newline)
    result = parse(text)
    article = result.value
    assert article.layout == "hard-wrapped" and "NC203" in codes(result)
    assert article.headline.text == "LCE AND IPE ELECT FIRST TRADED OPTIONS MEMBERS"
    assert article.dateline.text == "LONDON, March 9" and article.dateline.date == "--03-09"
    assert [p.text for p in article.paragraphs] == [
        "The first 23 members have been elected to the joint traded options facility of the London Commodity "
        "Exchange (LCE) and the International Petroleum exchange (IPE), the exchanges said in a statement.",
        "More firms have applied and the final tranche will be admitted on April one and trading is planned to "
        "start in early June on the new trading floor on Commodity Quay.",
    ]
    assert article.signoff.text == "Reuter"
    assert article.paragraphs[0].raw is not None and newline in article.paragraphs[0].raw
    assert (article.paragraphs[1].span.line, article.paragraphs[1].span.col) == (7, 5)
    assert_lossless(text, article)


def test_hard_wrapped_without_indentation_keeps_reuter_apart():
    text = WRAPPED.replace("\n    ", "\n").replace("\n Reuter", "\nReuter")
    article = parse(text).value
    assert article.signoff.text == "Reuter"
    assert len(article.paragraphs) == 1  # no indentation, no blank line: one paragraph
    assert article.paragraphs[0].text.endswith("on Commodity Quay.")
    assert_lossless(text, article)


def test_one_sentence_a_line_is_not_hard_wrapped():
    lines = [
        "The president said the talks with the union would resume on Monday morning.",
        "Union leaders said they had not been told of any new offer from the company.",
        "Both sides said they hoped to reach an agreement before the end of the month.",
    ]
    article = parse("\n".join(lines) + "\n").value
    assert article.layout == "line-per-paragraph"
    assert [p.text for p in article.paragraphs] == lines


def test_short_lines_are_a_list_not_wrapped_text():
    text = "SOCCER - ENGLISH LEAGUE RESULTS.\n\nLONDON 1996-12-06\n\nArsenal 2 Chelsea 1\nLeeds 0 Everton 0\nSpurs 1 Derby 1\n"
    article = parse(text).value
    assert [p.text for p in article.paragraphs] == ["Arsenal 2 Chelsea 1", "Leeds 0 Everton 0", "Spurs 1 Derby 1"]


def test_blank_lines_layout_with_leading_and_trailing_whitespace():
    text = "\n\n  Headline here  \n\n\tFirst paragraph of the body.  \n\n\n"
    article = parse(text).value
    assert article.prefix == "\n\n  "
    assert article.headline.text == "Headline here"
    assert article.paragraphs[0].text == "First paragraph of the body."
    assert_lossless(text, article)


# --- sign-offs -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Reuter", "REUTER", "Reuters", "(Reporting by Jane Doe; Editing by John Smith)",
    "Reporting by Jane Doe in Sydney; Editing by Sam Holmes", "(AP)", "-- Bucharest Newsroom 40-1 3120264",
    "Contributing: Ray Locker.", "Zhang Tiantian contributed research.",
    "Glorioso reports for Naples (Fla.) Daily News; Williams reports for The (Fort Myers, Fla.) News-Press.",
    "©2018 Los Angeles Times, Distributed by Tribune Content Agency, LLC.",
])
def test_signoffs_are_recognised(line):
    assert is_signoff(line)
    article = parse(f"HEADLINE\n\n{BODY}\n\n{line}\n").value
    assert article.signoff.text == line
    assert [p.text for p in article.paragraphs] == [BODY]


@pytest.mark.parametrize("line", ["Thanks.", "(Sic)", "The end of the story came quickly.", "Obama", "NATO",
                                  "CNN reported from Baghdad that three soldiers died on Sunday."])
def test_body_text_is_not_a_signoff(line):
    assert not is_signoff(line)


# --- losslessness ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_fixture_blocks_point_at_their_source(path):
    data = path.read_bytes()
    assert_lossless(data, convert.parse(data, path.name).value)


_LINE = st.text(alphabet=st.sampled_from(list("abcXYZ -—–,.:()\"“”'0123456789é\t")), max_size=40)
_WORDS = st.sampled_from(["LONDON, March 3 - ", "WASHINGTON (AP) — ", "Reuter", "(Reporting by A B)", "ABSTRACT.",
                          "Friday, July 21, 2017", "DILI, East Timor 1996-12-06", "    ", " ", "HEADLINE"])
_PIECE = st.one_of(_LINE, _WORDS)
_BREAK = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n  \n", "\n    "])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PIECE, _PIECE, _BREAK), min_size=1, max_size=12))
def test_any_text_rebuilds_exactly(parts):
    text = "".join(a + b + brk for a, b, brk in parts)
    if not text.strip():
        with pytest.raises(convert.InputError):
            parse(text)
        return
    article = parse(text).value
    assert_lossless(text, article)
    ids = [p.id for p in article.paragraphs]
    assert ids == [f"p{i}" for i in range(1, len(ids) + 1)]
    starts = [b.span.start for b in blocks_in_order(article)]
    assert starts == sorted(starts)


def test_rejoining_keeps_hyphenated_words_whole():
    from convert.readers.layout import rejoin_lines

    assert rejoin_lines("a two-third certificate, one-\nthird cash ratio -\nand more\r\n  lines") == \
        "a two-third certificate, one-third cash ratio - and more lines"
    text = ("HEADLINE FOR A WRAPPED STORY\n\n    LONDON, March 9 - Payments should be made in a one-\n"
            "third cash ratio through fiscal year 1989, the study by the\ncommittee said on Monday evening.\n")
    article = parse(text).value
    assert article.paragraphs[0].text == ("Payments should be made in a one-third cash ratio through fiscal year "
                                          "1989, the study by the committee said on Monday evening.")
    assert_lossless(text, article)
