r"""One text layer for every stage: lines, sentences, clauses and masks, cut once.

:func:`segment` reads a :class:`~govplan.normalize.Normalized` text once and
records where its lines, sentences and clauses end and which stretches are
quotations, titles or addresses.  The outline, metadata and claims stages all
ask this layer instead of cutting the text again, so that a sentence, a
clause and a quotation mean the same thing everywhere.

- A **line** ends at ``\n``.  Short lines of site furniture (扫一扫…) are
  marked as noise.
- A **sentence** ends after 。 ! ? or at a line end; ``;`` does not end one,
  so a list introduced by a colon (主要预期目标是：A；B；C。) is one sentence.
- A **clause** ends after , ; : or wherever a sentence ends; 、 joins the
  items of a list inside a clause and ends nothing.
- A **mask** is a quotation or title (“…” ‘…’ 「…」 『…』 《…》 "…") of at most
  :data:`QUOTE_LONGEST` characters on one line, or a URL or e-mail address:
  numbers inside count nothing and numerals inside are no markers.

All positions are in normalised coordinates; ``layer.norm`` maps them back.

>>> from govplan.normalize import normalize
>>> layer = segment(normalize("目标是：增长5%；新增10人。\n落实“五项管理”。"))
>>> layer.sentence(6), layer.clause(6), layer.clause(10)
((0, 15), (4, 9), (9, 15))
>>> layer.masked(layer.norm.text.index("五")), layer.masked(6)
(True, False)
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Final

import attrs
import regex

from govplan import _chars
from govplan.errors import require_str
from govplan.normalize import Normalized, NormText, noise_line_at, normalize

__all__ = ["CLAUSE_END", "QUOTE_LONGEST", "SENTENCE_END", "TextLayer", "segment"]

#: What ends a sentence in normalised text (；is a clause end, not a sentence end).
SENTENCE_END: Final = _chars.IDEOGRAPHIC_FULL_STOP + "!?\n"
#: What ends a clause: a sentence end, a comma, a semicolon or a colon.
CLAUSE_END: Final = SENTENCE_END + ",;:"
#: The longest quotation that masks what it holds; longer ones are quoted passages.
QUOTE_LONGEST: Final = 80
#: The longest line that may be site furniture.
NOISE_LONGEST: Final = 80

_CLAUSE_BREAK: Final[regex.Pattern[str]] = regex.compile(f"[{regex.escape(CLAUSE_END)}]")

_PAIRS: Final[dict[str, str]] = {
    _chars.LEFT_DOUBLE_QUOTE: _chars.RIGHT_DOUBLE_QUOTE,
    _chars.LEFT_SINGLE_QUOTE: _chars.RIGHT_SINGLE_QUOTE,
    _chars.LEFT_CORNER_BRACKET: _chars.RIGHT_CORNER_BRACKET,
    "\N{LEFT WHITE CORNER BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
    _chars.LEFT_TITLE_BRACKET: _chars.RIGHT_TITLE_BRACKET,
}
_CLOSERS: Final = frozenset(_PAIRS.values())
_QUOTE_CHARS: Final[regex.Pattern[str]] = regex.compile(
    "[" + regex.escape("".join(_PAIRS) + "".join(_CLOSERS)) + '"]'
)

# Addresses where digits count nothing: URLs and e-mail addresses.
_ADDRESS: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:https?://|www\.)[!-~]{1,300}+                              # URLs
  | (?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9.-]{1,200}+   # e-mail
    """,
    regex.VERBOSE,
)
_ADDRESS_ANCHORS: Final = (("@", 64), ("http", 0), ("www.", 0))
_ADDRESS_LONGEST: Final = 300


@attrs.frozen(kw_only=True)
class TextLayer:
    """The cut of one normalised text: where lines, sentences and clauses end, and masks.

    ``line_starts`` holds the start of every line; ``sentence_ends`` and
    ``clause_ends`` the position just after every end (the last is the
    length of the text); ``mask_starts``/``mask_ends`` the sorted, disjoint
    masked stretches; ``noise_lines`` the indices of site-furniture lines.

    >>> layer = segment(normalize("甲,乙。\\n丙"))
    >>> layer.line_starts, layer.sentence_ends, layer.clause_ends
    ((0, 5), (4, 5, 6), (2, 4, 5, 6))
    """

    norm: Normalized = attrs.field(repr=False)
    line_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]
    clause_ends: tuple[int, ...]
    mask_starts: tuple[int, ...] = attrs.field(repr=False)
    mask_ends: tuple[int, ...] = attrs.field(repr=False)
    noise_lines: frozenset[int] = attrs.field(repr=False)

    @property
    def text(self) -> str:
        """The normalised text."""
        return self.norm.text

    def line(self, pos: int) -> tuple[int, int]:
        """Return the ``(start, end)`` of the line holding *pos*, without its ``\\n``.

        >>> segment(normalize("甲\\n乙丙")).line(3)
        (2, 4)
        """
        i = bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[max(i, 0)]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def line_index(self, pos: int) -> int:
        """Return the index of the line holding *pos*.

        >>> segment(normalize("甲\\n乙")).line_index(2)
        1
        """
        return max(bisect_right(self.line_starts, pos) - 1, 0)

    def is_noise(self, pos: int) -> bool:
        """Return whether *pos* lies on a line of site furniture.

        >>> layer = segment(normalize("正文3所。\\n扫一扫在手机上查看"))
        >>> layer.is_noise(1), layer.is_noise(7)
        (False, True)
        """
        return self.line_index(pos) in self.noise_lines

    def sentence(self, pos: int) -> tuple[int, int]:
        """Return the ``(start, end)`` of the sentence holding *pos* (its end mark included).

        >>> segment(normalize("甲。乙;丙。")).sentence(3)
        (2, 6)
        """
        return _around(self.sentence_ends, pos)

    def clause(self, pos: int) -> tuple[int, int]:
        """Return the ``(start, end)`` of the clause holding *pos* (its end mark included).

        >>> segment(normalize("甲,乙;丙。")).clause(2)
        (2, 4)
        """
        return _around(self.clause_ends, pos)

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the clauses that begin in ``[start, end)``, in order.

        >>> segment(normalize("甲,乙;丙。")).clauses(0, 6)
        [(0, 2), (2, 4), (4, 6)]
        """
        ends = self.clause_ends
        i = bisect_right(ends, start)
        first = ends[i - 1] if i else 0
        out: list[tuple[int, int]] = []
        if first < start:  # *start* lies inside a clause that began earlier
            first = ends[i] if i < len(ends) else len(self.text)
            i += 1
        while first < end and i < len(ends):
            out.append((first, ends[i]))
            first = ends[i]
            i += 1
        return out

    def masked(self, pos: int) -> bool:
        """Return whether *pos* lies inside a quotation, a title or an address.

        >>> layer = segment(normalize("《规划(2021-2025年)》5所"))
        >>> layer.masked(3), layer.masked(18)
        (True, False)
        """
        i = bisect_right(self.mask_starts, pos) - 1
        return i >= 0 and pos < self.mask_ends[i]

    def next_mask_end(self, pos: int) -> int:
        """Return the end of the mask holding *pos*, or *pos* when it is not masked.

        >>> segment(normalize("“五个一”3所")).next_mask_end(1)
        5
        """
        i = bisect_right(self.mask_starts, pos) - 1
        if i >= 0 and pos < self.mask_ends[i]:
            return self.mask_ends[i]
        return pos


def _around(ends: tuple[int, ...], pos: int) -> tuple[int, int]:
    """Return the ``(start, end)`` of the piece of *ends* that holds *pos*."""
    i = bisect_right(ends, pos)
    if i >= len(ends):
        i = len(ends) - 1
    return (ends[i - 1] if i else 0), ends[i]


def segment(norm: Normalized) -> TextLayer:
    """Cut a normalised text into lines, sentences and clauses and find its masks.

    >>> layer = segment(normalize("一、目标\\n新建“三个一”工程5个。"))
    >>> layer.line_starts, layer.masked(8)
    ((0, 5), True)
    >>> segment("text")
    Traceback (most recent call last):
    ...
    TypeError: norm must be Normalized, not str
    """
    if not isinstance(norm, Normalized):
        raise TypeError(f"norm must be Normalized, not {type(norm).__name__}")
    text = norm.text
    size = len(text)
    line_starts = [0]
    pos = text.find("\n")
    while pos != -1:
        line_starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    starts, ends = _masks(text)
    clause_ends = _ends(_CLAUSE_BREAK, text, size)
    sentence_ends = [end for end in clause_ends if end and text[end - 1] in SENTENCE_END]
    if not sentence_ends or sentence_ends[-1] != size:
        sentence_ends.append(size)
    return TextLayer(
        norm=norm,
        line_starts=tuple(line_starts),
        sentence_ends=tuple(sentence_ends),
        clause_ends=clause_ends,
        mask_starts=starts,
        mask_ends=ends,
        noise_lines=_noise_lines(text, line_starts),
    )


def segment_text(text: str) -> TextLayer:
    """Return the layer of raw *text* (normalised first).

    >>> segment_text("甲。乙").sentence_ends
    (2, 3)
    """
    require_str(text)
    return segment(normalize(text))


def _ends(pattern: regex.Pattern[str], text: str, size: int) -> tuple[int, ...]:
    """Return the position after every mark of *pattern* (one letter each), and *size*.

    Split, measured and summed in C: the pieces between marks, each one longer
    by its mark, add up to where each mark ends.
    """
    pieces = pattern.split(text)
    ends = list(accumulate(map((1).__add__, map(len, pieces[:-1]))))
    if not ends or ends[-1] != size:
        ends.append(size)
    return tuple(ends)


def _noise_lines(text: NormText, line_starts: list[int]) -> frozenset[int]:
    found: set[int] = set()
    size = len(text)
    for i, start in enumerate(line_starts):
        end = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else size
        if 0 < end - start < NOISE_LONGEST and noise_line_at(text, start, end):
            found.add(i)
    return frozenset(found)


def _masks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the starts and ends of the sorted, disjoint masked stretches of *text*."""
    spans = _quotations(text)
    spans.extend(_addresses(text))
    if not spans:
        return (), ()
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return tuple(starts), tuple(ends)


def _quotations(text: str) -> list[tuple[int, int]]:
    """Return the ``(open, close + 1)`` of well-nested quotations, never across a line."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (closer expected, position of the opener)
    straight = -1  # position of an open straight quote
    line_end = -1  # where the line of the open quotations ends
    for m in _QUOTE_CHARS.finditer(text):
        char, pos = m.group(), m.start()
        if pos > line_end:  # a new line: nothing opened before it is open any more
            stack.clear()
            straight = -1
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end == -1 else line_end
        if char == '"':
            if straight < 0:
                straight = pos
            else:
                _keep(out, straight, pos + 1)
                straight = -1
        elif char in _PAIRS:
            stack.append((_PAIRS[char], pos))
        elif stack:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == char), None)
            if depth is not None:
                _keep(out, stack[depth][1], pos + 1)
                del stack[depth:]
    return out


def _keep(out: list[tuple[int, int]], start: int, end: int) -> None:
    if end - start <= QUOTE_LONGEST:
        out.append((start, end))


def _addresses(text: str) -> list[tuple[int, int]]:
    """Return the spans of URLs and e-mail addresses, looked for only around @, http, www."""
    out: list[tuple[int, int]] = []
    for anchor, back in _ADDRESS_ANCHORS:
        i = text.find(anchor)
        while i != -1:
            m = _ADDRESS.search(text, max(0, i - back), i + _ADDRESS_LONGEST)
            if m is not None and m.start() <= i:
                out.append(m.span())
                i = text.find(anchor, max(m.end(), i + 1))
            else:
                i = text.find(anchor, i + 1)
    return out
