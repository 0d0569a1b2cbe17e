"""The thin spaCy layer: one blank English pipeline per process, turned into plain sentences.

No trained model is needed: the tokenizer, the rule-based sentencizer and the lookup
lemmatizer (tables from spacy-lookups-data) are all that factlint uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from factlint.sentences import Sentence, Token

_BATCH_SIZE = 64


@cache
def pipeline() -> Any:
    """The spaCy pipeline, built once per process (building it costs most of a cold start)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def sentences_of(blocks: Iterable[tuple[int, str]]) -> Iterator[list[Sentence]]:
    """For each (offset, text) block, its sentences with document offsets."""
    items = list(blocks)
    docs = pipeline().pipe((text for _, text in items), batch_size=_BATCH_SIZE)
    for (offset, _), doc in zip(items, docs, strict=True):
        yield [_sentence(span, offset) for span in doc.sents]


def _sentence(span: Any, offset: int) -> Sentence:
    tokens = tuple(
        Token(
            text=token.text,
            lower=token.lower_,
            lemma=(token.lemma_ or token.text).lower(),
            start=offset + token.idx,
            end=offset + token.idx + len(token.text),
        )
        for token in span
        if not token.is_space
    )
    start = offset + span.start_char
    return Sentence(start=start, end=offset + span.end_char, tokens=tokens)
