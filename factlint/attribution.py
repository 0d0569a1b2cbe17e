"""Does a sentence say where its figures come from? Named source, vague hedge, or nothing.

Named: a source with a reporting cue ("according to X", "X estimates", "a report by X",
"X's report", "per X", "…, the report found"), a parenthetical citation ("(UN COI, 2014)"),
a Markdown link or footnote, or a numeric citation marker ("[7]").
Vague: only a hedge with no source ("it is estimated", "experts say", "reportedly",
"by some estimates", "believed to be", "an estimated").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Literal

import regex

from factlint.nlp import lemma_table
from factlint.sentences import Sentence, Token

AttributionKind = Literal["named", "vague", "none"]


@dataclass(frozen=True)
class Attribution:
    kind: AttributionKind
    cue: str | None = None  # the words that attribute (or hedge), as written


NONE = Attribution("none")
_STRENGTH = {"none": 0, "vague": 1, "named": 2}


def strongest(first: Attribution, second: Attribution) -> Attribution:
    """The better of two attributions: named over vague over none (the first on a tie)."""
    return second if _STRENGTH[second.kind] > _STRENGTH[first.kind] else first


_VAGUE_PLURALS = (
    "experts|analysts|observers|sources|estimates|reports|officials|researchers|activists"
    "|critics|scholars|insiders|diplomats|accounts|people|others|many|some|several|most"
)
_VAGUE_DETERMINERS = "some|many|several|various|most|other|unnamed|anonymous|unofficial|certain"
# What a figure is taken from when it names no reporting verb: "(defector testimony)", "a
# figure that comes from the ministry's registry".
_SOURCE_NOUNS = (
    "registry|registers?|records|database|data|survey|study|report|census|statistics|figures"
    "|research|interviews?|testimony|testimonies|panel|commission|inquiry|ministry|institute"
    "|estimates?|count|tally|press\\s+release|list|audit|review|investigation"
)

# What follows a plural source that names its owner: "estimates by NKDB", "estimates the
# National Intelligence Service presented", "sources at the Asan Institute".
_OWNER = (
    r"\s+(?:(?:by|from|of|at|that|which|published|compiled|released|presented|given)\s+)?"
    r"(?:the\s+)?\p{Lu}"
)
# "the best available estimates", "most accounts": estimates no one owns (no name among
# the words before the noun).
_UNOWNED_ESTIMATES = (
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}"
    r"(?:estimates|accounts|reports|sources|counts|reckonings|projections)\b"
    rf"(?!{_OWNER})"
)
# "in the view of most analysts" reports as "according to" does.
_ACCORDING = r"(?:according\s+to|in\s+the\s+(?:view|opinion|estimation|judge?ment|reckoning)\s+of)"
# "according to researchers at a Seoul think tank": the institution names the speakers.
_NOT_AT_AN_INSTITUTION = r"(?!\s+(?i:at|from|with)\s)"
_CITATION_MARKER = regex.compile(
    r"\[\d{1,4}(?:\s*[,–-]\s*\d{1,4}){0,8}\]|\[\^[^\]\s]{1,40}\]"
    # a superscript note number after a word or a full stop ("camps.³"), not a unit's power
    r"|(?<=[^\W\dmM]|[.,;:)”\"’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?![\w¹²³⁴⁵⁶⁷⁸⁹⁰])"
)
_PARENTHETICAL_CITATION = regex.compile(
    r"\((?:see\s+|cf\.\s+)?[A-Z][^()\n]{0,80}?,?\s+(?:1[89]\d\d|20\d\d|n\.d\.)[a-z]?"
    r"(?:[,;:][^()\n]{0,60})?\)"
    # a page or paragraph of a source: "(UN COI, p. 12)", "(Enos, pp. 4–5)"
    r"|\((?:see\s+|cf\.\s+)?[A-Z][^()\n]{0,60}?,?\s+(?:p|pp|para|paras|ch|§)\.?\s*\d[^()\n]{0,20}\)"
    # a note: "(see note 4)", "(note 12)", "(n. 7)"
    r"|\((?i:see\s+)?(?i:note|n\.|fn\.?|footnote|endnote)\s*\d{1,3}\)"
)
# Verbs whose passive names who reports the figure: "estimated by the commission",
# "described to us by three former loggers".
_REPORTED_BY_VERBS = (
    r"estimated|reported|counted|documented|calculated|found|put|given|cited"
    r"|compiled|published|recorded|confirmed|ranked|rated|interviewed|surveyed|told"
    r"|described|related|recounted|supplied|provided|gathered|collected|quoted|presented"
)
_NAMED_PATTERNS = (
    regex.compile(
        rf"(?i:\b{_ACCORDING})\s+(?!(?i:{_VAGUE_DETERMINERS})\b)"
        rf"(?!(?i:{_VAGUE_PLURALS})\b{_NOT_AT_AN_INSTITUTION}(?!{_OWNER}))"
        rf"(?!{_UNOWNED_ESTIMATES})[\w“\"'‘]"
    ),
    regex.compile(
        r"(?i:\b(?:report|study|survey|paper|analysis|investigation|audit|census|review"
        r"|estimates?|count|tally|assessment|inquiry|database|data|figures|research|findings"
        r"|testimony|calculations?|records|statistics)\s+(?:by|from|of|published\s+by"
        r"|compiled\s+by|released\s+by)\s+(?:the\s+)?)(?:[A-Z]|[a-z]+\s+[A-Z])"
    ),
    regex.compile(
        r"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|One)\b)"
        r"[A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|of|for|on|the|in)){0,6}(?:\s+[a-z][\w-]*)?"
        r"['’]s\s+(?:[\w-]+\s+){0,2}"
        r"(?i:reports?|study|studies|surveys?|estimates?|figures?|data|analysis|count|findings"
        r"|database|assessments?|research|tally|census|numbers|range|account|calculations?"
        r"|interviews|testimon(?:y|ies)|records|papers?)\b"
    ),
    # a ranking or sanctioning body's own acts: "the State Department's rankings", "the
    # Treasury's designations" (but not "North Korea's ranking": the ranked, not the ranker)
    regex.compile(
        r"\b(?:[A-Z][\w.&-]*\s+){0,4}(?:Department|Treasury|Ministry|Council|Commission|Office"
        r"|Agency|Government|Administration|Committee|Bureau|Union|Nations|OFAC|UN|US|EU)['’]s\s+"
        r"(?:[\w-]+\s+){0,2}(?i:rankings?|ratings?|designations?|actions?|sanctions|lists?"
        r"|listings?|grading|grades?|blacklists?|reports)\b"
    ),
    # a definite source pointing back: "the ministry's figure", "by the commission's count"
    regex.compile(
        r"(?i:\b(?:the|its|this|that|their|one|a|an)\s+(?:[\w-]+\s+){0,2}"
        r"(?:ministry|commission|panel|institute|agency|government|department|report|survey"
        r"|study|inquiry|committee|council|office|tribunal|court|rapporteur|organi[sz]ation"
        r"|group|cent(?:re|er)|database|registry|monitor|researcher|author|defector|guard"
        r"|witness|survivor|escapee|official|worker|labourer|prisoner|inmate)['’]s\s+"
        r"(?:[\w-]+\s+){0,2}(?:estimates?|figures?|count|tally|numbers|range|account|findings"
        r"|data|calculations?|assessment|research|census|records)\b)"
    ),
    # a possessive pronoun pointing back to a source named before: "its estimate", "by his
    # own account" ("their number" is how many they are, so no "number" here)
    regex.compile(
        r"(?i:\b(?:its|his|her|their)\s+(?:own\s+|latest\s+|earlier\s+|later\s+|\d{4}\s+)?"
        r"(?:estimates?|figures?|report|study|survey|count|tally|account|findings|calculations?"
        r"|data|research|range|assessment|census|records|testimony)\b)"
    ),
    # a narrative author-date citation: "Enos (2017) puts it at", "Kim et al. (2019)"
    regex.compile(r"\b[A-Z][\w'’-]+(?:\s+et\s+al\.?)?\s+\((?:1[89]\d\d|20\d\d)[a-z]?\)"),
    # a passive reporting verb with its agent later in the clause: "was put at 50,000 by
    # the Asan Institute", "(estimated at $2 billion a year by NKDB)"
    regex.compile(
        r"(?i:\b(?:(?:is|are|was|were|been|be)\s+(?:\w+\s+)?)?(?:put|estimated|given|reckoned"
        r"|calculated|counted|placed|assessed|reported|cited|documented|recorded|valued|priced"
        r"|pegged)\s+at\b)"
        r"[^.;:()\n]{1,80}?(?i:\bby\s+)(?:(?i:the)\s+)?"
        r"(?:[A-Z]|(?i:economists|researchers|analysts|experts|officials)\s+(?:at|of|from)\s)"
    ),
    regex.compile(r"(?i:\bper)\s+(?:the\s+)?(?:(?:1[89]|20)\d\d\s+)?[A-Z]"),
    regex.compile(
        rf"(?i:\b(?:{_REPORTED_BY_VERBS}|graded|designated|sanctioned|listed)"
        r"(?:\s+to\s+(?:us|me|him|her|them|the\s+\w+))?\s+by\s+(?:the\s+)?)"
        r"(?:[A-Z]|(?i:a|an|one)\s+\w)"
    ),
    # ...and a definite or counted agent: "estimated by the commission of inquiry at",
    # "as described to us by three former loggers" (not "by the thousands")
    regex.compile(
        rf"(?i:\b(?:{_REPORTED_BY_VERBS})"
        r"(?:\s+to\s+(?:us|me|him|her|them))?\s+by\s+"
        r"(?:the|this|that|these|its|their|our|his|her|two|three|four|five|six|seven|eight|nine"
        r"|ten|a\s+dozen|\d+)\s+"
        r"(?!(?:dozens?|hundreds?|thousands?|millions?|score|way|end|time|same|number)\b)[a-z])"
    ),
    regex.compile(r"(?i:\bsources?\s*:\s*)\S"),
    # a headline's source prefix: "UN: up to 200,000 held in camps", "HRW: …"
    regex.compile(
        r"^[\s*_#>]*(?!(?:DPRK|ROK|PRC|NK|US|USA|UK|EU|NOTE|FAQ|FYI|NB|PS|TLDR|UPDATE|BREAKING)\b)"
        r"[A-Z]{2,6}(?:\s+[A-Z][\w&.-]*){0,2}\s*:(?=\s+\S)"
    ),
    # ...or a named organisation's: "Asan Institute: 100,000 …", "Human Rights Watch: …"
    regex.compile(
        r"^[\s*_#>]*(?:[A-Z][\w&.'’-]*\s+){0,5}(?:Treasury|Government|Parliament|Police"
        r"|Congress|Senate|Pentagon|Kremlin|Institute|Commission|Council|Ministry|Department"
        r"|Agency|Office|Center|Centre|Watch|International|Foundation|Committee|Panel|Network"
        r"|Service|Court|Database|Project|Alliance|Coalition|Association|University|Bureau"
        r"|Rapporteur|Tribunal|Survey|Report)\s*:(?=\s+\S)"
    ),
    # "…, a figure that comes from the ministry's registry": where the figure was taken from
    # (but not "drawn from the lowest classes": what follows "from" must be a source)
    regex.compile(
        r"(?i:\b(?:comes?|came|coming|drawn|taken|derived)\s+from\s+)"
        r"(?:(?i:the|a|an|its|their|our)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:[\w-]+['’]s\b|(?i:{_SOURCE_NOUNS})\b)|[A-Z])"
    ),
)
# "(estimate)", "(est.)", "(unconfirmed)": a hedge in parentheses, no source
_HEDGE_IN_PARENTHESES = regex.compile(
    r"\((?i:estimated?|est\.|approx\.|unconfirmed|unverified|disputed|claimed|reported)\)"
)
# Adverbs of frequency or extent that may stand in a hedge: "it is sometimes claimed".
_HEDGE_ADVERB = r"(?:(?:\w+ly|often|sometimes|also|now|still|long|variously|always|once)\s+)"
_VAGUE_PATTERNS = regex.compile(
    rf"\bit\s+(?:is|was|has\s+been|had\s+been)\s+{_HEDGE_ADVERB}?"
    r"(?:estimated|believed|thought|said|reported|claimed|alleged|understood|assumed|suggested"
    r"|rumou?red|argued|asserted|held|accepted|known)\b"
    rf"|\b(?:is|are|was|were|been|be)\s+{_HEDGE_ADVERB}?"
    r"(?:(?:estimated|believed|thought|said|reported|alleged|understood|assumed|rumou?red"
    r"|projected|reckoned)\s+(?:to|at|as)\b"
    # "is put at 50,000", but not "were put to work"; "is given as", but not "given to"
    r"|(?:put|placed|pegged)\s+at\b|(?:given|cited|quoted)\s+as\b)"
    r"|\b(?:reportedly|allegedly|purportedly|reputedly|supposedly)\b"
    # "the labourers, believed to number 100,000": the participle hedges with no auxiliary
    r"|\b(?:believed|thought|estimated|said|reported|understood)\s+to\s+(?:be|number|total"
    r"|have|hold|earn|make)\b"
    # "by the upper estimates", "by most counts"
    r"|\bby\s+(?:the\s+)?(?:upper|lower|highest|lowest|higher|official|most|common|usual)"
    r"\s+(?:estimates?|accounts?|counts?|reckonings?)\b"
    r"|\bby\s+(?:some|one|many|most|several|other|various|certain|conservative|rough|unofficial)"
    r"\s+(?:estimates?|accounts?|counts?|reckonings?|measures?)\b"
    rf"|\b{_ACCORDING}\s+(?:(?:{_VAGUE_DETERMINERS})\s+)?(?:{_VAGUE_PLURALS})\b"
    rf"{_NOT_AT_AN_INSTITUTION}(?!{_OWNER})"
    rf"|\b(?-i:[Aa]ccording\s+to\s+{_UNOWNED_ESTIMATES})"
    rf"|(?-i:\(\s*(?:{_VAGUE_DETERMINERS}\s+)?{_UNOWNED_ESTIMATES}\s*\))"
    r"|\bsome\s+(?:say|believe|estimate|claim|suggest|think)\b"
    r"|\bestimates\s+(?:range|vary|suggest|put|indicate|say|show|place)\b"
    r"|\bwidely\s+(?:believed|reported|cited|thought)\b",
    regex.IGNORECASE,
)
# Hedges with no owner, asked only when those above find none (so that a sentence's cue
# stays the hedge it had before these were added: "by some estimates").
_UNOWNED_HEDGES = regex.compile(
    # "we are often told", "you will have heard": the writer's readers hear it from no one
    rf"\b(?:we|you)\s+(?:are|were|have\s+been|'re|’re|keep\s+being|get|will\s+be|will"
    rf"\s+have\s+been)\s+{_HEDGE_ADVERB}?told\b(?!\s+by\b)"
    # "the figure most often quoted", "the commonly cited estimate": a figure no one owns
    r"|\b(?:most\s+|more\s+)?(?:often|commonly|widely|frequently|usually|generally|routinely"
    r"|repeatedly)\s+(?:quoted|cited|given|repeated|used|heard|mentioned|stated|reported"
    r"|believed|thought|accepted)\b"
    # "Estimates of the revenue range from …": estimates no one owns, as a subject
    r"|\bestimates\s+(?:(?:of|for)\s+[^.;:()\n]{1,80}?\s+)?(?:range|ranged|vary|varied|run"
    r"|ran|span|spanned|go|went|suggest|put|indicate|say|show|place)\b"
    # "every credible estimate", "most accounts": a quantifier over estimates no one owns
    r"|\b(?:every|all|most|many|some|other|several|various|earlier|later|older|past|previous"
    r"|some\s+earlier|independent)\s+(?:[a-z]+\s+)?(?:estimates?|accounts|tallies|reckonings"
    r"|projections)\b(?!\s+(?:by|from|of)\s+(?:the\s+)?\p{Lu})"
    rf"|{_HEDGE_IN_PARENTHESES.pattern}",
    regex.IGNORECASE,
)

_CUE_LEMMAS = frozenset(
    """
    say estimate find report conclude state note count put claim suggest show document
    calculate record tally write assess reveal indicate rank rate list tell testify
    confirm warn allege believe think cite place describe acknowledge add explain observe
    announce publish found recall reckon argue recount hear settle
    remind insist maintain contend assert identify stress concede urge call
    sanction designate blacklist grade downgrade upgrade
    """.split()
)
# Verbs that take an object and report by acting on it ("the Treasury sanctioned ten
# entities"): without an object after them they are a participle or a noun ("entities
# designated", "despite UN sanctions").
_ACTION_LEMMAS = frozenset("sanction designate blacklist grade downgrade upgrade".split())
# Verbs that report only a quote beside them: '"Why …?" asked Ahn', '"Twenty," he replied'.
_QUOTE_LEMMAS = frozenset("ask reply answer wonder exclaim".split())
_QUOTE_MARKS = frozenset({'"', "”", "“", "'", "’", "‘"})
_CUE_WORDS = _CUE_LEMMAS | _QUOTE_LEMMAS
# Verbs of saying or believing: a bare plural before one is a generic speaker ("campaigners
# say"), not the people the sentence is about ("Survivors describe being sent …").
_SAYING_LEMMAS = frozenset(
    "say claim estimate insist argue believe think suggest allege contend maintain reckon"
    " assert warn tell put".split()
)
_POSSESSIVES = frozenset({"'s", "’s"})
_PASSIVE_AUXILIARIES = frozenset("is are was were be been being".split())
_SKIPPED_BEFORE_VERB = frozenset(
    """
    has have had also recently previously now later once still further then has already
    often sometimes always never seldom first since
    """.split()
)
_NOUN_DETERMINERS = frozenset("a an the this that its their his her one every each some".split())
_CLAUSE_WORDS = frozenset(
    """
    that which who whom and but as while whereas because if when than
    """.split()
)
_PRONOUNS = frozenset("he she it they we i".split())
_RELATIVE_PRONOUNS = frozenset("who which that".split())
_VAGUE_HEADS = frozenset(_VAGUE_PLURALS.split("|"))
_SPECIFIC_HEADS = frozenset(
    """
    report survey study panel commission group institute organisation organization agency
    ministry department government official worker researcher defector witness author
    analyst census database investigation inquiry committee council office center centre
    ngo charity foundation journalist reporter spokesman spokeswoman spokesperson minister
    diplomat expert activist academic scholar professor economist paper review audit
    document book article monitor observatory network coalition alliance mission union
    court tribunal data figures statistics records registry
    veteran survivor inmate prisoner escapee refugee labourer laborer manager supervisor
    guard interviewee respondent employee engineer doctor lawyer soldier
    """.split()
)
_NP_LENGTH = 7
_SAMPLE_HEADS = frozenset("interviewee respondent participant informant".split())
_VAGUE_DETERMINER_WORDS = frozenset(_VAGUE_DETERMINERS.split("|"))
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozens scores".split()
)


def _is_number_word(token: Token) -> bool:
    return token.lower in _NUMBER_WORDS or token.text[:1].isdigit()


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def classify_attribution(
    sentence: Sentence, text: str, *, has_citation: bool, source_names: Sequence[str] = ()
) -> Attribution:
    """How the sentence attributes its figures. `text` is the document text it indexes into."""
    sentence_text = text[sentence.start : sentence.end]
    if has_citation:
        return Attribution("named", "link or footnote")
    source_cell = _source_cell(sentence_text, source_names) or _source_in_parentheses(
        sentence_text, source_names
    )
    if source_cell is not None:
        return Attribution("named", source_cell)
    for pattern in (_CITATION_MARKER, _PARENTHETICAL_CITATION, *_NAMED_PATTERNS):
        match = pattern.search(sentence_text)
        if match:
            return Attribution("named", match.group().strip())
    vague_cue: str | None = None
    tokens = sentence.tokens
    cues = [
        index
        for index, token in enumerate(tokens)
        if (token.lemma in _CUE_WORDS or token.lower in _CUE_WORDS) and _may_report(tokens, index)
    ]
    # A reporting clause set off by commas (", activists say.") frames the whole sentence,
    # so it is judged before a cue word of the sentence's own clause.
    framing = {index for index in cues if _is_parenthetical(tokens, index)}
    cues.sort(key=lambda index: index not in framing)
    framed: int | None = None
    for index in cues:
        kind = _reporting_clause(tokens, index, source_names, framing=index in framing)
        if kind == "named" and (framed is None or _across_semicolon(tokens, framed, index)):
            # a hedge framing the sentence outweighs a cue of its own clause ("Poverty
            # claims 40 percent, experts say"), not a source in a clause of its own
            # ("whatever certain blogs say; Enos put them at 400,000")
            return Attribution(kind, _cue_text(sentence, index, text))
        if kind == "vague" and index in framing and framed is None:
            framed = index
        if kind == "vague" and vague_cue is None:
            vague_cue = _cue_text(sentence, index, text)
    if framed is not None:
        return Attribution("vague", _cue_text(sentence, framed, text))
    prefix = _headline_prefix(sentence, text)
    if prefix.kind != "none":
        return prefix
    hedge = _VAGUE_PATTERNS.search(sentence_text) or _UNOWNED_HEDGES.search(sentence_text)
    if hedge:
        return Attribution("vague", hedge.group())
    if vague_cue is not None:
        return Attribution("vague", vague_cue)
    return NONE


# A headline's speaker prefix: "Enos: labour exports reached 16 countries", "Activists: 150,000
# held" (one to three words, the first capitalised, then a colon and more words).
_PREFIX = regex.compile(
    r"[\s*_#>]*(\p{Lu}[\w'’.-]*(?:[ \t]+[\w'’.-]+){0,2})[ \t]*:[*_]*[ \t]+(?=\S)"
)
# The country the figures are about, not a source: "DPRK: …".
_NOT_SOURCES = frozenset("DPRK ROK PRC NK".split())
# Labels of a kind of article, not speakers: "Explainer: …", "Factbox: …".
_GENRE_LABELS = frozenset(
    "explainer factbox q&a faq live breaking exclusive update watch read more see also"
    " tl;dr tldr ps nb".split()
)


@cache
def _common_words() -> frozenset[str]:
    """English words (the lemmas of the lookup table): a capitalised word that is none of
    them is a name ("Seoul", "Enos")."""
    return frozenset(lemma_table().values())


def _headline_prefix(sentence: Sentence, text: str) -> Attribution:
    """A speaker before a colon opening the sentence, named ("Seoul: …") or generic
    ("Campaigners: …"); a common word there is a label ("Note: …", "Total: 55,000")."""
    found = _PREFIX.match(text, sentence.start, sentence.end)
    if found is None:
        return NONE
    words = found.group(1).split()
    if " ".join(words).lower() in _GENRE_LABELS or words[0].lower() in _GENRE_LABELS:
        return NONE
    tokens = [token for token in sentence.tokens if token.start < found.end(1)]
    tokens = [token for token in tokens if token.text[:1].isalnum()]
    if not tokens:
        return NONE
    head = tokens[-1]
    cue = found.group().strip(" \t*_#>")
    if head.lemma != head.lower and head.lower in _VAGUE_HEADS | _GENERIC_SPEAKERS:
        return Attribution("vague", cue)  # "Activists: …", "Campaigners: …"
    if (
        all(word[:1].isupper() for word in words)
        and len(head.text) > 1
        and head.lemma not in _common_words()
        and not text[found.end() : found.end() + 1].isdigit()
        and head.text not in _NOT_SOURCES
    ):
        return Attribution("named", cue)  # "Enos: …", "Seoul: …", but not "Russia: 20,000"
    return NONE


# Plural speakers that are as generic as "experts": "campaigners say".
_GENERIC_SPEAKERS = frozenset(
    "campaigners advocates commentators watchers groups ngos monitors specialists"
    " academics economists".split()
)


_ESTIMATED_FIGURE = regex.compile(r"(?:an\s+|the\s+)?estimated\b", regex.IGNORECASE)


def for_figure(sentence_attribution: Attribution, figure_text: str) -> Attribution:
    """The attribution of one figure: its sentence's, or the hedge in its own words.

    "An estimated 400,000" hedges that figure only, not the others of the sentence.
    """
    if sentence_attribution.kind != "none":
        return sentence_attribution
    hedge = _ESTIMATED_FIGURE.match(figure_text)
    return Attribution("vague", hedge.group()) if hedge else sentence_attribution


# Masking turns a table row's pipes into spaces, so its cells stand apart by two or more.
_CELL_SEPARATOR = regex.compile(r"\s{2,}")
_CITATION_CELL = regex.compile(r"[A-Z][^\d]{0,60}?,?\s+(?:1[89]\d\d|20\d\d)[a-z]?")


def _source_in_parentheses(sentence_text: str, source_names: Sequence[str]) -> str | None:
    """A citation with no year in parentheses: a known source name, "(Asan Institute)", or a
    noun phrase headed by a kind of source, "(defector testimony)", "(UN panel of experts,
    unconfirmed)"."""
    names = {name.lower() for name in source_names}
    for found in regex.finditer(r"\(([^()\n]{2,80})\)", sentence_text):
        inside = found.group(1).strip()
        if (
            inside.lower() in names
            or _BY_SOMEONE.search(inside)
            or (
                _headed_by_source(inside.split(",")[0])
                and not _UNOWNED.fullmatch(inside)
                and not _HEDGE_IN_PARENTHESES.fullmatch(found.group())
            )
        ):
            return str(found.group())
    return None


# "(Facebook post by Song Ji-yeon)", "(Instagram, @hope_bridge)": who posted or said it
_BY_SOMEONE = regex.compile(r"(?:^|\s)(?i:by)\s+\p{Lu}|(?:^|[\s,])@\w{2,}")
# "(later estimates)": a hedge in parentheses, not a source (see _VAGUE_PATTERNS)
_UNOWNED = regex.compile(_UNOWNED_ESTIMATES)
_UNSPECIFIC_WORDS = frozenset({"a", "an", "rough", *_VAGUE_DETERMINERS.split("|")})
_SOURCE_HEAD = regex.compile(rf"(?:{_SOURCE_NOUNS})", regex.IGNORECASE)
_PHRASE_WORDS = 6


def _headed_by_source(phrase: str) -> bool:
    """Whether a short noun phrase's head (its last word before any "of") is a source noun."""
    words = phrase.split()
    if "of" in words:
        words = words[: words.index("of")]
    if not words or len(words) > _PHRASE_WORDS or not words[0][:1].isalpha():
        return False
    if words[0].lower() in _UNSPECIFIC_WORDS and not any(
        word[:1].isupper() or word.isdigit() for word in words[1:]
    ):
        return False  # "(an estimate)", "(some reports)", but "(a 2019 UN report)"
    return _SOURCE_HEAD.fullmatch(words[-1].strip(".;:")) is not None


def _source_cell(sentence_text: str, source_names: Sequence[str]) -> str | None:
    """A table cell that is a source: a known source name ("UN COI") or "Name, 2014".

    A table with a source column gives each row's figure its source in a cell of its own,
    with no reporting verb; in running prose a mere mention of a source is no attribution.
    """
    cells = [cell.strip() for cell in _CELL_SEPARATOR.split(sentence_text)]
    if len([cell for cell in cells if cell]) < 2:
        return None
    names = {name.lower() for name in source_names}
    for cell in cells:
        if cell and (cell.lower() in names or _CITATION_CELL.fullmatch(cell)):
            return str(cell)
    return None


# Table headers of a column that names each row's source.
_SOURCE_HEADERS = frozenset(
    {
        "source", "sources", "by", "according to", "cited by", "estimated by", "reported by",
        "cited in", "reference", "references", "citation", "citations",
    }
)  # fmt: skip
_EMPTY_CELLS = frozenset({"", "-", "–", "—", "n/a", "?"})


def source_column(header_cells: Sequence[str], row_cells: Sequence[str]) -> Attribution:
    """A row's cell under a "Source" (or "By") header names the row's source."""
    index = source_column_index(header_cells)
    if index is None or index >= len(row_cells) or row_cells[index].lower() in _EMPTY_CELLS:
        return NONE
    return Attribution("named", row_cells[index])


def source_column_index(header_cells: Sequence[str]) -> int | None:
    """Which column of a table is headed "Source" (or "By", "Cited by"...), if any."""
    for index, header in enumerate(header_cells):
        if header.strip(" :*_").lower() in _SOURCE_HEADERS:
            return index
    return None


# A speaker tag set off by a dash, as under a pull quote or an epigraph: "— Kang Chol-hwan,
# speaking in Washington", "— Former construction worker, Doha". What follows the dash is a
# speaker by that convention alone, so a capitalised word there names one.
# A social-media signature names its poster by handle: "— @FreeNKNow, 14 March", "— post
# shared by the campaign account @YodokNeverAgain".
_DASH_TAG = regex.compile(
    r"(?:—|–|--)[ \t]*((?:\p{Lu}|@\w)[^\n\"“”]{0,100}(?:\n[^\n\"“”]{0,100})?"
    r"|[^\n\"“”@]{0,60}@\w{2,}[^\n\"“”]{0,40})"
)
# A paragraph that is only a handle, bare or in parentheses: "@nk_freedom_now",
# "(Instagram, @hope_bridge_ngo)".
_HANDLE_LINE = regex.compile(r"\(?[^()\n@]{0,40}@\w{2,}[^()\n]{0,40}\)?")
_QUOTE_END_TAG = regex.compile(r"[\"”][ \t]*(?:\n[ \t>]*)?" + _DASH_TAG.pattern + r"\s*\Z")


def dash_tag(text: str) -> Attribution:
    """A block that is only a speaker tag ("— Commission member, Geneva"): what it says of
    the quote just before it."""
    found = _DASH_TAG.fullmatch(text.strip()) or _HANDLE_LINE.fullmatch(text.strip())
    return Attribution("named", found.group().strip()) if found else NONE


# A transcript's speaker label opening a paragraph: "**Ri Chol-su, former guard:** No.",
# "SEO YU-NA (Crossing Borders): Most are trafficked."
_SPEAKER_LABEL = regex.compile(
    r"[ \t]*(?:(?:\*\*|__)([^*_\n:]{2,60}?)[ \t]*(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)"
    r"|(\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*){0,3}(?:[ \t]*\([^()\n]{1,40}\))?)"
    r"[ \t]*:)[ \t]+\S"
)
# Labels of the one who asks, not of a source: "**Q:**", "INTERVIEWER:".
_ASKERS = frozenset(
    "q a question answer interviewer reporter presenter host moderator anchor editor"
    " audience caller".split()
)
_PERSON_HEADS = frozenset(
    """
    spokesperson spokesman spokeswoman official minister analyst researcher guard worker
    defector survivor activist economist diplomat envoy professor director founder
    co-founder lawmaker expert investigator rapporteur witness labourer laborer logger
    escapee refugee prisoner inmate officer ambassador chair chairman chairwoman president
    secretary adviser advisor campaigner journalist author scholar representative
    """.split()
)


def speaker_label(text: str) -> Attribution:
    """The speaker a transcript paragraph opens with, if its label names a person: a name
    ("Oh Dae-jung, sanctions analyst:") or a role ("Treasury spokesperson:"), not the one
    who asks ("Q:", "Interviewer:") nor a run-in heading ("**Key finding:**")."""
    found = _SPEAKER_LABEL.match(text)
    if found is None:
        return NONE
    label = (found.group(1) or found.group(2)).strip()
    words = regex.findall(r"[\p{L}'’-]+", label)
    if not words or " ".join(words).lower() in _ASKERS or words[0].lower() in _ASKERS:
        return NONE
    if found.group(2) is not None or "," in label or "(" in label:
        return Attribution("named", label)  # "SEO YU-NA (…)", "Name, role"
    lowered = [word.lower() for word in words]
    if lowered[-1] in _PERSON_HEADS or _singular(lowered[-1]) in _PERSON_HEADS:
        return Attribution("named", label)  # "Treasury spokesperson"
    if all(word[:1].isupper() for word in words) and any(
        word.lower() not in _common_words() for word in words
    ):
        return Attribution("named", label)  # "Kim Hye-jin"
    return NONE


def closing_tag(text: str) -> tuple[int, Attribution]:
    """A speaker tag after a block's closing quote ('"…nineteen." — Kang Chol-hwan'): where
    the tag starts, and what it says of the quote before it (-1 and NONE when none)."""
    found = _QUOTE_END_TAG.search(text)
    if found is None:
        return -1, NONE
    return found.start(1), Attribution("named", " ".join(found.group(1).split()))


_ESTIMATE_REFERENCE = regex.compile(
    r"\b(?:this|that|these|those|the\s+same)\s+(?:(?:earlier|later|latest|lower|higher|upper"
    r"|original|official|widely\s+cited|[a-z]+er)\s+)?"
    r"(?:estimates?|figures?|range|count|tally|calculation|reckoning)\b",
    regex.IGNORECASE,
)


def refers_to_an_estimate(sentence: Sentence, text: str) -> bool:
    """Whether the sentence names the estimate of the sentence before by a demonstrative ("That
    estimate — 120,000 — still stands", "the same figure"): it is then the same source's."""
    return _ESTIMATE_REFERENCE.search(text, sentence.start, sentence.end) is not None


_QUOTE = regex.compile(r"“[^“”]{1,3000}”|\"[^\"]{1,3000}\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in the text, its marks included."""
    return [found.span() for found in _QUOTE.finditer(text)]


def _cue_text(sentence: Sentence, index: int, text: str) -> str:
    tokens = sentence.tokens
    start = tokens[max(0, index - 3)].start
    return " ".join(text[start : tokens[index].end].split())


_CLAUSE_EDGES = frozenset({",", ";", ".", "!", "?", "”", '"', "—", "–"})


def _is_parenthetical(tokens: Sequence[Token], index: int) -> bool:
    """Whether the reporting word ends a clause set off from the rest: "…, activists say."
    or "…, analysts in Seoul say, a sum …" (a comma before its speaker, and after it a
    comma or the end)."""
    after = index + 1
    if after < len(tokens) and tokens[after].lower not in _CLAUSE_EDGES:
        return False
    before = _phrase_before(tokens, index)
    start = _before_adverbs(tokens, index) - len(before)
    return bool(before) and start >= 0 and tokens[start].lower in _CLAUSE_EDGES


def _before_adverbs(tokens: Sequence[Token], index: int) -> int:
    """The index of the last token before the verb at `index` and its adverbs ("has since")."""
    position = index - 1
    while position >= 0:
        word = tokens[position].lower
        if word in _SKIPPED_BEFORE_VERB or (word.endswith("ly") and word.isalpha() and position):
            position -= 1
        elif word == "to" and position > 0 and tokens[position - 1].lemma in _CATENATIVE_LEMMAS:
            position -= 2  # "hawks like to say": the speaker stands before "like to"
        else:
            break
    return position


# Verbs that take a reporting verb after "to" and leave its speaker theirs.
_CATENATIVE_LEMMAS = frozenset("like love tend continue want begin prefer hasten".split())


# "on state contracts", "in the report": after a preposition a cue word is a noun.
_PREPOSITIONS = frozenset("on in at for with into from under about of over per".split())
# "put in 18-hour days", "put up with": a phrasal verb, not "put the figure at".
_PUT_PARTICLES = frozenset("in up out on off down away through together".split())
# "North Korea ranked Tier 3": these verbs take an object before the tier ("ranks North
# Korea Tier 3"), so a tier straight after the participle is a passive with no agent.
_PLACING_LEMMAS = frozenset("rank rate place list".split())


_OBJECT_STARTERS = frozenset(
    "a an the this that these those its their his her one every each some more about"
    " nearly almost at least up as dozens".split()
)


def _across_semicolon(tokens: Sequence[Token], first: int, second: int) -> bool:
    """Whether a semicolon stands between the tokens at two indices."""
    low, high = sorted((first, second))
    return any(token.text == ";" for token in tokens[low:high])


def _title_case(tokens: Sequence[Token]) -> bool:
    """Whether most words of the sentence are capitalised, as in a title-case headline."""
    if any(after.start - before.end > 1 for before, after in pairwise(tokens)):
        return False  # cells of a table row ("| North Korea | Tier 2 Watch List |")
    words = [token for token in tokens if token.text[:1].isalpha()]
    return len(words) >= 3 and sum(token.text[:1].isupper() for token in words) > len(words) * 0.75


def _may_report(tokens: Sequence[Token], index: int) -> bool:
    """Whether the cue word at `index` can be a reporting verb where it stands, by its form
    and its neighbours alone."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if index > 0 and token.text[:1].isupper() and not _title_case(tokens):
        # "the Tier 2 Watch List", "despite the Trafficking Report": a word of a name (in a
        # title-case headline every word is: "Eight in 10 Are Women, Seoul Says")
        return False
    if token.lemma in _ACTION_LEMMAS or token.lower in _ACTION_LEMMAS:
        if following is None or following.start - token.end > 1:
            return False  # the end, or a table cell after: "| entities designated | 12 |"
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if not (
            following.text == ":"  # "the Treasury designated:" and a list
            or following.lower in _OBJECT_STARTERS
            or (following.lower == "over" and after is not None and _is_number_word(after))
            or _is_number_word(following)
            or following.text[:1].isupper()
        ):
            return False  # "UN sanctions over forced labour", "sanctions squeeze income"
    if token.lemma == "call" and (following is None or following.lower not in ("on", "upon")):
        return False  # "called on the 16 host countries to …" speaks; "called it" does not
    if token.lemma in _QUOTE_LEMMAS or token.lower in _QUOTE_LEMMAS:
        near = tokens[max(0, index - 4) : index + 2]
        if not any(each.text in _QUOTE_MARKS for each in near) and not (
            index == 0 and token.text.islower()  # '…?" asked Ahn': the tag after a quote
        ):
            return False  # "asked how old he was": no quote for the verb to report
    return True


def _reporting_clause(
    tokens: Sequence[Token], index: int, source_names: Sequence[str], *, framing: bool = False
) -> AttributionKind:
    """Whether the reporting word at `index` has a named, a vague, or no speaker; `framing`:
    it is set off by commas ("…, lawmaker claims")."""
    token = tokens[index]
    previous = tokens[index - 1].lower if index > 0 else ""
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if (previous in _NOUN_DETERMINERS and not (previous == "one" and _is_past_form(token))) or (
        previous in _PREPOSITIONS or following == "by"
    ):
        # "a report", "on state contracts": a noun, not a reporting verb. "One" is also a
        # pronoun, and no noun is a past form: "a defector who served in one told us".
        return "none"
    if token.lemma == "say" and following in _AMOUNT_WORDS:
        return "none"  # "a range so wide that it says more about …": no speaker, an idiom
    if token.lemma == "settle" and following not in ("on", "upon"):
        return "none"  # "settled on 120,000" reports a figure; "settled in Russia" does not
    if following == "of" and not _is_past_form(token):
        return "none"  # "the estimates of" is a noun; "said of the labour" is a verb
    if token.lemma == "put" and following in _PUT_PARTICLES:
        return "none"
    if token.lemma in _PLACING_LEMMAS and _is_past_form(token) and following == "tier":
        return "none"
    if any(token.lower in _POSSESSIVES for token in tokens[max(0, index - 2) : index]):
        return "none"  # "North Korea's TIP ranking": a possessed noun, not a verb
    neighbour = _before_adverbs(tokens, index)
    if neighbour >= 0 and tokens[neighbour].lower in _PASSIVE_AUXILIARIES:
        return "none"  # "is estimated": the hedge patterns judge passives
    before = _phrase_before(tokens, index) or _speaker_before_aside(tokens, index)
    if any(word.lower == "according" for word in before):
        return "none"  # "according to official reports": the noun of an "according to"
    if token.lower.endswith("ing") and any(word.lower in _POSSESSIVES for word in before):
        return "none"  # "North Korea's Tier 3 ranking": a possessed noun, not a verb
    past = _is_past_form(token)
    if before:
        opener = _before_adverbs(tokens, index) - len(before)
        if opener >= 0 and tokens[opener].lower == "than":
            return "none"  # "smaller than headlines suggest": what others say, not the figure
        return _speaker(
            before,
            sentence_initial=before[0] is tokens[0],
            names=source_names,
            past=past,
            framing=framing,
            saying=token.lemma in _SAYING_LEMMAS,
        )
    after = _phrase_after(tokens, index)
    if index == 0 and not token.text[:1].islower() and after:
        # "Put the 400,000 conscripts next to …": a verb opening the sentence is an
        # imperative, and what follows is what it acts on, not who speaks
        return "none"
    if after[:1] and after[0].lower not in _NOUN_DETERMINERS and _is_number_word(after[0]):
        return "none"  # "…, said 50,000 work abroad": the figure, not a speaker
    if after:
        return _speaker(
            after,
            sentence_initial=False,
            names=source_names,
            past=past,
            framing=framing,
            saying=token.lemma in _SAYING_LEMMAS,
        )
    return "none"


_AMOUNT_WORDS = frozenset("more less little much nothing something everything".split())


def _is_past_form(token: Token) -> bool:
    """A past tense or participle ("said", "ranked", "wrote"), not a noun's plural."""
    return token.lower != token.lemma and not token.lower.endswith("s")


def _phrase_before(tokens: Sequence[Token], index: int) -> list[Token]:
    position = _before_adverbs(tokens, index)
    phrase: list[Token] = []
    while position >= 0 and len(phrase) < _NP_LENGTH:
        token = tokens[position]
        if _ends_phrase(token):
            if (
                token.lower in _RELATIVE_PRONOUNS
                and _relative_clause_ok(phrase)
                and not _has_own_subject(phrase)
            ):
                # "Interviewees who had worked abroad reported …": the speaker is the noun
                # before the relative clause, not the end of the clause.
                return _phrase_before_relative(tokens, position)
            break
        phrase.insert(0, token)
        position -= 1
    return phrase


def _has_own_subject(clause: Sequence[Token]) -> bool:
    """Whether a relative clause opens with a noun phrase of its own, so that the reporting
    verb is its verb: "the figure that some campaigners cite" (the campaigners cite it), not
    "workers who had been abroad reported" (the workers report)."""
    first = clause[0]
    return (
        first.lower in _NOUN_DETERMINERS
        or first.lower in _VAGUE_DETERMINER_WORDS
        or first.lower in _PRONOUNS
        or first.lower in ("our", "my", "your")
        or (first.text[:1].isupper() and first.lower not in _PRONOUNS)
    )


_ASIDE_LENGTH = 20


def _speaker_before_aside(tokens: Sequence[Token], index: int) -> list[Token]:
    """The speaker before a relative clause set off by commas: "The defector, who was 13
    when she crossed in 2009, said …" (the phrase before the clause's opening comma)."""
    position = _before_adverbs(tokens, index)
    if position < 0 or tokens[position].lower != ",":
        return []
    for back in range(position - 1, max(0, position - _ASIDE_LENGTH) - 1, -1):
        token = tokens[back]
        if token.lower in (";", ".", "!", "?"):
            return []
        if token.lower in _ASIDE_OPENERS and back > 0 and tokens[back - 1].lower == ",":
            return _phrase_before_relative(tokens, back - 1)
    return []


# A relative clause set off by commas opens with "who" or "which", never "that".
_ASIDE_OPENERS = _RELATIVE_PRONOUNS - {"that"}


def _relative_clause_ok(clause: Sequence[Token]) -> bool:
    """A short relative clause with no figure in it (so it is not the figure's clause); a
    year is no figure ("a diplomat who defected in 2016 said")."""
    return 0 < len(clause) <= 5 and not any(
        token.text[:1].isdigit() and not _YEAR.fullmatch(token.text) for token in clause
    )


_YEAR = regex.compile(r"(?:1[89]|20)\d\d")


def _phrase_before_relative(tokens: Sequence[Token], position: int) -> list[Token]:
    phrase: list[Token] = []
    position -= 1
    while position >= 0 and len(phrase) < _NP_LENGTH:
        token = tokens[position]
        if _ends_phrase(token):
            break
        phrase.insert(0, token)
        position -= 1
    return phrase


def _phrase_after(tokens: Sequence[Token], index: int) -> list[Token]:
    phrase: list[Token] = []
    for token in tokens[index + 1 : index + 1 + _NP_LENGTH]:
        if _ends_phrase(token):
            break
        phrase.append(token)
    while phrase and phrase[-1].text == ".":
        phrase.pop()  # the sentence's full stop: "…, say researchers."
    return phrase


def _ends_phrase(token: Token) -> bool:
    return token.lower in _CLAUSE_WORDS or (
        not any(char.isalnum() for char in token.text)
        and (token.text not in ("'s", "’s", "'", "’", "-", "&", "."))
    )


# Words after a noun that modify it: the head stands before them ("workers abroad",
# "analysts in Seoul"). After "at", "of" or "from" stands the institution that names the
# speakers ("researchers at the institute"), which is kept.
_POSTMODIFIERS = frozenset("abroad overseas there here now today themselves alone".split())
_HEAD_PREPOSITIONS = frozenset({"in"})


def _head(words: Sequence[str]) -> str:
    """The head noun of a speaker phrase: its last word before a place ("in Seoul") or a
    word that follows a noun to modify it."""
    end = len(words)
    for position in range(1, len(words)):
        if words[position] in _HEAD_PREPOSITIONS:
            end = position
            break
    while end > 1 and words[end - 1] in _POSTMODIFIERS:
        end -= 1
    return words[end - 1]


# Prepositions of place after a speaker: "aid workers in Dandong", "along the border". The
# place names no speaker ("officials in Seoul" aside, below).
_LOCATIVES = frozenset("in along near across inside outside around on throughout".split())
# Source nouns that no one owns when nothing but these modifiers stands before them: "more
# recent research identifies", "newer studies show".
_UNOWNED_SOURCES = frozenset(
    "research studies estimates surveys reports evidence accounts tallies counts projections"
    " figures".split()
)
_HEDGE_MODIFIERS = frozenset(
    """
    more most recent later earlier new newer other some further independent previous past
    older various many several academic credible available best current latest few
    """.split()
)
# Nouns that stand for no one when bare before a verb: "research suggests", "evidence shows".
_MASS_NOUNS = frozenset(
    "research evidence data intelligence wisdom opinion consensus rumour rumor speculation"
    " talk gossip lore legend history experience".split()
)


def _speaker(
    phrase: Sequence[Token],
    *,
    sentence_initial: bool,
    names: Sequence[str],
    past: bool,
    framing: bool = False,
    saying: bool = False,
) -> AttributionKind:
    """Whether the phrase before or after a reporting verb names a source; `past`: the verb
    is in the past tense; `framing`: the clause is set off by commas ("…, lawmaker claims")."""
    words = [token.lower for token in phrase]
    joined = " ".join(token.text for token in phrase).lower()
    if any(name.lower() in joined for name in names):
        return "named"
    if words == ["i"]:
        return "none"  # the writer's own "I wrote": no one else gives the figure
    if words[0] in _PRONOUNS and len(words) == 1:
        return "named"
    place = next(
        (at for at in range(1, len(words)) if words[at] in _LOCATIVES),
        len(words),
    )
    if words[place - 1] in _UNOWNED_SOURCES and all(
        word in _HEDGE_MODIFIERS or word.endswith("ly") for word in words[: place - 1]
    ):
        return "vague"  # "more recent research identifies", "estimates suggest"
    if (
        place < len(words) < _NP_LENGTH  # a phrase cut at the limit may be no noun phrase
        and words[place - 1] != "officials"
        and not any(token.text[:1].isupper() for token in phrase[1:place])
    ):
        # "aid workers in Dandong say": the place names none of the speakers
        phrase, words = phrase[:place], words[:place]
    if "our" in words or "my" in words:
        return "named"  # "our researchers found": the writer's own organisation
    if "in" in words[1:] and words[words.index("in", 1) - 1] in _VAGUE_HEADS - {"officials"}:
        # "analysts in Seoul say": where they are names none of them ("officials in Seoul"
        # are the government's, which is a source)
        return "vague"
    if words == ["several"] and past:
        # "Several reported shifts of 22 hours": several of the people just named, on one
        # occasion ("Some say" is as generic as "experts say")
        return "named"
    if words[0] in _VAGUE_DETERMINER_WORDS and not (len(phrase) > 1 and _is_number_word(phrase[1])):
        return "vague"  # "some defectors say", but not "some 300 defectors say"
    proper = [
        token
        for position, token in enumerate(phrase)
        if token.text[:1].isupper()
        and token.text != "I"
        and (position > 0 or not sentence_initial or token.text.isupper())
    ]
    if proper:
        return "named"
    head = _head(words)
    if head in _VAGUE_HEADS:
        return "vague"
    if head in _SPECIFIC_HEADS:
        return "named"
    # "the workers said", "two former workers told": a plural made specific by a determiner
    # or a number. With a modifier only, the tense decides: "shock brigade veterans said"
    # reports what some said once, "aid workers say" is as generic as "experts say".
    if _singular(head) in _SPECIFIC_HEADS:
        if words[0] in _NOUN_DETERMINERS or _is_number_word(phrase[0]):
            return "named"
        if len(words) > 1 or (head != _singular(head) and not sentence_initial):
            # a bare plural too: "…, defectors say" is as generic as "experts say" (one
            # opening the sentence may be a common word: "Survivors describe …")
            return "named" if past else "vague"
    if _singular(head) in _SAMPLE_HEADS:
        return "named"  # "Interviewees reported": the people the study itself asked
    if (
        sentence_initial
        and len(phrase) == 1
        and phrase[0].text[:1].isupper()
        and phrase[0].lemma == phrase[0].lower
    ):
        # "Pyongyang says", "Amnesty estimates"; an inflected common word ("Survivors
        # describe", "Trafficking claims") is no name
        return "named"
    if words[0] in ("the", "this", "that", "its", "their", "our", "a", "an", "one"):
        return "named"
    if (
        len(words) == 1
        and words[0].isalpha()
        and head != _singular(head)
        and saying
        and phrase[0].lemma != head
    ):
        return "named" if past else "vague"  # a plural noun: "campaigners say"
    if framing and len(words) == 1 and words[0].isalpha() and phrase[0].text.islower():
        # "…, lawmaker claims", "…, study finds": a headline's bare singular is one speaker
        return "none" if head in _MASS_NOUNS or phrase[0].lemma != head else "named"
    if past and 1 < len(words) <= 4 and head != _singular(head) and phrase[-1].lemma != head:
        return "named"  # "Former members told the organisation": some, on one occasion
    if (
        not past
        and 1 < len(words) <= 3
        and head != _singular(head)
        and all(word.isalpha() for word in words)
        and not any(_is_number_word(token) for token in phrase)
    ):
        return "vague"  # "sanctions hawks like to say": a generic plural, like "experts say"
    return "none"
