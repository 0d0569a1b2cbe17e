"""Coverage-guided fuzzing of the quantity parser and the Markdown masking, with atheris.

    pip install atheris
    python scripts/fuzz_quantities.py -max_total_time=300 [corpus-folder]

Checks, for any input: no exception; masking keeps the length, line ends and every kept
character; every quantity's text is exactly its span of the input and spans do not overlap.
A crash prints the input; add it to tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from factlint.markdown import mask_markdown
    from factlint.quantities import extract_quantities


def check(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    masked = mask_markdown(text)
    assert len(masked.text) == len(text)
    for original, kept in zip(text, masked.text, strict=True):
        assert kept in (original, " ") or original in "\r\n"
        assert (original in "\r\n") == (kept in "\r\n")
    position = 0
    for quantity in extract_quantities(masked.text):
        assert quantity.start >= position
        assert masked.text[quantity.start : quantity.end] == quantity.text
        position = quantity.end


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
