"""Mark up spans of a text as well-nested HTML, keeping every character of the text.

The article of :func:`govplan.to_html` is the original text with elements laid
over spans of it: headings and claims.  Spans may nest (a claim inside a
heading's title, an inline 二是 inside the title of the 一是 before it) or
overlap only in part; HTML elements must nest.  :func:`markup` cuts the text
at every span boundary and, between two boundaries, keeps open exactly the
elements whose spans cover that stretch, outer (earlier start, then longer)
before inner.  An element that has to be closed early, because another one
that it only partly overlaps ends first, is opened again after it.

The rule for the pieces of a split element: the first piece carries the
element's full opening tag (its class, ``id`` and data attributes); each later
piece carries the element's *continuation* tag, which names the first piece
in ``data-of`` and repeats only what styling needs.

>>> markup("一是加强管理", [Element(0, 6, '<span class="h">', '<span>', "</span>")])
'<span class="h">一是加强管理</span>'
>>> a = Element(0, 4, "<b>", "<b>", "</b>")
>>> b = Element(2, 6, '<i id="x">', '<i data-of="x">', "</i>")
>>> markup("abcdefg", [a, b])
'<b>ab<i id="x">cd</i></b><i data-of="x">ef</i>g'
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

import regex

__all__ = ["Element", "escape_attribute", "escape_text", "markup"]

# HTML cannot carry U+0000 (the parser drops it) nor a lone surrogate (UTF-8
# cannot encode it): both become U+FFFD, one character for one, so offsets hold.
# CR is written as a character reference, since the parser reads a raw CR as LF.
_REPLACEMENTS: Final = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ("\r", "&#13;"),
    ("\x00", "\ufffd"),
)
_SPECIAL: Final = regex.compile(r'[&<>"\r\x00\ud800-\udfff]')
_SURROGATE: Final = regex.compile(r"[\ud800-\udfff]")


class Element(NamedTuple):
    """An element to lay over ``text[start:end]``: its opening tags and its closing tag.

    ``first`` opens the first piece; ``more`` opens each later piece of an
    element that had to be split.

    >>> Element(0, 2, "<b>", "<b>", "</b>").close
    '</b>'
    """

    start: int
    end: int
    first: str
    more: str
    close: str


def escape_text(text: str) -> str:
    """Return *text* as HTML character data that a browser reads back as the same text.

    ``&``, ``<`` and ``>`` become references and CR becomes ``&#13;``; U+0000
    and lone surrogates, which HTML cannot carry, become U+FFFD.

    >>> escape_text("a<b & c>\\r\\n")
    'a&lt;b &amp; c&gt;&#13;\\n'
    >>> escape_text("\\x00\\ud800") == "\\ufffd\\ufffd"
    True
    """
    if not _SPECIAL.search(text):  # most stretches of a document: nothing to do
        return text
    for character, replacement in _REPLACEMENTS:
        text = text.replace(character, replacement)
    return _SURROGATE.sub("\ufffd", text)


def escape_attribute(value: str) -> str:
    """Return *value* ready to stand between double quotes in an attribute.

    >>> escape_attribute('他说"好" & <走>')
    '他说&quot;好&quot; &amp; &lt;走&gt;'
    """
    return escape_text(value).replace('"', "&quot;")


def markup(text: str, elements: Iterable[Element]) -> str:
    """Return *text*, escaped, with *elements* laid over it as well-nested HTML.

    Elements are nested in the order of their start, then the longer one
    outside; among equal spans, the one given first is outside.  Spans are
    clipped to the text and empty ones are left out.  Removing the tags from
    the result and reading the references back gives *text* again.

    >>> heading = Element(0, 10, '<span id="h-1">', "<span>", "</span>")
    >>> claim = Element(7, 9, '<mark id="c-1">', "<mark>", "</mark>")
    >>> markup("一是建成幼儿园7所。", [heading, claim])
    '<span id="h-1">一是建成幼儿园<mark id="c-1">7所</mark>。</span>'
    >>> markup("a<b", [])
    'a&lt;b'
    """
    size = len(text)
    ordered = _ordered(elements, size)
    points = sorted({0, size, *(e.start for _, e in ordered), *(e.end for _, e in ordered)})
    starting: dict[int, list[tuple[int, Element]]] = {}
    for item in ordered:
        starting.setdefault(item[1].start, []).append(item)
    out: list[str] = []
    stack: list[tuple[int, Element]] = []
    opened: set[int] = set()
    for here, there in itertools.pairwise(points):
        active = sorted(
            [item for item in stack if item[1].end > here] + starting.get(here, []),
            key=_nesting_key,
        )
        _switch(out, stack, active, opened)
        stack = active
        out.append(escape_text(text[here:there]))
    out.extend(element.close for _, element in reversed(stack))
    return "".join(out)


def _ordered(elements: Iterable[Element], size: int) -> list[tuple[int, Element]]:
    """Clip the elements to the text, drop empty ones, number the rest in the order given."""
    clipped = (
        e._replace(start=max(0, min(e.start, size)), end=max(0, min(e.end, size))) for e in elements
    )
    return [(number, e) for number, e in enumerate(clipped) if e.start < e.end]


def _nesting_key(item: tuple[int, Element]) -> tuple[int, int, int]:
    number, element = item
    return element.start, -element.end, number


def _switch(
    out: list[str],
    stack: Sequence[tuple[int, Element]],
    active: Sequence[tuple[int, Element]],
    opened: set[int],
) -> None:
    """Close what the next stretch does not share with the open elements, open the rest."""
    shared = 0
    while shared < min(len(stack), len(active)) and stack[shared][0] == active[shared][0]:
        shared += 1
    out.extend(element.close for _, element in reversed(stack[shared:]))
    for number, element in active[shared:]:
        out.append(element.more if number in opened else element.first)
        opened.add(number)
