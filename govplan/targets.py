"""Match a plan's targets with the outcomes the next report states.

:func:`match_targets` takes the document that set the targets (a year's work
report or plan) and the one that reviews that period (the next year's report)
and returns one :class:`TargetMatch` for every target of the plan that names
its indicator.  It reads only the claims' fields (``subject``, ``modality``,
``comparison.direction``, ``value``, ``high``, ``unit``, ``approx``, ``bound``)
and a short stretch of text before each figure.  The rules:

**Targets.** Every claim of the plan with modality ``target`` and a subject.

**Outcomes.** A claim of the report with modality ``achieved`` (never one of
the report's own new targets) that is one year's figure: not after 年均,
平均每年, a quarter, a half year or months in its clause, and not in a
multi-year frame: an opener at the start of a clause (过去五年, 五年来,
“十三五”时期, 2018—2022年) holds to the end of its paragraph unless a
one-year opener (去年, 过去一年, 全年, 2023年) follows it.

**Same indicator.** The subjects are compared as written first; failing
that, by a key: scope and time words stripped from the front (全国, 全省,
全市, 全县, 全社会, 全年, 年末…), verbs of change and linking words from the
end (增长, 上涨, 平均为, 控制在, 涨幅, 增速, 总额…), 总水平, 人数, 常住, 指数
from inside,
and a short table of synonyms (国内生产总值/地区生产总值/GDP → 生产总值,
物价 → 居民消费价格, 总产量 → 产量, 规上 → 规模以上…).  An exact name wins
over a normalised one.

**Same kind.** A change (a comparison with a direction, or a name ending in
涨幅/增速/增幅) matches a change; a level (no change, or 提高到/降到 a value)
matches a level.  A change in the same direction is preferred; one in the
opposite direction is taken when there is none, counted negative
(居民消费价格下降0.3% against a 涨幅 target is -0.3).

**Convertible unit.** Units are equal, or both in one table of sizes
(斤/公斤/吨, 亩/公顷/平方米, 米/公里, 人/名, 度/千瓦时…); magnitudes (万, 亿)
are already folded into the value.  % never matches 百分点 or 元.

Among the outcomes left, the first in the report wins; when none is left the
outcome is ``None``, never the nearest number.

**Status.** A decrease target (能耗降低2.5%) is met when the stated decrease
reaches it.  Otherwise a target bounded 以上/不低于 is a floor, one bounded
以内/以下 a ceiling; a target of a cap indicator (失业率, 涨幅, 居民消费价格,
赤字率…) or after 控制在 is a ceiling; a growth target (增长, 提高) or one after
新增/新建/达到/突破/力争… is a floor.  A floor is met when the outcome reaches the
target (a range's low end), a ceiling when the outcome stays under it (a
range's high end).  A 左右 or 约 target has a tolerance of 2% of its value
(5%左右 is met at 4.9%, a 3%左右 ceiling at 3.06%).  Any other target (a
plain level: 粮食产量保持在1.3万亿斤) gets status ``None``.  The tables
behind these rules are in :mod:`govplan._indicators`; docs/targets.md lists them.

>>> indicator_key("城镇新增就业人数") == indicator_key("城镇新增就业")
True
>>> indicator_key("粮食总产量") == indicator_key("全年粮食产量")
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Literal

import attrs

from govplan import _indicators as ind
from govplan.model import Bound, Claim, Document, Modality, Number
from govplan.normalize import fold_width, has_traditional, to_simplified

__all__ = ["TargetMatch", "TargetStatus", "indicator_key", "match_targets"]

#: Whether a target was reached; None where the status rule does not apply.
TargetStatus = Literal["met", "missed"]

_CLAUSE_ENDS = "，,；;：:。！？!?\n"
_PARAGRAPH_ENDS = "\n"
_LEAD_MAX = 40
_PARAGRAPH_MAX = 1500


@attrs.frozen(kw_only=True)
class TargetMatch:
    """One target of a plan with the outcome a later report states for it.

    ``indicator`` is the target's indicator as the plan names it; ``value`` is
    the outcome in the target's unit, negative for a change against the
    target's direction; ``reason`` says how the pair was made.

    >>> from govplan.model import Span
    >>> t = Claim(text="5%左右", span=Span(6, 10), value=5, unit="%", approx="左右",
    ...           subject="国内生产总值")
    >>> TargetMatch(target=t, outcome=None, indicator="国内生产总值", status=None,
    ...             reason="the report states no figure of 国内生产总值").status is None
    True
    """

    target: Claim
    outcome: Claim | None
    indicator: str
    status: TargetStatus | None
    reason: str
    value: Number | None = None


@attrs.frozen
class _Figure:
    """A claim read for matching: its name, key, kind, the clause before it, its period."""

    claim: Claim
    name: str
    key: str
    change: str | None
    lead: str
    one_year: bool


def match_targets(plan: Document, report: Document) -> tuple[TargetMatch, ...]:
    """Return one :class:`TargetMatch` for each target of *plan* with an indicator.

    *report* is the document that reviews the planned period.

    >>> from govplan.model import Comparison, Modality, Span
    >>> def doc(text, figure, value, modality):
    ...     at = text.index(figure)
    ...     claim = Claim(text=figure, span=Span(at, at + len(figure)), value=value,
    ...                   unit="%", subject="国内生产总值", modality=modality,
    ...                   approx="左右" if "左右" in figure else None,
    ...                   comparison=Comparison(text="增长", baseline=None,
    ...                                         direction="up", span=Span(at - 2, at)))
    ...     return Document(text=text, claims=(claim,))
    >>> plan = doc("国内生产总值增长5%左右", "5%左右", 5, Modality.TARGET)
    >>> report = doc("国内生产总值增长3%", "3%", 3, Modality.ACHIEVED)
    >>> (match,) = match_targets(plan, report)
    >>> match.outcome.text, match.status
    ('3%', 'missed')
    >>> print(match.reason)
    same indicator 国内生产总值; change up; at least 5% (左右: 4.9%): 3% → missed
    >>> match_targets(plan, "text")
    Traceback (most recent call last):
    ...
    TypeError: report must be a govplan Document, not str
    """
    for name, doc in (("plan", plan), ("report", report)):
        if not isinstance(doc, Document):
            raise TypeError(f"{name} must be a govplan Document, not {type(doc).__name__}")
    achieved = tuple(
        _read(report, claim)
        for claim in report.claims
        if claim.modality is Modality.ACHIEVED and claim.subject
    )
    return tuple(
        _match(_read(plan, claim), achieved)
        for claim in plan.claims
        if claim.modality is Modality.TARGET and claim.subject
    )


def indicator_key(name: str) -> str:
    """Return the key under which two names of one indicator compare equal.

    >>> indicator_key("居民消费价格总水平涨幅"), indicator_key("居民消费价格上涨")
    ('居民消费价格', '居民消费价格')
    >>> indicator_key("城镇新增就业人数"), indicator_key("城镇调查失业率平均为")
    ('城镇新增就业', '城镇调查失业率')
    >>> indicator_key("全省地区生产总值"), indicator_key("单位GDP能耗")
    ('生产总值', '单位生产总值能耗')
    """
    key = fold_width(name).strip().upper()
    key = _strip_ends(key)
    for word in ind.INNER_WORDS:
        key = key.replace(word, "")
    for word, replacement in _synonyms():
        key = key.replace(word, replacement)
    key = _strip_ends(key)
    return ind.WHOLE_SYNONYMS.get(key, key) or name


@functools.cache
def _synonyms() -> tuple[tuple[str, str], ...]:
    """Return the synonym table, longest piece first, upper-cased as keys are."""
    pieces = sorted(ind.SYNONYMS, key=len, reverse=True)
    return tuple((piece.upper(), ind.SYNONYMS[piece]) for piece in pieces)


@functools.cache
def _tails() -> tuple[str, ...]:
    """Return the words stripped from the end of a name, longest first."""
    words = ind.TRAILING_WORDS + ind.CHANGE_SUFFIXES + ind.DOWN_NAME_SUFFIXES
    return tuple(sorted(words, key=len, reverse=True))


def _strip_ends(key: str) -> str:
    tails = _tails()
    changed = True
    while changed and key:
        changed = False
        for head in ind.LEADING_WORDS:
            if key.startswith(head) and len(key) > len(head):
                key, changed = key[len(head) :], True
        for tail in tails:
            if key.endswith(tail) and len(key) > len(tail):
                key, changed = key[: -len(tail)], True
                break
    return key


# --- reading a claim --------------------------------------------------------------


def _read(doc: Document, claim: Claim) -> _Figure:
    name = (claim.subject or "").strip()
    lead = _before(doc.text, claim.span.start, _CLAUSE_ENDS, _LEAD_MAX)
    change = _change(claim, name, lead)
    one_year = _one_year(doc, claim, name, lead)
    return _Figure(claim, name, indicator_key(name), change, lead, one_year)


def _before(text: str, start: int, ends: str, limit: int) -> str:
    """Return the text before *start* back to the nearest of *ends*, simplified."""
    begin = max(0, start - limit)
    window = text[begin:start]
    cut = max(window.rfind(end) for end in ends)
    lead = fold_width(window[cut + 1 :])
    return to_simplified(lead) if has_traditional(lead) else lead


def _change(claim: Claim, name: str, lead: str) -> str | None:
    """Return "up" or "down" for a change, None for a level (提高到 93.5% is a level)."""
    comparison = claim.comparison
    if comparison is not None and comparison.direction in ("up", "down"):
        if lead.endswith(("到", "至")) or comparison.text.endswith(("到", "至")):
            return None
        return comparison.direction
    if name.endswith(ind.CHANGE_SUFFIXES):
        return "up"
    if name.endswith(ind.DOWN_NAME_SUFFIXES):
        return "down"
    return None


def _one_year(doc: Document, claim: Claim, name: str, lead: str) -> bool:
    """Return whether *claim* states one year's value, not an average or a part."""
    if ind.NOT_ONE_YEAR.search(lead) or "年均" in name:
        return False
    paragraph = _before(doc.text, claim.span.start, _PARAGRAPH_ENDS, _PARAGRAPH_MAX)
    last_multi = max((m.end() for m in ind.MULTI_YEAR.finditer(paragraph)), default=-1)
    last_one = max((m.end() for m in ind.ONE_YEAR.finditer(paragraph)), default=-1)
    return last_multi < 0 or last_one > last_multi


# --- pairing ----------------------------------------------------------------------


def _match(target: _Figure, achieved: tuple[_Figure, ...]) -> TargetMatch:
    named = [o for o in achieved if o.name == target.name or o.key == target.key]
    ranked = sorted(_fitting(target, named), key=lambda item: item[0])
    if not ranked:
        return TargetMatch(
            target=target.claim,
            outcome=None,
            indicator=target.name,
            status=None,
            reason=_why_none(target, named),
        )
    _, outcome, scale = ranked[0]
    value = Fraction(outcome.claim.value) * scale
    high = Fraction(outcome.claim.high) * scale if outcome.claim.high is not None else value
    unit = target.claim.unit
    notes = [_names(target, outcome), _kind(target)]
    if scale != 1:
        notes.append(f"{outcome.claim.text} = {_show(value)}{unit}")
    if target.change is not None and outcome.change != target.change:
        value, high = -high, -value
        notes.append(f"{outcome.claim.text} the other way counted as {_show(value)}{unit}")
    status, rule = _status(target, value, high)
    notes.append(rule)
    return TargetMatch(
        target=target.claim,
        outcome=outcome.claim,
        indicator=target.name,
        status=status,
        reason="; ".join(notes),
        value=_number(value),
    )


def _fitting(
    target: _Figure, named: list[_Figure]
) -> Iterator[tuple[tuple[int, int, int], _Figure, Fraction]]:
    for index, outcome in enumerate(named):
        if (target.change is None) != (outcome.change is None):
            continue
        scale = _scale(target.claim.unit, outcome.claim.unit)
        if scale is None or not outcome.one_year:
            continue
        rank = (
            0 if outcome.name == target.name else 1,
            0 if outcome.change == target.change else 1,
            index,
        )
        yield rank, outcome, scale


def _scale(target_unit: str, outcome_unit: str) -> Fraction | None:
    """Return what one *outcome_unit* is in *target_unit*, or None if they do not convert."""
    if target_unit == outcome_unit:
        return Fraction(1)
    want = ind.UNIT_SCALES.get(target_unit)
    have = ind.UNIT_SCALES.get(outcome_unit)
    if want is None or have is None or want[0] != have[0]:
        return None
    return have[1] / want[1]


def _why_none(target: _Figure, named: list[_Figure]) -> str:
    if not named:
        return f"the report states no achieved figure of {target.name}"
    kind = _kind(target)
    for outcome in named:
        text = outcome.claim.text
        if (target.change is None) != (outcome.change is None):
            other = "a level" if outcome.change is None else "a change"
            return f"{target.name}: the report gives {text}, {other}, not a {kind}"
        if _scale(target.claim.unit, outcome.claim.unit) is None:
            unit = outcome.claim.unit or "no unit"
            return f"{target.name}: the report's {text} is in {unit}, not {target.claim.unit}"
    first = named[0].claim.text
    return f"{target.name}: the report gives only figures that are not one year's ({first})"


def _names(target: _Figure, outcome: _Figure) -> str:
    if outcome.name == target.name:
        return f"same indicator {target.name}"
    return f"{target.name} ≈ {outcome.name} (both {target.key})"


def _kind(figure: _Figure) -> str:
    return "level" if figure.change is None else f"change {figure.change}"


# --- status -----------------------------------------------------------------------


def _sense(target: _Figure) -> str | None:
    """Return "down" (a decrease to reach), "min" (a floor), "max" (a ceiling) or None."""
    claim = target.claim
    if target.change == "down":
        return "down"
    if claim.bound is Bound.MIN:
        return "min"
    if claim.bound is Bound.MAX:
        return "max"
    if any(word in target.name for word in ind.CAP_NAMES) or any(
        cue in target.lead for cue in ind.CAP_CUES
    ):
        return "max"
    if target.change == "up" or any(cue in target.lead for cue in ind.AT_LEAST_CUES):
        return "min"
    if "新增" in target.name:
        return "min"
    return None


def _status(target: _Figure, value: Fraction, high: Fraction) -> tuple[TargetStatus | None, str]:
    sense = _sense(target)
    claim = target.claim
    if sense is None:
        return None, "no status rule for a plain level"
    floor = sense in ("min", "down")
    limit = Fraction(claim.value) if floor or claim.high is None else Fraction(claim.high)
    slack = abs(limit) * ind.TOLERANCE if claim.approx in ind.TOLERANT_APPROX else Fraction(0)
    edge = limit - slack if floor else limit + slack
    word = {"min": "at least", "down": "a decrease of at least", "max": "at most"}[sense]
    unit = claim.unit
    rule = f"{word} {_show(limit)}{unit}"
    if slack:
        rule += f" ({claim.approx}: {_show(edge)}{unit})"
    got = value if floor else high
    met = got >= edge if floor else got <= edge
    status: TargetStatus = "met" if met else "missed"
    return status, f"{rule}: {_show(got)}{unit} → {status}"


def _number(value: Fraction) -> Number:
    if value.denominator == 1:
        return int(value)
    with localcontext() as context:
        context.prec = 12
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    if exact == exact.to_integral_value():
        return int(exact)
    return exact.normalize()


def _show(value: Fraction) -> str:
    """Return *value* for a reason, with 万 or 亿 when it is large: 12060000 → 1206万."""
    for size, word in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if abs(value) >= size:
            return _plain(round(value / size, 4)) + word
    return _plain(round(value, 4))


def _plain(value: Fraction) -> str:
    number = _number(value)
    return str(number) if isinstance(number, int) else format(number, "f")
