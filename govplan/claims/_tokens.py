"""The longest-match tokenizer of the claims engine.

:func:`tokenize` reads a stretch of normalised text from right to left and
emits every word of the lexicon (:mod:`govplan.claims._words`) it finds,
taking at each position the longest word that ends there and going on
before it.  Letters that start no word are skipped: they are the open class
(nouns, names) that the rules read as noun-phrase material.

A longer word shadows the shorter ones inside it, which is how 主要 keeps its
要 from being read as a plan word and 增加值 its 增加 from being read as a
change:

>>> [(t.word, t.kind.value) for t in tokenize("主要工业增加值增长5%")]
[('主要', 'noun'), ('工业增加值', 'indicator'), ('增长', 'up')]
>>> [t.word for t in tokenize("技术合同成交额同比增长", 2, 11)]
['合同', '成交额', '同比', '增长']
"""

from __future__ import annotations

from typing import Final, NamedTuple

from govplan.claims._words import WORDS, Kind

__all__ = ["Token", "tokenize"]


class Token(NamedTuple):
    """One word of the lexicon found in the text, with its class.

    >>> Token(0, 2, "增长", Kind.UP).kind.value
    'up'
    """

    start: int
    end: int
    word: str
    kind: Kind


def _by_last_letter() -> dict[str, tuple[tuple[str, int, Kind], ...]]:
    table: dict[str, list[tuple[str, int, Kind]]] = {}
    for word in sorted(WORDS, key=lambda w: (-len(w), w)):
        table.setdefault(word[-1], []).append((word, len(word), WORDS[word]))
    return {letter: tuple(entries) for letter, entries in table.items()}


# Each letter that ends a word, with its words longest first.
_ENDS: Final = _by_last_letter()


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Token]:
    """Return the lexicon words of ``text[lo:hi]``, longest match first, in order.

    The text is read from right to left, taking at each position the longest
    word that ends there (backward maximum matching, which cuts Chinese better
    than reading forwards: 公办学位 is 公办 + 学位, not 公 + 办学 + 位).  A word
    never runs outside ``[lo, hi)``.

    >>> [t.word for t in tokenize("城镇新增就业85万人")]
    ['城镇新增就业']
    >>> [t.word for t in tokenize("新增城镇", 0, 3)]
    ['新增']
    """
    hi = len(text) if hi is None else hi
    ends = _ENDS
    out: list[Token] = []
    i = hi
    while i > lo:
        entries = ends.get(text[i - 1])
        if entries is not None:
            for word, size, kind in entries:
                if i - size >= lo and text.startswith(word, i - size):
                    out.append(Token(i - size, i, word, kind))
                    i -= size
                    break
            else:
                i -= 1
        else:
            i -= 1
    out.reverse()
    return out
