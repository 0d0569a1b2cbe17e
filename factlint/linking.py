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
from factlint.subjects import SubjectMatch

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
        labor employee migrant victim survivor recruit individual official
        """.split(),
        "person",
    ),
    # the people a study asked, not the population a claim counts
    **dict.fromkeys("interviewee respondent participant informant".split(), "sample"),
    **dict.fromkeys("country nation territory state".split(), "country"),
    **dict.fromkeys("entity company firm bank".split(), "entity"),
    **dict.fromkeys("time day week month year hour decade shift".split(), "time"),
    **dict.fromkeys(
        """
        camp brigade unit team section case recommendation restaurant resolution site
        province city ship factory mine interview report execution missile test round
        """.split(),
        "other",
    ),
}
# The nouns that show a count is not of what a claim of this kind counts. `entities` is the
# kind for anything else a pack counts (shelters, ships), so only places and times rule out.
_REJECTED_NOUNS: dict[str, frozenset[NounCategory]] = {
    "people": frozenset({"sample", "country", "entity", "time", "other"}),
    "countries": frozenset({"person", "sample", "entity", "time", "other"}),
    "entities": frozenset({"country", "time"}),
}
_COUNTED_NOUN_WINDOW = 4
_NOT_PART_OF_NOUN_PHRASE = frozenset(
    """
    of in on at to from for by with are is were was have has had who that which and or
    a an the
    """.split()
)

# A clause that places its figure in one named country or region ("are in Russia",
# "sent home from Kuwait", "in Qatar alone") states a part, not the claim's total.
_TOTAL_KINDS = frozenset({"people", "countries", "entities"})
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
    ordered = sorted(enumerate(subjects), key=lambda item: item[1].first)
    firsts = [subject.first for _, subject in ordered]
    claims: list[Claim | None] = []
    for quantity in quantities:
        if not sentence.tokens:
            claims.append(None)
            continue
        first, last = sentence.token_range(quantity.start, quantity.end)
        window = ordered[
            bisect_left(firsts, first - _SUBJECT_REACH) : bisect_right(
                firsts, last + _SUBJECT_REACH
            )
        ]
        claims.append(_nearest_claim(sentence, quantity, first, last, window, part_of_whole))
    return claims


def _nearest_claim(
    sentence: Sentence,
    quantity: Quantity,
    first: int,
    last: int,
    subjects: Sequence[tuple[int, SubjectMatch]],
    part_of_whole: bool = False,
) -> Claim | None:
    clause = _clause(sentence, first, last)
    counted = _counted_noun(sentence, last, clause) if quantity.kind == "count" else None
    part_of_whole = (
        part_of_whole
        or _names_a_part(sentence, clause)
        or (quantity.kind == "count" and _is_partitive(sentence, first, last))
    )
    background = (
        clause[0] == sentence.lead
        and sentence.lead < len(sentence.tokens)
        and (sentence.tokens[sentence.lead].lower in _BACKGROUND_OPENERS)
    )
    best: tuple[int, int] | None = None
    best_claim: Claim | None = None
    for order, subject in subjects:
        if not fits(subject.claim, quantity):
            continue
        if any(clause[0] <= start and end <= clause[1] for start, end in subject.exclusions):
            continue  # "200,000 died in the camps": the clause is about something else
        if background and not clause[0] <= subject.first <= clause[1]:
            continue  # "With a population of 26 million, North Korea sends workers abroad"
        if not _counts_what_claim_counts(subject.claim, counted):
            continue  # "four political prison camps" counts camps, not prisoners
        if part_of_whole and subject.claim.kind in _TOTAL_KINDS:
            continue  # "30,000 of them are in Russia": one country's share, not the total
        score = (_distance(sentence, first, last, subject), order)
        if best is None or score < best:
            best, best_claim = score, subject.claim
    return best_claim


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _counted_noun(sentence: Sentence, last: int, clause: tuple[int, int]) -> NounCategory | None:
    """The category of the noun a bare count counts, if one of the next words names it."""
    tokens = sentence.tokens
    for index in range(last + 1, min(clause[1], last + _COUNTED_NOUN_WINDOW) + 1):
        token = tokens[index]
        if token.lower in _NOT_PART_OF_NOUN_PHRASE:
            return None
        # "countries.[22": a citation marker glued to the word by the tokenizer
        letters = regex.match(r"[a-z]*", token.lower).group()
        for form in (token.lower, token.lemma, _singular(letters)):
            category = _NOUN_CATEGORIES.get(form)
            if category is not None:
                return category
    return None


def _counts_what_claim_counts(claim: Claim, counted: NounCategory | None) -> bool:
    return counted not in _REJECTED_NOUNS.get(claim.kind, frozenset())


def _names_a_part(sentence: Sentence, clause: tuple[int, int]) -> bool:
    tokens = sentence.tokens
    for index in range(clause[0], clause[1] + 1):
        token = tokens[index]
        if token.lower == "alone":
            return True
        if token.lower not in ("in", "from") or index + 1 > clause[1]:
            continue
        place = tokens[index + 1]
        if not place.text[:1].isupper() or place.lower in _WHOLE_NAMES | _CALENDAR:
            continue
        if index > 0 and tokens[index - 1].lower in _DISTRIBUTIVE:
            continue
        return True
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
