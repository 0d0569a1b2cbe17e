"""Figures in context: lists, tables, facts boxes, quotes and their speaker tags, a
sentence that points back to the estimate of the one before. Each case is a whole draft run
through the engine, so that what markdown.py finds and what engine.py does with it are tested
together."""

from __future__ import annotations

import pytest

from factlint.checks import LinkedFigure
from factlint.document import parse_document
from factlint.engine import Linter
from factlint.pack import BUILTIN_PACK, resolve_pack


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([resolve_pack(BUILTIN_PACK)])


def figures(linter: Linter, text: str) -> dict[str, LinkedFigure]:
    document = parse_document(text, "draft.md")
    return {figure.text: figure for figure in linter.figures(document)}


def claim_of(figure: LinkedFigure) -> str | None:
    return figure.claim.id if figure.claim else None


@pytest.mark.parametrize(
    "text",
    [
        # a "Source:" paragraph just after a list or a table, or as the list's last item
        "- About 110,000 held in political prison camps\n- Camps: five\n\nSource: KINU, 2019.\n",
        "- About 110,000 held in political prison camps\n- Source: KINU white paper\n",
        "| Held in political prison camps |\n|---|\n| about 110,000 |\n\n**Sources:** KINU\n",
        # a facts box in a block quote, its source line inside the quote
        "> **Facts: the political prison camps**\n>\n> - Held: about 110,000\n>\n> Source: KINU\n",
    ],
)
def test_a_source_line_attributes_every_item(linter: Linter, text: str) -> None:
    found = figures(linter, text)
    held = next(figure for name, figure in found.items() if "110,000" in name)
    assert claim_of(held) == "prison-camp-population"
    assert held.attribution.kind == "named"


def test_a_source_line_after_other_text_attributes_nothing(linter: Linter) -> None:
    text = "- About 110,000 held in political prison camps\n\nThat is a lot.\n\nSource: KINU\n"
    assert figures(linter, text)["About 110,000"].attribution.kind == "none"


def test_a_bold_title_gives_a_facts_box_its_subject(linter: Linter) -> None:
    text = "**The dolgyeokdae in brief**\n\n- Strength: about 450,000\n- Pay: none\n"
    assert claim_of(figures(linter, text)["about 450,000"]) == "dolgyeokdae-workforce"


def test_a_nested_item_takes_the_outer_lead_ins_source(linter: Linter) -> None:
    text = (
        "Key results of the Asan Institute's 2016 interviews:\n\n- Hours:\n"
        "  - shifts of 14 to 17 hours a day for workers abroad\n"
    )
    found = figures(linter, text)["14 to 17 hours a day"]
    assert claim_of(found) == "overseas-work-hours"
    assert found.attribution.kind == "named"


def test_a_list_items_key_names_its_unit(linter: Linter) -> None:
    text = "### North Korean workers abroad\n\n- Workforce: some 55,000\n- Hours: 13 to 15 a day\n"
    found = figures(linter, text)
    assert claim_of(found["13 to 15 a day"]) == "overseas-work-hours"
    assert found["13 to 15 a day"].quantity.per == "day"
    assert claim_of(found["some 55,000"]) == "overseas-workers"


def test_a_total_row_is_the_whole_and_the_other_rows_its_parts(linter: Linter) -> None:
    text = (
        "North Korean workers abroad, by host country:\n\n| Country | Workers |\n|---|---|\n"
        "| Russia | 31,000 |\n| China | 21,000 |\n| **Total** | 52,000 |\n"
    )
    found = figures(linter, text)
    assert claim_of(found["31,000"]) is None and claim_of(found["21,000"]) is None
    assert claim_of(found["52,000"]) == "overseas-workers"


def test_a_total_row_makes_any_summed_column_parts(linter: Linter) -> None:
    # keyed by sector, not by place, and summing money: its rows are parts all the same
    text = (
        "Revenue from North Korean workers abroad:\n\n| Sector | Revenue a year |\n|---|---|\n"
        "| Mining | $90 million |\n| Fishing | $40 million |\n"
        "| All sectors | $400 million to $2 billion |\n"
    )
    found = figures(linter, text)
    assert claim_of(found["$90 million"]) is None and claim_of(found["$40 million"]) is None
    assert claim_of(found["$400 million to $2 billion"]) == "overseas-labour-revenue"


def test_a_source_cells_words_do_not_place_the_figure(linter: Linter) -> None:
    text = (
        "| North Korean workers abroad | Cited by |\n|---|---|\n"
        "| 110,000 | researchers in Busan |\n"
    )
    found = figures(linter, text)["110,000"]
    assert claim_of(found) == "overseas-workers"
    assert found.attribution.kind == "named"


def test_a_list_item_refers_back_to_the_item_before(linter: Linter) -> None:
    text = (
        "1. About 55,000 North Koreans have been sent to work abroad.\n"
        "2. They work up to 17 hours a day.\n"
    )
    assert claim_of(figures(linter, text)["up to 17 hours a day"]) == "overseas-work-hours"


@pytest.mark.parametrize(
    "text",
    [
        # a tag after a dash, at the end of the quote's paragraph or as its own paragraph
        '> "We were 110,000 in the political prison camps." — Ri Myong-sok, in Geneva',
        '> "We were 110,000 in the political prison camps."\n>\n> — A former guard, Seoul',
        # a quote of two sentences, the tag in the second or just after the closing mark
        "“Some 110,000 are held in political prison camps. Nobody counts the dead,” a former "
        "guard told us.",
        "“Some 110,000 are held in political prison camps.” a former guard told us.",
    ],
)
def test_a_speaker_tag_attributes_the_whole_quote(linter: Linter, text: str) -> None:
    found = next(figure for name, figure in figures(linter, text).items() if "110,000" in name)
    assert claim_of(found) == "prison-camp-population"
    assert found.attribution.kind == "named"


def test_a_dash_in_prose_is_no_speaker_tag(linter: Linter) -> None:
    text = "Some 110,000 are held in political prison camps.\n\n— and nobody counts them."
    assert figures(linter, text)["Some 110,000"].attribution.kind == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The KINU white paper estimated a range in 2019. That estimate — 90,000 to 110,000 "
            "people in political prison camps — is still quoted.",
            "named",
        ),
        (
            "Nobody has been inside. That estimate — 90,000 to 110,000 people in political "
            "prison camps — is still quoted.",
            "none",
        ),
    ],
)
def test_that_estimate_takes_the_source_of_the_sentence_before(
    linter: Linter, text: str, expected: str
) -> None:
    assert figures(linter, text)["90,000 to 110,000"].attribution.kind == expected


@pytest.mark.parametrize(
    "text",
    [
        # a question's tag after the closing mark
        '"Who speaks for the 110,000 in the political prison camps?" asked Min Ji-su, a lawyer.',
        # a social-media signature: a handle after a dash, alone, or in parentheses
        "> Some 110,000 held in political prison camps, and no one cares.\n>\n> — @camp_watch",
        "Some 110,000 held in political prison camps. Share this.\n\n@camp_watch_kr",
        "Some 110,000 held in political prison camps. Share this.\n\n(Threads, @camp_watch)",
        "Some 110,000 held in political prison camps.\n\n— reposted from the account @cwatch",
        # a transcript's speaker label: a name and role, a role, or a capitalised name
        "**Pak Sun-hee, camp survivor:** Yes. I think 110,000 are in political prison camps.",
        "**Ministry spokesperson:** Our count is 110,000 in political prison camps.",
        "HAN MI-RAE (Camp Watch): It is 110,000 in political prison camps, we believe.",
        # a block quote's lead-in paragraph
        "As the inquiry's report phrased it:\n\n> Some 110,000 are held in political prison camps.",
    ],
)
def test_a_speaker_around_the_text_attributes_it(linter: Linter, text: str) -> None:
    found = next(figure for name, figure in figures(linter, text).items() if "110,000" in name)
    assert claim_of(found) == "prison-camp-population"
    assert found.attribution.kind == "named"


@pytest.mark.parametrize(
    "text",
    [
        # the one who asks is no source, nor a run-in heading
        "**Q:** Is it true that 110,000 are held in political prison camps?",
        "**Key point:** some 110,000 are held in political prison camps.",
        # a paragraph with a colon not before a block quote, or one inside the quote
        "As the report phrased it:\n\nSome 110,000 are held in political prison camps.",
    ],
)
def test_no_speaker_is_found_where_none_stands(linter: Linter, text: str) -> None:
    found = next(figure for name, figure in figures(linter, text).items() if "110,000" in name)
    assert found.attribution.kind == "none"
