"""Linking figures to claims: one sentence per case, each figure with its claim or None."""

from __future__ import annotations

import pytest

from factlint.document import parse_document
from factlint.engine import Linter
from factlint.nlp import sentences_of
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
    # a figure alone in its clause is about the clause beside it, `none` phrases and all
    (
        "45%: the share of female defectors who were sold.",
        [("45%", "escapee-women-trafficked-share")],
    ),
    ("Countries that hosted the labourers: 12", [("12", "overseas-host-countries")]),
    # a count that is part of a larger set states no total
    ("About 8,000 of the labourers abroad went home.", [("About 8,000", None)]),
    (
        "Of the 3,000 labourers abroad we met, 90 had been beaten.",
        [("3,000", "overseas-workers"), ("90", None)],
    ),
    ("Some 40 interviewees had worked abroad.", [("Some 40", None)]),
    # ...but the whole named again is no part of itself
    ("Labourers abroad number 45,000 of our people.", [("45,000", "overseas-workers")]),
    # a background clause opening the sentence is about what it names
    (
        "With a land area of 120,000 square kilometres and 25,000 schools, it sends workers"
        " abroad.",
        [("120,000 square kilometres", None), ("25,000", None)],
    ),
    ("The overseas workforce is put at 58,000.", [("58,000", "overseas-workers")]),
    # a place names a part only near its figure, not as another word's place
    (
        "The regime holds 100,000 people in political prison camps and ignores every resolution"
        " passed in Geneva.",
        [("100,000", "prison-camp-population")],
    ),
    # the figure after "of the" is the whole that a part of is placed
    (
        "Most of the 55,000 North Korean workers abroad are in China.",
        [("55,000", "overseas-workers")],
    ),
    # a list of regions spans the whole
    (
        "Some 55,000 North Korean labourers work abroad in Russia, China, Kuwait and Qatar.",
        [("Some 55,000", "overseas-workers")],
    ),
    # the place of a speaker is not the figure's
    (
        "Officials in Seoul say some 55,000 North Koreans work abroad.",
        [("some 55,000", "overseas-workers")],
    ),
    # the noun a count counts is the head of its compound; numbers and governments are no
    # head counts
    (
        "Up to 500,000 Shock Brigade Labourers toil for the regime.",
        [("Up to 500,000", "dolgyeokdae-workforce")],
    ),
    ("The shock brigades come down to two numbers.", [("two", None)]),
    (
        "Most workers abroad are in Russia and China, so three governments decide.",
        [("three", None)],
    ),
    # a figure that measures a noun of its own clause is not about another clause's subject
    (
        "The country's population of about 25 million is hungry, and every worker sent abroad"
        " is one mouth fewer.",
        [("about 25 million", None)],
    ),
    # a figure in a relative clause is about the noun the clause is about
    (
        "The dam, which cost an estimated $900 million a year, was built by workers sent abroad.",
        [("an estimated $900 million a year", None)],
    ),
    (
        "Dolgyeokdae recruits, who serve 10 years, build the regime's dams.",
        [("10 years", "dolgyeokdae-service-years")],
    ),
    # everyone who went through a place, or died there, is no population at one time
    (
        "Over the decades some 400,000 people have passed through the political prison camps.",
        [("some 400,000", None)],
    ),
    ("Some 200,000 political prisoners perished in the camps.", [("Some 200,000", None)]),
    # the condition of a would-sentence is hypothetical
    (
        "Doubling the overseas workforce to 120,000 would double the revenue.",
        [("120,000", None)],
    ),
    ("If 200,000 workers were sent abroad, the regime would earn more.", [("200,000", None)]),
    (
        "According to the Asan Institute, 55,000 workers abroad could be sent home.",
        [("55,000", "overseas-workers")],
    ),
    # the size of each of what a preposition names; an age after a verb with "at"; the count
    # of the speakers of a reporting verb
    ("Shock brigade members sleep in tents of up to 30 people.", [("up to 30", None)]),
    (
        "North Korean labourers were sent to a total of 19 countries.",
        [("19", "overseas-host-countries")],
    ),
    ("Dolgyeokdae recruits are drafted at 18, after school.", [("18", None)]),
    (
        "Four former workers abroad told us they worked 18-hour shifts.",
        [("Four", None), ("18-hour", "overseas-work-hours")],
    ),
    # unit words the writer left out, or wrote as a range of compounds
    (
        "Labourers sent abroad work 10 to 12 hours a day, and sometimes 16.",
        [("10 to 12 hours a day", "overseas-work-hours"), ("16", "overseas-work-hours")],
    ),
    ("Workers abroad put in 12-to-14-hour days.", [("12-to-14-hour days", "overseas-work-hours")]),
    # "was N when" is an age
    (
        "Kang Chol-hwan was eight when he entered Yodok and 18 when he left.",
        [("eight", "yodok-imprisonment-age"), ("18", "yodok-imprisonment-age")],
    ),
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


# Markdown list items and table rows, linked with what their context names: (markdown,
# [(figure, claim, attribution)]).
CONTEXT_CASES: list[tuple[str, list[tuple[str, str | None, str]]]] = [
    # the subject in the lead-in, the attribution too
    (
        "Labourers sent overseas, as the Asan Institute counts them:\n\n"
        "- total some 55,000\n- toil up to 18 hours a day\n",
        [
            ("some 55,000", "overseas-workers", "named"),
            ("up to 18 hours a day", "overseas-work-hours", "named"),
        ],
    ),
    # a lead-in that does not end with a colon leads into nothing
    (
        "Labourers are sent overseas.\n\n- total some 55,000\n",
        [("some 55,000", None, "none")],
    ),
    # the subject split between the heading and the item
    (
        "## Female escapees\n\nText.\n\n- 70% were trafficked\n",
        [("70%", "escapee-women-trafficked-share", "none")],
    ),
    # an item naming its own subject keeps it; the context never overrides it
    (
        "## Shock brigades\n\n- 90,000 held in political prison camps\n",
        [("90,000", "prison-camp-population", "none")],
    ),
    # a `none` phrase in the item still rules the context's claim out
    (
        "Political prison camps:\n\n- 20,000 died there in one decade\n",
        [("20,000", None, "none"), ("one decade", None, "none")],
    ),
    # a table: the subject in the header row, the source in a "Source" column
    (
        "| Year | Dolgyeokdae members | Source |\n|---|---|---|\n| 2015 | 380,000 | A. Kim |\n",
        [("380,000", "dolgyeokdae-workforce", "named")],
    ),
    # a column's header gives its bare numbers their unit
    (
        "| Workers abroad | Hours per day |\n|---|---|\n| Logging | 14–16 |\n",
        [("14–16", "overseas-work-hours", "none")],
    ),
    # rows keyed by country: each row is one country's part, not the total
    (
        "| Host country | Workers sent abroad |\n|---|---|\n| Mongolia | 1,200 |\n",
        [("1,200", None, "none")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), CONTEXT_CASES, ids=[case[0][:40] for case in CONTEXT_CASES]
)
def test_list_items_and_table_rows_link_through_their_context(
    linter: Linter, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    figures = linter.figures(parse_document(text, "case.md"))
    found = [
        (figure.text, figure.claim.id if figure.claim else None, figure.attribution.kind)
        for figure in figures
    ]
    assert found == expected


def test_a_subject_in_the_context_is_further_than_one_in_the_sentence() -> None:
    from factlint.linking import link
    from factlint.quantities import extract_quantities
    from factlint.subjects import SubjectMatcher

    claims = list(resolve_pack(BUILTIN_PACK).claims)
    # Adjacent to the figure in token order, the heading's subject would win without the
    # penalty for standing outside the sentence.
    context_text = "Dolgyeokdae"
    text = context_text + " 300,000 is the count of political prisoners"
    (context,) = next(sentences_of([(0, context_text)]))
    (sentence,) = next(sentences_of([(len(context_text), text[len(context_text) :])]))
    widened = sentence.in_context(context.tokens)
    assert widened.lead == len(context.tokens)
    (quantity,) = extract_quantities(text)
    (claim,) = link(widened, [quantity], SubjectMatcher(claims).matches(widened))
    assert claim is not None and claim.id == "prison-camp-population"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Country", True), ("Host countries", True), ("Province:", True), ("Year", False),
     ("Estimate", False), ("", False)],
)  # fmt: skip
def test_rows_keyed_by_place(header: str, expected: bool) -> None:
    from factlint.linking import rows_keyed_by_place

    assert rows_keyed_by_place(header) is expected


# Sentences of one paragraph: (text, [(figure, claim)]).
PARAGRAPH_CASES: list[tuple[str, list[tuple[str, str | None]]]] = [
    # "the figure" refers back to the claim of the sentence before
    (
        "The UN put the number held in political prison camps at 120,000. A defector group"
        " has since put the figure at 150,000.",
        [("120,000", "prison-camp-population"), ("150,000", "prison-camp-population")],
    ),
    # ...but not when it says what it counts, or a `none` phrase of the claim is there
    (
        "The UN put the number held in political prison camps at 120,000. The number who died"
        " there is put at 20,000.",
        [("120,000", "prison-camp-population"), ("20,000", None)],
    ),
    # a sentence that refers back by its first word keeps the subject before
    (
        "The dolgyeokdae build roads and dams. Members serve 12 years without pay.",
        [("12 years", "dolgyeokdae-service-years")],
    ),
    # ...and a sentence that does not, or a count of something not named before, does not
    (
        "The dolgyeokdae build roads and dams. The programme began 30 years ago.",
        [("30 years", None)],
    ),
    (
        "The dolgyeokdae build roads and dams. They are watched by 2,000 guards.",
        [("2,000", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), PARAGRAPH_CASES, ids=[case[0][:50] for case in PARAGRAPH_CASES]
)
def test_a_paragraph_links_through_its_sentences(
    linter: Linter, text: str, expected: list[tuple[str, str | None]]
) -> None:
    figures = linter.figures(parse_document(text, "case.md"))
    assert [(figure.text, figure.claim.id if figure.claim else None) for figure in figures] == (
        expected
    )
