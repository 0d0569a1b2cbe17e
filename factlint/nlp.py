"""The thin spaCy layer: one blank English pipeline per process, turned into plain sentences.

No trained model is needed: spaCy's tokenizer and rule-based sentencizer, and the English
lemma lookup table from spacy-lookups-data, are all that factlint uses.

The lemmas are looked up here rather than by spaCy's `lemmatizer` component in lookup mode.
The two give the same lemma for every token (the component's lookup mode is
`table.get(token.text, token.text)` over that very table), but the component costs a cold
run about 0.19 s to initialise (it finds the table through the entry-point registry and
hashes every key into a Bloom filter) where reading the table directly costs 0.03 s, and it
writes each lemma into the Doc only for this module to read it back out.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from factlint.sentences import Sentence, Token

# Blocks per spaCy batch: large enough to amortise the batching, small enough that a batch
# of paragraphs never holds much memory.
_BATCH_SIZE = 64
# Words whose forms are kept (about 15 MB at most): far more than a language's vocabulary.
_MAX_KNOWN_FORMS = 100_000

# A numeric citation marker, "[22]" or "[3, 5]" or "[8–9]". spaCy glues one to the word
# before it ("countries.[22" and "]"), which hides both the word from subject matching and
# the full stop from the sentencizer, so the marker is made a token of its own.
CITATION_MARKER = re.compile(r"\[\d{1,4}(?:[,–-] ?\d{1,4}){0,8}\]")


@cache
def pipeline() -> Any:
    """The spaCy pipeline, built once per process (building it costs most of a cold start)."""
    from spacy.lang.en import English, EnglishDefaults

    # The tokenizer settings go in through the language's defaults, not by setting
    # `suffix_search` and `token_match` on a built tokenizer: each of those setters reloads
    # the 4,000 special cases, which cost a cold run 70 ms.
    class TokenizerDefaults(EnglishDefaults):
        suffixes = (*(EnglishDefaults.suffixes or ()), CITATION_MARKER.pattern)
        # "[22]" alone: one token, not the "[" prefix, "22" and the "]" suffix.
        token_match = CITATION_MARKER.fullmatch

    class FactlintEnglish(English):  # type: ignore[no-untyped-call]
        Defaults = TokenizerDefaults

    nlp = FactlintEnglish()
    # spaCy's 1,000,000-character guard is for the parser and NER, which need about 1 GB
    # per 100,000 characters; the tokenizer and sentencizer are linear, and max-file-size
    # bounds a block anyway.
    nlp.max_length = 10**9
    return nlp


@cache
def lemma_table() -> dict[str, str]:
    """English lemma lookups (form -> lemma) from spacy-lookups-data, read once per process."""
    path = _lemma_lookup_path()
    if path.exists():
        data = path.read_bytes()
    else:  # the package ships it gzipped; spaCy's own loader tries both names too
        with gzip.open(path.with_name(path.name + ".gz"), "rb") as file:
            data = file.read()
    table: dict[str, str] = json.loads(data)
    return table


def _lemma_lookup_path() -> Path:
    # Found without importing spacy_lookups_data: its __init__ resolves the paths of every
    # table of every language, which costs a cold run about 15 ms for the one file needed.
    spec = importlib.util.find_spec("spacy_lookups_data")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "data" / "en_lemma_lookup.json"
        if path.exists() or path.with_name(path.name + ".gz").exists():
            return path
    import spacy_lookups_data  # type: ignore[import-untyped]

    return Path(str(spacy_lookups_data.en["lemma_lookup"]))


def sentences_of(blocks: Iterable[tuple[int, str]]) -> Iterator[list[Sentence]]:
    """For each (offset, text) block, its sentences with document offsets."""
    for block in parse_blocks(blocks):
        yield [block.sentence(index) for index in range(len(block.starts))]


def parse_blocks(blocks: Iterable[tuple[int, str]]) -> Iterator[ParsedBlock]:
    """Each (offset, text) block, split into sentences; tokens are read only on request."""
    items = list(blocks)
    if not items:  # a draft without figures never pays for importing spaCy
        return
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH

    nlp = pipeline()
    ends = _sentence_end_ids(nlp)
    docs = nlp.tokenizer.pipe((text for _, text in items), batch_size=_BATCH_SIZE)
    lemmas, forms = lemma_table(), _known_forms()
    for (offset, text), doc in zip(items, docs, strict=True):
        if len(forms) > _MAX_KNOWN_FORMS:  # an archive's numbers and names are endless
            forms.clear()
        # One array of plain ints per Doc: reading attributes token by token builds a
        # spaCy Token object each time and cost about four times as much.
        rows: list[list[int]] = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH, IS_SPACE]).tolist()
        yield ParsedBlock(offset, text, rows, sentence_firsts(rows, ends), lemmas, forms)


@cache
def _known_forms() -> dict[str, tuple[str, str]]:
    """Each word's (lower-case form, lemma) once worked out: most words recur, and working
    them out was a fifth of the cost of building a sentence's tokens."""
    return {}


@cache
def _sentence_end_ids(nlp: Any) -> frozenset[int]:
    """The string ids of the sentencizer's sentence-final punctuation."""
    from spacy.pipeline import Sentencizer

    strings = nlp.vocab.strings
    return frozenset(strings.add(char) for char in Sentencizer.default_punct_chars)


def sentence_firsts(rows: Sequence[Sequence[int]], end_ids: frozenset[int]) -> list[int]:
    """The first token of each sentence, exactly as spaCy's rule-based sentencizer splits.

    `rows` start with each token's ORTH id and IS_PUNCT flag. A token that is neither
    punctuation nor sentence-final ("." "!" "?" ...) starts a sentence when a sentence-final
    token came after the previous such token. The sentencizer itself walks spaCy Token
    objects; walking plain ints is several times cheaper.
    """
    firsts = [0] if rows else []
    seen_end = False
    for index, (orth, is_punct, *_) in enumerate(rows):
        if orth in end_ids:
            seen_end = True
        elif seen_end and not is_punct:
            firsts.append(index)
            seen_end = False
    return firsts


class ParsedBlock:
    """One block's sentences: where each starts, and its tokens when asked for.

    Only the sentences that state a figure are ever linked, so building the tokens of the
    others (most of a paragraph) would be wasted.
    """

    def __init__(
        self,
        offset: int,
        text: str,
        rows: list[list[int]],
        firsts: list[int],
        lemmas: dict[str, str],
        forms: dict[str, tuple[str, str]],
    ) -> None:
        self._offset = offset
        self._text = text
        self._rows = rows  # per token: orth, is_punct, idx, length, is_space
        self._lemmas = lemmas
        self._forms = forms
        # Token index ranges of the sentences, as the sentencizer splits the block, except
        # that a citation marker after a full stop stays with the sentence it cites.
        firsts = _after_markers(text, rows, firsts)
        stops = [*firsts[1:], len(rows)] if rows else []
        self._ranges = list(zip(firsts, stops, strict=True))
        self.starts = [offset + rows[first][2] for first in firsts]

    def sentence(self, index: int) -> Sentence:
        first, stop = self._ranges[index]
        offset, text, forms = self._offset, self._text, self._forms
        tokens = []
        for _, _, idx, length, is_space in self._rows[first:stop]:
            if is_space:
                continue
            word = text[idx : idx + length]
            lower_and_lemma = forms.get(word)
            if lower_and_lemma is None:
                lower_and_lemma = forms[word] = _forms(word, self._lemmas)
            start = offset + idx
            tokens.append(Token(word, *lower_and_lemma, start, start + length))
        _, _, last_idx, last_length, _ = self._rows[stop - 1]
        return Sentence(
            start=self.starts[index], end=offset + last_idx + last_length, tokens=tuple(tokens)
        )


def _forms(word: str, lemmas: dict[str, str]) -> tuple[str, str]:
    """A word's lower-case form and lower-cased lemma.

    spaCy's lower-case form of a token is `str.lower()` of its text; its lookup lemma is
    `table.get(text, text)`. The table has almost no capitalised forms, so "Workers" opening
    a heading or a list item falls back to "workers".
    """
    lemma = lemmas.get(word) or _title_case_lemma(word, lemmas)
    return word.lower(), lemma.lower()


def _title_case_lemma(word: str, lemmas: dict[str, str]) -> str:
    # Only "Workers", not "US" (whose lower-case form "us" has the lemma "we").
    if word[:1].isupper() and word[1:].islower():
        return lemmas.get(word.lower()) or word
    return word


def _after_markers(text: str, rows: list[list[int]], firsts: list[int]) -> list[int]:
    """Sentence starts moved past the citation markers that open them ("[22] Then ...")."""
    moved: list[int] = []
    for position, first in enumerate(firsts):
        stop = firsts[position + 1] if position + 1 < len(firsts) else len(rows)
        index, markers = first, 0
        while position and index < stop:
            _, _, idx, length, is_space = rows[index]
            if CITATION_MARKER.fullmatch(text, idx, idx + length):
                markers += 1
            elif not is_space:
                break
            index += 1
        if not markers:
            moved.append(first)
        elif index < stop:
            moved.append(index)
    return moved
