"""Turn the stream of candidate markers into the outline tree.

The second outline layer.  Candidates from :mod:`govplan.markers` are read in
document order against a stack of open headings:

* a marker whose style is open continues that list when its ordinal is the
  next one (``(二)`` after ``(一)``), or restarts it at 1;
* a marker of a style not open yet starts a new list one level deeper, below
  the nearest open heading that outranks it (一、 outranks (一), which outranks
  1., …); a style that the document has already nested somewhere is nested
  the same way again;
* numbering that runs on across sections (1. to 30. under 一、…五、) is
  accepted as a continuation;
* a candidate inside a paragraph (glued after 。 or an inline 一是) must fit
  the sequence exactly, so that stray numerals are not taken for headings;
* a title ends at the first sentence end or line end, or where the next
  heading of the same or an outer level starts (一是甲，二是乙): children lie
  inside their parent and the sections of siblings never overlap, whatever
  the input.

Levels therefore come from the document's own nesting: the outermost style
used is level 1.

>>> from govplan.normalize import normalize
>>> tree = build_outline(normalize("一、目标\\n(一)总体。一是加强。二是改进。\\n二、措施"))
>>> [(h.marker, h.level, len(h.children)) for h in walk(tree)]
[('一、', 1, 1), ('(一)', 2, 2), ('一是', 3, 0), ('二是', 3, 0), ('二、', 1, 0)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Final

import attrs

from govplan import _chars
from govplan.markers import MarkerToken, attachment_lists, back_matter_start, find_markers
from govplan.model import Diagnostic, Heading, MarkerStyle, Span
from govplan.normalize import Normalized
from govplan.segments import TextLayer, segment

__all__ = ["OutlineResult", "build_outline", "find", "flatten", "read_outline", "walk"]

#: Conventional rank of each style: a lower rank is an outer level.  Used only
#: to place a style the first time the document uses it.
RANK: Final[dict[MarkerStyle, float]] = {
    MarkerStyle.CHAPTER: 0,
    MarkerStyle.ARTICLE: 0.5,
    MarkerStyle.CN_DUN: 1,
    MarkerStyle.CN_PAREN: 2,
    MarkerStyle.NUM_DOT: 3,
    MarkerStyle.NUM_DUN: 3,
    MarkerStyle.CN_SHI: 3.5,
    MarkerStyle.NUM_PAREN: 4,
    MarkerStyle.CIRCLED: 5,
}

# Styles that open inline enumerations: they may start at 1 inside a paragraph.
_INLINE_LISTS: Final = frozenset({MarkerStyle.CN_SHI, MarkerStyle.NUM_PAREN, MarkerStyle.CIRCLED})

# How far a line-start marker may skip ahead of the expected ordinal.
_MAX_SKIP: Final = 2


@attrs.frozen(kw_only=True)
class OutlineResult:
    """The outline of a text and what was odd about it."""

    outline: tuple[Heading, ...]
    diagnostics: tuple[Diagnostic, ...]


@attrs.define
class _Builder:
    """The private cursor of :func:`read_outline`: a stack of open headings."""

    text: str  # the normalised text
    stack: list[MarkerToken] = attrs.Factory(list)  # the open headings, outermost first
    accepted: list[tuple[MarkerToken, int]] = attrs.Factory(list)  # token, level
    last_seen: dict[MarkerStyle, int] = attrs.Factory(dict)
    parent_style: dict[MarkerStyle, MarkerStyle | None] = attrs.Factory(dict)
    diagnostics: list[Diagnostic] = attrs.Factory(list)

    def feed(
        self, token: MarkerToken, confirmed: bool, span_of: Callable[[int, int], Span]
    ) -> None:
        """Read one candidate; *confirmed* tells whether the next of its style follows on."""
        depth = self._open_depth(token.style)
        if depth is not None:
            self._continue(token, depth, span_of)
        else:
            self._open_new(token, confirmed, span_of)

    def _open_depth(self, style: MarkerStyle) -> int | None:
        return self._deepest(lambda open_: open_.style is style)

    def _deepest(self, predicate: Callable[[MarkerToken], bool]) -> int | None:
        """Return the depth of the innermost open heading for which *predicate* holds."""
        for depth in range(len(self.stack) - 1, -1, -1):
            if predicate(self.stack[depth]):
                return depth
        return None

    def _continue(
        self, token: MarkerToken, depth: int, span_of: Callable[[int, int], Span]
    ) -> None:
        expected = self.stack[depth].ordinal + 1
        restarts = token.ordinal == 1 and (token.line_start or token.style in _INLINE_LISTS)
        if token.ordinal == expected or restarts:
            self._accept(token, depth)
        elif token.line_start and expected < token.ordinal <= expected + _MAX_SKIP:
            if self._accept(token, depth):
                self.diagnostics.append(
                    Diagnostic(
                        code="skipped-ordinal",
                        message=f"{token.marker} follows ordinal {expected - 1}",
                        span=span_of(token.start, token.marker_end),
                    )
                )
        elif token.line_start:
            self.diagnostics.append(
                Diagnostic(
                    code="out-of-sequence",
                    message=f"{token.marker} does not continue its list (expected {expected})",
                    span=span_of(token.start, token.marker_end),
                )
            )

    def _open_new(
        self, token: MarkerToken, confirmed: bool, span_of: Callable[[int, int], Span]
    ) -> None:
        seen = self.last_seen.get(token.style)
        runs_on = seen is not None and seen + 1 == token.ordinal
        starts = token.ordinal == 1
        # Inside a line, a new list of headings starts after a sentence end (a
        # lost line break); after a colon or a word it must go on to a second item.
        after_sentence = starts and token.glue is not None and token.glue in _chars.SENTENCE_END
        if not (
            token.line_start
            or token.style in _INLINE_LISTS
            or runs_on
            or confirmed
            or after_sentence
        ):
            return
        if not (starts or runs_on or (token.line_start and confirmed)):
            if token.line_start:
                self.diagnostics.append(
                    Diagnostic(
                        code="out-of-sequence",
                        message=f"{token.marker} starts a list at {token.ordinal}",
                        span=span_of(token.start, token.marker_end),
                    )
                )
            return
        if token.line_start:
            self._accept(token, self._parent_depth(token.style) + 1)
        else:  # an inline list belongs to the heading whose body holds it
            self._accept(token, len(self.stack))

    def _parent_depth(self, style: MarkerStyle) -> int:
        """Return the stack depth of the new heading's parent (-1 for none)."""
        known = self.parent_style.get(style)
        depth = None if known is None else self._open_depth(known)
        if depth is None:
            rank = RANK[style]
            depth = self._deepest(lambda open_: RANK[open_.style] < rank)
        return -1 if depth is None else depth

    def _accept(self, token: MarkerToken, depth: int) -> bool:
        """Put *token* on the stack at *depth*; refuse it where it would empty a title.

        The token closes the open headings at *depth* and below, and their
        titles end where it starts (see :func:`_title_end`); a marker right
        after another one (``1.(一)``) would leave nothing of such a title, so
        it is read as part of that title instead.
        """
        for closed in self.stack[depth:]:
            if token.start < closed.title_end and not _content_before(
                self.text, closed.title_start, token.start
            ):
                return False
        del self.stack[depth:]
        parent = self.stack[-1].style if self.stack else None
        self.parent_style.setdefault(token.style, parent)
        self.stack.append(token)
        self.accepted.append((token, depth + 1))
        self.last_seen[token.style] = token.ordinal
        return True


def _content_before(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds more than blanks and clause punctuation."""
    return bool(text[start:end].strip(_CUT_TRAILING))


def read_outline(norm: Normalized, *, layer: TextLayer | None = None) -> OutlineResult:
    """Return the outline of normalised text, with diagnostics.

    *layer* is the text's :class:`~govplan.segments.TextLayer` (cut here when
    not given).

    >>> from govplan.normalize import normalize
    >>> result = read_outline(normalize("(一)甲\\n(三)乙"))
    >>> [h.marker for h in result.outline], [d.code for d in result.diagnostics]
    (['(一)', '(三)'], ['skipped-ordinal'])
    """
    builder = _Builder(norm.text)
    span_of = norm.span_to_original
    end = back_matter_start(norm.text)
    tokens = find_markers(norm.text, layer=layer if layer is not None else segment(norm))
    if end is not None:
        tokens = tuple(t for t in tokens if t.start < end)
    lists = attachment_lists(norm.text)
    if lists:
        tokens = _outside(tokens, lists)
    confirmed = _followed_on(tokens)
    for token, ok in zip(tokens, confirmed, strict=True):
        builder.feed(token, ok, span_of)
    accepted = _drop_repeated_blocks(norm.text, builder.accepted, builder.diagnostics, span_of)
    outline = _tree(norm, accepted)
    return OutlineResult(outline=outline, diagnostics=tuple(builder.diagnostics))


def _outside(
    tokens: tuple[MarkerToken, ...], spans: tuple[tuple[int, int], ...]
) -> tuple[MarkerToken, ...]:
    """Return the tokens that start outside every ``[a, b)`` of *spans* (sorted, disjoint).

    One pass over both, so that a document of many attachment lists stays linear.
    """
    kept: list[MarkerToken] = []
    k = 0
    for token in tokens:
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        if k == len(spans) or token.start < spans[k][0]:
            kept.append(token)
    return tuple(kept)


# What may stand between the entries of a table of contents: blanks, dot
# leaders and page numbers.
_BARE: Final = frozenset(" \t\n.…·-—_0123456789")


def _drop_repeated_blocks(
    text: str,
    accepted: list[tuple[MarkerToken, int]],
    diagnostics: list[Diagnostic],
    span_of: Callable[[int, int], Span],
) -> list[tuple[MarkerToken, int]]:
    """Drop a table of contents: a run of bare headings that the body repeats.

    A list that restarts at 1 with the same first title, after a run of
    headings with no text between them, was a table of contents (or an outline
    printed twice); the bare run is dropped and reported.
    """
    drop: set[int] = set()
    dropped_until = 0
    run_start: dict[tuple[MarkerStyle, int], int] = {}
    for j, (token, level) in enumerate(accepted):
        if token.ordinal != 1:
            continue
        key = (token.style, level)
        i = run_start.get(key)
        run_start[key] = j
        if i is None or i < dropped_until or j - i < 2:
            continue
        first = accepted[i][0]
        if _title_key(text, first) == _title_key(text, token) and _bare_run(text, accepted, i, j):
            drop.update(range(i, j))
            dropped_until = j
            diagnostics.append(
                Diagnostic(
                    code="table-of-contents",
                    message=f"{j - i} headings repeated later in the body were left out",
                    span=span_of(first.start, accepted[j - 1][0].title_end),
                )
            )
    if not drop:
        return accepted
    return [entry for k, entry in enumerate(accepted) if k not in drop]


def _title_key(text: str, token: MarkerToken) -> str:
    return text[token.title_start : token.title_end].rstrip(" .…·0123456789")


def _bare_run(text: str, accepted: list[tuple[MarkerToken, int]], i: int, j: int) -> bool:
    for k in range(i, j):
        gap = text[accepted[k][0].title_end : accepted[k + 1][0].start]
        if not _BARE.issuperset(gap):
            return False
    return True


def _followed_on(tokens: tuple[MarkerToken, ...]) -> list[bool]:
    """Tell, for each token, whether the next token of its style has the next ordinal."""
    out = [False] * len(tokens)
    next_ordinal: dict[MarkerStyle, int] = {}
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        out[i] = next_ordinal.get(token.style) == token.ordinal + 1
        next_ordinal[token.style] = token.ordinal
    return out


def build_outline(norm: Normalized) -> tuple[Heading, ...]:
    """Return the top-level headings of normalised text; children hang below them.

    >>> from govplan.normalize import normalize
    >>> [h.title for h in build_outline(normalize("1.总体要求\\n2.工作措施"))]
    ['总体要求', '工作措施']
    """
    return read_outline(norm).outline


def _tree(norm: Normalized, accepted: list[tuple[MarkerToken, int]]) -> tuple[Heading, ...]:
    source, text = norm.source, norm.text
    n = len(accepted)
    starts = [norm.to_original(token.start) for token, _ in accepted]
    ends = _section_ends(accepted, len(text))
    section_end = [norm.to_original(e) if e < len(text) else len(source) for e in ends]

    def build(i: int) -> tuple[Heading, int]:
        token, level = accepted[i]
        start = starts[i]
        marker_end = norm.to_original(token.marker_end - 1) + 1
        title_start = norm.to_original(token.title_start)
        following = accepted[i + 1][0] if i + 1 < n else None
        title_end = _original_title_end(
            norm, _title_end(text, token, following, ends[i]), title_start
        )
        next_start = starts[i + 1] if i + 1 < n else len(source)
        body_end = max(title_end, min(next_start, section_end[i]))
        children: list[Heading] = []
        j = i + 1
        while j < n and accepted[j][1] > level:
            child, j = build(j)
            children.append(child)
        heading = Heading(
            style=token.style,
            ordinal=token.ordinal,
            level=level,
            marker=source[start:marker_end],
            title=source[title_start:title_end],
            inline=not token.line_start,
            text=source[start:title_end],
            span=Span(start, title_end),
            body=Span(title_end, body_end),
            section=Span(start, max(title_end, section_end[i])),
            children=tuple(children),
        )
        return heading, j

    roots: list[Heading] = []
    i = 0
    while i < n:
        root, i = build(i)
        roots.append(root)
    return tuple(roots)


#: What a title cut by the next heading drops at its end: blanks and the
#: clause punctuation the next marker is glued to (一是甲，二是乙 gives 甲).
_CUT_TRAILING: Final = " \t,:" + _chars.IDEOGRAPHIC_COMMA


def _section_ends(accepted: list[tuple[MarkerToken, int]], length: int) -> list[int]:
    """Return where each node's section ends in normalised text.

    At the start of the next node of the same or an outer level, else at the
    end of the text.
    """
    ends = [length] * len(accepted)
    open_nodes: list[int] = []  # indices whose section is still open
    for i, (token, level) in enumerate(accepted):
        while open_nodes and accepted[open_nodes[-1]][1] >= level:
            ends[open_nodes.pop()] = token.start
        open_nodes.append(i)
    return ends


def _title_end(
    text: str, token: MarkerToken, following: MarkerToken | None, section_end: int
) -> int:
    """Return where the title of *token* ends in normalised *text*.

    At the first sentence end or line end, as the contract says, unless the
    heading's section ends first: a sibling or an outer heading after a
    comma (一是甲，二是乙) cuts the title, so that children lie inside their
    parent and siblings never overlap, whatever the input.  A heading glued
    on without punctuation (一、总体(一)目标) cuts it too.
    """
    cut = section_end
    if following is not None and following.glue == "" and token.title_start < following.start:
        cut = min(cut, following.start)
    if cut >= token.title_end:
        return token.title_end
    end = cut
    while end > token.title_start and text[end - 1] in _CUT_TRAILING:
        end -= 1
    return end if end > token.title_start else cut


def _original_title_end(norm: Normalized, end: int, floor: int) -> int:
    """Map a title's end back, keeping readings such as (xué) before the terminator."""
    source = norm.source
    original = norm.to_original(end) if end < len(norm.text) else len(source)
    while original > floor and source[original - 1] in " \t\r\u3000":
        original -= 1
    return original


def walk(outline: Iterable[Heading]) -> Iterator[Heading]:
    """Yield every heading of *outline* in document order (pre-order).

    >>> from govplan.normalize import normalize
    >>> [h.marker for h in walk(build_outline(normalize("一、甲\\n1.乙\\n二、丙")))]
    ['一、', '1.', '二、']
    """
    stack = list(reversed(_headings(outline)))
    while stack:
        heading = stack.pop()
        yield heading
        stack.extend(reversed(heading.children))


def _headings(outline: object) -> tuple[Heading, ...]:
    """Return *outline* as a tuple, raising TypeError for anything but headings."""
    if isinstance(outline, (str, bytes, bytearray)) or not isinstance(outline, Iterable):
        raise TypeError(f"outline must be an iterable of Heading, not {type(outline).__name__}")
    headings = tuple(outline)
    for heading in headings:
        if not isinstance(heading, Heading):
            raise TypeError(f"outline must hold Heading records, not {type(heading).__name__}")
    return headings


def flatten(outline: Iterable[Heading]) -> tuple[Heading, ...]:
    """Return every heading of *outline* in document order.

    >>> len(flatten(()))
    0
    """
    return tuple(walk(outline))


def find(outline: Iterable[Heading], predicate: Callable[[Heading], bool]) -> Heading | None:
    """Return the first heading, in document order, for which *predicate* holds.

    >>> from govplan.normalize import normalize
    >>> tree = build_outline(normalize("一、总结\\n二、计划"))
    >>> find(tree, lambda h: "计划" in h.title).marker
    '二、'
    >>> find(tree, lambda h: h.level > 1) is None
    True
    """
    nodes = walk(_headings(outline))
    return next((h for h in nodes if predicate(h)), None)
