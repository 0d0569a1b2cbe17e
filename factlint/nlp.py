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
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from factlint.sentences import Sentence, Token

# Blocks per spaCy batch: large enough to amortise the batching, small enough that a batch
# of paragraphs never holds much memory.
_BATCH_SIZE = 64


@cache
def pipeline() -> Any:
    """The spaCy pipeline, built once per process (building it costs most of a cold start)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
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
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    items = list(blocks)
    docs = pipeline().pipe((text for _, text in items), batch_size=_BATCH_SIZE)
    lemmas = lemma_table()
    for (offset, text), doc in zip(items, docs, strict=True):
        # One array of plain ints per Doc: reading attributes token by token builds a
        # spaCy Token object each time and cost about four times as much.
        rows: list[list[int]] = doc.to_array([SENT_START, IDX, LENGTH, IS_SPACE]).tolist()
        yield ParsedBlock(offset, text, rows, lemmas)


class ParsedBlock:
    """One block's sentences: where each starts, and its tokens when asked for.

    Only the sentences that state a figure are ever linked, so building the tokens of the
    others (most of a paragraph) would be wasted.
    """

    def __init__(
        self, offset: int, text: str, rows: list[list[int]], lemmas: dict[str, str]
    ) -> None:
        self._offset = offset
        self._text = text
        self._rows = rows  # per token: sentence start (1 or not), idx, length, is_space
        self._lemmas = lemmas
        # Token index ranges of the sentences, as `doc.sents` splits the Doc.
        firsts = [index for index, row in enumerate(rows) if index == 0 or row[0] == 1]
        stops = [*firsts[1:], len(rows)] if rows else []
        self._ranges = list(zip(firsts, stops, strict=True))
        self.starts = [offset + rows[first][1] for first in firsts]

    def sentence(self, index: int) -> Sentence:
        first, stop = self._ranges[index]
        offset, text, lemmas = self._offset, self._text, self._lemmas
        tokens = []
        for _, idx, length, is_space in self._rows[first:stop]:
            if is_space:
                continue
            word = text[idx : idx + length]
            # spaCy's lower-case form of a token is `str.lower()` of its text; its lookup
            # lemma is `table.get(text, text)`.
            lemma = lemmas.get(word, word) or word
            start = offset + idx
            tokens.append(Token(word, word.lower(), lemma.lower(), start, start + length))
        _, last_idx, last_length, _ = self._rows[stop - 1]
        return Sentence(
            start=self.starts[index], end=offset + last_idx + last_length, tokens=tuple(tokens)
        )
