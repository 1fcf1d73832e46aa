"""Decide a figure's modality: the evidence of each scope, looked at in PRECEDENCE order.

:class:`Scopes` reads what a whole document says once (its years, target
lists, headings, section lines, type and voice, and where its strong words
stand) and then answers, for each figure, with the evidence of the first
scope of :data:`~govplan.claims._modality.PRECEDENCE` that says something.

Its word cache, :class:`Clauses`, is shared with the rest of the engine: the
words of a clause are cut once, whichever stage asks first.
"""

from __future__ import annotations

import datetime
import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Final, NamedTuple

import regex

from govplan.claims._document import doc_default, now_modality, voice
from govplan.claims._modality import (
    FORECASTS,
    PRECEDENCE,
    Cues,
    Evidence,
    clause_cues,
    cue_positions,
    weak_evidence,
)
from govplan.claims._scope import Years, doc_years, fallback_years, target_lists
from govplan.claims._sections import Sections
from govplan.claims._tokens import Token, tokenize
from govplan.model import Heading, Modality, Span
from govplan.segments import TextLayer

__all__ = ["Clauses", "Scopes", "Site", "Words"]

#: How many sentences back the ``preceding`` scope looks.
_PRECEDING_REACH: Final = 24
#: The longest line of a list (1、教育提质工程：…): past a heading, the ``preceding`` scope
#: reads back over such lines to the sentence that introduced them, but not into a paragraph.
_LIST_LINE: Final = 80
#: Baselines of statistics, which report a period that is over.
_YEAR_ON_YEAR: Final = frozenset(
    {"同比", "环比", "比上年同期", "比去年同期", "较上年同期", "较去年同期"}
)
#: The same later in the figure's sentence (接待游客48.6万人次，同比增长13.2%).
_LATER_YEAR_ON_YEAR: Final = regex.compile(r"同比|环比|[比较](?:上年|去年)同期")
#: How far after a figure a 同比 still speaks for it (8.6万人，同比增长5%).
_STATISTIC_REACH: Final = 6
#: A change from one level to another: the figure after 由 or 从 (由目前的45%提高到65%),
#: with 到 or 至 a few letters after it.
_FROM_LEVEL: Final = regex.compile(r"[由从](?:目前|现在|原来|上年|去年|年初)?的?$")
_TO_LEVEL: Final = regex.compile(r"[^,，;；。]{0,4}?[到至]")
#: The name of a planned amount right before its figure (计划总投资4.8亿元).
_PLANNED: Final = regex.compile(
    r"(?:计划|预计|拟)(?:总|年度)?(?:投资|投入|产值|收入|营收)(?:额|总额)?(?:为|达|约|达到)?$"
)
#: How many clauses back the ``sentence`` scope looks.
_CLAUSE_REACH: Final = 12
#: The longest line read as a heading when looking for the years of a document.
_SHORT_LINE: Final = 30


class Words(NamedTuple):
    """The lexicon words of one clause, in order and by where they end and start."""

    tokens: list[Token]
    by_end: dict[int, Token]
    by_start: dict[int, Token]


class Clauses:
    """The words of the clauses of a text, cut once."""

    __slots__ = ("_cache", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._cache: dict[tuple[int, int], Words] = {}

    def words(self, start: int, end: int) -> Words:
        """Return the words of the clause ``[start, end)``."""
        found = self._cache.get((start, end))
        if found is None:
            tokens = tokenize(self._text, start, end)
            found = Words(tokens, {t.end: t for t in tokens}, {t.start: t for t in tokens})
            self._cache[start, end] = found
        return found


class Site(NamedTuple):
    """Where one figure stands: normalised offsets, clause, sentence, headings.

    ``path`` is the heading path of the figure and ``heading`` the modality its
    headings set (see :meth:`Scopes.locate`).
    """

    number: int
    start: int
    end: int
    clause: tuple[int, int]
    sentence: int
    path: tuple[int, ...]
    heading: Modality | None


class Scopes:
    """What a document says about the modality of its figures, scope by scope."""

    def __init__(
        self,
        layer: TextLayer,
        clauses: Clauses,
        outline: tuple[Heading, ...],
        doc_type: str | None,
        title: str | None,
        date: datetime.date | None,
    ) -> None:
        self.layer = layer
        self.text = text = layer.text
        self.clauses = clauses
        self.years: Years = fallback_years(
            doc_years(title, doc_type), doc_type, date, _short_lines(layer)
        )
        self.sections = Sections(layer, outline, self.years)
        self.lists = target_lists(text)
        self.list_starts = [a for a, _ in self.lists]
        self.doc_type = doc_type
        self.default = doc_default(doc_type, title)
        self.now = now_modality(doc_type)
        self.cues = cue_positions(text)
        self._clause_cues: dict[int, Cues] = {}
        self._finders: dict[str, Callable[[Site], Evidence | None]] = {
            "list": self._list,
            "start": self._start,
            "planned": self._planned,
            "clause": self._clause,
            "sentence": self._sentence,
            "heading": self._heading,
            "section": self._section,
            "forecast": self._forecast,
            "preceding": self._preceding,
            "document": self._document,
            "statistic": self._statistic,
            "voice": self._voice,
            "weak": self._weak,
        }
        self._order = tuple(self._finders[scope] for scope in PRECEDENCE)

    def decide(self, site: Site) -> Evidence | None:
        """Return the evidence of the first scope, in PRECEDENCE order, that says something."""
        for find in self._order:
            found = find(site)
            if found is not None:
                return found
        return None

    def locate(self, span: Span) -> tuple[tuple[int, ...], Modality | None]:
        """Return the heading path of the original *span* and the modality its headings set."""
        return self.sections.locate(span)

    def _has_cue(self, start: int, end: int) -> bool:
        i = bisect_left(self.cues, start)
        return i < len(self.cues) and self.cues[i] < end

    def _list(self, site: Site) -> Evidence | None:
        i = bisect_right(self.list_starts, site.number) - 1
        if i >= 0 and site.number < self.lists[i][1]:
            a, _ = self.lists[i]
            return Evidence("list", Modality.TARGET, self.text[a : a + 8])
        return None

    def _start(self, site: Site) -> Evidence | None:
        """Return ACHIEVED for the level a change starts from (由52%提高到58%)."""
        c0, c1 = site.clause
        if _FROM_LEVEL.search(self.text, max(c0, site.start - 6), site.start) is None:
            return None
        if _TO_LEVEL.match(self.text, site.end, c1) is None:
            return None
        return Evidence("start", Modality.ACHIEVED, self.text[site.start - 1])

    def _planned(self, site: Site) -> Evidence | None:
        """Return TARGET for a figure whose name says it is planned (年度计划投资96.5亿元)."""
        m = _PLANNED.search(self.text, max(site.clause[0], site.start - 12), site.start)
        return Evidence("planned", Modality.TARGET, m.group()) if m is not None else None

    def _cues(self, start: int, end: int) -> Cues:
        """Return the strong evidence of the clause ``[start, end)``, read once."""
        found = self._clause_cues.get(start)
        if found is None:
            found = self._clause_cues[start] = clause_cues(
                self.text,
                self.clauses.words(start, end).tokens,
                start,
                end,
                years=self.years,
                now=self.now,
                masked=self.layer.masked,
            )
        return found

    def _clause(self, site: Site) -> Evidence | None:
        c0, c1 = site.clause
        if not self._has_cue(c0, c1):
            return None
        cues = self._cues(c0, c1)
        return cues.before(site.start) or cues.after(site.end)

    def _sentence(self, site: Site) -> Evidence | None:
        found = self._before_clause(site.sentence, site.clause[0])
        return found._replace(scope="sentence") if found is not None else None

    def _before_clause(self, sentence: int, c0: int) -> Evidence | None:
        """Return the evidence of the nearest clause before *c0* in its sentence that has one.

        What a clause says is its cue nearest to its end.  At most
        :data:`_CLAUSE_REACH` clauses back are read.
        """
        if c0 <= sentence or not self._has_cue(sentence, c0):
            return None
        ends = self.layer.clause_ends
        j = bisect_right(ends, c0 - 1) - 1  # ends[j] is where the clause before c0 starts
        for _ in range(_CLAUSE_REACH):
            end = ends[j + 1] if j + 1 < len(ends) else c0
            start = max(ends[j] if j >= 0 else 0, sentence)
            if end <= sentence:
                return None
            if self._has_cue(start, end):
                cues = self._cues(start, end)
                if cues.found:
                    return cues.found[-1]
            if start <= sentence:
                return None
            j -= 1
        return None

    def _heading(self, site: Site) -> Evidence | None:
        if site.heading is None:
            return None
        return Evidence("heading", site.heading, self.sections.heading_title(site.path[-1]))

    def _section(self, site: Site) -> Evidence | None:
        found = self.sections.section_line(site.number)
        return Evidence("section", found[1], found[0]) if found is not None else None

    def _forecast(self, site: Site) -> Evidence | None:
        """Return TARGET for a forecast word before the figure in its sentence (预计年产值…)."""
        c0, c1 = site.clause
        earlier = self.layer.clauses(site.sentence, c0)
        for a, b in [(c0, c1), *reversed(earlier)]:
            for token in self.clauses.words(a, b).tokens:
                if token.word in FORECASTS and token.end <= site.start:
                    return Evidence("forecast", Modality.TARGET, token.word)
        return None

    def _preceding(self, site: Site) -> Evidence | None:
        """Return the strong evidence of the nearest earlier sentence, a few sentences back.

        Headings are no fence here: one that said a modality has decided before
        this scope is asked, and one that says none (1、教育提质工程) belongs to
        the sentence that introduced the list.
        """
        layer, text = self.layer, self.text
        ends = layer.sentence_ends
        j = bisect_right(ends, site.sentence) - 1  # the sentence that ends where this one starts
        after = site.sentence  # where the sentence read last starts
        past_heading = False
        for _ in range(_PRECEDING_REACH):
            if j < 0:
                return None
            start = ends[j - 1] if j else 0
            if past_heading and text.find("\n", ends[j] - 1, after) != -1:
                line_start, line_end = layer.line(start)  # over a heading: out of a list only
                if line_end - line_start > _LIST_LINE:
                    return None
            after = start
            if self.sections.is_heading(start):  # a heading's title is no sentence of the text
                past_heading = True
                j -= 1
                continue
            found = self._before_clause(start, ends[j])
            if found is not None:
                return found._replace(scope="preceding")
            j -= 1
        return None

    def _document(self, site: Site) -> Evidence | None:
        if self.default is not None:
            return Evidence("document", self.default, self.doc_type or "")
        start = self.sections.plan_start
        if start is None or self.doc_type is None:
            return None
        mod = Modality.TARGET if site.number >= start else Modality.ACHIEVED
        return Evidence("document", mod, self.doc_type)

    def _statistic(self, site: Site) -> Evidence | None:
        """Return ACHIEVED for a figure compared year on year (同比增长5.6%; 48万人次，同比…)."""
        c0, c1 = site.clause
        for token in self.clauses.words(c0, c1).tokens:
            if token.word in _YEAR_ON_YEAR and token.start < site.end + _STATISTIC_REACH:
                return Evidence("statistic", Modality.ACHIEVED, token.word)
        _, sentence_end = self.layer.sentence(site.start)
        m = _LATER_YEAR_ON_YEAR.search(self.text, site.end, min(sentence_end, site.end + 40))
        return Evidence("statistic", Modality.ACHIEVED, m.group()) if m is not None else None

    @functools.cached_property
    def _voice_of_text(self) -> Modality | None:
        return voice(self.text, tokenize(self.text), self.layer.masked)

    def _voice(self, _site: Site) -> Evidence | None:
        mod = self._voice_of_text
        return Evidence("voice", mod, "") if mod is not None else None

    def _weak(self, site: Site) -> Evidence | None:
        """Return what a weak word of the figure's clause or sentence says, nearest first."""
        found = weak_evidence(self.clauses.words(*site.clause).tokens, site.clause[0], site.start)
        if found is not None:
            return found
        for a, b in reversed(self.layer.clauses(site.sentence, site.clause[0])):
            found = weak_evidence(self.clauses.words(a, b).tokens, a, b)
            if found is not None:
                return found
        return None


def _short_lines(layer: TextLayer) -> list[str]:
    """Return the short lines of a text (headings, section lines), stripped."""
    text, starts = layer.text, layer.line_starts
    ends = [*starts[1:], len(text) + 1]
    return [
        text[a : b - 1].strip() for a, b in zip(starts, ends, strict=True) if b - a <= _SHORT_LINE
    ]
