"""Linking each stated quantity to the claim it is about, or to none.

A quantity links to a claim only when the claim's subject is named in the same sentence and
the kinds agree (a percentage never links to a head count), and not when one of the claim's
`none` phrases stands in the quantity's own clause. With several candidates, the nearest
subject wins, and a subject across a clause boundary counts as further away.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import chain
from typing import Literal

import regex

from factlint.pack import Claim
from factlint.quantities import Quantity
from factlint.sentences import Sentence, Token
from factlint.subjects import Phrase, SubjectMatch, find_phrase

_CLAUSE_BOUNDARIES = frozenset(
    {",", ";", ":", "—", "–", "(", ")", "but", "while", "whereas", "although", "though"}
)
_CLAUSE_PENALTY = 6
# A subject in a list item's or table row's context (see `Sentence.lead`) is further away
# than any in the item's own words.
_CONTEXT_PENALTY = 12

# What a bare count counts is read from the nouns right after it ("four political prison
# camps", "40 countries", "two rest days"): a count of camps or days is not a head count,
# and a count of workers is not a count of countries.
NounCategory = Literal["person", "sample", "country", "entity", "time", "other"]
_NOUN_CATEGORIES: dict[str, NounCategory] = {
    **dict.fromkeys(
        """
        worker labourer laborer people person prisoner inmate detainee defector escapee
        refugee woman man child girl boy member conscript citizen national korean labour
        labor employee migrant victim survivor recruit individual official population
        workforce resident inhabitant
        """.split(),
        "person",
    ),
    # the people a study asked, not the population a claim counts
    **dict.fromkeys("interviewee respondent participant informant".split(), "sample"),
    **dict.fromkeys("country nation territory state government capital".split(), "country"),
    **dict.fromkeys("entity company firm bank".split(), "entity"),
    **dict.fromkeys("time day week month year hour decade shift".split(), "time"),
    **dict.fromkeys(
        """
        camp brigade unit team section case recommendation restaurant resolution site
        province city ship factory mine interview report execution missile test round
        number figure fact point reason step lesson way thing question example stage phase
        """.split(),
        "other",
    ),
}
# The nouns that show a count is not of what a claim of this kind counts. `entities` is the
# kind for anything else a pack counts (shelters, ships), so only places and times rule out.
_REJECTED_NOUNS: dict[str, frozenset[NounCategory]] = {
    "people": frozenset({"sample", "country", "entity", "time", "other"}),
    "countries": frozenset({"person", "sample", "entity", "time", "other"}),
    # "seven officials" are people: a claim counting entities does not count them
    "entities": frozenset({"person", "country", "time"}),
}
_COUNTED_NOUN_WINDOW = 4
_NOT_PART_OF_NOUN_PHRASE = frozenset(
    """
    of in on at to from for by with are is were was have has had who that which and or
    a an the
    """.split()
)

# A clause that places its figure in one named country or region ("are in Russia",
# "sent home from Kuwait", "in Qatar alone") states a part, not the claim's total. Sums of
# money are totals too ("$200 million of it from Russia alone"); a measure of each member
# (hours a day, years of service) stated for one place is still the claim's measure.
_TOTAL_KINDS = frozenset({"people", "countries", "entities", "money-per-year"})
_WHOLE_NAMES = frozenset("north pyongyang dprk korea".split())
_DISTRIBUTIVE = frozenset("mostly mainly largely chiefly primarily especially notably".split())
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)


def fits(claim: Claim, quantity: Quantity) -> bool:
    """Whether a quantity of this kind can state this claim's figure."""
    kind = claim.kind
    if kind in ("people", "countries", "entities"):
        return quantity.kind == "count"
    if kind == "share":
        return quantity.kind == "share"
    if kind == "money-per-year":
        return (
            quantity.kind == "money"
            and quantity.unit == claim.currency
            and quantity.per in (None, "year")
        )
    if kind == "hours-per-day":
        return (
            quantity.kind == "duration"
            and quantity.unit == "hour"
            and quantity.per in (None, "day")
        )
    if kind == "years":
        return quantity.kind == "duration" and quantity.unit == "year" and quantity.per is None
    if kind == "tier":
        return quantity.kind == "tier"
    return quantity.kind == "age"


# "… has since put the figure at 200,000": a definite noun for a figure, with no "of" to
# say what it counts, refers back to the figure of the sentence before.
_FIGURE_NOUNS = frozenset(
    "figure number total estimate tally count toll share proportion percentage".split()
)
_ANAPHORIC_DETERMINERS = frozenset("the that this its their every".split())
# "the latest figure", "every credible estimate": one word may stand between the two.
_FIGURE_ADJECTIVES = frozenset(
    "latest new newer current official credible reliable real true accepted original same".split()
)


# What may follow such a noun: a verb or the preposition that gives its value, not "of"
# or "who" saying what it counts ("the number who died").
_AFTER_FIGURE_NOUN = frozenset(
    "at as is was has had stands stood rose fell grew to , . ; higher lower".split()
)


def refers_back(sentence: Sentence, quantity: Quantity, claim: Claim) -> bool:
    """Whether the figure's clause names it by a definite noun for a figure ("put the
    figure as high as 200,000", "that number has since doubled to 40"), and none of the
    claim's `none` phrases."""
    if not sentence.tokens:
        return False
    first, last = sentence.token_range(quantity.start, quantity.end)
    start, end = _clause(sentence, first, last)
    tokens = sentence.tokens
    clause = tokens[start : end + 1]
    if any(find_phrase(Phrase.parse(text), clause) for text in claim.subject.none):
        return False
    for index in range(max(start, 1), end + 1):
        if (
            _is_figure_noun(tokens, index)
            and index + 1 < len(tokens)
            and tokens[index + 1].lower in _AFTER_FIGURE_NOUN
            and not first <= index <= last
        ):
            return True
    return False


def _is_figure_noun(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token is a noun for a figure with a determiner that points back: "the
    figure", "their number", "every credible estimate"."""
    token = tokens[index]
    # the lemma table reads "number" as a form of "numb": the lower-case form is checked too
    if (token.lower not in _FIGURE_NOUNS and token.lemma not in _FIGURE_NOUNS) or index < 1:
        return False
    before = tokens[index - 1].lower
    if before in _ANAPHORIC_DETERMINERS:
        return True
    return (
        index >= 2
        and before in _FIGURE_ADJECTIVES
        and tokens[index - 2].lower in _ANAPHORIC_DETERMINERS
    )


# Words that open a sentence about what the sentence before named: pronouns, and nouns
# that need an "of what" ("Members serve ten-year terms").
_ANAPHORIC_OPENERS = frozenset(
    """
    they these those each their its it he she his her we our such both members some most
    many recruits conscripts service term terms
    """.split()
)


def may_carry_subject(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure may take its subject from the sentence before: only when its
    sentence refers back, by its first word ("They work up to 20 hours a day", "Members
    serve ten-year terms", "The organisation has 400,000 members"), by a pronoun before the
    figure ("were confined in them"), or by a noun for a figure ("their number is put at
    …"); and, for a count, when it says it counts people, countries or entities (not
    something the sentence before did not name: "1,000 guards"), or when a noun for a
    figure says the sentence restates one."""
    tokens = sentence.tokens
    first, last = sentence.token_range(quantity.start, quantity.end)
    start = next((index for index, token in enumerate(tokens) if _is_word(token)), None)
    if start is None:
        return False
    # looked for near the figure only, so that a huge "sentence" stays linear
    low = max(start, first - _SUBJECT_REACH)
    figure_noun = any(_is_figure_noun(tokens, index) for index in range(low, first))
    pronoun = any(
        token.lower in _BACK_POINTING for token in tokens[low : last + _SUBJECT_REACH + 1]
    ) or any(
        # "the UN put it at about 50,000": "it" is the figure the sentence before named
        tokens[index].lower == "it" and tokens[index - 1].lemma in _VALUING_LEMMAS
        for index in range(max(low, 1), first)
    )
    refers = (
        tokens[start].lower in _ANAPHORIC_OPENERS
        # "held in them", "give 10 years of their lives": said of those a pronoun names; a
        # share beside one may be a share of anything ("unemployment among them is 12%")
        or (pronoun and quantity.kind != "share")
        or figure_noun
        or any(_is_a_definite_referent(tokens, index) for index in range(low, first))
    )
    if quantity.kind != "count":
        # a measure restated by a source ("Enos gives three in four") needs no pointer; a
        # bare count so restated may be of anything ("put its population at 20,000")
        return refers or _reports_a_bare_figure(sentence, first, last)
    if not refers:
        return False
    clause = _clause(sentence, first, last)
    counted = _category_after(sentence, last, clause)
    if counted is None:
        # a bare count ("their number is put at 60,000") is of what the sentence refers to;
        # one of an unnamed plural ("2,000 guards") is not
        return _plural_head_after(sentence, last, clause) is None
    return counted in ("person", "country", "entity")


# "Enos gives three in four.", "Enos reported 75 per cent in 2017": a source reporting a
# figure that says nothing of what it measures restates the figure of the sentence before.
_REPORTING_LEMMAS = frozenset("say report estimate give put cite count find claim".split())


def _reports_a_bare_figure(sentence: Sentence, first: int, last: int) -> bool:
    tokens = sentence.tokens
    clause = _clause(sentence, first, last)
    if last + 1 < len(tokens) and (
        tokens[last + 1].lower == "of" or _category(tokens[last + 1]) is not None
    ):
        return False
    if _plural_head_after(sentence, last, clause) is not None:
        return False
    low = max(clause[0], first - _REPORTER_REACH)
    return any(tokens[index].lemma in _REPORTING_LEMMAS for index in range(low, first))


_REPORTER_REACH = 8


# Pronouns that point back to the people or places the sentence before named.
_BACK_POINTING = frozenset("they them their".split())
# "The country has been graded Tier 3", "The organisation comprises 400,000 labourers": a
# definite noun for what the sentence before named, opening the sentence.
_REFERRING_NOUNS = frozenset(
    """
    country organisation organization brigade camp worker labourer laborer
    """.split()
)


def _is_a_definite_referent(tokens: Sequence[Token], index: int) -> bool:
    """ "the workers", "The country", "these camps": a definite noun for what was named."""
    return (
        index + 1 < len(tokens)
        and tokens[index].lower in ("the", "this", "these", "those")
        and tokens[index + 1].lemma in _REFERRING_NOUNS
    )


# A subject further than this many tokens from a figure is not its subject. Bounding the
# search keeps linking linear on pathological "sentences" (a megabyte with no full stop).
_SUBJECT_REACH = 80


def link(
    sentence: Sentence,
    quantities: Sequence[Quantity],
    subjects: Sequence[SubjectMatch],
    *,
    part_of_whole: bool = False,
) -> list[Claim | None]:
    """For each quantity of the sentence, the claim it is about, or None.

    `part_of_whole`: the sentence states a part (a table row of one country), so no
    figure of it states a claim's total.
    """
    if not subjects or not sentence.tokens:
        return [None] * len(quantities)  # most sentences with a figure name no subject
    ordered = sorted(enumerate(subjects), key=lambda item: item[1].first)
    firsts = [subject.first for _, subject in ordered]
    # Each figure's own words: the figure and the noun phrase after it ("400,000 dolgyeokdae
    # conscripts"). What stands there is said of that figure, not of its neighbours.
    owned = (
        [_noun_phrase_span(sentence, *sentence.token_range(q.start, q.end)) for q in quantities]
        if len(quantities) > 1
        else []
    )
    claims: list[Claim | None] = []
    for position, quantity in enumerate(quantities):
        first, last = sentence.token_range(quantity.start, quantity.end)
        window = ordered[
            bisect_left(firsts, first - _SUBJECT_REACH) : bisect_right(
                firsts, last + _SUBJECT_REACH
            )
        ]
        if not window or (
            quantity.kind == "share" and _share_of_a_counted_group(sentence, quantities, position)
        ):
            claims.append(None)
            continue
        claims.append(_nearest_claim(sentence, quantity, first, last, window, part_of_whole, owned))
    return claims


# A share of a group the sentence counts is a share of that group: a part when the group is
# one year's intake ("In 2019, 1,047 reached the South, 85 percent of them women") or a
# sample ("our survey of 112 escapees"), not of the population at large.
_SAMPLE_LEMMAS = frozenset("survey sample poll interview questionnaire".split())
_YEAR_PREPOSITIONS = frozenset("in during".split())


def _share_of_a_counted_group(
    sentence: Sentence, quantities: Sequence[Quantity], position: int
) -> bool:
    tokens = sentence.tokens
    share_first, _ = sentence.token_range(quantities[position].start, quantities[position].end)
    floor = max(sentence.lead, share_first - _SUBJECT_REACH)  # linear on a huge "sentence"
    counted = False
    for quantity in reversed(quantities[max(0, position - _SUBJECT_REACH) : position]):
        first, last = sentence.token_range(quantity.start, quantity.end)
        if first < floor:
            break
        if quantity.kind == "count" and _category_after(
            sentence, last, _clause(sentence, first, last)
        ) in ("person", "sample"):
            counted = True
            break
    if not counted:
        return False
    for index in range(floor, share_first):
        token = tokens[index]
        if token.lemma in _SAMPLE_LEMMAS:
            return True
        if token.lower == "year" and index > 0 and tokens[index - 1].lower in ("last", "that"):
            return True
        if (
            len(token.text) == 4
            and token.text.isdigit()
            and index > 0
            and tokens[index - 1].lower in _YEAR_PREPOSITIONS
        ):
            return True
    return False


def _nearest_claim(
    sentence: Sentence,
    quantity: Quantity,
    first: int,
    last: int,
    subjects: Sequence[tuple[int, SubjectMatch]],
    part_of_whole: bool = False,
    owned: Sequence[tuple[int, int]] = (),
) -> Claim | None:
    clause = _clause(sentence, first, last)
    counted = _counted_noun(sentence, first, last, clause) if quantity.kind == "count" else None
    part_of_whole = (
        part_of_whole
        or _keyed_by_a_place(sentence, first, last)
        or _names_a_part(sentence, clause, first, last)
        or (quantity.kind == "count" and _is_partitive(sentence, first, last))
    )
    background = (
        clause[0] == sentence.lead
        and sentence.lead < len(sentence.tokens)
        and (sentence.tokens[sentence.lead].lower in _BACKGROUND_OPENERS)
    )
    # "The country's population of about 26 million": the figure measures a noun of its own
    # clause, so a subject in another clause is not what it is about. ("Terms of ten years"
    # and "shifts of 16 hours" are what a duration measures: no noun of their own.)
    own_noun = (
        first >= 2
        and _token_is(sentence, first - 1, "of")
        and _is_word(sentence.tokens[first - 2])
        and sentence.tokens[first - 2].lower not in _NOT_PART_OF_NOUN_PHRASE
        and not (quantity.kind == "duration" and sentence.tokens[first - 2].lemma in _PERIOD_NOUNS)
        and _category_after(sentence, last, clause) is None
    )
    reach = _relative_clause_reach(sentence, clause)
    flow = quantity.kind == "count" and _counts_a_flow(sentence, clause)
    if _is_hypothetical(sentence, first) or _is_not_asserted(sentence, first, last, clause):
        return None
    if quantity.kind == "count" and (
        _describes_a_prepositional_object(sentence, first)
        or _counts_speakers(sentence, last, clause)
    ):
        return None
    if quantity.kind == "tier" and _tier_of_another_place(sentence, first, clause):
        return None
    if quantity.kind == "duration" and _token_is_one_of(sentence, last + 1, _TIME_POINTERS):
        return None  # "30 years ago", "ten years later": when, not how long
    # "entered Yodok at nine", "comes out at 27": a point in a life, so an age if anything
    as_age = quantity.kind == "count" and (
        _is_a_point_in_life(sentence, first, last, clause)
        or _follows_an_age_word(sentence, quantity, first, clause)
    )
    # "each earning the state $10,000 a year": the amount of one of many, not a total
    per_each = _is_per_each(sentence, first, last, clause)
    head = _plural_head_after(sentence, last, clause) if quantity.kind == "count" else None
    # only the figures near enough for their words to hold one of the subjects' `none` phrases
    nearby = owned[
        bisect_left(owned, (first - _SUBJECT_REACH - _COUNTED_NOUN_WINDOW,)) : bisect_right(
            owned, (last + _SUBJECT_REACH + 1,)
        )
    ]
    others = [span for span in nearby if not span[0] <= first <= span[1]]
    judged = _across_an_aside(sentence, clause)
    if _lacks_a_subject(sentence, clause) and judged[0] > sentence.lead:
        # "Detainees in the kyohwaso, the ordinary camps, are thought to number 150,000":
        # the clause's subject opens the sentence, and a `none` phrase there rules out too
        judged = (sentence.lead if first >= sentence.lead else 0), judged[1]
    # "- Prisoners in the political prison camps: 12 hours a day" under a heading on work
    # abroad: an item that names its own subject is about it, even when that subject's
    # claim does not measure hours; the context's subject is not the item's.
    # (A subject word that is the figure's own unit, the "hours" of "12 hours a day", names
    # no one; the "Tier" of "Tier 3" names the ranking.)
    own_subject = sentence.lead > 0 and any(
        subject.first >= sentence.lead and not _is_the_unit(sentence, quantity, subject)
        for _, subject in subjects
    )
    best: tuple[int, int] | None = None
    best_claim: Claim | None = None
    for order, subject in subjects:
        claim = subject.claim
        if as_age:
            if claim.kind != "age":
                continue
        elif not fits(claim, quantity):
            continue
        if own_noun and not clause[0] <= subject.first <= clause[1]:
            continue
        if own_subject and (
            subject.last < sentence.lead or _is_the_unit(sentence, quantity, subject)
        ):
            continue
        if reach is not None and not reach[0] <= subject.first <= reach[1]:
            continue  # "The programme, which has cost $1.3 billion, is paid for by workers"
        if any(
            judged[0] <= start
            and end <= judged[1]
            and not any(low <= start and end <= high for low, high in others)
            for start, end in subject.exclusions
        ):
            continue  # "200,000 died in the camps": the clause is about something else
        if subject.last < sentence.lead and _qualified_in_context(sentence, subject):
            continue  # "| Trafficked share of female escapees |": not the share of women
        if background and not clause[0] <= subject.first <= clause[1]:
            continue  # "With a population of 26 million, North Korea sends workers abroad"
        if not _counts_what_claim_counts(claim, counted):
            continue  # "four political prison camps" counts camps, not prisoners
        if part_of_whole and claim.kind in _TOTAL_KINDS:
            continue  # "30,000 of them are in Russia": one country's share, not the total
        if flow and claim.kind == "people":
            continue  # "Hundreds of thousands have passed through the camps": not at once
        if per_each and claim.kind in _TOTAL_KINDS:
            continue
        if not as_age and not _of_the_claims_size(claim, quantity):
            continue  # "four deckhands" is never a count of 50,000 workers abroad
        if head is not None and not _head_names_the_subject(claim, head, subjects):
            continue  # "50,000 Christians", "three parliamentary debates": another group
        if _contrasted(sentence, subject, clause):
            continue  # "150,000 detainees, in addition to those in the political camps"
        score = (_distance(sentence, first, last, subject), order)
        if best is None or score < best:
            best, best_claim = score, claim
    return best_claim


def _is_the_unit(sentence: Sentence, quantity: Quantity, subject: SubjectMatch) -> bool:
    """Whether the subject match is the unit word of the figure ("hours" in "12 hours")."""
    if quantity.unit is None or subject.first != subject.last:
        return False
    first, last = sentence.token_range(quantity.start, quantity.end)
    token = sentence.tokens[subject.first]
    return first <= subject.first <= last and quantity.unit in (token.lemma, _singular(token.lower))


# How far before a context's subject one of its claim's `none` phrases may qualify it.
_QUALIFIER_REACH = 5


def _qualified_in_context(sentence: Sentence, subject: SubjectMatch) -> bool:
    """Whether a subject named in the context (a header, lead-in or heading) is qualified
    there by one of its claim's `none` phrases just before it, in its clause: "Trafficked
    share of female escapees" is about the trafficked, not about the escapees at large."""
    floor = _clause_start(sentence.tokens, subject.first, max(0, subject.first - _QUALIFIER_REACH))
    return any(floor <= start and end < subject.first for start, end in subject.exclusions)


# A list item or table row keyed by a place ("1. China — 50,000", "- Camp 14 (Kaechon):
# 15,000", "- Elsewhere: 6,000") states that place's part of a whole. A gazetteer of the
# world's regions and countries (the names a key may take), and the words for "the rest".
_PLACE_NAMES = frozenset(
    """
    africa america americas asia europe oceania arctic siberia gulf caucasus balkans
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium benin bolivia brazil bulgaria burma burundi cambodia
    cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark
    djibouti ecuador egypt eritrea estonia ethiopia fiji finland france gabon gambia georgia
    germany ghana greece guatemala guinea haiti honduras hungary india indonesia iran iraq
    ireland israel italy japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia
    lebanon liberia libya lithuania madagascar malawi malaysia mali malta mauritania mexico
    moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands
    nicaragua niger nigeria norway oman pakistan panama paraguay peru philippines poland
    portugal qatar romania russia rwanda senegal serbia singapore slovakia slovenia somalia
    spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand togo tunisia
    turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia
    zimbabwe uae emirates moscow vladivostok khabarovsk beijing shanghai dandong shenyang
    elsewhere other others rest
    """.split()
)
_KEY_SEPARATORS = frozenset(":—–-")
_KEY_REACH = 8
_VALUE_TAIL = 4


def _keyed_by_a_place(sentence: Sentence, first: int, last: int) -> bool:
    tokens = sentence.tokens
    separator = first - 1
    # ":", "—", or "):" glued after a parenthesis ("Camp 14 (Kaechon): 15,000")
    if separator <= sentence.lead or tokens[separator].text[-1:] not in _KEY_SEPARATORS:
        return False
    # the figure is the item's value: little follows it ("China — 50,000 (2017)"), unlike a
    # dateline's sentence ("BEIJING — Up to 100,000 North Koreans are toiling …")
    if sum(1 for token in tokens[last + 1 :] if _is_word(token)) > _VALUE_TAIL:
        return False
    # the key: the item's words before the separator, after a list number ("1.")
    start = sentence.lead
    while start < separator and not any(char.isalpha() for char in tokens[start].text):
        start += 1
    if start >= separator or separator - start > _KEY_REACH:
        return False
    key = tokens[start]
    if key.lower in _PLACE_NAMES or (
        key.lower in ("the", "middle", "far", "south", "east", "west", "north", "central")
        and start + 1 < separator
        and (tokens[start + 1].lower in _PLACE_NAMES or tokens[start + 1].lower == "east")
        and tokens[start + 1].lower not in _WHOLE_NAMES
    ):
        return True
    # "Camp 14 (Kaechon)": a place named by its number
    return (
        key.lower in _NUMBERED_PLACES and start + 1 < separator and tokens[start + 1].text.isdigit()
    )


# What a duration states the length of, when it follows "of": "terms of ten years".
_PERIOD_NOUNS = frozenset(
    "term shift day workday stint tour service spell period sentence week".split()
)

# A count this many times smaller or larger than the claim's cited interval is not a figure
# of it: labelled claim figures stay within a factor of 7 of the cited interval, while "four
# deckhands", "27" (an age) or "three generations" are hundreds of times smaller than the
# claims' tens of thousands.
_SIZE_FACTOR = 20


def _of_the_claims_size(claim: Claim, quantity: Quantity) -> bool:
    if claim.kind not in ("people", "countries", "entities"):
        return True
    cited = claim.cited
    high = quantity.high if quantity.high is not None else quantity.low
    low = quantity.low if quantity.low is not None else quantity.high
    if high is not None and cited.low is not None and high * _SIZE_FACTOR < cited.low:
        return False
    return not (low is not None and cited.high is not None and low > cited.high * _SIZE_FACTOR)


# Words that say a figure is an addition to another ("a further 27 companies", "another
# 15 per cent") or ranges over values no one states ("any figure above $500 million").
_INCREMENT_WORDS = frozenset("further additional another any".split())
_NEGATIONS = frozenset("never not n't".split())


def _is_not_asserted(sentence: Sentence, first: int, last: int, clause: tuple[int, int]) -> bool:
    """Whether the figure is an increment to another ("a further 12", "three more"), ranges
    over values ("any figure above"), or is denied by "never"/"not" before it in its clause
    ("has never been placed on the Tier 2 Watch List")."""
    tokens = sentence.tokens
    for index in range(max(clause[0], first - 3), first):
        if tokens[index].lower in _INCREMENT_WORDS:
            return True
    if _token_is(sentence, last + 1, "more") and not _starts_a_predicate(sentence, last + 2):
        # "three more companies", "sanctioned 12 more": an increment; not "more than", nor
        # "50,000 more worked overseas" (a group of its own, the subject of its verb)
        return True
    for index in range(max(clause[0], first - 6), first):
        if tokens[index].lower in _NEGATIONS and not any(
            tokens[between].lower in _NEGATION_LIFTERS for between in range(index + 1, first)
        ):
            return True
    return False


def _starts_a_predicate(sentence: Sentence, index: int) -> bool:
    if index >= len(sentence.tokens):
        return False
    token = sentence.tokens[index]
    return (
        token.lower == "than"
        or token.lower in _PREDICATE_OPENERS
        or (token.lower.endswith("ed") and token.lemma != token.lower)
    )


# "did not leave until I was nineteen", "not more than", "not only 50,000 but": the figure
# after these is stated, not denied.
_NEGATION_LIFTERS = frozenset("until till before since than only just".split())


_EACH_WORDS = frozenset("each every apiece".split())
_PER_WORDS = frozenset("per a".split())
_UNIT_NOUNS = frozenset("worker labourer laborer head person capita member employee".split())


def _is_per_each(sentence: Sentence, first: int, last: int, clause: tuple[int, int]) -> bool:
    """Whether the figure is said of each one of many: "each earning $10,000 a year",
    "$900 per worker", "$120 apiece"."""
    tokens = sentence.tokens
    for index in range(max(clause[0], first - 4), first):
        if tokens[index].lower in _EACH_WORDS:
            return True
    for index in range(last + 1, min(clause[1], last + 3) + 1):
        token = tokens[index]
        if token.lower == "apiece":
            return True
        if (
            token.lower in _PER_WORDS
            and index + 1 <= clause[1]
            and tokens[index + 1].lemma in _UNIT_NOUNS
        ):
            return True
    return False


def _plural_head_after(sentence: Sentence, last: int, clause: tuple[int, int]) -> int | None:
    """The index of the plural noun a count counts when no category of ours names it
    ("four North Korean deckhands", "50,000 Christians"), else None."""
    tokens = sentence.tokens
    head: int | None = None
    for index in range(last + 1, min(clause[1], last + _COUNTED_NOUN_WINDOW) + 1):
        token = tokens[index]
        if token.lower in _NOT_PART_OF_NOUN_PHRASE or not _is_word(token):
            break
        if _category(token) is not None:
            return None
        if token.lower.endswith(("ing", "ed")):
            break
        head = index
    if head is None:
        return None
    token = tokens[head]
    plural = token.lower.endswith("s") and token.lemma != token.lower and token.text.isalpha()
    return head if plural else None


def _head_names_the_subject(
    claim: Claim, head: int, subjects: Sequence[tuple[int, SubjectMatch]]
) -> bool:
    """Whether a claim counting people or countries may count what the head noun names:
    only when the noun is one of the claim's own subject words ("50,000 loggers")."""
    if claim.kind not in ("people", "countries"):
        return True
    return any(
        subject.claim is claim and subject.first <= head <= subject.last for _, subject in subjects
    )


# Words that set a subject apart from what the figure counts: "in addition to those held in
# the political camps", "apart from the workers abroad".
_CONTRAST_OPENERS = (
    ("in", "addition", "to"),
    ("apart", "from"),
    ("aside", "from"),
    ("other", "than"),
    ("rather", "than"),
    ("besides",),
    ("unlike",),
    ("excluding",),
)
_CONTRAST_REACH = 8


def _contrasted(sentence: Sentence, subject: SubjectMatch, clause: tuple[int, int]) -> bool:
    """Whether the subject stands just after a contrasting phrase, outside the figure's
    clause: it names what the figure is not."""
    if clause[0] <= subject.first <= clause[1]:
        return False
    tokens = sentence.tokens
    low = _clause_start(tokens, subject.first, max(0, subject.first - _CONTRAST_REACH))
    for index in range(low, subject.first):
        for words in _CONTRAST_OPENERS:
            if all(
                index + offset < subject.first and tokens[index + offset].lower == word
                for offset, word in enumerate(words)
            ):
                return True
    return False


def _noun_phrase_span(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """The figure's tokens and the noun phrase right after it."""
    tokens = sentence.tokens
    end = last
    while end + 1 < len(tokens) and end - last < _COUNTED_NOUN_WINDOW:
        token = tokens[end + 1]
        if token.lower in _NOT_PART_OF_NOUN_PHRASE or not _is_word(token):
            break
        end += 1
    return first, end


# The words that may stand between a place and the tier it is ranked in: "Russia stays on
# Tier 3", "the report keeps Russia on Tier 3", "Eritrea is also in Tier 3".
_TIER_LINKS = frozenset(
    """
    on in at as to into the still also again is are was were has have had been be remains
    remained remain stays stayed stay keeps kept sits sat ranked placed put moved rated graded
    listed downgraded upgraded
    """.split()
)
_NOT_PLACE_NAMES = frozenset("it its the this that they there which who tier".split())


def _tier_of_another_place(sentence: Sentence, first: int, clause: tuple[int, int]) -> bool:
    """Whether the place ranked in the tier, named just before it, is not North Korea."""
    tokens = sentence.tokens
    index = first - 1
    while index >= clause[0] and tokens[index].lower in _TIER_LINKS:
        index -= 1
    if index < clause[0] or index < first - 5:
        return False
    token = tokens[index]
    return (
        token.text[:1].isupper()
        and token.text.isalpha()
        and token.lower not in _NOT_PLACE_NAMES | _WHOLE_NAMES
    )


# Words that open a clause with its verb: the clause's subject is earlier in the sentence.
_PREDICATE_OPENERS = frozenset(
    "are is was were has have had will would may might could can number numbered".split()
)


def _lacks_a_subject(sentence: Sentence, clause: tuple[int, int]) -> bool:
    return clause[0] > 0 and sentence.tokens[clause[0]].lower in _PREDICATE_OPENERS


_ASIDE_CLOSERS = {"—": "—", "–": "–", "(": ")"}
_ASIDE_REACH = 16


def _across_an_aside(sentence: Sentence, clause: tuple[int, int]) -> tuple[int, int]:
    """The clause, and the one after an aside that interrupts it ("Three countries —
    Malaysia, Kuwait and Qatar — expelled workers"): the words that say what the figure's
    noun phrase did, where a claim's `none` phrase rules it out."""
    tokens = sentence.tokens
    opening = clause[1] + 1
    if opening >= len(tokens) or tokens[opening].text not in _ASIDE_CLOSERS:
        return clause
    closer = _ASIDE_CLOSERS[tokens[opening].text]
    for index in range(opening + 1, min(len(tokens), opening + _ASIDE_REACH)):
        if tokens[index].text == closer:
            if index + 1 >= len(tokens):
                return clause
            return clause[0], _clause_end(tokens, index + 1)
    return clause


_RELATIVE_WORDS = frozenset("which who whose".split())
# A head count of people is of those there at one time. One whose clause says they died or
# went through a place counts everyone over the years: a flow, not the population.
_DEATH_LEMMAS = frozenset("die perish starve".split())
_PASSAGE_LEMMAS = frozenset("pass go cycle move".split())


def _counts_a_flow(sentence: Sentence, clause: tuple[int, int]) -> bool:
    tokens = sentence.tokens
    for index in range(clause[0], clause[1] + 1):
        token = tokens[index]
        if token.lemma in _DEATH_LEMMAS:
            return True
        if (
            token.lemma in _PASSAGE_LEMMAS
            and index + 1 <= clause[1]
            and tokens[index + 1].lower == "through"
        ):
            return True
        if token.lower in ("over", "across") and any(
            tokens[after].lower in _SPANS_OF_YEARS
            for after in range(index + 1, min(clause[1], index + 4) + 1)
        ):
            return True  # "have held 200,000 over the decades": everyone, over the years
    return False


_SPANS_OF_YEARS = frozenset("decades years generations".split())


def _relative_clause_reach(sentence: Sentence, clause: tuple[int, int]) -> tuple[int, int] | None:
    """For a figure in a non-restrictive relative clause (", which has cost $1.3 billion,"),
    the tokens its subject may stand in: the clause and the noun it is about, before the
    comma. The rest of the sentence says something else of that noun."""
    tokens = sentence.tokens
    start = clause[0]
    if start < 2 or tokens[start].lower not in _RELATIVE_WORDS or tokens[start - 1].lower != ",":
        return None
    floor = sentence.lead if start >= sentence.lead else 0
    return _clause_start(tokens, start - 2, floor), clause[1]


_MODALS = frozenset("would could might".split())
# Words in -ing that open a phrase, not a gerund subject ("According to the UN, 80,000 …").
_ING_PREPOSITIONS = frozenset(
    "according including excluding during regarding concerning following considering".split()
)


def _is_hypothetical(sentence: Sentence, first: int) -> bool:
    """Whether the figure is in the condition of a would-sentence: "If the workforce grew to
    100,000, it would …", "Cutting the workforce to 50,000 would …" (a gerund subject)."""
    tokens = sentence.tokens
    opener = sentence.lead
    if opener >= len(tokens) or first < opener:
        return False
    head = tokens[opener]
    conditional = head.lower == "if" or (
        head.lower.endswith("ing")
        and head.lemma != head.lower
        and head.lower not in _ING_PREPOSITIONS
        and head.text[:1].isupper()
    )
    if not conditional or _is_presupposed(tokens, first):
        return False
    return any(token.lower in _MODALS for token in tokens[first + 1 :])


_DEFINITE = frozenset("the its their these those".split())


def _is_presupposed(tokens: Sequence[Token], first: int) -> bool:
    """Whether a definite noun phrase holds the figure ("If the 100,000 workers abroad were
    sent home …", "a third of the estimated 90 per cent"): the condition takes the figure as
    a fact, it does not suppose it."""
    if first >= 1 and tokens[first - 1].lower in _DEFINITE:
        return True
    return (
        first >= 2
        and tokens[first - 2].lower in _DEFINITE
        and tokens[first - 1].lower in _PRESUPPOSING_ADJECTIVES
    )


_PRESUPPOSING_ADJECTIVES = frozenset("estimated reported official known current".split())


_PREPOSITIONS = frozenset("in into inside at on to with within across among".split())
_NOUN_PHRASE_LINKS = frozenset("and or the a an".split())
_AMOUNT_NOUNS = frozenset("maximum minimum average sum peak high low upwards excess".split())


def _describes_a_prepositional_object(sentence: Sentence, first: int) -> bool:
    """Whether the count measures the object of a preposition ("housed in barracks of up to
    40 people", "sent to camps of 2,000"): it is the size of each, not a total."""
    tokens = sentence.tokens
    if first < 3 or tokens[first - 1].lower != "of":
        return False
    index = first - 2
    words = 0
    if tokens[index].lemma in _FIGURE_NOUNS | _AMOUNT_NOUNS:
        return False  # "sent to a total of 16 countries": the figure is the total
    while index >= 0 and words < 4:
        token = tokens[index]
        if token.lower in _PREPOSITIONS:
            return words > 0
        if not _is_word(token) or (
            token.lower in _NOT_PART_OF_NOUN_PHRASE and token.lower not in _NOUN_PHRASE_LINKS
        ):
            return False
        words += token.lower not in _NOUN_PHRASE_LINKS
        index -= 1
    return False


# "put at 58,000", "estimated at 400,000", "peaked at 40": verbs that give a figure its
# value, or a level, with "at".
_VALUING_LEMMAS = frozenset(
    """
    put estimate place peg value set fix count number total calculate reckon assess cap
    peak stand level top plateau hover remain stay settle hold
    """.split()
)
_OLDEST_AGE = 120


def _is_a_point_in_life(sentence: Sentence, first: int, last: int, clause: tuple[int, int]) -> bool:
    """Whether a bare number after "at" follows a verb that does not value it ("conscripted
    at 17", "married at 16"): an age or a time, not a count."""
    tokens = sentence.tokens
    if first < 2 or tokens[first - 1].lower != "at" or first != last:
        return False
    value = regex.sub(r"[^\d.]", "", tokens[first].text)
    if value and float(value) > _OLDEST_AGE:
        return False
    index = first - 2
    # "entered Yodok at nine", "comes out at 27": the verb before its object or particle
    while index > clause[0] and (
        tokens[index].lower in _PARTICLES
        or (tokens[index].text[:1].isupper() and tokens[index].lower not in _WHOLE_NAMES)
    ):
        index -= 1
    skipped = index < first - 2
    verb = tokens[index]
    if verb.lemma in _VALUING_LEMMAS or verb.lemma == verb.lower:
        return False
    if verb.lower.endswith("s") and not skipped:
        return False  # "workers at 40" is a noun; "comes out at 27" is a verb
    return _category_after(sentence, last, clause) is None


_PARTICLES = frozenset("out up back home off free in".split())
# "| Age while held | 9–19 |", "spent the years from nine to 19 in Yodok": a small count
# after a word for age, or for the years of a life from one point to another, is an age.
_AGE_WORDS = frozenset("age ages aged".split())
_AGE_REACH = 4


def _follows_an_age_word(
    sentence: Sentence, quantity: Quantity, first: int, clause: tuple[int, int]
) -> bool:
    if quantity.high is not None and quantity.high > _OLDEST_AGE:
        return False
    tokens = sentence.tokens
    if (
        first >= 1
        and tokens[first].lower == "from"
        and tokens[first - 1].lower == "years"
        and quantity.low is not None
        and quantity.high is not None
    ):
        return True
    # the item's own words ("Age while held"), not across a sentence's clauses
    low = max(sentence.lead if first >= sentence.lead else 0, first - _AGE_REACH)
    if clause[0] > sentence.lead and tokens[clause[0] - 1].lower in (",", ";"):
        low = max(low, clause[0])
    return any(tokens[index].lower in _AGE_WORDS for index in range(low, first))


_TIME_POINTERS = frozenset("ago later earlier before after".split())


def _token_is_one_of(sentence: Sentence, index: int, words: frozenset[str]) -> bool:
    return 0 <= index < len(sentence.tokens) and sentence.tokens[index].lower in words


def _token_is(sentence: Sentence, index: int, lower: str) -> bool:
    return 0 <= index < len(sentence.tokens) and sentence.tokens[index].lower == lower


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _counted_noun(
    sentence: Sentence, first: int, last: int, clause: tuple[int, int]
) -> NounCategory | None:
    """The category of the noun a bare count counts: the head of the noun phrase after it
    (the last noun of "500,000 shock brigade labourers"), else the noun it measures ("a
    population of 26 million")."""
    found = _category_after(sentence, last, clause)
    if found is not None:
        return found
    if first >= 2 and sentence.tokens[first - 1].lower == "of":
        return _category(sentence.tokens[first - 2])
    return None


def _category_after(sentence: Sentence, last: int, clause: tuple[int, int]) -> NounCategory | None:
    """The category of the head of the noun phrase right after a figure, if it names one."""
    tokens = sentence.tokens
    found: NounCategory | None = None
    for index in range(last + 1, min(clause[1], last + _COUNTED_NOUN_WINDOW) + 1):
        token = tokens[index]
        if (
            token.lower in ("and", "or")
            and found is not None
            and index + 1 <= clause[1]
            and _category(tokens[index + 1]) is not None
        ):
            # "10 officials and entities", "ten entities and individuals": a count of people
            # and of something else is a count of the something else
            return _category(tokens[index + 1]) if found == "person" else found
        if token.lower in _NOT_PART_OF_NOUN_PHRASE or not _is_word(token):
            break
        category = _category(token)
        if category is not None:
            found = category
        elif found is not None or token.lower.endswith(("ing", "ed")):
            break  # the noun phrase ended at its head ("40 countries hosting workers")
    return found


def _category(token: Token) -> NounCategory | None:
    # "countries.[22": a citation marker glued to the word by the tokenizer
    letters = regex.match(r"[a-z]*", token.lower).group()
    for form in (token.lower, token.lemma, _singular(letters)):
        category = _NOUN_CATEGORIES.get(form)
        if category is not None:
            return category
    return None


def _counts_what_claim_counts(claim: Claim, counted: NounCategory | None) -> bool:
    return counted not in _REJECTED_NOUNS.get(claim.kind, frozenset())


# A place further than this from its figure is about some other word of the clause ("…
# camps is not going to be shamed by a resolution in Geneva").
_PLACE_REACH = 8
# "alone" may close a longer phrase ("from workers abroad between January and March 2017
# alone").
_ALONE_REACH = 16


def _names_a_part(sentence: Sentence, clause: tuple[int, int], first: int, last: int) -> bool:
    tokens = sentence.tokens
    if _is_partitive_whole(tokens, first):
        return False  # "Most of the 70,000 workers are in Russia": the figure is the whole
    for index in range(
        max(clause[0] + 1, first - _PLACE_REACH), min(clause[1], last + _ALONE_REACH) + 1
    ):
        token = tokens[index]
        if token.lower == "alone" and _names_a_place_or_time(tokens[index - 1]):
            return True  # "in Qatar alone", "in March 2017 alone"; not "the dolgyeokdae alone"
        if (
            token.lower == "own"
            and index >= 2
            and tokens[index - 1].lower in ("its", "their")
            and tokens[index - 2].lower == "on"
        ):
            return True  # "Camp 16 may hold 20,000 on its own"
    low, high = max(clause[0], first - _PLACE_REACH), min(clause[1], last + _PLACE_REACH)
    for index in range(low, high + 1):
        token = tokens[index]
        if (
            token.lower in _NUMBERED_PLACES
            and token.text[:1].isupper()
            and index + 1 < first
            and tokens[index + 1].text.isdigit()
        ):
            return True  # "and Camp 25 around 5,000": one camp, named by its number
        if token.lower not in ("in", "from") or index + 1 > clause[1]:
            continue
        at = index + 1
        if tokens[at].lower == "the" and at + 1 <= clause[1]:
            at += 1  # "in the Middle East", "in the Gulf"
        place = tokens[at]
        if not place.text[:1].isupper() or place.lower in _WHOLE_NAMES | _CALENDAR:
            continue
        if index > 0 and tokens[index - 1].lower in _DISTRIBUTIVE:
            continue
        if index > 0 and tokens[index - 1].lemma in _SPEAKER_NOUNS:
            continue  # "(cited by) officials in Seoul": where the source is
        if any(
            tokens[after].lemma in _SOURCE_NOUNS
            for after in range(at + 1, min(clause[1], at + 4) + 1)
        ):
            continue  # "in South Korean intelligence briefings": where it is stated
        if _lists_places(tokens, clause[1]):
            continue  # "in Asia, the Middle East and Africa": everywhere, not one part
        if index < first and any(
            tokens[between].lemma in _SPEAKING_LEMMAS for between in range(index + 2, first)
        ):
            continue  # "Analysts in Seoul say 50,000 …": where the speakers are
        return True
    return False


# People who give figures, and what figures are given in: a place after the first or an
# adjective before the second ("analysts in Seoul", "in South Korean media") says where a
# figure comes from, not where what it counts is.
_SPEAKER_NOUNS = frozenset(
    """
    official analyst researcher expert diplomat activist scholar journalist observer
    spokesman spokeswoman spokesperson source lawmaker
    """.split()
)
_SOURCE_NOUNS = frozenset(
    """
    report briefing study survey data estimate figure record media press testimony
    account statement document paper hearing
    """.split()
)


_NUMBERED_PLACES = frozenset("camp kwanliso kyohwaso prison zone site".split())


def _names_a_place_or_time(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _is_partitive_whole(tokens: Sequence[Token], first: int) -> bool:
    """Whether the figure follows "of the" ("most of the 70,000", "half of its 400,000"):
    a part of it is the subject, and it is the whole."""
    return (
        first >= 2
        and tokens[first - 1].lower in _PARTITIVE_DETERMINERS | _POSSESSIVE_DETERMINERS
        and tokens[first - 2].lower == "of"
    )


_POSSESSIVE_DETERMINERS = frozenset("its their our his her".split())
# Reporting verbs: a count that is their subject ("Three defectors told us …") counts who
# spoke, and a place before them ("analysts in Seoul say") is where the speakers are.
_SPEAKING_LEMMAS = frozenset(
    "say tell report estimate describe recall testify claim believe think write".split()
)


def _counts_speakers(sentence: Sentence, last: int, clause: tuple[int, int]) -> bool:
    """Whether the count's noun phrase is the subject of a reporting verb."""
    tokens = sentence.tokens
    for index in range(last + 1, min(clause[1], last + _COUNTED_NOUN_WINDOW + 1) + 1):
        token = tokens[index]
        if token.lemma in _SPEAKING_LEMMAS and index > last + 1:
            return True
        if token.lower in _NOT_PART_OF_NOUN_PHRASE or not _is_word(token):
            return False
    return False


def _lists_places(tokens: Sequence[Token], clause_end: int) -> bool:
    """Whether the clause's place is the first of a list that goes on past the comma
    ("in Asia, the Middle East, Africa and Europe"): a list of regions spans the whole."""
    index = clause_end + 1
    if index >= len(tokens) or tokens[index].lower != ",":
        return False
    for token in tokens[index + 1 : index + 12]:
        if token.lower in ("and", "or"):
            return True
        if token.lower not in (",", "the") and not token.text[:1].isupper():
            return False
    return False


_PLACE_NOUNS = frozenset(
    "country nation state territory region province city host destination location".split()
)


def rows_keyed_by_place(first_header_cell: str) -> bool:
    """Whether a table whose first column has this header gives one place per row
    ("| Country | Workers |"): each row's figure is then that place's part, not a total."""
    words = first_header_cell.lower().split()
    return bool(words) and _singular(words[-1].strip(".:*_()")) in _PLACE_NOUNS


# Not "of them" or "of our": "50,000 to 60,000 of them" and "50,000 of our people" are
# the whole, named again.
_PARTITIVE_DETERMINERS = frozenset("the a an those these".split())
# A sentence opening with one of these sets a background clause off with a comma ("With a
# population of 26 million, the country sends ..."): its figures are about what it names.
_BACKGROUND_OPENERS = frozenset("with given despite".split())


def _is_partitive(sentence: Sentence, first: int, last: int) -> bool:
    """Whether a count is a part of a larger set: "70,000 of the workforce", or, after
    "Of the 28 interviewees", the "19" that said so. ("Tens of thousands of workers" is
    no part: no determiner follows its "of".)"""
    tokens = sentence.tokens
    if (
        last + 2 < len(tokens)
        and tokens[last + 1].lower == "of"
        and tokens[last + 2].lower in _PARTITIVE_DETERMINERS
    ):
        return True
    opener = sentence.lead
    if opener < len(tokens) and tokens[opener].lower == "of" and first > opener:
        between = range(opener + 1, first)
        return any(tokens[index].lower in _CLAUSE_BOUNDARIES for index in between)
    return False


def _clause(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """Token indices (inclusive) of the clause around tokens first..last."""
    tokens = sentence.tokens
    floor = sentence.lead if first >= sentence.lead else 0  # context is a clause of its own
    start = _clause_start(tokens, first, floor)
    end = _clause_end(tokens, last)
    outside = chain(range(start, first), range(last + 1, end + 1))
    if any(_is_word(tokens[index]) for index in outside):
        return start, end
    # A figure alone in its clause ("**90%**: share of escapees who are trafficked",
    # "Host countries: 16") is about the clause beside it: the next one, else the one before.
    if end + 2 < len(tokens) and tokens[end + 2].lower not in _CLAUSE_BOUNDARIES:
        return first, _clause_end(tokens, end + 2)
    if start - 2 >= floor and tokens[start - 2].lower not in _CLAUSE_BOUNDARIES:
        return _clause_start(tokens, start - 2, floor), last
    return start, end


def _is_word(token: Token) -> bool:
    return any(char.isalnum() for char in token.text)


def _clause_end(tokens: Sequence[Token], index: int) -> int:
    """The last token index of the clause that holds `index`."""
    while index + 1 < len(tokens) and tokens[index + 1].lower not in _CLAUSE_BOUNDARIES:
        index += 1
    return index


def _clause_start(tokens: Sequence[Token], index: int, floor: int) -> int:
    """The first token index (not before `floor`) of the clause that holds `index`."""
    while index > floor and tokens[index - 1].lower not in _CLAUSE_BOUNDARIES:
        index -= 1
    return index


def _distance(sentence: Sentence, first: int, last: int, subject: SubjectMatch) -> int:
    if subject.first > last:
        between = range(last + 1, subject.first)
    elif subject.last < first:
        between = range(subject.last + 1, first)
    else:
        return 0
    boundaries = sum(1 for index in between if sentence.tokens[index].lower in _CLAUSE_BOUNDARIES)
    in_context = subject.last < sentence.lead <= first
    return len(between) + _CLAUSE_PENALTY * boundaries + _CONTEXT_PENALTY * in_context
