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
from bisect import bisect_right
from typing import Final, NamedTuple

import regex

from govplan.claims._figures import Figure, scan_figures
from govplan.claims._modality import Evidence
from govplan.claims._phrase import Left, read_left
from govplan.claims._right import read_right
from govplan.claims._scopes import Clauses, Scopes, Site
from govplan.claims._tokens import words_ending, words_starting
from govplan.claims._units import TIME_UNITS
from govplan.claims._words import NOT_PLACES, Kind
from govplan.model import Claim, Comparison, Heading, Span
from govplan.segments import TextLayer

#: Units that count events: the activity counted may end in a verb (安全检查52次).
EVENT_UNITS: Final = frozenset({"次", "场", "场次", "期", "轮", "届", "批次", "遍", "趟", "人次"})

__all__ = ["Reading", "read_claims"]

#: Units whose figures are changes or shares: a noun after them is not what they count.
_RATES: Final = frozenset({"%", "‰", "百分点", "倍", "成"})
#: What may join the items of one list of figures (分别增长4.4%、5.6%).
_LIST_JOINS: Final = frozenset({"、", "和", "与", "及", "或"})
#: Plan words that may open the next item of a list (5.5%左右、力争6%).
_LIST_CUES: Final = frozenset({"力争", "争取", "确保", "力争达到", "力争实现"})
#: What may stand between a figure and the next clause of its chain.
_CHAIN_GAP: Final = frozenset(",、;")
#: A clause that only says how a figure was counted, which a chain passes over
#: (…，按不变价格计算，增长5.3%; …，扣除价格因素，实际增长5.2%).
_ASIDE_CLAUSE: Final = regex.compile(
    r"[,;]?(?:按|扣除|剔除|以)[^,;。]{1,12}(?:计算|因素|口径|影响)[,;]"
)
#: A share of a base named before a figure (为预算的102.3%, 占全市的77.5%).
_SHARE: Final = regex.compile(r"(?:为|占|是)[^,;。]{0,12}的$")
#: The longest label of a line that gives a value (地区生产总值：612.8亿元).
_LABEL: Final = 16
#: A place name at the start of a subject, and the nouns that look like one.
_PLACE: Final = regex.compile(r"\p{Han}{1,4}?[省市县区州镇乡]")
_NOT_PLACES: Final = frozenset(NOT_PLACES)
_AFTER_DIVISION: Final = frozenset("域场民城村位政府级属直辖内长委情况容貌际")
#: A time between two figures of one indicator (年均增长5.5%左右，到2030年突破3300亿元).
_TIME_GAP: Final = regex.compile(r"[,;]?(?:到|至|在)?(?:19|20)[0-9]{2}年(?:底|末)?(?:前)?")
#: Names of times: a duration after one is what it measures (优良天数73天).
_TIME_MEASURES: Final = ("天数", "时间", "时长", "时限", "工期", "周期", "年限", "期限")
_BASELINES: Final[dict[str, str]] = {"同比": "同期", "环比": "上期"}
#: How far before a figure its words are read: the longest subject with some glue.
_REACH_BACK: Final = 26
#: How far after a figure its words are read: the noun it counts.
_REACH_ON: Final = 16


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
        self.clauses = Clauses(layer.text)
        self.scopes = Scopes(layer, self.clauses, outline, doc_type, title, date)

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
        ends = layer.sentence_ends
        k = bisect_right(ends, fig.number) - 1
        sentence = ends[k] if k >= 0 else 0  # where the sentence of the figure starts
        prev = state.figure if state is not None else None
        lo = prev.end if prev is not None and prev.end > c0 else c0
        # the words before it, as far back as a subject and its glue may reach
        before = words_ending(text, max(lo, fig.start - _REACH_BACK), fig.start)
        left = read_left(text, before, lo, fig.start, event=fig.unit in EVENT_UNITS)
        if state is not None and _listed(text, state, fig, left):
            left = state.left._replace(subject=None, glue_start=fig.start)
            subject, rule = (None, "each") if left.each else (state.subject, "list")
        else:
            if state is not None and _shares_lead(text, state, left):
                left = left._replace(lead=state.left.lead, comparison=state.left.comparison)
            subject, rule = self._subject(fig, left, state, min(c1, nxt))
        if subject is not None and rule in ("before", "label"):
            subject = _without_place(text, subject)
        norm = layer.norm
        span = (
            Span(fig.start, fig.end)
            if norm.offsets is None
            else norm.span_to_original(fig.start, fig.end)
        )
        path, heading = self.scopes.locate(span)
        site = Site(fig.number, fig.start, fig.end, (c0, c1), sentence, path, heading)
        evidence = self.scopes.decide(site)
        claim = Claim(
            text=norm.source[span.start : span.end],
            span=span,
            value=fig.value,
            unit=fig.unit,
            high=fig.high,
            approx=fig.approx,
            bound=fig.bound,
            subject=norm.source_text(*subject) if subject else None,
            modality=evidence.modality if evidence is not None else None,
            comparison=self._comparison(left),
            path=path,
        )
        carry = subject
        if subject is None and state is not None and state.sentence == sentence:
            carry = state.carry if self._passes_on(fig, c0) else None
        return Reading(claim, rule, evidence), _State(fig, subject, left, sentence, carry)

    def _subject(
        self, fig: Figure, left: Left, state: _State | None, hi: int
    ) -> tuple[tuple[int, int] | None, str]:
        """Return the subject span of a figure and the rule that found it."""
        text = self.text
        if fig.unit in TIME_UNITS:  # 重污染天数减少2天, but not 连续3年 or 3年内
            glued = left.change is not None or left.link is not None
            if left.subject is not None and (glued or self._names_time(left.subject)):
                return left.subject, "before"
            if glued and left.subject is None and state is not None and _chained(text, state, left):
                return state.carry, "chain"  # 重污染天数2天，比上年减少3天
            return None, "time"
        if left.each:
            return None, "each"
        rate = fig.unit in _RATES
        right = None
        # a share or a change counts the noun after it only after 的 (15%的学生) or alone
        if not rate or self.text.startswith("的", fig.end) or left.subject is None:
            after = words_starting(self.text, fig.end, min(hi, fig.end + _REACH_ON))
            right = read_right(
                self.text, after, fig.end, hi, rate=rate, event=fig.unit in EVENT_UNITS
            )
        if right is not None and (not rate or (right[0] > fig.end and left.change is None)):
            return right, "after"
        if left.subject is not None:
            return left.subject, "before"
        label = self._label(left.glue_start)
        if label is not None:
            return label, "label"
        changed = left.change is not None or left.baseline is not None or left.link is not None
        if changed and state is not None and _chained(self.text, state, left):
            return state.carry, "chain"
        if right is not None and left.change is None:
            return right, "after"
        return None, "none"

    def _passes_on(self, fig: Figure, c0: int) -> bool:
        """Tell whether a figure with no subject leaves its sentence's indicator in force.

        A duration or a share does (…18.62亿元，为预算的102.3%，增长4.1%).
        """
        if fig.unit in TIME_UNITS:
            return True
        return fig.unit == "%" and _SHARE.search(self.text, c0, fig.start) is not None

    def _label(self, pos: int) -> tuple[int, int] | None:
        """Return the label of a line ``地区生产总值：612.8亿元`` whose value starts at *pos*."""
        text = self.text
        if pos < 2 or text[pos - 1] != ":":
            return None
        line_start, _ = self.layer.line(pos)
        if pos - 1 - line_start > _LABEL:
            return None
        words = words_ending(text, line_start, pos - 1)
        return read_left(text, words, line_start, pos - 1).subject

    def _names_time(self, subject: tuple[int, int]) -> bool:
        """Tell whether a subject names a time (优良天数73天, 审批时间5天)."""
        return self.text.endswith(_TIME_MEASURES, *subject)

    def _comparison(self, left: Left) -> Comparison | None:
        verb = left.change or left.lead
        if left.comparison is None or (verb is None and left.baseline is None):
            return None
        start, end = left.comparison
        if end <= start:
            return None
        norm = self.layer.norm
        span = norm.span_to_original(start, end)
        direction = None
        if verb is not None:
            direction = "up" if verb.kind is Kind.UP else "down"
        return Comparison(
            text=norm.source[span.start : span.end],
            baseline=_baseline(left.baseline),
            direction=direction,
            span=span,
        )


def _listed(text: str, state: _State, fig: Figure, left: Left) -> bool:
    """Tell whether *fig* is the next item of a list begun by the previous figure.

    A plan word may stand before the item (增长5.5%左右、力争6%).
    """
    if left.subject is not None or left.change is not None:
        return False
    if left.glue_start != fig.start and text[left.glue_start : fig.start] not in _LIST_CUES:
        return False
    if state.left.change is None and not state.left.each:
        return False
    return text[state.figure.end : left.glue_start] in _LIST_JOINS


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
    if _ASIDE_CLAUSE.fullmatch(gap) or _TIME_GAP.fullmatch(gap):  # …，按不变价格计算，增长5.3%
        return True
    return len(gap) <= 2 and _CHAIN_GAP.issuperset(gap)


def _without_place(text: str, subject: tuple[int, int]) -> tuple[int, int]:
    """Return *subject* without the place name it opens with (湖滨市外贸进出口总值).

    A place is one to four letters and a division (省, 市, 县, 区, 州, 镇, 乡)
    before at least two more letters, unless the two last letters are a common
    noun (城区, 社区, 城镇, 上市).
    """
    start, end = subject
    m = _PLACE.match(text, start, end)
    if m is None or end - m.end() < 2 or text[m.end() - 2 : m.end()] in _NOT_PLACES:
        return subject
    if text[m.end()] in _AFTER_DIVISION:  # 区域, 县城, 市场: the division is a word's first letter
        return subject
    if m.end() - start >= 3 and text[m.end() - 3 : m.end()] in _NOT_PLACES:
        return subject
    return m.end(), end


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
