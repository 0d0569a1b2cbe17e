"""The spaCy layer: the same sentences and lemmas as spaCy's own components, and no spaCy
import where none is needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factlint.nlp import lemma_table, pipeline, sentences_of
from factlint.sentences import Sentence, Token
from tests.conftest import ROOT

TEXTS = [
    "Between 80,000 and 120,000 people are held, according to the UN Commission of Inquiry"
    " (2014). The Asan Institute says 50,000–60,000 North Koreans work abroad!",
    "Mr. Kim's workers' camps were run by the regime; the mice, geese and children went"
    " better than best. Isn't it? I'm sure they didn't.",
    "  Leading spaces,\ttabs\tand\n\nblank lines \n between sentences. e.g. U.S. $4bn 3.5%",
    "Kang Chol-hwan wrote about Yodok… “Quoted” text — dashes – and ‘quotes’. Ends",
    "x",
    "...",
]


def reference_sentences(text: str, offset: int) -> list[Sentence]:
    """What factlint read before it looked lemmas up itself: spaCy's lookup lemmatizer."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    doc = nlp(text)
    sentences = []
    for span in doc.sents:
        tokens = tuple(
            Token(
                text=token.text,
                lower=token.lower_,
                lemma=_title_case_fallback(token.text, token.lemma_).lower(),
                start=offset + token.idx,
                end=offset + token.idx + len(token.text),
            )
            for token in span
            if not token.is_space
        )
        sentences.append(Sentence(offset + span.start_char, offset + span.end_char, tokens))
    return sentences


def _title_case_fallback(text: str, lemma: str) -> str:
    # factlint's one deviation from spaCy: a capitalised word missing from the table
    # ("Workers" opening a list item) takes its lower-case form's lemma.
    if lemma == text and text[:1].isupper() and text[1:].islower():
        return lemma_table().get(text.lower()) or text
    return lemma or text


@pytest.mark.parametrize("text", TEXTS)
def test_same_sentences_and_lemmas_as_spacy_lemmatizer(text: str) -> None:
    [sentences] = sentences_of([(17, text)])
    assert sentences == reference_sentences(text, 17)


def test_offsets_point_into_the_document() -> None:
    document = "Intro.\n\nAbout 300,000 people work abroad. They earn $4 billion a year."
    start = document.index("About")
    [sentences] = sentences_of([(start, document[start:])])
    assert [document[s.start : s.end] for s in sentences] == [
        "About 300,000 people work abroad.",
        "They earn $4 billion a year.",
    ]
    for sentence in sentences:
        for token in sentence.tokens:
            assert document[token.start : token.end] == token.text


def test_lemmas_come_from_the_english_lookup_table() -> None:
    [[sentence]] = sentences_of([(0, "Workers were sent abroad by US Escapees")])
    # Looked up by the token's text as written, as spaCy's lookup lemmatizer does; a
    # capitalised word the table lacks falls back to its lower-case form's lemma, but an
    # acronym does not ("US" is no "us").
    assert [token.lemma for token in sentence.tokens] == [
        "worker", "be", "send", "abroad", "by", "us", "escapee",
    ]  # fmt: skip
    assert "Workers" not in lemma_table()
    assert lemma_table()["were"] == "be"


def test_the_lemma_table_is_the_one_spacy_lookups_data_names() -> None:
    import spacy_lookups_data  # type: ignore[import-untyped]

    from factlint.nlp import _lemma_lookup_path

    assert _lemma_lookup_path() == Path(str(spacy_lookups_data.en["lemma_lookup"]))


def test_blocks_keep_their_order_and_count() -> None:
    blocks = [(index * 100, f"Block {index} has {index} figures.") for index in range(150)]
    results = list(sentences_of(blocks))
    assert len(results) == 150
    assert [result[0].tokens[1].text for result in results] == [str(i) for i in range(150)]


def test_pipeline_is_built_once_per_process() -> None:
    first: Any = pipeline()
    assert pipeline() is first
    assert lemma_table() is lemma_table()


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["--version"], ["config"]])
def test_commands_that_lint_nothing_never_import_spacy(args: list[str]) -> None:
    # A fresh interpreter: the test process has long imported spaCy.
    code = (
        "import sys\nfrom factlint.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_draft_without_figures_is_linted_without_spacy(tmp_path: Path) -> None:
    # Most commits touch drafts (or parts) with no figure; pre-commit should not pay
    # spaCy's import for them. A draft with a figure does import it: the check is real.
    quiet, figure = tmp_path / "quiet.md", tmp_path / "figure.md"
    quiet.write_text("# Notes\n\nNothing to count here, only words.\n", encoding="utf-8")
    figure.write_text("Some 300,000 people are held in political prison camps.\n")
    code = (
        "import sys\nfrom factlint.cli import main\n"
        "code = main(['check', '--quiet', sys.argv[1]])\n"
        "print(code, 'spacy' in sys.modules)\n"
    )
    for path, expected in ((quiet, "0 False"), (figure, "1 True")):
        result = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.stdout.splitlines()[-1] == expected, result.stderr


def test_claim_filter_gives_exactly_the_subject_matchers_matches() -> None:
    # The engine asks SubjectMatcher only about claims whose words a sentence holds; if the
    # matcher ever matched on something else, this would catch the filter dropping matches.
    from factlint.engine import _ClaimFilter
    from factlint.pack import resolve_pack
    from factlint.subjects import SubjectMatcher

    claims = list(resolve_pack("north-korea-forced-labour").claims)
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "fixtures").glob("*/*.*"))
        if path.suffix in (".md", ".txt")
    ]
    for claim in claims:
        subject = claim.subject
        for phrase in subject.any:
            groups = [group[index % len(group)] for index, group in enumerate(subject.all)]
            words = " ".join(
                word.rstrip("*") + ("s" if word.endswith("*") else "")
                for word in " ".join([phrase, *groups]).split()
            )
            texts.append(f"About 300,000 {words} were counted, {' '.join(subject.none)}.")
            texts.append(f"{phrase.upper()} in {' and '.join(groups)}: 40%.")
    sentences = [
        sentence for block in sentences_of((0, text) for text in texts) for sentence in block
    ]
    assert len(sentences) > 100
    filtered, full = _ClaimFilter(claims), SubjectMatcher(claims)
    assert [filtered.matches(s) for s in sentences] == [full.matches(s) for s in sentences]
    assert sum(bool(full.matches(s)) for s in sentences) > 50


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("prison camp", "Prison camps and a prison camp.", ["Prison camps", "prison camp"]),
        ("host countr*", "Host countries, one host country.", ["Host countries", "host country"]),
        ("kill*", "Guards killed and kill.", ["killed", "kill"]),
        ("kang chol hwan", "Kang Chol-hwan wrote it.", ["Kang Chol-hwan"]),
        # a phrase that would run past the last token is no match
        ("labour camp", "It was labour", []),
        ("camp", "", []),
    ],
)
def test_find_phrase(phrase: str, text: str, expected: list[str]) -> None:
    from factlint.subjects import Phrase, TokenIndex, find_phrase

    tokens = [token for block in sentences_of([(0, text)]) for s in block for token in s.tokens]
    index = TokenIndex(tokens)
    spans = find_phrase(Phrase.parse(phrase), tokens, index)
    assert [text[tokens[first].start : tokens[last].end] for first, last in spans] == expected
    # asked again through the same index (its prefix lookups are kept), the same answer
    assert find_phrase(Phrase.parse(phrase), tokens, index) == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # glued to the full stop: the marker stays with the sentence it cites
        (
            "Workers went to 40 countries.[22] Then more came.",
            [
                ["Workers", "went", "to", "40", "countries", ".", "[22]"],
                ["Then", "more", "came", "."],
            ],
        ),
        (
            "It rose to 200,000.[8][9] It fell. [3] Then.",
            [
                ["It", "rose", "to", "200,000", ".", "[8]", "[9]"],
                ["It", "fell", ".", "[3]"],
                ["Then", "."],
            ],
        ),
        # inside a sentence a marker is just one token
        ("Some [4] said so.", [["Some", "[4]", "said", "so", "."]]),
    ],
)  # fmt: skip
def test_citation_markers_are_tokens_of_the_sentence_they_cite(
    text: str, expected: list[list[str]]
) -> None:
    [sentences] = sentences_of([(5, text)])
    assert [[token.text for token in sentence.tokens] for sentence in sentences] == expected
    for sentence in sentences:
        assert (
            text[sentence.start - 5 : sentence.end - 5].strip().startswith(sentence.tokens[0].text)
        )


def test_sentence_firsts_split_exactly_as_spacys_sentencizer() -> None:
    # factlint splits sentences itself instead of running spaCy's sentencizer; on
    # random runs of words, punctuation and spaces, both must give the same first tokens.
    import random

    from spacy.attrs import IS_PUNCT, ORTH

    from factlint.nlp import _sentence_end_ids, sentence_firsts

    nlp = pipeline()
    sentencizer = nlp.create_pipe("sentencizer")
    pieces = [
        "word", "Word", "200,000", ".", "!", "?", "...", "?!", '"', ")", "(", ";", ",", "—",
        "。", "[22]", "U.S.", "\n\n", "  ", "\n", "'", "-", "etc.",
    ]  # fmt: skip
    rng = random.Random(20261128)
    texts = ["", " ", ".", "Word.", ". Word", "Word. . Word", "Word .\n\nWord"]
    for _ in range(3000):
        picked = rng.choices(pieces, k=rng.randint(1, 14))
        texts.append("".join(piece + rng.choice(["", " ", " "]) for piece in picked))
    for text in texts:
        doc = sentencizer(nlp.make_doc(text))
        expected = [sentence.start for sentence in doc.sents]
        rows = doc.to_array([ORTH, IS_PUNCT]).tolist()
        assert sentence_firsts(rows, _sentence_end_ids(nlp)) == expected, text
