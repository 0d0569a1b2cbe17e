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


# "… has since put the figure at 200,000": a definite noun for a figure, with no "of" to
# say what it counts, refers back to the figure of the sentence before.
_FIGURE_NOUNS = frozenset("figure number total estimate tally count toll".split())
_ANAPHORIC_DETERMINERS = frozenset("the that this its".split())


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
            tokens[index].lemma in _FIGURE_NOUNS
            and tokens[index - 1].lower in _ANAPHORIC_DETERMINERS
            and index + 1 < len(tokens)
            and tokens[index + 1].lower in _AFTER_FIGURE_NOUN
            and not first <= index <= last
        ):
            return True
    return False


# Words that open a sentence about what the sentence before named: pronouns, and nouns
# that need an "of what" ("Members serve ten-year terms").
_ANAPHORIC_OPENERS = frozenset(
    "they these those each their its it he she his her we our such both members".split()
)


def may_carry_subject(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure may take its subject from the sentence before: only when its
    sentence opens by referring back ("They work up to 20 hours a day", "Members serve
    ten-year terms"), and, for a count, when it says it counts people, countries or
    entities, not something the sentence before did not name ("1,000 guards")."""
    opener = next((token for token in sentence.tokens if _is_word(token)), None)
    if opener is None or opener.lower not in _ANAPHORIC_OPENERS:
        return False
    if quantity.kind != "count":
        return True
    first, last = sentence.token_range(quantity.start, quantity.end)
    counted = _category_after(sentence, last, _clause(sentence, first, last))
    return counted in ("person", "country", "entity")


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
    counted = _counted_noun(sentence, first, last, clause) if quantity.kind == "count" else None
    part_of_whole = (
        part_of_whole
        or _names_a_part(sentence, clause, first, last)
        or (quantity.kind == "count" and _is_partitive(sentence, first, last))
    )
    background = (
        clause[0] == sentence.lead
        and sentence.lead < len(sentence.tokens)
        and (sentence.tokens[sentence.lead].lower in _BACKGROUND_OPENERS)
    )
    # "The country's population of about 26 million": the figure measures a noun of its own
    # clause, so a subject in another clause is not what it is about.
    own_noun = (
        first >= 2
        and _token_is(sentence, first - 1, "of")
        and _is_word(sentence.tokens[first - 2])
        and sentence.tokens[first - 2].lower not in _NOT_PART_OF_NOUN_PHRASE
        and _category_after(sentence, last, clause) is None
    )
    reach = _relative_clause_reach(sentence, clause)
    flow = quantity.kind == "count" and _counts_a_flow(sentence, clause)
    if _is_hypothetical(sentence, first):
        return None
    if quantity.kind == "count" and (
        _describes_a_prepositional_object(sentence, first)
        or _is_a_point_in_life(sentence, first, last, clause)
        or _counts_speakers(sentence, last, clause)
    ):
        return None
    best: tuple[int, int] | None = None
    best_claim: Claim | None = None
    for order, subject in subjects:
        if not fits(subject.claim, quantity):
            continue
        if own_noun and not clause[0] <= subject.first <= clause[1]:
            continue
        if reach is not None and not reach[0] <= subject.first <= reach[1]:
            continue  # "The programme, which has cost $1.3 billion, is paid for by workers"
        if any(clause[0] <= start and end <= clause[1] for start, end in subject.exclusions):
            continue  # "200,000 died in the camps": the clause is about something else
        if background and not clause[0] <= subject.first <= clause[1]:
            continue  # "With a population of 26 million, North Korea sends workers abroad"
        if not _counts_what_claim_counts(subject.claim, counted):
            continue  # "four political prison camps" counts camps, not prisoners
        if part_of_whole and subject.claim.kind in _TOTAL_KINDS:
            continue  # "30,000 of them are in Russia": one country's share, not the total
        if flow and subject.claim.kind == "people":
            continue  # "Hundreds of thousands have passed through the camps": not at once
        score = (_distance(sentence, first, last, subject), order)
        if best is None or score < best:
            best, best_claim = score, subject.claim
    return best_claim


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
    return False


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
    if not conditional:
        return False
    return any(token.lower in _MODALS for token in tokens[first + 1 :])


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
    verb = tokens[first - 2]
    if verb.lemma in _VALUING_LEMMAS or verb.lemma == verb.lower or verb.lower.endswith("s"):
        return False
    return _category_after(sentence, last, clause) is None


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


def _names_a_part(sentence: Sentence, clause: tuple[int, int], first: int, last: int) -> bool:
    tokens = sentence.tokens
    if _is_partitive_whole(tokens, first):
        return False  # "Most of the 70,000 workers are in Russia": the figure is the whole
    low, high = max(clause[0], first - _PLACE_REACH), min(clause[1], last + _PLACE_REACH)
    for index in range(low, high + 1):
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
        if _lists_places(tokens, clause[1]):
            continue  # "in Asia, the Middle East and Africa": everywhere, not one part
        if index < first and any(
            tokens[between].lemma in _SPEAKING_LEMMAS for between in range(index + 2, first)
        ):
            continue  # "Analysts in Seoul say 50,000 …": where the speakers are
        return True
    return False


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
