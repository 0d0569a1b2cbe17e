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
    # words the pack's subjects use for the same things: toiling, loggers, labour exports,
    # "sent abroad" alone, "16 states", working in countries, reaching the South
    (
        "As many as 90,000 North Koreans are toiling abroad for the state.",
        [("As many as 90,000", "overseas-workers")],
    ),
    (
        "Pyongyang clears perhaps $700 million a year from its labour exports.",
        [("$700 million a year", "overseas-labour-revenue")],
    ),
    (
        "Take the 45,000 sent abroad and the sums involved become clear.",
        [("45,000", "overseas-workers")],
    ),
    (
        "North Koreans were found working in 19 countries.",
        [("19", "overseas-host-countries")],
    ),
    ("About 14 states hosted North Korean labourers.", [("About 14", "overseas-host-countries")]),
    (
        "Siberian loggers from the North describe 19-hour days.",
        [("19-hour days", "overseas-work-hours")],
    ),
    (
        "Nine in ten North Koreans who reach the South are women.",
        [("Nine in ten", "escapees-women-share")],
    ),
    # a count hundreds of times smaller than the claim's is of a few people, not the claim's
    (
        "Inspectors found six North Koreans working abroad on a Maltese freighter.",
        [("six", None)],
    ),
    # a count of a plural noun that is not the claim's own word counts another group
    (
        "Roughly 30,000 Buddhists are held in political prison camps, a monk said.",
        [("Roughly 30,000", None)],
    ),
    (
        "Countries hosting North Korean workers were the subject of five parliamentary inquiries.",
        [("five", None)],
    ),
    (
        "Some 55,000 loggers and builders work abroad for the regime.",
        [("Some 55,000", "overseas-workers")],
    ),
    # a claim counting entities does not count officials, unless with entities
    (
        "The Treasury sanctioned nine entities and six officials over forced labour.",
        [("nine", "treasury-sanctioned-entities"), ("six", None)],
    ),
    (
        "The Treasury sanctioned eleven officials and entities over forced labour.",
        [("eleven", "treasury-sanctioned-entities")],
    ),
    # ...nor those of another body, or on the whole list
    (
        "The UN Security Council has sanctioned some 75 entities since 2006.",
        [("some 75", None)],
    ),
    # a `none` phrase in another figure's noun phrase belongs to that figure
    (
        "Compare the 400,000 dolgyeokdae conscripts with the 55,000 workers abroad.",
        [("400,000", "dolgyeokdae-workforce"), ("55,000", "overseas-workers")],
    ),
    # the amount of each one is not a total
    (
        "The regime sends 55,000 workers abroad, each earning it some $9,000 a year.",
        [("55,000", "overseas-workers"), ("some $9,000 a year", None)],
    ),
    # an increment, a range over values no one states, a denied figure
    ("A further 12 entities were sanctioned by the Treasury.", [("12", None)]),
    (
        "No one has confirmed any figure above $1 billion a year from workers abroad.",
        [("above $1 billion a year", None)],
    ),
    ("North Korea has never been ranked Tier 1 in the TIP report.", [("Tier 1", None)]),
    (
        "Kang Chol-hwan was not released from Yodok until he was 19.",
        [("19", "yodok-imprisonment-age")],
    ),
    # a point in a life after "at": an age, so the age claim's if its subject is named
    ("Kang Chol-hwan arrived in Yodok at nine.", [("nine", "yodok-imprisonment-age")]),
    ("A conscript drafted into the dolgyeokdae comes home at 28.", [("28", None)]),
    # another country's tier
    (
        "The report keeps China on Tier 3 and notes North Korean labour there.",
        [("Tier 3", None)],
    ),
    # a duration that says when, not how long
    ("The dolgyeokdae were set up 40 years ago.", [("40 years", None)]),
    # a condition that presupposes its figure, not one that supposes it
    (
        "If the 55,000 workers abroad came home, the regime would lose its income.",
        [("55,000", "overseas-workers")],
    ),
    # the length of a term is what a duration claim measures, though it follows "of"
    (
        "Dolgyeokdae recruits, drawn from low-songbun families, serve terms of 12 years.",
        [("12 years", "dolgyeokdae-service-years")],
    ),
    # sums of money from one place are parts; "alone" after the subject is not a place
    (
        "The regime earns $150 million a year from workers abroad in China alone.",
        [("$150 million a year", None)],
    ),
    (
        "The regime takes some $950 million a year from the dolgyeokdae alone.",
        [("some $950 million a year", "dolgyeokdae-revenue")],
    ),
    # one camp: "on its own", or named by its number
    (
        "Camp 14, a political prison camp, holds 15,000 prisoners on its own, and Camp 18"
        " about 4,000.",
        [("15,000", None), ("about 4,000", None)],
    ),
    # a place after "in the"; not the place of a source or of what a figure is stated in
    ("About 6,000 North Korean workers abroad are in the Gulf.", [("About 6,000", None)]),
    (
        "Workers abroad numbered 90,000 in Japanese press reports.",
        [("90,000", "overseas-workers")],
    ),
    # a subject after "besides" or "in addition to" is what the figure is not
    (
        "Some 150,000 are held in labour-training centres, besides those in the political"
        " prison camps.",
        [("Some 150,000", None)],
    ),
    # the subject of a clause that opens with its verb is at the start of the sentence
    (
        "Inmates of the kyohwaso, the re-education prison camps, are said to number 140,000.",
        [("140,000", None)],
    ),
    # a `none` phrase after an aside that interrupts the figure's clause
    (
        "Four countries — Nepal, Peru, Chile and Fiji — refused visas to North Korean workers.",
        [("Four", None)],
    ),
    # a share of one year's intake or of a sample the sentence counts
    (
        "In 2016, 1,400 North Koreans reached the South, 78 percent of them women.",
        [("1,400", None), ("78 percent", None)],
    ),
    (
        "Our survey of 90 escapees found that 70 of them (78%) were women.",
        [("90", None), ("70", None), ("78%", None)],
    ),
    # the short names of a claim's subject once it is named: "the brigades", "the camps"
    (
        "The brigades' dams and roads are worth some $900 million a year to the state.",
        [("some $900 million a year", "dolgyeokdae-revenue")],
    ),
    (
        "Youth volunteer brigades serve 3 years on farms.",
        [("3 years", None)],
    ),
    (
        "The camps are thought to hold about 95,000 people.",
        [("about 95,000", "prison-camp-population")],
    ),
    (
        "Some 12,000 men are held in logging camps in the Russian taiga.",
        [("Some 12,000", None)],
    ),
    # the Treasury's own action, and the firms it named
    (
        "The Treasury's action covered nine North Korean firms.",
        [("nine", "treasury-sanctioned-entities")],
    ),
    ("The department later sanctioned four more companies.", [("four", None)]),
    # escapees named by what they did
    (
        "Seven in ten North Koreans who have fled their country are women.",
        [("Seven in ten", "escapees-women-share")],
    ),
    # a day's hours stated for workers in a foreign place named by the gazetteer
    (
        "On the building sites of Khabarovsk the men put in nineteen hours most days.",
        [("nineteen hours", "overseas-work-hours")],
    ),
    # everyone a place held over the years is no population at one time
    (
        "The political prison camps have held 300,000 people over the decades.",
        [("300,000", None)],
    ),
    # one form of trafficking is a part of the share trafficked at all
    (
        "Some 40 per cent of female escapees are trafficked into the sex trade.",
        [("Some 40 per cent", None)],
    ),
    (
        "Eight in ten female escapees are sold to brokers or trafficked.",
        [("Eight in ten", "escapee-women-trafficked-share")],
    ),
    # a small count after a word for age, or the years of a life from one age to another
    (
        "Kang Chol-hwan lived the years from eight to 18 in Yodok.",
        [("from eight to 18", "yodok-imprisonment-age")],
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
    # an item that names its own subject is not about the context's
    (
        "### Labour abroad and at home\n\n- Inmates of the political prison camps: 11 hours a"
        " day\n",
        [("11 hours a day", None, "none")],
    ),
    # a label before a colon gives a bare number its unit
    (
        "## North Korean workers abroad\n\n- Hours: 15 to 19 a day\n",
        [("15 to 19 a day", "overseas-work-hours", "none")],
    ),
    # list items keyed by a place or a numbered camp are parts, not the total
    (
        "Labourers sent abroad, by host country:\n\n1. Mongolia — 2,500\n2. The Gulf — 7,000\n"
        "3. In all — 57,000\n",
        [("2,500", None, "none"), ("7,000", None, "none"), ("57,000", "overseas-workers", "none")],
    ),
    (
        "Political prison camps and their inmates:\n\n- Camp 18 (Pukchang): 9,000\n",
        [("9,000", None, "none")],
    ),
    # a `none` phrase qualifying the context's subject rules its claim out
    (
        "| Survey | Trafficked share of female escapees |\n|---|---|\n| Shelter poll | 70% |\n",
        [("70%", "escapee-women-trafficked-share", "none")],
    ),
    # the unit of a figure is no subject of the item
    (
        "### Labour abroad\n\n- Inmates of the political prison camps: 12 hours a day\n"
        "- Workers sent overseas: 17 hours a day\n",
        [("12 hours a day", None, "none"), ("17 hours a day", "overseas-work-hours", "none")],
    ),
    (
        "| Fact | Value |\n|---|---|\n| Kang Chol-hwan's age while in Yodok | 8–18 |\n",
        [("8–18", "yodok-imprisonment-age", "none")],
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
    # a figure noun with a possessive or an adjective refers back too ("their number",
    # "every credible estimate"), and so does a pronoun placing a count ("held in them")
    (
        "Some 15,000 North Korean labourers work on Chinese farms. Worldwide, their number is"
        " put at 58,000.",
        [("Some 15,000", None), ("58,000", "overseas-workers")],
    ),
    (
        "Some claim 30,000 people are held in political prison camps. Every credible estimate"
        " is at least 80,000.",
        [("30,000", "prison-camp-population"), ("at least 80,000", "prison-camp-population")],
    ),
    (
        "The political prison camps are still open. About 110,000 people are held in them.",
        [("About 110,000", "prison-camp-population")],
    ),
    # ...a definite noun for what was named ("the workers", "The country")
    (
        "Most workers abroad are in Russia and China. A study found that the workers put in"
        " 17 hours a day.",
        [("17 hours a day", "overseas-work-hours")],
    ),
    (
        "Some 90% of North Korean women who flee are trafficked. The country has been ranked"
        " Tier 3 since 2003.",
        [("Some 90%", "escapee-women-trafficked-share"), ("Tier 3", "tip-tier")],
    ),
    # ...and a source restating a measure that says nothing of what it measures
    (
        "Women make up 80% of escapees today. Enos gave 75% in 2017.",
        [("80%", "escapees-women-share"), ("75%", "escapees-women-share")],
    ),
    # an answer is about what its question asked, and a paragraph opening with a word
    # that refers back is about the block before it
    (
        "**Q:** How many people are held in the political prison camps?\n\n"
        "**A:** About 90,000, by my count. Perhaps 110,000.",
        [("About 90,000", "prison-camp-population"), ("110,000", "prison-camp-population")],
    ),
    (
        "## The dolgyeokdae\n\nRecruits serve 11 years without pay.",
        [("11 years", "dolgyeokdae-service-years")],
    ),
    (
        "Labourers are still sent abroad.\n\nThe programme began 30 years ago.",
        [("30 years", None)],
    ),
    # "put it at" points back to the figure the sentence before named
    (
        "Estimates of the number of North Korean workers abroad vary. The ministry put it at"
        " 70,000.",
        [("70,000", "overseas-workers")],
    ),
    # a share beside a pronoun may be of anything
    (
        "Three in four escapees are women. Unemployment among them is 12%.",
        [("Three in four", "escapees-women-share"), ("12%", None)],
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
