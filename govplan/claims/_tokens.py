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

from typing import Final, NamedTuple, Protocol

from govplan.claims._words import WORDS, Kind

__all__ = ["Token", "WordIndex", "tokenize", "words_ending", "words_starting"]


class Token(NamedTuple):
    """One word of the lexicon found in the text, with its class.

    >>> Token(0, 2, "增长", Kind.UP).kind.value
    'up'
    """

    start: int
    end: int
    word: str
    kind: Kind


def _by_letter(index: int) -> dict[str, tuple[tuple[int, dict[str, Kind]], ...]]:
    """Index the words by their first (0) or last (-1) letter: lengths, longest first."""
    table: dict[str, dict[int, dict[str, Kind]]] = {}
    for word, kind in WORDS.items():
        table.setdefault(word[index], {}).setdefault(len(word), {})[word] = kind
    return {
        letter: tuple(sorted(by_size.items(), reverse=True)) for letter, by_size in table.items()
    }


# For each letter that ends a word: the lengths of its words, longest first, each with
# the words of that length (a lookup in a dict per length, not one test per word).
_ENDS: Final = _by_letter(-1)
# The same for each letter that starts a word.
_STARTS: Final = _by_letter(0)


def _ending(text: str, lo: int, i: int) -> Token | None:
    """Return the longest word that ends at *i* and starts at *lo* or later."""
    for size, words in _ENDS.get(text[i - 1], ()):
        if i - size >= lo:
            kind = words.get(text[i - size : i])
            if kind is not None:
                return Token(i - size, i, text[i - size : i], kind)
    return None


def _starting(text: str, i: int, hi: int) -> Token | None:
    """Return the longest word that starts at *i* and ends at *hi* or before."""
    for size, words in _STARTS.get(text[i], ()):
        if i + size <= hi:
            kind = words.get(text[i : i + size])
            if kind is not None:
                return Token(i, i + size, text[i : i + size], kind)
    return None


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
        token = _ending(text, lo, i) if text[i - 1] in ends else None
        if token is None:
            i -= 1
        else:
            out.append(token)
            i = token.start
    out.reverse()
    return out


class WordIndex(Protocol):
    """Words looked up by a position: where they end, or where they start."""

    def get(self, pos: int) -> Token | None:
        """Return the word found at *pos*, or None."""


def words_ending(text: str, lo: int, hi: int) -> dict[int, Token]:
    """Return the words of ``text[lo:hi]`` by where they end (read backwards, as tokenize).

    >>> sorted(words_ending("新建公办幼儿园7所", 0, 7))
    [2]
    """
    ends = _ENDS
    found: dict[int, Token] = {}
    i = hi
    while i > lo:
        if text[i - 1] in ends:
            for size, words in ends[text[i - 1]]:
                if i - size >= lo:
                    word = text[i - size : i]
                    kind = words.get(word)
                    if kind is not None:
                        found[i] = Token(i - size, i, word, kind)
                        i -= size
                        break
            else:
                i -= 1
        else:
            i -= 1
    return found


def words_starting(text: str, lo: int, hi: int) -> dict[int, Token]:
    """Return the words of ``text[lo:hi]`` by where they start, read forwards from *lo*.

    The longest word starting at each place (forward maximum matching): the
    noun after a figure is read from the figure on.

    >>> words_starting("125个县域医共体建成", 4, 11)[6].word
    '医共体'
    """
    starts = _STARTS
    found: dict[int, Token] = {}
    i = lo
    while i < hi:
        if text[i] in starts:
            for size, words in starts[text[i]]:
                if i + size <= hi:
                    word = text[i : i + size]
                    kind = words.get(word)
                    if kind is not None:
                        found[i] = Token(i, i + size, word, kind)
                        i += size
                        break
            else:
                i += 1
        else:
            i += 1
    return found
