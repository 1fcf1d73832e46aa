"""The claims engine: figures, then words, then subjects, comparisons and modality.

Each stage hands records to the next, over one text layer
(:mod:`govplan.segments`):

1. **figures** (:mod:`~govplan.claims._figures`): value, unit and qualifiers,
   with no context;
2. **words** (:mod:`~govplan.claims._tokens`): the clause of each figure cut
   into lexicon words, once per clause;
3. **phrases** (:mod:`~govplan.claims._phrase`): the glue and noun phrase
   before the figure and the noun after it give the subject, the verb of
   change and the baseline; a figure whose clause names nothing carries on
   the indicator of the figure before it (国内生产总值超过126万亿元，增长5.2%),
   and the items of a list (分别增长4.4%、5.6%) share their verb;
4. **modality** (:mod:`~govplan.claims._modality`): evidence in the order of
   :data:`~govplan.claims._modality.PRECEDENCE`.

:func:`read_claims` returns one :class:`Reading` per claim: the claim and the
reasons behind its subject and modality, which :func:`govplan.claims.explain`
shows.
"""

from __future__ import annotations

import datetime
import functools
from bisect import bisect_right
from collections.abc import Callable
from typing import Final, NamedTuple

from govplan.claims._figures import Figure, scan_figures
from govplan.claims._modality import (
    Evidence,
    clause_evidence,
    doc_default,
    now_modality,
    voice,
    weak_evidence,
)
from govplan.claims._phrase import Left, read_left, read_right
from govplan.claims._scope import Years, doc_years, fallback_years, target_lists
from govplan.claims._sections import Sections
from govplan.claims._tokens import Token, tokenize
from govplan.claims._units import TIME_UNITS

#: Units that count events: the activity counted may end in a verb (安全检查52次).
EVENT_UNITS: Final = frozenset({"次", "场", "场次", "期", "轮", "届", "批次", "遍", "趟", "人次"})
from govplan.model import Claim, Comparison, Heading, Modality, Span
from govplan.segments import TextLayer

__all__ = ["Reading", "read_claims"]

#: Units whose figures are changes or shares: a noun after them is not what they count.
_RATES: Final = frozenset({"%", "‰", "百分点", "倍", "成"})
#: What may join the items of one list of figures (分别增长4.4%、5.6%).
_LIST_JOINS: Final = frozenset({"、", "和", "与", "及", "或"})
#: What may stand between a figure and the next clause of its chain.
_CHAIN_GAP: Final = frozenset(",、;")
_BASELINES: Final[dict[str, str]] = {"同比": "同期", "环比": "上期"}
#: How many sentences back the ``preceding`` scope looks.
_PRECEDING_REACH: Final = 8
#: The longest line read as a heading when looking for the years of a document.
_SHORT_LINE: Final = 30


class Reading(NamedTuple):
    """One claim with the reasons for its subject and modality."""

    claim: Claim
    subject_rule: str
    evidence: Evidence | None


def read_claims(
    layer: TextLayer,
    *,
    outline: tuple[Heading, ...] = (),
    doc_type: str | None = None,
    title: str | None = None,
    date: datetime.date | None = None,
    exclude: tuple[Span, ...] = (),
) -> tuple[Reading, ...]:
    """Return the claims of a text layer, each with the reasons behind it.

    *date* is the document's header date: where the title names no year, it
    tells which years are past.
    """
    figures = scan_figures(layer, exclude)
    if not figures:
        return ()
    return tuple(_Reader(layer, outline, doc_type, title, date).read(figures))


class _State(NamedTuple):
    """What the previous figure left for the next one.

    ``carry`` is the subject the next clause may carry on: the previous
    figure's, or, after a duration (连续9年), the one before it.
    """

    figure: Figure
    subject: tuple[int, int] | None
    left: Left
    sentence: int
    carry: tuple[int, int] | None = None


class _Reader:
    """The private cursor of :func:`read_claims`: one document, read figure by figure."""

    def __init__(
        self,
        layer: TextLayer,
        outline: tuple[Heading, ...],
        doc_type: str | None,
        title: str | None,
        date: datetime.date | None,
    ) -> None:
        self.layer = layer
        self.text = layer.text
        self.years: Years = fallback_years(
            doc_years(title, doc_type), doc_type, date.year if date else None, _short_lines(layer)
        )
        self.sections = Sections(layer, outline, self.years)
        self.lists = target_lists(self.text)
        self.list_starts = [a for a, _ in self.lists]
        self.doc_type = doc_type
        self.default = doc_default(doc_type)
        self.now = now_modality(doc_type)
        self._tokens: dict[int, list[Token]] = {}

    def tokens(self, start: int, end: int) -> list[Token]:
        """Return the lexicon words of the clause ``[start, end)``, cut once."""
        found = self._tokens.get(start)
        if found is None:
            found = self._tokens[start] = tokenize(self.text, start, end)
        return found

    @functools.cached_property
    def voice(self) -> Modality | None:
        return voice(self.text, tokenize(self.text), self.layer.masked)

    def read(self, figures: list[Figure]) -> list[Reading]:
        out: list[Reading] = []
        state: _State | None = None
        for i, fig in enumerate(figures):
            nxt = figures[i + 1].start if i + 1 < len(figures) else len(self.text)
            reading, state = self._figure(fig, state, nxt)
            out.append(reading)
        return out

    def _figure(self, fig: Figure, state: _State | None, nxt: int) -> tuple[Reading, _State]:
        layer, text = self.layer, self.text
        c0, c1 = layer.clause(fig.number)
        sentence = layer.sentence(fig.number)[0]
        tokens = self.tokens(c0, c1)
        prev = state.figure if state is not None else None
        lo = prev.end if prev is not None and prev.end > c0 else c0
        left = read_left(text, tokens, lo, fig.start, event=fig.unit in EVENT_UNITS)
        if state is not None and _listed(text, state, fig, left):
            left = state.left._replace(subject=None, glue_start=fig.start)
            subject, rule = (None, "each") if left.each else (state.subject, "list")
        else:
            if state is not None and _shares_lead(text, state, left):
                left = left._replace(lead=state.left.lead, comparison=state.left.comparison)
            subject, rule = self._subject(fig, left, tokens, state, min(c1, nxt))
        span = layer.norm.span_to_original(fig.start, fig.end)
        evidence = self._modality(fig, tokens, (c0, c1), sentence, span)
        claim = Claim(
            text=layer.norm.source[span.start : span.end],
            span=span,
            value=fig.value,
            unit=fig.unit,
            high=fig.high,
            approx=fig.approx,
            bound=fig.bound,
            subject=layer.norm.source_text(*subject) if subject else None,
            modality=evidence.modality if evidence is not None else None,
            comparison=self._comparison(left),
            path=self.sections.locate(span)[0],
        )
        carry = subject
        if fig.unit in TIME_UNITS and subject is None and state is not None:
            carry = state.carry if state.sentence == sentence else None
        return Reading(claim, rule, evidence), _State(fig, subject, left, sentence, carry)

    def _subject(
        self, fig: Figure, left: Left, tokens: list[Token], state: _State | None, hi: int
    ) -> tuple[tuple[int, int] | None, str]:
        """Return the subject span of a figure and the rule that found it."""
        if fig.unit in TIME_UNITS:  # 重污染天数减少2天, but not 连续3年 or 3年内
            glued = left.change is not None or left.link is not None
            return (left.subject, "before") if glued and left.subject else (None, "time")
        if left.each:
            return None, "each"
        rate = fig.unit in _RATES
        right = read_right(
            self.text, tokens, fig.end, hi, rate=rate, event=fig.unit in EVENT_UNITS
        )
        if right is not None and (not rate or (right[0] > fig.end and left.change is None)):
            return right, "after"
        if left.subject is not None:
            return left.subject, "before"
        changed = left.change is not None or left.baseline is not None or left.link is not None
        if changed and state is not None and _chained(self.text, state, left):
            return state.carry, "chain"
        if right is not None and left.change is None:
            return right, "after"
        return None, "none"

    def _comparison(self, left: Left) -> Comparison | None:
        if left.comparison is None or (
            left.change is None and left.baseline is None and left.lead is None
        ):
            return None
        start, end = left.comparison
        if end <= start:
            return None
        norm = self.layer.norm
        span = norm.span_to_original(start, end)
        direction = None
        verb = left.change or left.lead
        if verb is not None:
            direction = "up" if verb.kind.value == "up" else "down"
        return Comparison(
            text=norm.source[span.start : span.end],
            baseline=_baseline(left.baseline),
            direction=direction,
            span=span,
        )

    def _modality(
        self,
        fig: Figure,
        tokens: list[Token],
        clause: tuple[int, int],
        sentence: int,
        span: Span,
    ) -> Evidence | None:
        for find in self._finders(fig, tokens, clause, sentence, span):
            found = find()
            if found is not None:
                return found
        return None

    def _finders(
        self,
        fig: Figure,
        tokens: list[Token],
        clause: tuple[int, int],
        sentence: int,
        span: Span,
    ) -> tuple[Callable[[], Evidence | None], ...]:
        """Return the evidence finders of one figure, in the order of PRECEDENCE."""
        c0, c1 = clause
        return (
            lambda: self._in_list(fig.number),
            lambda: clause_evidence(
                self.text,
                tokens,
                c0,
                fig.start,
                years=self.years,
                now=self.now,
                after=fig.end,
                masked=self.layer.masked,
            ),
            lambda: self._sentence(sentence, c0),
            lambda: self._heading(span),
            lambda: self._section(fig.number),
            lambda: self._preceding(sentence),
            lambda: self._document(fig.number),
            lambda: Evidence("voice", self.voice, "") if self.voice is not None else None,
            lambda: weak_evidence(tokens, c0, fig.start) or self._weak_sentence(sentence, c0),
        )

    def _in_list(self, pos: int) -> Evidence | None:
        i = bisect_right(self.list_starts, pos) - 1
        if i >= 0 and pos < self.lists[i][1]:
            a, _ = self.lists[i]
            return Evidence("list", Modality.TARGET, self.text[a : a + 8])
        return None

    def _sentence(self, sentence: int, c0: int) -> Evidence | None:
        """Return the strong evidence of the clauses before *c0* in its sentence, nearest first."""
        for a, b in reversed(self.layer.clauses(sentence, c0)):
            found = clause_evidence(
                self.text,
                self.tokens(a, b),
                a,
                b,
                years=self.years,
                now=self.now,
                masked=self.layer.masked,
            )
            if found is not None:
                return found._replace(scope="sentence")
        return None

    def _preceding(self, sentence: int) -> Evidence | None:
        """Return the strong evidence of the nearest earlier sentence of the same section."""
        ends = self.layer.sentence_ends
        floor = self.sections.boundary(sentence)
        j = bisect_right(ends, sentence) - 1  # the sentence that ends where this one starts
        for _ in range(_PRECEDING_REACH):
            if j < 0 or ends[j] <= floor:
                return None
            start = ends[j - 1] if j else 0
            found = self._sentence(start, ends[j])
            if found is not None:
                return found._replace(scope="preceding")
            j -= 1
        return None

    def _weak_sentence(self, sentence: int, c0: int) -> Evidence | None:
        for a, b in reversed(self.layer.clauses(sentence, c0)):
            found = weak_evidence(self.tokens(a, b), a, b)
            if found is not None:
                return found
        return None

    def _heading(self, span: Span) -> Evidence | None:
        path, mod = self.sections.locate(span)
        if mod is None:
            return None
        return Evidence("heading", mod, self.sections.heading_title(path[-1]))

    def _section(self, pos: int) -> Evidence | None:
        found = self.sections.section_line(pos)
        return Evidence("section", found[1], found[0]) if found is not None else None

    def _document(self, pos: int) -> Evidence | None:
        if self.default is not None:
            return Evidence("document", self.default, self.doc_type or "")
        start = self.sections.plan_start
        if start is None or self.doc_type is None:
            return None
        mod = Modality.TARGET if pos >= start else Modality.ACHIEVED
        return Evidence("document", mod, self.doc_type)


def _short_lines(layer: TextLayer) -> list[str]:
    """Return the short lines of a text (headings, section lines), stripped."""
    text, starts = layer.text, layer.line_starts
    ends = [*starts[1:], len(text) + 1]
    return [
        text[a : b - 1].strip() for a, b in zip(starts, ends, strict=True) if b - a <= _SHORT_LINE
    ]


def _listed(text: str, state: _State, fig: Figure, left: Left) -> bool:
    """Tell whether *fig* is the next item of a list begun by the previous figure."""
    if left.subject is not None or left.change is not None or left.glue_start != fig.start:
        return False
    if state.left.change is None and not state.left.each:
        return False
    return text[state.figure.end : fig.start] in _LIST_JOINS


def _shares_lead(text: str, state: _State, left: Left) -> bool:
    """Tell whether a clause of noun and figure shares the verb that opened the last one.

    增加学前教育公办学位1500个，普惠性民办学位8000个: both are increases.
    """
    if state.left.lead is None or left.change is not None or left.lead is not None:
        return False
    if not left.opens_clause or left.subject is None:
        return False
    gap = text[state.figure.end : left.subject[0]]
    return bool(gap) and len(gap) <= 2 and _CHAIN_GAP.issuperset(gap)


def _chained(text: str, state: _State, left: Left) -> bool:
    """Tell whether a clause with no subject of its own carries on the previous figure's."""
    if state.carry is None:
        return False
    gap = text[state.figure.end : left.glue_start]
    if not gap:  # 由52.23%提高到58.08%: the second figure follows the first at once
        return left.link is not None or left.change is not None
    return len(gap) <= 2 and _CHAIN_GAP.issuperset(gap)


def _baseline(word: str | None) -> str | None:
    """Return the baseline a comparison names (去年 for 比去年, 同期 for 同比)."""
    if word is None:
        return None
    if word in _BASELINES:
        return _BASELINES[word]
    for prefix in ("高于", "低于", "比", "较", "与"):
        if word.startswith(prefix):
            word = word[len(prefix) :]
            break
    return word.removesuffix("相比") or None
