"""Where a figure sits in a document: its heading path and what its headings say.

:class:`Sections` flattens a document's outline once and answers, for any
span, the pre-order indices of the headings whose section holds it and the
modality the innermost heading that says one sets (see
:func:`govplan.claims._scope.heading_modality`).  It also collects the
unnumbered **section lines** (short heading-like lines such as
“十四五”时期工作回顾 or 2026年重点工作) and finds where a two-part document
(a 政府工作报告, a 总结和计划) stops reporting and starts planning.

>>> from govplan.normalize import normalize
>>> from govplan.segments import segment
>>> from govplan.structure import build_outline
>>> norm = normalize("一、2025年工作回顾\\n新建3所。\\n二、2026年工作安排\\n新建5所。")
>>> sections = Sections(segment(norm), build_outline(norm), Years(2025, 2026))
>>> from govplan.model import Span
>>> sections.locate(Span(12, 14))
((0,), <Modality.ACHIEVED: 'achieved'>)
>>> sections.plan_start == norm.text.index("二、")
True
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from itertools import repeat
from typing import Final

from govplan.claims._scope import Years, heading_modality
from govplan.model import Heading, Modality, Span
from govplan.segments import TextLayer

__all__ = ["Sections"]

_SHORT_LINE: Final = 30
_SENTENCE_MARKS: Final = frozenset("。;!?")


class Sections:
    """The headings and section lines of one document, for lookups by position."""

    def __init__(self, layer: TextLayer, outline: tuple[Heading, ...], years: Years) -> None:
        self._layer = layer
        self._outline = outline
        self._years = years
        headings: list[Heading] = []
        starts: list[int] = []
        paths: list[tuple[int, ...]] = []
        fences: list[int] = []
        modalities: list[Modality | None] = []
        deciders: list[int] = []  # the heading whose title set each one's modality
        titles: list[str] = []  # normalised marker and title of each heading
        nstarts: list[int] = []  # where each heading starts in normalised text
        text, to_normalized = layer.text, layer.norm.span_to_normalized
        stack = list(zip(reversed(outline), repeat(-1)))
        i = -1
        while stack:
            node, parent = stack.pop()
            i += 1
            a, b = to_normalized(node.span)
            titles.append(text[a:b])
            nstarts.append(a)
            mod = heading_modality(titles[-1], years)
            decider = i
            end = node.section.end
            if parent < 0:
                paths.append((i,))
                fences.append(end)
            else:
                paths.append((*paths[parent], i))
                fences.append(min(end, fences[parent]))
                if mod is None:  # the innermost heading that says one decides
                    mod, decider = modalities[parent], deciders[parent]
            headings.append(node)
            starts.append(node.section.start)
            modalities.append(mod)
            deciders.append(decider)
            if node.children:
                stack.extend(zip(reversed(node.children), repeat(i)))
        self._headings, self._starts, self._paths = headings, starts, paths
        self._fences, self._modalities, self._deciders = fences, modalities, deciders
        self._titles, self._nstarts = titles, nstarts
        # With sections in document order, the headings around a position are the last
        # heading starting before it and its ancestors; else walk the tree (``_index``).
        self._index: dict[int, int] = {}
        if len(set(map(id, headings))) < len(headings) or any(map(int.__gt__, starts, starts[1:])):
            self._index = {id(h): i for i, h in enumerate(headings)}

    @functools.cached_property
    def _lines(self) -> tuple[list[int], list[Modality], list[int]]:
        """The section lines, read on first need (most figures are decided before them)."""
        return self._section_lines()

    @functools.cached_property
    def _bounds(self) -> list[int]:
        """Where every heading and every heading-like line starts, sorted."""
        return sorted({*self._lines[2], *self._nstarts})

    @functools.cached_property
    def plan_start(self) -> int | None:
        """Where (normalised) the first part that plans begins: a top heading or line."""
        return self._plan_start()

    def is_heading(self, pos: int) -> bool:
        """Tell whether a heading (its marker, or the blanks before it) starts at *pos*."""
        while pos < len(self._layer.text) and self._layer.text[pos] in " \t\u3000":
            pos += 1
        return pos in self._heading_starts

    @functools.cached_property
    def _heading_starts(self) -> frozenset[int]:
        return frozenset(self._nstarts)

    def heading_title(self, index: int) -> str:
        """Return the normalised marker and title of the heading whose modality *index* has."""
        return self._titles[self._deciders[index]]

    def locate(self, span: Span) -> tuple[tuple[int, ...], Modality | None]:
        """Return the path of the headings whose section holds *span*, and their modality."""
        if self._index:
            return self._walk(span)
        k = bisect_right(self._starts, span.start) - 1
        if k < 0:
            return (), None
        if span.end > self._fences[k]:  # it runs past the end of a section on the way
            path = self._paths[k]
            depth = next(d for d, i in enumerate(path) if span.end > self._headings[i].section.end)
            if not depth:
                return (), None
            k = path[depth - 1]
        return self._paths[k], self._modalities[k]

    def _walk(self, span: Span) -> tuple[tuple[int, ...], Modality | None]:
        """Return what ``locate`` does, by a binary search on each level of the tree."""
        out: list[Heading] = []
        nodes = self._outline
        while nodes:
            k = bisect_right([node.section.start for node in nodes], span.start) - 1
            if k < 0 or span.end > nodes[k].section.end:
                break
            out.append(nodes[k])
            nodes = nodes[k].children
        path = tuple(self._index[id(h)] for h in out)
        return path, (self._modalities[path[-1]] if path else None)

    def boundary(self, pos: int) -> int:
        """Return where the section holding normalised *pos* begins: its heading or line."""
        i = bisect_right(self._bounds, pos) - 1
        return self._bounds[i] if i >= 0 else 0

    def section_line(self, pos: int) -> tuple[str, Modality] | None:
        """Return the nearest section line above normalised *pos* that says a modality."""
        line_starts, line_mods, _ = self._lines
        i = bisect_right(line_starts, pos) - 1
        if i < 0:
            return None
        line_start, line_end = self._layer.line(line_starts[i])
        return self._layer.text[line_start:line_end].strip(), line_mods[i]

    def _section_lines(self) -> tuple[list[int], list[Modality], list[int]]:
        """Return the starts and modalities of short heading-like lines that say one.

        The third list holds the starts of all short heading-like lines.
        """
        text, layer = self._layer.text, self._layer
        starts: list[int] = []
        mods: list[Modality] = []
        every: list[int] = []
        ends = [*layer.line_starts[1:], len(text) + 1]
        for start, nxt in zip(layer.line_starts, ends, strict=True):
            end = nxt - 1
            if end - start < 2 or (end - start > _SHORT_LINE and not text[start].isspace()):
                continue
            line = text[start:end].strip()
            if 2 <= len(line) <= _SHORT_LINE and _is_heading_like(line):
                every.append(start)
                mod = heading_modality(line, self._years)
                if mod is not None:
                    starts.append(start)
                    mods.append(mod)
        return starts, mods, every

    def _plan_start(self) -> int | None:
        """Return where (normalised) the first part that plans begins: a top heading or line."""
        candidates = [
            self._nstarts[k]
            for k, path in enumerate(self._paths)
            if len(path) == 1 and self._modalities[k] is Modality.TARGET
        ]
        line_starts, line_mods, _ = self._lines
        candidates.extend(
            start
            for start, mod in zip(line_starts, line_mods, strict=True)
            if mod is Modality.TARGET
        )
        return min(candidates) if candidates else None


def _is_heading_like(line: str) -> bool:
    """Return whether a short line reads as a heading rather than a sentence."""
    body = line[:-1] if line[-1] in "。:" and ("以下" in line or "如下" in line) else line
    return _SENTENCE_MARKS.isdisjoint(body)
