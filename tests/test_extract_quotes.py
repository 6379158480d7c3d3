"""Quotations and attribution on texts written for these tests (issue 3, points 1-2)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

import convert


def parse(text: str):
    return convert.parse("HEADLINE FOR A TEST\n\n" + text)


def speakers(result):
    a = result.value
    ents = {e.id: e.name for e in a.entities}
    return [(q.text, ents.get(q.speaker)) for q in a.direct_quotes]


def test_interrupted_quotation_is_one_quote():
    r = parse('"We need justice," Maria Lopez said, "for those who were killed."')
    (q,) = r.value.direct_quotes
    assert q.text == "We need justice, for those who were killed."
    assert len(q.parts) == 2 and q.cue == "said"
    assert speakers(r) == [("We need justice, for those who were killed.", "Maria Lopez")]


def test_second_sentence_after_attribution_is_a_quote_of_the_same_speaker():
    r = parse('"We will win," said Tom Baker, the coach. "Next year we will be ready."')
    assert speakers(r) == [("We will win", "Tom Baker"), ("Next year we will be ready.", "Tom Baker")]


def test_straight_and_curly_marks_and_nested_single_quotes():
    r = parse("“They told us ‘go home’ and we did,” said Anna Berg.\n\n"
              "\"He said 'never' twice,\" Berg added.")
    assert speakers(r) == [("They told us ‘go home’ and we did", "Anna Berg"),
                           ("He said 'never' twice", "Anna Berg")]


def test_multi_paragraph_quotation():
    r = parse('Jan Novak, the mayor, spoke first. "The bridge is closed.\n\n'
              '"It will stay closed until spring," Novak said.')
    (q,) = r.value.direct_quotes
    assert q.text == "The bridge is closed. It will stay closed until spring"
    assert len(q.parts) == 2 and q.paragraph == "p1"
    assert speakers(r)[0][1] == "Jan Novak"
    assert not [m for m in r.messages if m.code == "NC301"]


def test_speaker_before_the_quotation():
    r = parse('Michael Kugelman said: "Nobody wins."\n\nHe told reporters, "The impasse needs a resolution."')
    assert speakers(r) == [("Nobody wins.", "Michael Kugelman"),
                           ("The impasse needs a resolution.", "Michael Kugelman")]


def test_pronoun_and_cueless_paragraph_take_the_last_named_speaker():
    r = parse('"Prices will rise," said Clara Oswald, an economist at the Central Bank.\n\n'
              '"Wages will not," she added.\n\n'
              '"That is the problem for households this winter."\n\n'
              'The weather was cold.')
    assert [s for _, s in speakers(r)] == ["Clara Oswald"] * 3


def test_organisation_speaker_by_description():
    r = parse("The Human Rights Commission of Pakistan (HRCP) met on Monday.\n\n"
              '"HRCP demands an inquiry into the deaths," the commission said in a statement.')
    assert speakers(r) == [("HRCP demands an inquiry into the deaths", "Human Rights Commission of Pakistan")]


def test_no_guess_when_the_text_names_nobody():
    r = parse('"The road is closed for repairs until Friday," a spokesman said.')
    (q,) = r.value.direct_quotes
    assert q.speaker is None and q.speaker_text == "a spokesman"
    assert [m.code for m in r.messages if m.code.startswith("NC3")] == ["NC302"]


def test_scare_quotes_and_titles_are_not_speech():
    r = parse('The party labeled the incident a "massacre," alleging abuse. '
              'She starred in "Gone With the Wind" and called it "a disaster."')
    assert r.value.direct_quotes == ()
    assert [q.text for q in r.value.quotes if q.kind == "scare"] == ["massacre", "Gone With the Wind", "a disaster."]
    assert all(q.speaker is None for q in r.value.quotes)


def test_cue_verb_list_covers_reported_speech():
    for cue in ("said", "says", "told reporters", "added", "stated", "remarked", "asserted", "tweeted",
                "wrote", "warned", "insisted", "argued", "explained", "noted"):
        r = parse(f'"The plan will not work in its current form," Ruth Adler {cue}.')
        assert speakers(r)[0][1] == "Ruth Adler", cue


def test_unbalanced_marks_warn_with_line_and_column():
    text = 'HEADLINE\n\nFirst paragraph is fine.\n\nThen "an opening mark with no end.\n\nAnd a stray closing" mark.'
    r = convert.parse(text)
    warns = [m for m in r.messages if m.code == "NC301"]
    assert [(m.line, m.col, m.severity) for m in warns] == [(5, 6, "warning"), (7, 20, "warning")]
    # the quotation runs to the end of its paragraph: never a crash, never lost
    assert any(q.text == "an opening mark with no end." for q in r.value.quotes)


def test_hard_wrapped_paragraph_spans_map_to_the_source():
    text = ("SOME HEADLINE\n\n"
            "    The minister, Rosa Diaz, spoke to reporters\n"
            "    in the capital. \"We will not raise taxes\n"
            "    this year,\" Diaz said on Tuesday.\n")
    r = convert.parse(text)
    a = r.value
    (q,) = a.direct_quotes
    piece = text[q.span.start:q.span.end]
    assert piece.startswith('"We will not') and piece.endswith('year,"')
    assert (q.span.line, q.span.col) == (4, 21)
    assert text[q.speaker_span.start:q.speaker_span.end] == "Diaz"
    rosa = next(e for e in a.entities if e.name == "Rosa Diaz")
    assert [text[s.start:s.end] for s in rosa.mentions] == ["Rosa Diaz", "Diaz"]


_ALPHABET = string.ascii_letters + "  ,.;:!?'\"“”‘’\n-—()"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=300))
def test_any_text_extracts_without_crashing_and_spans_are_exact(body):
    text = "HEADLINE\n\n" + body
    if not body.strip():
        return
    try:
        r = convert.parse(text)
    except convert.InputError:
        return
    for q in r.value.quotes:
        assert 0 <= q.span.start < q.span.end <= len(text)
        for part in q.parts:
            assert text[part.start:part.end].strip() in q.text or q.text.startswith(text[part.start:part.end].strip()[:5])
    for e in r.value.entities:
        for m in e.mentions:
            assert text[m.start:m.end].split()[-1].rstrip(".") in (e.name + " " + " ".join(e.aliases) + " " + (e.acronym or ""))
