"""Linking figures to claims: one sentence per case, each figure with its claim or None."""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.engine import Linter
from factlint.pack import BUILTIN_PACK, resolve_pack

CASES: list[tuple[str, list[tuple[str, str | None]]]] = [
    (
        "Some 80,000 to 120,000 people are held in political prison camps, and 50,000 to 60,000"
        " workers are sent abroad.",
        [
            ("Some 80,000 to 120,000", "prison-camp-population"),
            ("50,000 to 60,000", "overseas-workers"),
        ],
    ),
    (
        "Forced labour abroad earns the regime $5 billion a year.",
        [("$5 billion a year", "overseas-labour-revenue")],
    ),
    (
        "The dolgyeokdae bring the regime close to $1 billion a year.",
        [("close to $1 billion a year", "dolgyeokdae-revenue")],
    ),
    (
        "An estimated 400,000 dolgyeokdae labour for 10 years without pay.",
        [
            ("An estimated 400,000", "dolgyeokdae-workforce"),
            ("10 years", "dolgyeokdae-service-years"),
        ],
    ),
    (
        "Three in four escapees are women, and it is estimated that 90 percent of them are"
        " trafficked.",
        [
            ("Three in four", "escapees-women-share"),
            ("90 percent", "escapee-women-trafficked-share"),
        ],
    ),
    (
        "At one point, 16 countries employed North Korean labourers abroad.",
        [("16", "overseas-host-countries")],
    ),
    (
        "North Korean workers abroad toil up to 20 hours a day.",
        [("up to 20 hours a day", "overseas-work-hours")],
    ),
    (
        "The Treasury sanctioned ten North Korean entities.",
        [("ten", "treasury-sanctioned-entities")],
    ),
    (
        "Kang Chol-hwan was held in Yodok from age 9 to 19.",
        [("from age 9 to 19", "yodok-imprisonment-age")],
    ),
    (
        "North Korea is ranked Tier 3 in the Trafficking in Persons report.",
        [("Tier 3", "tip-tier")],
    ),
    # a subject named once serves every figure of the sentence
    (
        "In the political prison camps, estimates have ranged from 80,000 to 120,000 and, earlier,"
        " from 150,000 to 300,000.",
        [
            ("from 80,000 to 120,000", "prison-camp-population"),
            ("from 150,000 to 300,000", "prison-camp-population"),
        ],
    ),
    # a `none` phrase in the figure's own clause rules a claim out, elsewhere it does not
    (
        "Nine in ten female escapees are trafficked, it is believed.",
        [("Nine in ten", "escapee-women-trafficked-share")],
    ),
    (
        "Some 100,000 people are held in political prison camps, where many have died.",
        [("Some 100,000", "prison-camp-population")],
    ),
    (
        "As many as 300,000 North Koreans work abroad.",
        [("As many as 300,000", "overseas-workers")],
    ),
    # the noun a bare count counts: camps and countries are not head counts
    (
        "Between 80,000 and 120,000 North Koreans are held in four political prison camps.",
        [("Between 80,000 and 120,000", "prison-camp-population"), ("four", None)],
    ),
    (
        "North Korean workers have been sent to at least 40 countries.",
        [("at least 40", "overseas-host-countries")],
    ),
    (
        "Workers sent abroad do 14 to 16 hours, with one or two rest days a month.",
        [("14 to 16 hours", "overseas-work-hours"), ("two", None)],
    ),
    # a figure placed in one country, or "alone", is a part and not the total
    ("Some 30,000 of the workers abroad are in Russia.", [("Some 30,000", None)]),
    ("Some 5,000 workers abroad were sent home from Kuwait.", [("Some 5,000", None)]),
    (
        "About 50,000 North Koreans work abroad, mostly in China and Russia.",
        [("About 50,000", "overseas-workers")],
    ),
    # subject phrases: capitalised plurals, "sold", "defected", host cities
    ("Workers abroad: 50,000 to 60,000.", [("50,000 to 60,000", "overseas-workers")]),
    (
        "Nine in ten of the women who cross the river are sold.",
        [("Nine in ten", "escapee-women-trafficked-share")],
    ),
    (
        "Women account for 80% of those who have defected.",
        [("80%", "escapees-women-share")],
    ),
    (
        "I worked 20 hours a day on a building site in Moscow.",
        [("20 hours a day", "overseas-work-hours")],
    ),
    # no subject, or the wrong kind: no link
    ("North Korea has roughly 25 million people.", [("roughly 25 million", None)]),
    ("The camps cover 50 square kilometres.", [("50 square kilometres", None)]),
    ("Some 1,000 defectors arrived in the South last year.", [("Some 1,000", None)]),
    ("Political prison camps hold 40 percent of all inmates.", [("40 percent", None)]),
    ("Some 300,000 people died in the political prison camps.", [("Some 300,000", None)]),
    (
        "The workers abroad earn the regime €2 billion a year.",
        [("€2 billion a year", None)],
    ),
    ("A handful of countries expelled the workers after 2017.", []),
]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([resolve_pack(BUILTIN_PACK)])


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:50] for case in CASES])
def test_linking(linter: Linter, text: str, expected: list[tuple[str, str | None]]) -> None:
    document = parse_document(text, "case.txt", markdown=False)
    figures = linter.figures(document)
    assert [(figure.text, figure.claim.id if figure.claim else None) for figure in figures] == (
        expected
    )


def test_two_packs_may_not_define_the_same_claim() -> None:
    pack = resolve_pack(BUILTIN_PACK)
    with pytest.raises(Exception, match="defined by both pack"):
        Linter([pack, pack])
