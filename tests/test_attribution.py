"""Attribution cues, one sentence per case: named source, vague hedge, or none."""

from __future__ import annotations

import pytest

from factlint.attribution import AttributionKind, classify_attribution, for_figure
from factlint.nlp import sentences_of
from factlint.quantities import extract_quantities

NAMES = ("UN COI", "Asan Institute", "Commission of Inquiry", "Treasury")

CASES: list[tuple[str, AttributionKind]] = [
    # named: source and reporting cue, in either order
    ("According to the UN, 80,000 people are held in the camps.", "named"),
    ("According to the survey, two in five escapees are women.", "named"),
    ("The Asan Institute estimates that 50,000 work abroad.", "named"),
    ("The Asan Institute estimated that 50,000 work abroad.", "named"),
    ("Some 300,000 are held, one defector group says.", "named"),
    ("The dolgyeokdae serve five years without pay, the report says.", "named"),
    ("Forced labour earns $5 billion a year, a UN panel found.", "named"),
    ("The State Department ranks North Korea Tier 2.", "named"),
    ("Up to 300,000 are held in the camps, the UN says.", "named"),
    ("A report by the Asan Institute counted 50,000 workers abroad.", "named"),
    ("The Asan Institute's report counts 50,000 workers abroad.", "named"),
    ("Per the UN COI, 80,000 to 120,000 are held.", "named"),
    ("Some 80,000 to 120,000 are held (UN COI, 2014).", "named"),
    ("Some 80,000 to 120,000 are held (Enos 2017).", "named"),
    ("Some 80,000 to 120,000 are held.[7]", "named"),
    ("Some 80,000 to 120,000 are held [12, 13].", "named"),
    ("The UN Commission of Inquiry put the number at 80,000 to 120,000.", "named"),
    ("The commission concluded that 80,000 were held.", "named"),
    ("It estimates that 50,000 work abroad.", "named"),
    ("He said 50,000 work abroad.", "named"),
    ("About 50,000 work abroad, an aid worker said.", "named"),
    ("About 50,000 work abroad, said Human Rights Watch.", "named"),
    ("Amnesty estimates that 50,000 work abroad.", "named"),
    ("Figures from the Database Center show 50,000 workers abroad.", "named"),
    ("Some 50,000 work abroad, as estimated by the Asan Institute.", "named"),
    ("The figure of 75 percent comes from the ministry's registry.", "named"),
    ("Our data show that three in four escapees are women.", "named"),
    ("Interviewees who had worked abroad reported shifts of 14 to 16 hours.", "named"),
    ("Workers abroad: 50,000 to 60,000 (Asan Institute).", "named"),
    # a table row (masking leaves its cells apart by spaces) with a source cell
    ("  People in political prison camps   120,000   UN COI  ", "named"),
    ("  People in political prison camps   120,000   KINU, 2012  ", "named"),
    ("Women were 85 percent of arrivals, unification ministry data show.", "named"),
    ("“We worked 18-hour shifts,” a former worker in Kuwait recalled.", "named"),
    ("The workers abroad number 60,000, the Asan Institute reckons.", "named"),
    # the body that takes the action a figure counts is its own source (labelling.md §4)
    ("The Treasury sanctioned ten North Korean entities.", "named"),
    ("In October the US Treasury designated a dozen firms.", "named"),
    ("Washington blacklisted nine shipping companies.", "named"),
    # vague: a hedge and no source
    ("The labourers, believed to number around 100,000, are spread widely.", "vague"),
    ("At $2.3 billion a year, by the upper estimates, it rivals coal.", "vague"),
    ("It is estimated that 90 percent of them are trafficked.", "vague"),
    ("It is believed that 90 percent of them are trafficked.", "vague"),
    ("Experts say 90 percent of them are trafficked.", "vague"),
    ("Analysts estimate that 50,000 work abroad.", "vague"),
    ("Some 50,000 reportedly work abroad.", "vague"),
    ("By some estimates, 50,000 work abroad.", "vague"),
    ("An estimated 400,000 dolgyeokdae work without pay.", "vague"),
    ("They are estimated to produce close to $1 billion a year.", "vague"),
    ("As many as 300,000 are believed to be held in the camps.", "vague"),
    ("According to some estimates, 50,000 work abroad.", "vague"),
    ("Estimates range from $350 million to $2.3 billion a year.", "vague"),
    ("Some say 300,000 are held in the camps.", "vague"),
    ("The estimated 400,000 dolgyeokdae work without pay.", "vague"),
    # none
    ("Between 80,000 and 120,000 North Koreans are held in political prison camps.", "none"),
    ("More than 100,000 North Korean labourers toil abroad.", "none"),
    ("The camps hold 300,000 people.", "none"),
    ("The regime earns $5 billion a year from workers abroad.", "none"),
    ("A report on camps is due, and 300,000 are held there.", "none"),
    ("The 16 countries employed North Korean labourers.", "none"),
    # a source mentioned with no reporting verb, or a cell that is no source
    ("Ten North Korean entities were blacklisted last autumn.", "none"),
    ("  Workers abroad   30,000   Russia  ", "none"),
    ("Some 50,000 work abroad (mostly men).", "none"),
    # a possessed noun is no reporting verb
    ("Tier 3 is North Korea's TIP ranking.", "none"),
    # "an estimated" hedges its own figure, not the sentence's others: see test below
    # a specific unnamed speaker: a number or a determiner, or a modifier and a past tense
    ("Three former guards told the hearing that 100,000 were held.", "named"),
    ("Camp survivors said 120,000 people are held in the camps.", "named"),
    ("“It's a $1-billion business,” a Chinese factory manager said of the labourers.", "named"),
    ("Researchers at the institute say 50,000 work abroad.", "named"),
    ("Officials in Seoul estimate that 50,000 work abroad.", "named"),
    # ...a generic plural is a hedge: a modifier and a present tense, a place, "some"
    ("Hunger takes 30 percent of the recruits, aid workers say.", "vague"),
    ("Experts in Washington estimate that 50,000 work abroad.", "vague"),
    ("Some defectors claim that 50,000 work abroad.", "vague"),
    # a reporting clause set off by commas frames the sentence, before a cue of its own
    ("Poverty claims 40 percent of their wages, experts say.", "vague"),
    # a source noun in parentheses, or a headline's source prefix
    ("The dolgyeokdae earn $2 billion a year (defector testimony).", "named"),
    ("Up to $3 billion a year (UN panel of experts, unconfirmed).", "named"),
    ("UN: up to 200,000 held in political prison camps", "named"),
    ("Some 50,000 work abroad (an estimate).", "none"),
    ("Some 50,000 work abroad (a 2019 UN report).", "named"),
    ("DPRK: up to 200,000 held in political prison camps", "none"),
    # what a figure is drawn from must be a source
    ("The 75 percent is drawn from the ministry's records.", "named"),
    ("The 400,000 recruits are drawn from the poorest families.", "none"),
    # a cue word that is no reporting verb: after a preposition, "put in", a passive ranking,
    # an inflected common word opening the sentence
    ("Some 50,000 reportedly work overseas on state contracts.", "vague"),
    ("Workers abroad put in 18-hour days.", "none"),
    ("North Korea ranked Tier 3 for another year.", "none"),
    ("Refugees recall that 50,000 work abroad; 30,000 are in Russia.", "none"),
    # a speaker behind a relative clause with a year, or set off by commas, or "one"
    ("Roughly 70 percent are women, a nurse who fled in 2011 told reporters.", "named"),
    ("The pastor, who has sheltered 40 escapees since 2009, said 70 percent are women.", "named"),
    ("The brigades hold 300,000 men, a conscript who deserted from one told us.", "named"),
    # an object relative clause has a speaker of its own: "that some lobbyists quote"
    ("The count of 30 host countries that some lobbyists claim is a guess.", "vague"),
    ("The number of 30 host countries that the ministry quoted is old.", "none"),
    # a court hears; an inquiry settles on a figure (but workers settle in a place)
    ("Guards beat 12 loggers at the depot, a tribunal in Vladivostok heard.", "named"),
    ("The inquiry settled on a range of 90,000 to 110,000 prisoners.", "named"),
    ("About 9,000 of the labourers settled in Siberia.", "none"),
    # a possessive of a source with a figure noun, or a pronoun pointing back to one
    ("Amnesty's figure of 110,000 prisoners is often repeated.", "named"),
    ("Even the low end of Amnesty's range, 90,000, is a large number.", "named"),
    ("By the inquiry's count, some 110,000 are held.", "named"),
    ("Its estimate, 110,000 prisoners, has not been revised.", "named"),
    ("He was held from 8 to 18, by his own account.", "named"),
    ("Their number has since grown to 110,000.", "none"),
    ("Pyongyang's Tier 3 ranking has not changed in 20 years.", "none"),
    # a narrative author-date citation; a passive reporting verb with a named agent
    ("Lee (2019) puts the camps' population at 110,000.", "named"),
    ("The total was estimated at 110,000 by the Korea Institute.", "named"),
    ("The camps (put at 110,000 by the inquiry) are still open.", "named"),
    ("Per the 2019 KINU white paper, 110,000 are held in the camps.", "named"),
    # a page or a note in parentheses, a superscript note number
    ("Some 110,000 are held in the camps (KINU, p. 41).", "named"),
    ("Some 110,000 are held in the camps (see note 7).", "named"),
    ("Some 110,000 are held in the camps.⁷", "named"),
    # an organisation's name as a headline prefix, but not a place or a list item's key
    ("Korea Institute: 110,000 held in political prison camps", "named"),
    ("South Korea: 110,000 held in political prison camps", "none"),
    ("Prisoners held: 110,000", "none"),
    # "according to" estimates no one owns is a hedge; researchers at an institution are not
    ("According to the most widely cited estimates, 110,000 are held.", "vague"),
    ("According to official reports, 110,000 are held.", "vague"),
    ("According to analysts at the Korea Institute, 110,000 are held.", "named"),
    ("According to the inquiry's estimates, 110,000 are held.", "named"),
    # an unowned hedge in parentheses is no source
    ("Some 110,000 are held in the camps (rough estimates).", "vague"),
    # an agentless passive is a hedge, whatever adverb stands in it
    ("The prison population is usually put at 110,000.", "vague"),
    ("The prison population is often given as 110,000.", "vague"),
    # a generic plural: bare ("…, escapees say"), after "like to", or of any noun
    ("Guards beat prisoners for 16 hours a day, escapees say.", "vague"),
    ("The camps held 110,000, escapees said.", "named"),
    ("Human rights lawyers like to say that 110,000 are held.", "vague"),
    ("Campaign veterans argue that 110,000 are held.", "vague"),
    ("Campaign veterans argued in 2016 that 110,000 were held.", "named"),
    ("Sanctions on 12 entities show how little is left.", "none"),
    # "several" after a past verb: several of those just named; "some" stays a hedge
    ("Several recalled shifts of 18 hours a day.", "named"),
    # the writer's own organisation
    ("Interviews done by our field team suggest 70 percent are women.", "named"),
    # a verb opening the sentence is an imperative, and its object no speaker
    ("Compare the 110,000 prisoners with the 55,000 workers abroad.", "none"),
    ("Set 110,000 prisoners against 55,000 workers, and count.", "none"),
    ("The camps hold 110,000 people, say researchers.", "vague"),
    # "says more about …" is no report
    ("A range of $300 million to $2 billion says more about secrecy than size.", "none"),
    # a full stop after an inverted speaker is not part of the speaker
    ("Some 110,000 are held, reports the inquiry.", "named"),
    # hedges with no owner: an adverb in "it is … said", readers "told", a figure "often
    # cited", estimates "of" something as a subject, a quantifier over estimates
    ("It is occasionally argued that the brigades number 600,000.", "vague"),
    ("We are constantly told that 300,000 languish in the camps.", "vague"),
    ("The number most commonly cited for the camps is 130,000.", "vague"),
    ("Estimates of how many labour in Siberia run from 20,000 to 40,000.", "vague"),
    ("All serious estimates exceed 90,000 prisoners.", "vague"),
    ("Some 90 percent of them are trafficked (unconfirmed).", "vague"),
    ("The crews work 18 hours a day, in the opinion of many observers.", "vague"),
    ("The crews work 18 hours a day, in the opinion of the Korea Institute.", "named"),
    # "put to work" is no hedge; "put at" is
    ("Thousands have been put to work in 30 countries.", "none"),
    # estimates that name their owner after them are owned
    ("The trade yields $900 million, according to estimates the Seoul ministry gave.", "named"),
    # an unowned source noun as a subject: "newer studies show"
    ("Newer studies show that 35 countries took in such workers.", "vague"),
    ("Later research documents some 30 host countries.", "vague"),
    # a passive or participle with a definite or counted agent
    ("The inmates, counted by the inquiry at 95,000, are mostly families.", "named"),
    ("A shift, as related to us by four former welders, lasts 17 hours.", "named"),
    ("Escapees surveyed by the institute reported shifts of 15 hours.", "named"),
    ("The sawmills were staffed by the thousands, some 20,000 men in all.", "none"),
    # a ranking or sanctioning body's own acts, and a specific possessor of an account
    ("It has sat at the foot of the State Department's ratings (Tier 3) for years.", "named"),
    ("The Treasury's listings that year took in 14 firms.", "named"),
    ("A former guard's account puts the camp at 40,000 inmates.", "named"),
    ("Pyongyang's grading as Tier 3 has not changed.", "none"),
    # a bare plural before a verb of saying is generic; a bare singular in a framing clause
    # is one speaker (headlinese for "a lawmaker")
    ("Nine in ten escapees are women, campaigners claim.", "vague"),
    ("Campaigners insist 250,000 are held.", "vague"),
    ("Camp population tops 150,000, senator claims", "named"),
    ("Camp population tops 150,000, research suggests", "vague"),
    # past tense: some people, once
    ("Former members told the inquiry the service lasted eleven years.", "named"),
    # a place after the speakers names none of them
    ("Roughly 85 percent are trafficked, nurses along the border say.", "vague"),
    ("Officials in Seoul estimate that 60,000 work abroad.", "named"),
    # the writer's own "I" is no source; a "than" clause reports another figure
    ("Last year I wrote that 90,000 were held.", "none"),
    ("The camps are emptier than rumours suggest: perhaps 70,000 people.", "none"),
    # a speech act that reports: "reminds", "calls on", "asked" beside a quote
    ("Each year the State Department reminds Congress that North Korea is Tier 3.", "named"),
    ("The Geneva Coalition called on the 16 host states to end the contracts.", "named"),
    ('"Some 110,000 remain in the camps," replied Park Min-ho, a former warden.', "named"),
    ("Asked about the 110,000 prisoners, the minister left.", "none"),
    # a cue word inside a name, or an action verb with no object after it
    ("Malaysia joined the Tier 2 Watch List while North Korea stayed at Tier 3.", "none"),
    ("Trade fell 40 percent despite EU sanctions over the labour scheme.", "none"),
    ("The Treasury sanctions on 12 trading firms came late.", "none"),
    ("  Companies blacklisted   14  ", "none"),
    ("The Treasury blacklisted over 14 firms.", "named"),
    # a headline's speaker prefix: a name, or a generic plural; not a key or a label
    ("Kwon: shock brigades now number about 300,000", "named"),
    ("Analysts: 60,000 still abroad despite UN ban", "vague"),
    ("Labourers: 60,000", "none"),
    ("Explainer: why 60,000 are still abroad", "none"),
    ("**UN: 110,000 held in the camps**", "named"),
    # a poster named in parentheses
    ("Nine in ten are sold (blog post by Lee Ha-na, a shelter director).", "named"),
    ("Nine in ten are sold (Twitter, @shelter_voices).", "named"),
    # a hedge that frames the sentence outweighs a cue of its clause, but not a source in
    # a clause of its own
    ("Whatever some forums claim; Lee put the camps at 100,000.", "named"),
]


def test_an_estimated_hedges_only_its_own_figure() -> None:
    text = "An estimated 400,000 dolgyeokdae labour for 10 years."
    (sentences,) = sentences_of([(0, text)])
    sentence_attribution = classify_attribution(sentences[0], text, has_citation=False)
    first, second = extract_quantities(text)
    assert for_figure(sentence_attribution, first.text).kind == "vague"
    assert for_figure(sentence_attribution, second.text).kind == "none"


def attribution_of(text: str) -> AttributionKind:
    """The attribution of the sentence's first figure."""
    (sentences,) = sentences_of([(0, text)])
    sentence = sentences[0]
    result = classify_attribution(sentence, text, has_citation=False, source_names=NAMES)
    (figure,) = extract_quantities(text)[:1]
    return for_figure(result, figure.text).kind


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:50] for case in CASES])
def test_attribution(text: str, expected: AttributionKind) -> None:
    assert attribution_of(text) == expected


def test_a_link_or_footnote_in_the_sentence_is_named() -> None:
    text = "Some 300,000 are held in the camps."
    (sentences,) = sentences_of([(0, text)])
    result = classify_attribution(sentences[0], text, has_citation=True)
    assert result.kind == "named"


def test_a_vague_result_quotes_its_hedge() -> None:
    text = "It is estimated that 90 percent of them are trafficked."
    (sentences,) = sentences_of([(0, text)])
    assert classify_attribution(sentences[0], text, has_citation=False).cue == "It is estimated"


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (["Estimate", "Source"], ["55,000", "A. Researcher"], ("named", "A. Researcher")),
        (["Estimate", "By"], ["55,000", "the ministry"], ("named", "the ministry")),
        (["Estimate", "**Sources**"], ["55,000", "Two surveys"], ("named", "Two surveys")),
        (["Estimate", "Source"], ["55,000", "—"], ("none", None)),
        (["Estimate", "Source"], ["55,000"], ("none", None)),
        (["Estimate", "Note"], ["55,000", "rough"], ("none", None)),
    ],
)
def test_a_source_column_names_each_rows_source(
    header: list[str], row: list[str], expected: tuple[str, str | None]
) -> None:
    from factlint.attribution import source_column

    result = source_column(header, row)
    assert (result.kind, result.cue) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a footnote just after the full stop cites the sentence before it, not the next
        ("Some 60,000 labourers work abroad.[^2] About 55,000 work abroad.", ["named", "none"]),
        ("Some 60,000 labourers work abroad. [^2] About 55,000 work abroad.", ["named", "none"]),
        ("Some 60,000 labourers work abroad. About 55,000 work abroad.[^2]", ["none", "named"]),
        # on the next line it is no longer "just after"
        ("Some 60,000 labourers work abroad.\n[^2] About 55,000 work abroad.", ["none", "named"]),
    ],
)
def test_a_footnote_after_the_full_stop_cites_its_sentence(text: str, expected: list[str]) -> None:
    from factlint.document import parse_document
    from factlint.engine import Linter
    from factlint.pack import BUILTIN_PACK, resolve_pack

    figures = Linter([resolve_pack(BUILTIN_PACK)]).figures(parse_document(text, "case.md"))
    assert [figure.attribution.kind for figure in figures] == expected
