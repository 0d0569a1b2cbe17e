"""Find the quantities stated in prose: numbers with their interval, bound and kind.

Works on raw (masked) text with the `regex` module, so that offsets are exact and
figures such as "80,000–120,000" or "1.2bn", which spaCy keeps as one token, are read whole.

The reader is a small hand-written parser around anchored patterns: an *atom* (digits,
number words, a fraction, a proportion, a magnitude) is found first (where a stdlib `re`
pre-scan says one may start), then the words around it (bound words, currency, scale,
units, rates, a second atom for ranges) are read outward from it. Every pattern is anchored
and free of nested quantifiers, so no input can make it backtrack for long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

import regex

QuantityKind = Literal["count", "share", "money", "duration", "tier", "age", "measure"]
Bound = Literal[
    "exact",  # "16 countries"
    "approximate",  # "about / some / around / roughly / an estimated X", "X or so"
    "nearly",  # "nearly / almost / close to / just under X"
    "range",  # "between A and B", "A–B", "A to B", "from A to B"
    "more-than",  # "more than / over / at least / upwards of X", "X+", "X or more"
    "up-to",  # "up to / as many as / as much as / as high as X"
    "less-than",  # "fewer than / less than / under / below X"
    "magnitude",  # "tens of thousands", "hundreds of thousands", "thousands"
]


@dataclass(frozen=True)
class Quantity:
    """One stated quantity: `text` is exactly `source[start:end]`."""

    start: int
    end: int
    text: str
    kind: QuantityKind
    low: float | None
    high: float | None
    bound: Bound
    unit: str | None = None
    per: str | None = None


# --- vocabularies -------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "tn": 1e12,
}
_FRACTION_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_MAGNITUDES: dict[str, tuple[float, float]] = {
    "dozens": (24, 144),
    "hundreds": (100, 1e3),
    "thousands": (1e3, 1e6),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e9),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e12),
}
_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "₩": "KRW",
    "krw": "KRW",
    "¥": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "gbp": "GBP",
    "won": "KRW",
    "krw": "KRW",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
}
_DURATION_UNITS = {
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
}
_MEASURE_UNITS = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "mile",
    "metre": "metre",
    "meter": "metre",
    "kg": "kg",
    "kilogram": "kg",
    "tonne": "tonne",
    "ton": "tonne",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "square mile": "mile2",
    "degree": "degree",
    "calorie": "calorie",
    "mph": "mph",
}
_RATE_WORDS = {
    "annually": "year",
    "yearly": "year",
    "annum": "year",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "hourly": "hour",
    "year": "year",
    "yr": "year",
    "day": "day",
    "week": "week",
    "month": "month",
    "hour": "hour",
}
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Capitalised words that may stand just before a stated figure; any other capitalised word
# there ("Camp 15", "Resolution 2371") makes the number part of a name.
_NOT_IDENTIFIER_HEADS = frozenset(
    """
    a an the some about around roughly approximately nearly almost over under more fewer
    less up as at only just perhaps maybe between from of in on by to and or but with for
    all another each every those these its their his her our my your estimated circa above
    below exceeding upwards since until after before than then while whereas although
    though when where which who that this there here still even also well total totals
    totalled totaling totalling roughly approximately altogether some
    """.split()
)
# Nouns that a bare number names rather than counts, whatever their case ("camp 15").
_IDENTIFIER_NOUNS = frozenset(
    """camp kwanliso kyohwaso prison no number article section chapter resolution room unit
    page figure table item paragraph annex appendix level phase route block grade class
    version zone district ward building sheet part box exhibit note footnote step issue
    volume episode session question map chart slide interview""".split()
)
_ANAPHORIC_DETERMINERS = frozenset(
    """
    the these those its their his her our my your both all first last
    """.split()
)

# --- patterns -----------------------------------------------------------------------------

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS)
_NUMBER_WORD = rf"(?:(?:{_TENS_WORDS})(?:-(?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|dozen)"
# "and" joins number words only after a scale word ("two hundred and fifty"): in "seven and
# seventeen" it joins two numbers.
_WORD_SEQUENCE = (
    rf"(?:{_NUMBER_WORD}|a(?=\s+{_SCALE_WORD}\b))"
    rf"(?:(?:\s+|-)(?:{_NUMBER_WORD}|{_SCALE_WORD}(?:\s+and(?=\s+{_NUMBER_WORD}\b))?)\b)*"
)
_MAGNITUDE = (
    r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions"
)
_DENOMINATORS = "|".join(sorted(_FRACTION_DENOMINATORS, key=len, reverse=True))
_SMALL_NUMBER = rf"(?:[0-9]{{1,3}}|{_NUMBER_WORD})"

_ATOM = regex.compile(
    rf"""
    (?P<proportion>(?<![\w.,])(?P<num>{_SMALL_NUMBER})\s+(?:(?:cases|times)\s+out\s+of|of|in|out\s+of)
        \s+(?:every\s+|each\s+)?
        (?P<den>{_SMALL_NUMBER})\b(?![.,][0-9]))
    | (?P<digits>(?<![\w.,0-9])(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?)
    | (?P<half_scale>\bhalf\s+a\s+(?P<half_of>million|billion)\b)
    | (?P<fraction>\b(?:(?P<fnum>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?
        (?P<fden>{_DENOMINATORS})\b
        (?:(?:\s+of\s+a)?\s+(?P<fscale>thousand|million|billion|trillion)\b)?)
    | (?P<decade>\ba\s+decade\b(?!\s+(?:ago|after|before|later|earlier|on|since)\b))
    | (?P<magnitude>\b(?:{_MAGNITUDE})\b)
    | (?P<words>\b{_WORD_SEQUENCE}\b)
    """,
    regex.IGNORECASE | regex.VERBOSE,
)

_BOUND_PREFIXES: tuple[tuple[Bound, str], ...] = (
    (
        "approximate",
        r"about|around|some|roughly|approximately|an\s+estimated|estimated|circa|c\.|approx\."
        r"|in\s+the\s+region\s+of|on\s+the\s+order\s+of|give\s+or\s+take"
        r"|somewhere\s+(?:around|near)|in\s+the\s+neighbou?rhood\s+of",
    ),
    (
        "nearly",
        r"nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|just\s+below|not\s+quite"
        r"|(?:just|slightly|a\s+little|a\s+bit)\s+(?:under|below|(?:less|fewer)\s+than|short\s+of)"
        r"|approaching|nearing",
    ),
    (
        "more-than",
        r"more\s+than|over|at\s+least|upwards?\s+of|in\s+excess\s+of|above|exceeding"
        r"|no\s+fewer\s+than|no\s+less\s+than|well\s+over|just\s+over|well\s+above"
        r"|greater\s+than|a\s+minimum\s+of|north\s+of"
        # verbs whose object is passed: "tops 100,000", "exceeds $2 billion"
        r"|exceed(?:s|ed)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)",
    ),
    (
        "up-to",
        r"up\s+to|as\s+(?:many|much|high|large|long|big|great|old)\s+as|at\s+most"
        r"|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|south\s+of"
        r"|(?:not|never|no\s+longer)\s+(?:to\s+)?(?:exceed(?:s|ed|ing)?|top(?:s|ped)?)",
    ),
    ("less-than", r"fewer\s+than|less\s+than|under|below"),
    # Comparisons that bound nothing: the figure is still the point X ("more like half",
    # "closer to 12", "a mere $100 million"), but the words are part of it ("more like half"
    # is a share as "about half" is).
    ("exact", r"more\s+like|closer\s+to|something\s+like|a\s+mere"),
)
_BOUND_BEFORE = regex.compile(
    r"(?<![\w])(?:"
    + "|".join(f"(?P<{kind.replace('-', '_')}>{words})" for kind, words in _BOUND_PREFIXES)
    + r")\s+$|(?P<tilde>~)\s*$",
    regex.IGNORECASE,
)
_BOUND_INSIDE = regex.compile(
    r"(?:" + "|".join(words for _, words in _BOUND_PREFIXES) + r")\s+",
    regex.IGNORECASE,
)
_RANGE_WORD_BEFORE = regex.compile(r"(?<![\w])(?P<word>between|from)\s+$", regex.IGNORECASE)
_AGE_BEFORE = regex.compile(
    r"(?<![\w])(?P<marker>between\s+the\s+ages\s+of|at\s+the\s+age\s+of|from\s+the\s+age\s+of"
    r"|from\s+ages?|aged|ages?)\s+$",
    regex.IGNORECASE,
)
_TIER_BEFORE = regex.compile(r"(?<![\w])tier[\s-]*$", regex.IGNORECASE)
_CURRENCY_BEFORE = regex.compile(
    r"(?:(?<![\w])(?P<code>US\$|USD|EUR|GBP|KRW|CNY|RMB)\s?|(?P<symbol>[$€£₩¥]))$",
    regex.IGNORECASE,
)
_REFERENCE_BEFORE = regex.compile(
    r"(?:(?<![\w])(?:no|nos|p|pp|vol|art|ch|fig|para|sec)\.\s?|[#§]\s?)$", regex.IGNORECASE
)
_MONTH_BEFORE = regex.compile(rf"(?<![\w])(?:{_MONTHS})\.?\s+$", regex.IGNORECASE)
# Searched backwards: it can match in one place only (the word before the last space), which
# a forward search reaches after trying every character of the window.
_PREVIOUS_WORD = regex.compile(r"(?<![\w'’-])(?P<word>[A-Za-z][\w'’]*) $", regex.REVERSE)

_SCALE_AFTER = regex.compile(
    r"(?P<attached>bn|mn|mln|tn|k|m|b)(?![\w])"
    r"|(?:\s+|-)(?P<word>thousand|million|billion|trillion)\b"
    r"|\s+(?P<abbr>bn|mn|mln|tn)\b",
    regex.IGNORECASE,
)
_PERCENT_AFTER = regex.compile(r"\s?%|\s+(?:per\s?cent|percent|pc)\b(?!age)", regex.IGNORECASE)
_PERCENTAGE_POINTS_AFTER = regex.compile(
    r"\s+(?:percentage|per\s?cent(?:age)?)\s+points?\b", regex.IGNORECASE
)
_CURRENCY_AFTER = regex.compile(
    r"\s+(?P<word>us\s+dollars|dollars?|euros?|pounds\s+sterling|pounds?|won|yuan|renminbi"
    r"|USD|EUR|GBP|KRW|CNY)\b",
    regex.IGNORECASE,
)
_OF_DOLLARS_AFTER = regex.compile(r"\s+of\s+(?P<word>us\s+dollars|dollars|euros|pounds)\b", regex.I)
_AGE_AFTER = regex.compile(r"(?:\s+|-)years?(?:\s+|-)old\b", regex.IGNORECASE)
_DURATION_AFTER = regex.compile(
    r"(?:\s+|-)(?P<unit>minute|hour|day|week|month|year|decade)s?(?:-long)?\b(?!-old)",
    regex.IGNORECASE,
)
_MEASURE_AFTER = regex.compile(
    r"(?:\s*|-)(?P<unit>km|kg)\b|(?:\s+|-)(?P<word>square\s+kilomet(?:re|er)s?|square\s+miles?"
    r"|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kilograms?|tonnes?|tons?|degrees?|calories?"
    r"|mph)\b",
    regex.IGNORECASE,
)
_RATE_AFTER = regex.compile(
    r"\s*/\s*(?P<slash>day|year|yr|month|week|hour)\b"
    r"|\s+(?:a|an|per|each|every)\s+(?P<unit>day|year|month|week|hour|annum)\b"
    r"|\s+(?P<adverb>annually|yearly|daily|weekly|monthly|hourly)\b",
    regex.IGNORECASE,
)
_RATE_LATER = regex.compile(
    r"\b(?:(?:a|an|per|each|every)\s+(?P<unit>day|year|month|week|annum)|(?P<adverb>annually"
    r"|yearly|daily|weekly|monthly))\b",
    regex.IGNORECASE,
)
_SUFFIX_BOUND_AFTER = regex.compile(
    r"(?P<more>\s*\+|-plus\b|\s+plus\b(?!\s+[0-9])|\s+or\s+more\b|\s+and\s+(?:more|above|over)\b)"
    r"|(?P<approx>\s+or\s+so\b)"
    r"|(?P<less>\s+or\s+(?:fewer|less)\b)",
    regex.IGNORECASE,
)
_RANGE_SEPARATOR = regex.compile(
    r"\s*[-–—‒―]\s*(?:to(?:\s+|-(?=\d)))?|\s+(?P<to>to)\s+|\s+(?P<and>and)\s+", regex.IGNORECASE
)
# Besides white space, the characters that matches of the patterns read after a value can
# start with ("5%", "5-year", "5km", "5bn"; `regex` matches "K", the Kelvin sign, to "k"):
# a look at the next character spares most figures most of the tries. `_LEADS_AFTER` is for
# `_MEASURE_AFTER` and the patterns `_UNIT_AFTER_HINT` stands for.
_LEADS_AFTER = frozenset("-%kK\u212a")
_SCALE_LEADS = frozenset("-bmtkBMTK\u212a")
_VERSION_OR_TIME_LEADS = frozenset(".:/-")
_RANGE_SEPARATOR_LEADS = frozenset("-–—‒―")
_SUFFIX_BOUND_LEADS = frozenset("+-")
_RATE_LEADS = frozenset("/")
# How every match of the seven patterns that `_read_after` tries last starts (percentage
# points, date, percent, currency, age, duration, measure): one try of this instead of seven
# for a figure followed by any other word.
_UNIT_AFTER_HINT = regex.compile(
    r"[\s-]*(?:%|per|pc|of|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|us|dollar|eur"
    r"|pound|won|yuan|renminbi|gbp|krw|cny|year|minute|hour|day|week|month|decade|k|square"
    r"|mile|met|ton|degree|calorie|mph)",
    regex.IGNORECASE,
)
_TIER_WATCH_LIST_AFTER = regex.compile(r"\s+watch\s+list\b", regex.IGNORECASE)
_DATE_AFTER = regex.compile(rf"\s+(?:of\s+)?(?:{_MONTHS})\b", regex.IGNORECASE)
_LETTER_OR_DIGIT = regex.compile(r"[\w]")
_VERSION_OR_TIME_AFTER = regex.compile(r"[.:/][0-9]|-[0-9]{1,2}-[0-9]")
_PART_OF_LARGER_NUMBER_BEFORE = regex.compile(r"[0-9][-–/:.]$|\[\^?$")
# What that pattern can end with (`$` also matches before a last "\n").
_JOINING_CHARACTERS = ("-", "–", "/", ":", ".", "[", "^")
_CITATION_MARKER = regex.compile(r"\[[0-9]{1,4}(?:\s*[,–-]\s*[0-9]{1,4})*\]")
_OF_AFTER = regex.compile(r"\s+of\b", regex.IGNORECASE)
_CURRENCY_PREFIX = regex.compile(r"US\$|[$€£₩¥]", regex.IGNORECASE)
_WORKING_DAYS_AFTER = regex.compile(r"\s+(?:work(?:ing)?\s+)?days?\b", regex.IGNORECASE)
_JOINED_BEFORE = regex.compile(r"[A-Za-z]-$|[0-9][:/.]$|[:/]$")
# Compiled here rather than passed to `regex.sub` and the like as strings: the module's cache
# lookup costs more than these short matches.
_WORD_SEPARATOR = regex.compile(r"[\s-]+")
_WHITESPACE = regex.compile(r"\s+")
_NON_SPACE = regex.compile(r"\S+")
_HALF_CONTEXT_AFTER = regex.compile(r"\s+(?:of|the|its|their|all|our)\b", regex.IGNORECASE)
_ONE_OF_AFTER = regex.compile(r"\s*(?:of\b|-)", regex.IGNORECASE)
# A comma ends the look-ahead too: in "16 hours, with two rest days a month" the rate
# belongs to the rest days, not to the hours.
_CLAUSE_END = regex.compile(r"[.;:!?,\n]|[0-9]")
# Every match of `_RATE_LATER`, lower-cased, holds one of these, even one written with the
# "K" or "İ" that `regex` matches to "k" and "i" ("İ" lower-cases to "i" and a combining
# dot): most clauses hold none, and need no look at each of their words.
_RATE_LATER_WORDS = ("day", "dai", "year", "month", "week", "annu")


# --- where an atom can start ----------------------------------------------------------------
#
# Scanning with `_ATOM.finditer` tries every alternative at every character, which was most of
# the extractor's time. Every alternative starts at a word start with an ASCII digit or with
# one of the words below (or "a" before a scale or a denominator), so one stdlib `re` pass
# that finds those places, and `_ATOM.match` tried at each, yields the same matches. The
# pre-scan may find more places than `_ATOM` matches at (the `re` module's `\w` and `\s`
# differ from `regex`'s; `re.IGNORECASE` folds "ı" too), never fewer: a word start for
# `regex` follows a character that is neither an ASCII letter, digit nor "_", and "ſ", "K"
# and "İ", which `regex` folds to ASCII letters, are folded by `re` as well.


def _prefix_alternation(words: Iterable[str]) -> str:
    """A pattern that matches where any of `words` starts, shaped as a trie: the `re`
    module tries alternatives one by one, so sharing first letters is what makes it fast.
    It stops at the shortest word of a branch ("ten" for "tens", "tenth"), which is enough
    to know that one starts there."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in sorted(branches.items()):
        if "" in rests:
            parts.append(re.escape(first))
        elif len(rests) == 1:
            parts.append(re.escape(first + rests[0]))
        else:
            parts.append(f"{re.escape(first)}(?:{_prefix_alternation(rests)})")
    return "|".join(parts)


_ATOM_FIRST_WORDS = _prefix_alternation(
    {*_UNITS, *_TENS, *_FRACTION_DENOMINATORS, *_MAGNITUDES.keys()}
)
_AFTER_A_WORDS = _prefix_alternation(
    {
        *_FRACTION_DENOMINATORS,
        *("hundred", "thousand", "million", "billion", "trillion", "dozen", "decade"),
    }
)
_ATOM_START = rf"(?:(?<![.,])[0-9]|{_ATOM_FIRST_WORDS}|a(?=[\s-]+(?:{_AFTER_A_WORDS})))"
# The character before is consumed rather than looked behind at: a pattern that starts with a
# character class lets `re` skip ahead over everything else without entering the pattern.
# (Consuming it hides no start: what else a match consumes is letters and digits.)
# `re.IGNORECASE` makes that scan about twice as slow, so the text is lower-cased instead
# where that keeps every offset and every letter `regex` would match: everywhere but in
# text with an "İ" (which lower-cases to two characters) or an "ſ" (which `regex` matches to
# "s", `str.lower` leaves alone).
_ATOM_CANDIDATE = re.compile(rf"[^0-9a-z_]{_ATOM_START}")
_ATOM_CANDIDATE_ANY_CASE = re.compile(rf"[^0-9A-Za-z_]{_ATOM_START}", re.IGNORECASE)
_ATOM_CANDIDATE_AT_START = re.compile(_ATOM_START, re.IGNORECASE)


def _atoms(text: str) -> Iterator[regex.Match[str]]:
    """The matches of `_ATOM.finditer(text)`, found faster."""
    end = 0
    if _ATOM_CANDIDATE_AT_START.match(text):
        atom = _ATOM.match(text, 0)
        if atom is not None:
            end = atom.end()
            yield atom
    lowered = text.lower()
    if len(lowered) == len(text) and "ſ" not in lowered:
        candidates = _ATOM_CANDIDATE.finditer(lowered)
    else:
        candidates = _ATOM_CANDIDATE_ANY_CASE.finditer(text)
    for candidate in candidates:
        start = candidate.start() + 1
        if start < end:
            continue
        atom = _ATOM.match(text, start)
        if atom is not None:
            end = atom.end()
            yield atom


_LOOKBACK = 48
_RATE_LOOKAHEAD_WORDS = 8

# --- what the patterns anchored at the end of a look-back window can end with ----------------
#
# Searching a window with a pattern anchored at its end tries the pattern at every
# character of the window; telling from the window's last characters that it cannot match
# is much cheaper, and most windows end with none of these words.


def _spellings(pattern: str) -> list[str]:
    """Every text a bound pattern matches, its white space written as one space: the
    patterns are alternations of words, `(?:…|…)` groups, optional `?` groups and letters
    ("exceed(?:s|ed)?"), and escaped dots."""

    def alternatives(position: int) -> tuple[list[str], int]:
        # the texts of `pattern[position:]` up to the `)` closing its group (or the end)
        done: list[str] = []
        current = [""]
        while position < len(pattern):
            char = pattern[position]
            if char == "|":
                done.extend(current)
                current, position = [""], position + 1
                continue
            if char == ")":
                return done + current, position + 1
            if pattern.startswith("(?:", position):
                parts, position = alternatives(position + 3)
            elif pattern.startswith(r"\s+", position):
                parts, position = [" "], position + 3
            elif char == "\\":
                parts, position = [pattern[position + 1]], position + 2
            else:
                parts, position = [char], position + 1
            if pattern.startswith("?", position):
                parts, position = [*parts, ""], position + 1
            current = [head + part for head in current for part in parts]
        return done + current, position

    return alternatives(0)[0]


_BOUND_ENDINGS = (
    "~",
    *sorted(
        {
            spelling.split(" ")[-1]
            for _, phrases in _BOUND_PREFIXES
            for spelling in _spellings(phrases)
        }
    ),
)
_AGE_ENDINGS = ("of", "age", "ages", "aged")
_RANGE_WORD_ENDINGS = ("between", "from")
_MONTH_NAMES = (
    "jan january feb february mar march apr april may jun june jul july aug august"
    " sep sept september oct october nov november dec december"
).split()
_MONTH_ENDINGS = (*_MONTH_NAMES, *(f"{name}." for name in _MONTH_NAMES))
_REFERENCE_ENDINGS = (".", "#", "§")
_CURRENCY_ENDINGS = ("$", "€", "£", "₩", "¥", "usd", "eur", "gbp", "krw", "cny", "rmb")
_TAIL = 16  # longer than any of the endings


def _tail(window: str) -> str | None:
    """The end of `window`, white space aside, lower-cased; None when it is not all ASCII:
    `regex` matches "ſ", "K" and "İ" to ASCII letters, which `str.lower` does not all do."""
    tail = window.rstrip()[-_TAIL:]
    return tail.lower() if tail.isascii() else None


def _may_end_with(tail: str | None, endings: tuple[str, ...]) -> bool:
    """False when a window whose `_tail` this is cannot end with any of `endings`
    (lower-case) in any case, white space aside."""
    return tail is None or tail.endswith(endings)


# How far after a position the patterns below may look. The `regex` module scans the rest of
# the string for a pattern's required literal before matching, so an unbounded match costs
# the length of the text: bounding it keeps extraction linear. No pattern spans this much.
_WINDOW = 256


def _at(pattern: regex.Pattern[str], text: str, position: int) -> regex.Match[str] | None:
    # An end past the text is taken as its end.
    return pattern.match(text, position, position + _WINDOW)


def _led_at(
    pattern: regex.Pattern[str], leads: frozenset[str], text: str, position: int
) -> regex.Match[str] | None:
    """`_at` for a pattern whose every match starts with white space or one of `leads`:
    looking at that character first spares most positions the match."""
    following = text[position : position + 1]
    if following.isspace() or following in leads:
        return pattern.match(text, position, position + _WINDOW)
    return None


# --- number values ------------------------------------------------------------------------


def parse_number_words(words: str) -> float | None:
    """Value of an English number phrase ("four hundred thousand", "twenty-five", "a dozen")."""
    total = 0.0
    current = 0.0
    seen_any = False
    last_was_small = False
    for word in _WORD_SEPARATOR.split(words.lower()):
        if word in ("", "and"):
            continue
        if word == "a":
            current, seen_any, last_was_small = 1.0, True, True
        elif word in _UNITS or word in _TENS:
            value = _UNITS.get(word, _TENS.get(word, 0))
            # "twenty five" is one number, "five twenty" is not.
            if last_was_small and not (current % 100 >= 20 and current % 10 == 0 and value < 10):
                return None
            current += value
            seen_any, last_was_small = True, True
        elif word == "hundred":
            current = (current or 1) * 100
            last_was_small = False
        elif word == "dozen":
            current = (current or 1) * 12
            last_was_small = False
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            last_was_small = False
        else:
            return None
    return total + current if seen_any else None


def _digits_value(digits: str) -> float:
    return float(digits.replace(",", ""))


class _Value(NamedTuple):
    """One number with what is written right around it (before bound words are read).

    A named tuple rather than a frozen dataclass: `_replace` costs a fraction of
    `dataclasses.replace`, and the reader copies a value several times per figure."""

    start: int
    end: int
    value: float
    kind: QuantityKind
    unit: str | None = None
    scaled: bool = False
    is_words: bool = False
    plain_digits: str | None = None  # the digits when written as bare digits
    magnitude: tuple[float, float] | None = None
    scale: float = 1.0  # the scale word it was multiplied by ("60 thousand", "sixty thousand")


def _read_atom(text: str, match: regex.Match[str]) -> _Value | None:
    """The number an atom match names, before anything after it is read."""
    start, end = match.span()
    if match.group("digits"):
        digits = match.group("digits")
        return _Value(start, end, _digits_value(digits), "count", plain_digits=digits)
    if match.group("proportion"):
        numerator = _small_number_value(match.group("num"))
        denominator = _small_number_value(match.group("den"))
        if numerator is None or not denominator or numerator > denominator or denominator > 1000:
            return None
        return _Value(start, end, 100 * numerator / denominator, "share")
    if match.group("half_scale"):
        return _Value(
            start, end, 0.5 * _SCALES[match.group("half_of").lower()], "count", scaled=True
        )
    if match.group("fraction"):
        return _read_fraction(text, match)
    if match.group("decade"):
        # a length of time only after "for", a verb of duration or a bound ("for a decade",
        # "lasts a decade", "more than a decade"): elsewhere it is mostly a frame ("in a
        # decade", "a decade of sanctions")
        if not (_FOR_BEFORE.search(text, max(0, start - 12), start) or _is_bounded(text, start)):
            return None
        return _Value(start, end, 10.0, "duration", unit="year")
    if match.group("magnitude"):
        words = _WHITESPACE.sub(" ", match.group("magnitude").lower())
        low, high = _MAGNITUDES[words]
        money = _at(_OF_DOLLARS_AFTER, text, end)
        if money:
            currency = _CURRENCY_WORDS[_WHITESPACE.sub(" ", money.group("word").lower())]
            return _Value(start, money.end(), low, "money", unit=currency, magnitude=(low, high))
        return _Value(start, end, low, "count", magnitude=(low, high))
    value = parse_number_words(match.group("words"))
    if value is None:
        return None
    last_word = match.group("words").rsplit(None, 1)[-1].lower()
    scale = _SCALES.get(last_word, 1.0) if last_word != "k" else 1.0
    return _Value(start, end, value, "count", is_words=True, scale=scale)


# "for a decade" and verbs whose object is a length of time ("lasts a decade", "spent a decade")
_FOR_BEFORE = regex.compile(
    r"\b(?:for|last(?:s|ed|ing)?|sp[ae]nds?|spending|spent|serv(?:e|es|ed|ing)|t(?:akes?|ook))"
    r"\s+$",
    regex.IGNORECASE,
)


def _is_bounded(text: str, start: int) -> bool:
    window = text[max(0, start - _LOOKBACK) : start]
    return _may_end_with(_tail(window), _BOUND_ENDINGS) and bool(_BOUND_BEFORE.search(window))


def _small_number_value(text: str) -> float | None:
    if text[0].isdigit():
        return float(text)
    return parse_number_words(text)


def _read_fraction(text: str, match: regex.Match[str]) -> _Value | None:
    start, end = match.span()
    numerator_word = (match.group("fnum") or "").lower()
    denominator_word = match.group("fden").lower()
    denominator = _FRACTION_DENOMINATORS[denominator_word]
    scale = match.group("fscale")
    if scale:
        # "a quarter of a million", "three-quarters of a billion", "a half million": a count
        parts = float(_UNITS.get(numerator_word, 1))
        if parts >= denominator:
            return None
        amount = parts / denominator * _SCALES[scale.lower()]
        return _Value(start, end, amount, "count", scaled=True)
    has_of = _at(_OF_AFTER, text, end) is not None
    if not numerator_word:
        # A bare "half" is a share only in "half of", "half the", or after a bound ("more
        # than half", "more like half"); "the third year" is an ordinal.
        if denominator_word != "half":
            return None
        if not _at(_HALF_CONTEXT_AFTER, text, end) and not _is_bounded(text, start):
            return None
        numerator = 1.0
    else:
        numerator = 1.0 if numerator_word == "a" else float(_UNITS[numerator_word])
        plural = denominator_word.endswith("s")
        # "a third country" is not a share; "a third of", "two-thirds" are.
        if not has_of and not (plural and numerator >= 2):
            return None
    if numerator >= denominator:
        return None
    return _Value(start, end, 100 * numerator / denominator, "share")


# --- reading around an atom ---------------------------------------------------------------


def _read_after(text: str, value: _Value) -> _Value | None:
    """Extend a value over scale, percent, currency and unit words written after it.

    Returns None when what follows shows that the number is not a quantity (a date, a version,
    an ordinal, "percentage points").
    """
    end = value.end
    scaled = value.scaled
    amount = value.value
    scale_factor = value.scale
    following = text[end : end + 1]
    spaced = following.isspace()
    if (value.plain_digits is not None or value.is_words) and (spaced or following in _SCALE_LEADS):
        scale = _at(_SCALE_AFTER, text, end)
        if scale and not (value.is_words and scale.group("attached")):
            word = (scale.group("attached") or scale.group("word") or scale.group("abbr")).lower()
            amount *= _SCALES[word]
            scale_factor *= _SCALES[word]
            end = scale.end()
            scaled = True
            following = text[end : end + 1]
            spaced = following.isspace()
    if value.plain_digits is not None:
        version = following in _VERSION_OR_TIME_LEADS and _at(_VERSION_OR_TIME_AFTER, text, end)
        if version and not scaled:
            return None
        if spaced or following in _LEADS_AFTER:
            measure = _at(_MEASURE_AFTER, text, end)
            if measure and measure.group("unit"):
                unit = measure.group("unit")
                return value._replace(end=measure.end(), kind="measure", unit=unit)
        if _at(_LETTER_OR_DIGIT, text, end):
            return None  # "1990s", "3rd", "10am", "3D"
    elif value.is_words and following == "-" and _at(_ORDINAL_TAIL, text, end):
        return None  # "twenty-first", "thirty-fifth"
    led = spaced or following in _LEADS_AFTER
    if not (led and _at(_UNIT_AFTER_HINT, text, end)):
        return value._replace(end=end, value=amount, scaled=scaled, scale=scale_factor)
    if _at(_PERCENTAGE_POINTS_AFTER, text, end):
        return None
    if value.kind == "count" and not value.magnitude and _at(_DATE_AFTER, text, end):
        return None
    value = value._replace(end=end, value=amount, scaled=scaled, scale=scale_factor)
    percent = _at(_PERCENT_AFTER, text, end)
    if percent and value.kind == "count" and not value.magnitude:
        return value._replace(end=percent.end(), kind="share")
    if value.kind == "count":
        currency = _at(_CURRENCY_AFTER, text, end)
        if currency:
            code = _CURRENCY_WORDS[_WHITESPACE.sub(" ", currency.group("word").lower())]
            return value._replace(end=currency.end(), kind="money", unit=code)
        age = _at(_AGE_AFTER, text, end)
        if age:
            return value._replace(end=age.end(), kind="age", unit="year")
        duration = _at(_DURATION_AFTER, text, end)
        if duration:
            unit = _DURATION_UNITS[duration.group("unit").lower()]
            return value._replace(end=duration.end(), kind="duration", unit=unit)
        measure = _at(_MEASURE_AFTER, text, end)
        if measure:
            unit_word = _WHITESPACE.sub(" ", (measure.group("word") or measure.group("unit")))
            return value._replace(end=measure.end(), kind="measure", unit=_measure_unit(unit_word))
    return value


def _measure_unit(word: str) -> str:
    word = word.lower()
    for spelling, unit in sorted(_MEASURE_UNITS.items(), key=lambda item: -len(item[0])):
        if word.startswith(spelling):
            return unit
    return word


def _read_currency_before(text: str, start: int) -> tuple[int, str | None]:
    window = text[max(0, start - 8) : start]
    currency = None
    if _may_end_with(_tail(window), _CURRENCY_ENDINGS):
        currency = _CURRENCY_BEFORE.search(window)
    if not currency:
        return start, None
    symbol = (currency.group("code") or currency.group("symbol")).lower()
    return start - (len(window) - currency.start()), _CURRENCY_SYMBOLS[symbol]


def _read_value(text: str, match: regex.Match[str]) -> _Value | None:
    """An atom with its currency prefix and everything written right after it."""
    atom = _read_atom(text, match)
    if atom is None:
        return None
    start, currency = _read_currency_before(text, atom.start)
    if currency and atom.kind == "count":
        atom = atom._replace(start=start, kind="money", unit=currency)
    return _read_after(text, atom)


@dataclass(frozen=True)
class _Prefix:
    start: int
    bound: Bound | None = None
    range_word: str | None = None
    age: bool = False
    tier: bool = False


def _read_prefix(text: str, start: int) -> _Prefix:
    """Bound, range, age and tier words written just before a value."""
    window_start = max(0, start - _LOOKBACK)
    window = text[window_start:start]
    tier = _TIER_BEFORE.search(window)
    if tier:
        return _Prefix(window_start + tier.start(), tier=True)
    cut = len(window)
    tail = _tail(window)
    age = _AGE_BEFORE.search(window) if _may_end_with(tail, _AGE_ENDINGS) else None
    is_age = age is not None
    range_word: str | None = None
    if age:
        cut = age.start()
        tail = _tail(window[:cut])
        marker = age.group("marker").lower()
        range_word = "between" if marker.startswith("between") else None
        if marker.startswith("from"):
            range_word = "from"
    bound: Bound | None = None
    found = None
    if _may_end_with(tail, _BOUND_ENDINGS):
        found = _BOUND_BEFORE.search(window[:cut])
    if found:
        cut = found.start()
        tail = _tail(window[:cut])
        bound = _bound_of(found)
    if range_word is None:
        word = None
        if _may_end_with(tail, _RANGE_WORD_ENDINGS):
            word = _RANGE_WORD_BEFORE.search(window[:cut])
        if word:
            cut = word.start()
            range_word = word.group("word").lower()
    return _Prefix(window_start + cut, bound, range_word, is_age)


def _bound_of(found: regex.Match[str]) -> Bound:
    if found.group("tilde"):
        return "approximate"
    for kind, _ in _BOUND_PREFIXES:
        if found.group(kind.replace("-", "_")):
            return kind
    raise AssertionError("a bound pattern matched without a named group")


def _read_second_value(text: str, first: _Value, prefix: _Prefix) -> _Value | None:
    """The upper end of a range written after `first`, or None when there is none."""
    separator = _led_at(_RANGE_SEPARATOR, _RANGE_SEPARATOR_LEADS, text, first.end)
    if not separator and prefix.age and prefix.range_word == "from":
        until = _at(_AGE_UNTIL, text, first.end)
        atom = _at(_ATOM, text, until.end()) if until else None
        if atom is not None and (atom.group("digits") or atom.group("words")):
            return _read_value(text, atom)
        return None
    if not separator:
        return _spoken_range_end(text, first, prefix)
    if _SPACED_DASH.fullmatch(separator.group()):
        return None  # "12 — Around 400,000": a spaced em dash sets off a clause
    if separator.group("and") and prefix.range_word != "between":
        return None
    if prefix.range_word == "between" and not separator.group("and"):
        return None
    position = separator.end()
    inner_bound = _at(_BOUND_INSIDE, text, position)
    if inner_bound:
        position = inner_bound.end()
    currency_prefix = _CURRENCY_PREFIX.match(text[position : position + 3])
    atom_position = position + (currency_prefix.end() if currency_prefix else 0)
    atom = _at(_ATOM, text, atom_position)
    if atom is None or atom.group("proportion") or atom.group("magnitude"):
        return None
    return _read_value(text, atom)


# "from the age of nine until he was 19", "from age 5 till the age of 15"
_AGE_UNTIL = regex.compile(
    r"\s+(?:until|till|to)\s+(?:(?:he|she|they|I|we)\s+(?:was|were|turned)\s+"
    r"|(?:the\s+)?age(?:\s+of)?\s+)?",
    regex.IGNORECASE,
)
_SPACED_DASH = regex.compile(r"\s+[—―]\s*|\s*[—―]\s+")
# "Nineteen, twenty hours", "Seventy-five, eighty per cent": a speaker's range, two numbers
# a comma apart, the second a little larger; not a list ("14, 22 and 31").
_SPOKEN_RANGE_COMMA = regex.compile(r",[ \t]++")
_LIST_GOES_ON = regex.compile(
    rf"\s*+(?:,\s*+(?:(?:and|or)\s++)?|\s++(?:and|or)\s++)(?:[0-9]|(?:{_NUMBER_WORD})\b)",
    regex.IGNORECASE,
)
# Words after which a number is one of a list or refers back ("of those eleven, twelve …").
_NOT_BEFORE_A_SPOKEN_RANGE = _ANAPHORIC_DETERMINERS | frozenset(
    "of in on at by for from to and or with day page pages no number numbers".split()
)


def _spoken_range_end(text: str, first: _Value, prefix: _Prefix) -> _Value | None:
    if (
        text[first.end : first.end + 1] != ","
        or prefix.range_word is not None
        or first.kind != "count"
        or first.scaled
        or first.magnitude is not None
        or _is_year(first)
    ):
        return None
    comma = _SPOKEN_RANGE_COMMA.match(text, first.end, first.end + 8)
    atom = _at(_ATOM, text, comma.end()) if comma else None
    if atom is None or not (atom.group("digits") or atom.group("words")):
        return None
    second = _read_value(text, atom)
    if second is None or second.is_words != first.is_words or second.scaled:
        return None
    if not first.is_words and second.kind == "count":
        return None  # "14, 22": bare digits a comma apart are a list; "15, 16 hours" is not
    if not first.value < second.value <= 2 * first.value:
        return None
    if _at(_LIST_GOES_ON, text, second.end):
        return None
    window = text[max(0, first.start - _LOOKBACK) : first.start]
    previous = _PREVIOUS_WORD.search(window)
    if previous and previous.group("word").lower() in _NOT_BEFORE_A_SPOKEN_RANGE:
        return None
    if window.endswith((", ", ",")) and _LIST_BEFORE.search(window):
        return None  # "one, two, three"
    return second


_LIST_BEFORE = regex.compile(rf"(?:[0-9]|\b(?:{_NUMBER_WORD}))\s*+,\s*+$", regex.IGNORECASE)


# "Workers (thousands)", "(in millions)": a magnitude word alone in parentheses names the
# scale of the numbers around it (a column's, a list's), and states no figure of its own.
_SCALE_PARENTHESIS_BEFORE = regex.compile(r"\((?:in\s+)?$", regex.IGNORECASE)
_SCALE_PARENTHESIS_AFTER = regex.compile(r"\s*\)")


def _names_a_scale(text: str, value: _Value) -> bool:
    before = text[max(0, value.start - 4) : value.start]
    return bool(
        _SCALE_PARENTHESIS_BEFORE.search(before)
        and _SCALE_PARENTHESIS_AFTER.match(text, value.end, value.end + 4)
    )


# "since at least 1967, when …", "closed around 2014.": a year after a bound word, when a
# preposition of time comes before the bound or nothing follows the year in its clause (a
# count that large is written "about 2,000 workers").
_TIME_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:since|in|by|until|till|from|before|after|during)\s+$", regex.IGNORECASE
)
_YEAR_ENDS_CLAUSE = regex.compile(r"\s*+(?:[.,;:)!?\]]|$)")


def _is_bounded_year(text: str, value: _Value, prefix: _Prefix) -> bool:
    if _YEAR_ENDS_CLAUSE.match(text, value.end):
        return True
    window = text[max(0, prefix.start - 12) : prefix.start]
    return _TIME_PREPOSITION_BEFORE.search(window) is not None


def _is_year(value: _Value) -> bool:
    digits = value.plain_digits
    return (
        digits is not None
        and digits.isdigit()
        and len(digits) == 4
        and 1000 <= int(digits) <= 2100
        and value.kind == "count"
        and not value.scaled
    )


def _combine_range(first: _Value, second: _Value) -> tuple[_Value, _Value] | None:
    """Share scale, currency and unit between the ends of a range; None if it is not one."""
    if second.scale > 1 and first.scale == 1 and first.value * 1000 <= second.value:
        # "5 to 10 million", "fifty to sixty thousand": the first end shares the scale word
        first = first._replace(value=first.value * second.scale, scaled=True, scale=second.scale)
    if first.kind == "count" and second.kind != "count":
        first = first._replace(kind=second.kind, unit=second.unit)
    elif second.kind == "count" and first.kind != "count":
        second = second._replace(kind=first.kind, unit=first.unit)
    if first.kind != second.kind or first.unit != second.unit:
        return None
    if first.value > second.value:
        return None
    return first, second


def _read_suffix_bound(text: str, end: int) -> tuple[int, Bound | None]:
    suffix = _led_at(_SUFFIX_BOUND_AFTER, _SUFFIX_BOUND_LEADS, text, end)
    if not suffix:
        return end, None
    if suffix.group("more"):
        return suffix.end(), "more-than"
    if suffix.group("approx"):
        return suffix.end(), "approximate"
    return suffix.end(), "less-than"


def _read_rate(text: str, value: _Value, end: int) -> tuple[int, str | None]:
    """A rate written right after the figure (in the span), or later in its clause (not)."""
    if value.kind == "duration" and value.unit == "hour":
        days = _WORKING_DAYS_AFTER.match(text[end : end + 20])
        if days and text[value.start : end].find("-") >= 0:
            return end + days.end(), "day"
    rate = _led_at(_RATE_AFTER, _RATE_LEADS, text, end)
    if rate:
        word = (rate.group("slash") or rate.group("unit") or rate.group("adverb")).lower()
        return rate.end(), _RATE_WORDS[word]
    if value.kind in ("money", "count") or (value.kind == "duration" and value.unit == "hour"):
        return end, _rate_later_in_clause(text, end)
    return end, None


def _rate_later_in_clause(text: str, end: int) -> str | None:
    # The tokens are read from the next 120 characters; a rate found at one may run on for
    # a window's length.
    ahead = text[end : end + 120 + _WINDOW].lower()
    if not any(word in ahead for word in _RATE_LATER_WORDS):
        return None
    for count, token in enumerate(_NON_SPACE.finditer(text[end : end + 120]), start=1):
        if _CLAUSE_END.search(token.group()) and not token.group().rstrip(".;:!?,").isalpha():
            break
        if count > _RATE_LOOKAHEAD_WORDS:
            break
        rate = _at(_RATE_LATER, text, end + token.start())
        if rate:
            word = (rate.group("unit") or rate.group("adverb")).lower()
            return _RATE_WORDS[word]
        if _CLAUSE_END.search(token.group()):
            break
    return None


def _is_date_or_reference(text: str, value: _Value) -> bool:
    """A day after a month ("Dec 12"), a page or note number ("pp. 22", "(Enos 2017: 15)"),
    or the end of a name or time ("Hwasong-15", "10:30"): read before any range, so that a
    dateline's day is not the start of one ("Dec 12 — Around 400,000")."""
    window = text[max(0, value.start - _LOOKBACK) : value.start]
    tail = _tail(window)
    if _may_end_with(tail, _REFERENCE_ENDINGS) and _REFERENCE_BEFORE.search(window):
        return True
    if _may_end_with(tail, _MONTH_ENDINGS) and _MONTH_BEFORE.search(window):
        return True
    stripped = window.removesuffix("\n")
    joined = stripped.endswith(("-", ":", "/", "."))
    if joined and _JOINED_BEFORE.search(window):
        return True  # "Hwasong-15", "10:30", "11/24"
    return (
        stripped.endswith((": ", ":", ", ", ","))
        and value.plain_digits is not None
        and "," not in value.plain_digits
        and _YEAR_COLON_BEFORE.search(window) is not None
    )


# "(Enos 2017: 15)", "(Kang and Rigoulot 2001, 34–36)": an author-date citation's page.
_YEAR_COLON_BEFORE = regex.compile(r"\([^()\n]{1,40}(?<![\w,.])[12][0-9]{3}[a-z]?[:,]\s?$")


# "twenty-first": a compound ordinal, a place in an order, not a quantity
_ORDINAL_TAIL = regex.compile(
    r"-(?:first|second|third|(?:four|fif|six|seven|eigh|nin)th)\b", regex.IGNORECASE
)
# "6 a.m.", "six in the morning", "two at night", "ten o'clock": a time of day
_CLOCK_AFTER = regex.compile(
    r"\s*+(?:[ap]\.\s?m\.|[ap]m\b)|\s++(?:o['’]clock|in\s+the\s+(?:morning|afternoon|evening)"
    r"|at\s+night)\b",
    regex.IGNORECASE,
)


# "five times that amount", "three times as many": a multiplier, like "double" or "twice"
_MULTIPLIER_AFTER = regex.compile(
    r"\s++times\s++(?:as|more|less|fewer|that|this|the|its|their|his|her|our|what|higher"
    r"|larger|greater|bigger|smaller|lower|over)\b",
    regex.IGNORECASE,
)


def _is_not_a_figure(text: str, value: _Value, prefix: _Prefix) -> bool:
    """Names, times of day, multipliers and anaphora that look like numbers but state no
    quantity."""
    if value.kind == "count" and not value.scaled and not value.magnitude:
        if value.value <= 12 and _at(_CLOCK_AFTER, text, value.end):
            return True
        following = text[value.end : value.end + 1]
        if following.isspace() and _at(_MULTIPLIER_AFTER, text, value.end):
            return True
    window = text[max(0, value.start - _LOOKBACK) : value.start]
    plain = prefix.bound is None and prefix.range_word is None and not prefix.age
    if not plain or value.kind != "count" or value.magnitude:
        return False
    previous = _PREVIOUS_WORD.search(window)
    previous_word = previous.group("word") if previous else ""
    digits = value.plain_digits
    is_name_part = (
        previous_word[:1].isupper() and previous_word.lower() not in _NOT_IDENTIFIER_HEADS
    ) or previous_word.lower() in _IDENTIFIER_NOUNS
    if digits is not None and "," not in digits and is_name_part:
        return True  # "Camp 15", "Resolution 2371"
    if value.is_words:
        words = text[value.start : value.end].lower()
        if words == "one" or (words == "a" and not value.scaled):
            return True
        if value.value < 10 and previous_word.lower() in _ANAPHORIC_DETERMINERS:
            return True  # "the two countries" refers back; it states nothing new
    return False


def _read_figure(text: str, match: regex.Match[str]) -> Quantity | None:
    before = text[max(0, match.start() - 2) : match.start()]
    joined = before.removesuffix("\n").endswith(_JOINING_CHARACTERS)
    if joined and _PART_OF_LARGER_NUMBER_BEFORE.search(before):
        return None  # the second part of a date ("2017-11-24"), a time, or a citation "[7]"
    first = _read_value(text, match)
    if first is None:
        return None
    prefix = _read_prefix(text, first.start)
    if prefix.tier:
        # a tier takes no unit: "on Tier 3 year after year"
        atom = _read_atom(text, match)
        return _tier(text, prefix, atom) if atom is not None else None
    if _is_date_or_reference(text, first):
        return None
    is_one = first.is_words and text[first.start : first.end].lower() == "one"
    if is_one and first.kind == "count" and _at(_ONE_OF_AFTER, text, first.end):
        return None  # "one of the camps", "a one-off"
    second = None
    if first.magnitude is None:
        second = _read_second_value(text, first, prefix)
    elif first.kind == "count" and _names_a_scale(text, first):
        return None
    if second is not None:
        if _is_year(first) and (_is_year(second) or second.value < 100):
            return None  # "2016-2017", "2016-17"
        if _is_year(first) or _is_year(second):
            second = None  # "from 2,000 in 2017 to perhaps 50,000"
    bound: Bound = prefix.bound or "exact"
    if second is not None:
        combined = _combine_range(first, second)
        if combined is not None:
            lower, upper = combined
            end, rate = _read_rate(text, upper, upper.end)
            kind: QuantityKind = "age" if prefix.age else lower.kind
            return _quantity(
                text, prefix.start, end, kind, lower.value, upper.value, "range", upper, rate
            )
    if _is_year(first) and (prefix.bound is None or _is_bounded_year(text, first, prefix)):
        return None
    if _is_not_a_figure(text, first, prefix):
        return None
    end, suffix_bound = _read_suffix_bound(text, first.end)
    if suffix_bound is not None and prefix.bound is None:
        bound = suffix_bound
    else:
        end = first.end
    end, rate = _read_rate(text, first, end)
    kind = "age" if prefix.age and first.kind in ("count", "duration") else first.kind
    start = prefix.start if (prefix.bound or prefix.age) else first.start
    if first.magnitude is not None:
        low, high = first.magnitude
        return _quantity(text, start, end, kind, low, high, "magnitude", first, rate)
    low_value: float | None = first.value
    high_value: float | None = first.value
    if bound == "more-than":
        high_value = None
    elif bound in ("up-to", "less-than"):
        low_value = None
    return _quantity(text, start, end, kind, low_value, high_value, bound, first, rate)


def _tier(text: str, prefix: _Prefix, value: _Value) -> Quantity | None:
    if value.kind != "count" or value.magnitude or not 1 <= value.value <= 4:
        return None
    end = value.end
    watch_list = _at(_TIER_WATCH_LIST_AFTER, text, end)
    if watch_list:
        end = watch_list.end()
    return _quantity(
        text, prefix.start, end, "tier", value.value, value.value, "exact", value, None
    )


def _quantity(
    text: str,
    start: int,
    end: int,
    kind: QuantityKind,
    low: float | None,
    high: float | None,
    bound: Bound,
    value: _Value,
    rate: str | None,
) -> Quantity:
    unit = value.unit if kind in ("money", "duration", "measure") else None
    return Quantity(start, end, text[start:end], kind, low, high, bound, unit, rate)


# Letters that the `regex` module's case-insensitive matching takes for ASCII ones ("ſix" is
# "six"), but whose .lower() is not in the word tables ("İ".lower() is "i" plus a combining
# dot): read as their ASCII letters, one code point for one, so offsets do not move.
_ASCII_LOOKALIKES = str.maketrans({"İ": "I", "ſ": "s", "\u212a": "K"})


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in `text`, in order, none overlapping."""
    if not text.isascii():
        text = text.translate(_ASCII_LOOKALIKES)
    found: list[Quantity] = []
    citation_ends = {marker.start(): marker.end() for marker in _CITATION_MARKER.finditer(text)}
    position = 0
    for match in _atoms(text):
        position = max(position, citation_ends.get(match.start() - 1, 0))
        if match.start() < position:
            continue
        quantity = _read_figure(text, match)
        if quantity is None or quantity.start < position:
            continue
        found.append(quantity)
        position = quantity.end
    return [
        _with_label_unit(text, _age_of_a_when_clause(text, quantity))
        for quantity in _with_elided_units(text, found)
    ]


# "- Hours: 16 to 22 a day", "hours a day: up to 20": a line that opens with a label and a
# colon gives the bare number after it the unit the label names, as a column header does.
_LABEL_BEFORE = regex.compile(
    r"(?:^|\n)[ \t]*+(?:[-*+•][ \t]++|[0-9]{1,2}[.)][ \t]++)?(?P<label>[A-Za-z][A-Za-z ,'/-]{0,40})"
    r":[ \t]*+$"
)


def _with_label_unit(text: str, quantity: Quantity) -> Quantity:
    if quantity.kind != "count" or quantity.bound == "magnitude":
        return quantity
    label = _LABEL_BEFORE.search(text, max(0, quantity.start - 48), quantity.start)
    if label is None:
        return quantity
    return with_column_unit(quantity, label.group("label"))


# "She was nine when she arrived, and 19 when she left": a bare number that a person "was"
# at the time of a when-clause is an age.
_BE_BEFORE = regex.compile(r"\b(?:was|were|am|is|and)\s+$", regex.IGNORECASE)
# Matched in a window: a pattern with a required literal ("when") makes the `regex` module
# scan the rest of the text for it first, which for every figure of a long text is quadratic.
_WHEN_AFTER = regex.compile(r"\s{1,8}when\b", regex.IGNORECASE)
_WHEN_WINDOW = 16
_OLDEST_AGE = 120


# "… did not leave until I was nineteen.": a bare number a person "was", ending the clause,
# is an age as well (nothing follows to say what it would count).
_PERSON_BE_BEFORE = regex.compile(r"\b(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey)\s+(?:was|were)\s+$")
_CLAUSE_END_AFTER = regex.compile(r"\s*+(?:[.;,!?\"”’)]|$)")


def _age_of_a_when_clause(text: str, quantity: Quantity) -> Quantity:
    if (
        quantity.kind != "count"
        or quantity.bound != "exact"
        or quantity.low is None
        or not 1 <= quantity.low <= _OLDEST_AGE
    ):
        return quantity
    before = text[max(0, quantity.start - 10) : quantity.start]
    end = quantity.end
    when = _WHEN_AFTER.match(text, end, end + _WHEN_WINDOW) and _BE_BEFORE.search(before[-6:])
    ends = _PERSON_BE_BEFORE.search(before) and _CLAUSE_END_AFTER.match(text, end)
    return replace(quantity, kind="age") if when or ends else quantity


# "12–16 hours per day, and sometimes up to 20.": the second figure's unit is left out, as
# English leaves out what a coordinated phrase repeats; it ends its clause, so no noun of
# its own follows it.
_ELIDED_UNIT_GAP = regex.compile(
    r"\s*,?\s*(?:and|or|but)\s+(?:(?:sometimes|even|often|occasionally|at\s+times)\s+)?"
    r"|\s*,\s*(?:sometimes|even|often|occasionally|at\s+times)\s+",
    regex.IGNORECASE,
)
_ELIDED_UNIT_END = regex.compile(r"\s*(?:[.;,)!?\[]|$)")


def _with_elided_units(text: str, found: list[Quantity]) -> list[Quantity]:
    for index in range(1, len(found)):
        previous, current = found[index - 1], found[index]
        if (
            previous.kind == "duration"
            and current.kind == "count"
            and _ELIDED_UNIT_GAP.fullmatch(text, previous.end, current.start)
            and _ELIDED_UNIT_END.match(text, current.end)
        ):
            found[index] = replace(current, kind="duration", unit=previous.unit, per=previous.per)
    return found


# A table column headed "Daily hours" or "Hours per day" gives its bare numbers that unit.
_HEADER_DURATION = regex.compile(r"\b(?P<unit>hour|day|week|month|year)s?\b", regex.IGNORECASE)
_HEADER_RATE = regex.compile(
    r"\b(?:daily|(?:a|per|each|every)\s+(?P<unit>day|week|month|year))\b|/\s*(?P<slash>day)\b",
    regex.IGNORECASE,
)


# A column headed "Workers (thousands)", "Revenue (US$ bn a year)", "Value, in US$ millions"
# or "Women (%)" states the scale, currency and share its bare cells leave out.
_HEADER_PARENTHESES = regex.compile(r"\((?P<inside>[^()]{1,60})\)|\bin\s+(?P<after_in>[^()]{1,40})")
_HEADER_SCALE = regex.compile(
    r"(?<![\w'])(?:(?P<thousand>thousands?|'?000s?|k)|(?P<million>millions?|mn|mln|m)"
    r"|(?P<billion>billions?|bn|b))(?![\w'])",
    regex.IGNORECASE,
)
_HEADER_CURRENCY = regex.compile(
    r"(?P<symbol>US\$|[$€£₩¥])|\b(?P<code>USD|EUR|GBP|KRW|CNY|RMB)\b"
    r"|\b(?P<word>us\s+dollars|dollars|euros|pounds|won|yuan)\b",
    regex.IGNORECASE,
)
_HEADER_PERCENT = regex.compile(r"^\s*(?:%|per\s?cent|percent)\s*$", regex.IGNORECASE)
_HEADER_MONEY_RATE = regex.compile(
    r"\b(?:(?:a|per|each|every)\s+(?P<unit>year|month|week|day)|(?P<annual>annual(?:ly)?|yearly)"
    r"|(?P<monthly>monthly))\b|/\s*(?P<slash>year|yr|month)\b",
    regex.IGNORECASE,
)
_SCALE_OF_GROUP = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _with_header_scale(quantity: Quantity, header: str) -> Quantity | None:
    """The bare count of a cell in the scale, currency or share its header's parentheses
    (or "in …") state; None when they state none."""
    if any(char.isalpha() or char in "%$€£₩¥" for char in quantity.text):
        return None  # the cell states its own ("1.2 million", "$3bn")
    scale = 1.0
    currency: str | None = None
    per: str | None = quantity.per
    share = False
    for group in _HEADER_PARENTHESES.finditer(header):
        inside = group.group("inside") or group.group("after_in")
        if _HEADER_PERCENT.match(inside):
            share = True
            continue
        found = _HEADER_SCALE.search(inside)
        money = _HEADER_CURRENCY.search(inside)
        if found is None and money is None:
            continue
        if found is not None:
            name = next(key for key in _SCALE_OF_GROUP if found.group(key))
            scale = _SCALE_OF_GROUP[name]
        if money is not None:
            symbol = money.group("symbol") or money.group("code")
            if symbol:
                currency = _CURRENCY_SYMBOLS[symbol.lower()]
            else:
                currency = _CURRENCY_WORDS[_WHITESPACE.sub(" ", money.group("word").lower())]
            rate = _HEADER_MONEY_RATE.search(header)
            if rate is not None:
                if rate.group("annual"):
                    per = "year"
                elif rate.group("monthly"):
                    per = "month"
                else:
                    word = (rate.group("unit") or rate.group("slash")).lower()
                    per = _RATE_WORDS[word]
        break
    if share:
        return replace(quantity, kind="share")
    if scale == 1.0 and currency is None:
        return None
    low = None if quantity.low is None else quantity.low * scale
    high = None if quantity.high is None else quantity.high * scale
    if currency is not None:
        return replace(quantity, kind="money", unit=currency, per=per, low=low, high=high)
    return replace(quantity, low=low, high=high)


def with_column_unit(quantity: Quantity, header: str) -> Quantity:
    """A bare count in a table cell, read in the scale, currency, share or duration unit its
    column header names."""
    if quantity.kind != "count" or quantity.bound == "magnitude":
        return quantity
    scaled = _with_header_scale(quantity, header)
    if scaled is not None:
        return scaled
    duration = _HEADER_DURATION.search(header)
    if duration is None:
        return quantity
    unit = _DURATION_UNITS[duration.group("unit").lower()]
    rate = _HEADER_RATE.search(header, duration.end()) or _HEADER_RATE.search(
        header, 0, duration.start()
    )
    per = quantity.per  # "Hours: 16 to 22 a day" states its own rate
    if rate is not None:
        per = (rate.group("unit") or rate.group("slash") or "day").lower()
    if per == unit:
        return quantity  # "Days per day" says nothing of a unit
    return replace(quantity, kind="duration", unit=unit, per=per)
