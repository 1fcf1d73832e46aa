"""Decide whether a figure reports a result or states a target, from evidence in order.

Evidence is looked for at widening scopes, and the first scope that says
something decides.  The order is data, :data:`PRECEDENCE`:

1. ``list``: the figure stands in a list of targets (主要预期目标是：A；B；C。);
2. ``clause``: a strong word in the figure's own clause — 力争, 计划, 预计, 拟,
   确保, 到2027年, 明年 for a target; 已, 累计至, 截至, 去年, 以来, 过去 for a
   result — the nearest to the figure first; a year (2024年) or a five-year
   plan (十四五) weighed against the years the document reviews and plans;
   今年 as the document type reads it (a plan's 今年 is planned, a summary's
   is done);
3. ``sentence``: such a word in an earlier clause of the same sentence
   (力争到2027年，…；过去一年，…);
4. ``heading``: the innermost enclosing heading that says (下一步工作计划,
   2025年工作回顾, 三、2026年工作安排);
5. ``section``: the nearest unnumbered section line above (“十四五”时期工作
   回顾, 2026年重点工作);
6. ``preceding``: the nearest such word in an earlier sentence of the same
   section (2024年，全省地区生产总值增长5.6%。分产业看，第一产业…) — what a
   news item without headings reads by;
7. ``document``: the document type — a 工作要点 plans, a 工作总结 reports, and
   a 政府工作报告 or 总结和计划 reports up to its first planning part and plans
   after it;
8. ``voice``: the document's voice (了/已 against 将/要/力争);
9. ``weak``: weak words of the clause or sentence (要, 将, 了, 完成, and 同比,
   which reports statistics of a period that is over).

A baseline (比去年, 同比) is no evidence: 比去年提高 is a change, not a report
of last year.

>>> from govplan.model import Modality
>>> PRECEDENCE[:3]
('list', 'clause', 'sentence')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

import regex

from govplan.claims._scope import Years, period_modality, year_modality
from govplan.claims._tokens import Token
from govplan.claims._words import Kind
from govplan.model import Modality

__all__ = ["PRECEDENCE", "Evidence", "clause_evidence", "doc_default", "voice", "weak_evidence"]

#: The scopes of evidence, strongest first.
PRECEDENCE: Final = (
    "list", "clause", "sentence", "heading", "section", "preceding", "document", "voice", "weak",
)  # fmt: skip


class Evidence(NamedTuple):
    """What decided a figure's modality: the scope, the modality and the word or title."""

    scope: str
    modality: Modality
    cue: str


_STRONG: Final[dict[Kind, Modality]] = {
    Kind.TARGET: Modality.TARGET,
    Kind.ACHIEVED: Modality.ACHIEVED,
}
_WEAK: Final[dict[Kind, Modality]] = {
    Kind.WEAK_TARGET: Modality.TARGET,
    Kind.WEAK_ACHIEVED: Modality.ACHIEVED,
}
#: Baselines of statistics, which report a period that is over (同比增长5%).
_YEAR_ON_YEAR: Final = frozenset({"同比", "环比"})
#: Words that name the present year: planned in a plan, done in a summary.
NOW_WORDS: Final = frozenset({"今年", "本年", "本年度"})
# After a cue word, these make it a noun that ends a name (支持计划，).
_NAME_END: Final = frozenset(",;:。!?”’」》)、")
#: Plan words that count after the figure too (学校48所拟撤并, 3万人力争…).
_AFTER: Final = frozenset({"拟", "力争", "计划"})
# 到2027年, 2025年, 十四五: times in a clause, read against the document's years.
_TIME: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![比较与])(?P<to>到|至)?(?P<year>(?:19|20)[0-9]{2})年(?!同期|相比)"
    r"|(?P<plan>[一二三四五六七八九十]{1,3})五(?:时期|期间|规划|以来)?"
)


def clause_evidence(
    text: str,
    tokens: list[Token],
    lo: int,
    hi: int,
    *,
    years: Years,
    now: Modality | None,
    after: int | None = None,
    masked: Callable[[int], bool] = lambda _pos: False,
) -> Evidence | None:
    """Return the strong evidence in ``text[lo:hi]``, the word nearest to *hi* first.

    With *after*, plan words between *after* and the clause end count too
    (学校48所拟撤并).  *now* is what 今年 means in this document.  A word
    inside a quotation (*masked*) or right before a mark is a name, not a cue
    (实施“网链共享计划”, 支持计划，).

    >>> from govplan.claims._tokens import tokenize
    >>> text = "去年新建学校5所,今年新建8所"
    >>> clause_evidence(text, tokenize(text), 9, 14, years=Years(None, None), now=Modality.TARGET)
    Evidence(scope='clause', modality=<Modality.TARGET: 'target'>, cue='今年')
    """
    best: tuple[int, Evidence] | None = None
    for token in tokens:
        if token.start < lo or token.end > hi or _is_name(text, token, masked):
            continue
        mod = _STRONG.get(token.kind)
        if mod is None and token.word in NOW_WORDS:
            mod = now
        if mod is not None:
            best = (token.start, Evidence("clause", mod, token.word))
    for m in _TIME.finditer(text, lo, hi):
        mod = _time_modality(m, years)
        if mod is not None and (best is None or m.start() > best[0]):
            best = (m.start(), Evidence("clause", mod, m.group()))
    if best is not None:
        return best[1]
    if after is not None:
        for token in tokens:
            if token.start >= after and token.word in _AFTER and not _is_name(text, token, masked):
                return Evidence("clause", Modality.TARGET, token.word)
    return None


def _is_name(text: str, token: Token, masked: Callable[[int], bool]) -> bool:
    """Tell whether a cue word is part of a name: quoted, or closing its clause (…计划，)."""
    return masked(token.start) or (token.end < len(text) and text[token.end] in _NAME_END)


def _time_modality(m: regex.Match[str], years: Years) -> Modality | None:
    if m.group("plan"):
        return period_modality(m.group("plan"), years)
    year = int(m.group("year"))
    mod = year_modality(year, years)
    if m.group("to") and mod is None and (years.review is None or year > years.review):
        return Modality.TARGET  # 到2027年: a deadline, so planned (unless the year is past)
    return mod


def weak_evidence(tokens: list[Token], lo: int, hi: int) -> Evidence | None:
    """Return what the weak word nearest before *hi* in ``[lo, hi)`` says (要, 了), if any.

    >>> from govplan.claims._tokens import tokenize
    >>> weak_evidence(tokenize("要新建学校5所"), 0, 5)
    Evidence(scope='weak', modality=<Modality.TARGET: 'target'>, cue='要')
    """
    found: Evidence | None = None
    for token in tokens:
        if lo <= token.start and token.end <= hi:
            mod = _WEAK.get(token.kind)
            if mod is None and token.word in _YEAR_ON_YEAR:
                mod = Modality.ACHIEVED  # 同比增长: statistics of a past period
            if mod is not None:
                found = Evidence("weak", mod, token.word)
    return found


#: Document types whose figures are targets unless something says otherwise.
PLAN_TYPES: Final = (
    "工作要点", "工作计划", "实施方案", "工作方案", "行动方案", "行动计划", "规划", "方案",
    "计划", "意见", "要点", "安排", "思路",
)  # fmt: skip
#: Document types whose figures are results unless something says otherwise.
SUMMARY_TYPES: Final = (
    "工作总结", "总结", "述职报告", "自查报告", "情况报告", "情况汇报", "汇报",
)  # fmt: skip
#: Document types that report first and plan after (a report's second half).
TWO_PART_TYPES: Final = ("总结和计划", "政府工作报告", "工作报告")


def doc_default(doc_type: str | None) -> Modality | None:
    """Return the modality a document type sets for all its figures, if one.

    >>> doc_default("工作要点"), doc_default("工作总结"), doc_default("总结和计划")
    (<Modality.TARGET: 'target'>, <Modality.ACHIEVED: 'achieved'>, None)
    """
    if not doc_type or any(w in doc_type for w in TWO_PART_TYPES):
        return None
    if any(w in doc_type for w in SUMMARY_TYPES) and "计划" not in doc_type:
        return Modality.ACHIEVED
    if any(w in doc_type for w in PLAN_TYPES) and "总结" not in doc_type:
        return Modality.TARGET
    return None


def now_modality(doc_type: str | None) -> Modality | None:
    """Return what 今年 means in a document of *doc_type*.

    >>> now_modality("政府工作报告"), now_modality("工作总结"), now_modality(None)
    (<Modality.TARGET: 'target'>, <Modality.ACHIEVED: 'achieved'>, None)
    """
    if not doc_type:
        return None
    if "报告" in doc_type and "工作报告" in doc_type:
        return Modality.TARGET
    return doc_default(doc_type)


_VOICE_ACHIEVED: Final = frozenset({"了", "已", "累计", "以来", "先后", "年来"})
_VOICE_TARGET: Final = frozenset({"将", "力争", "确保", "拟", "计划", "要"})


def voice(
    text: str, tokens: list[Token], masked: Callable[[int], bool] = lambda _pos: False
) -> Modality | None:
    """Return the voice of a whole text from its words: reports say 了/已, plans 将/要.

    >>> from govplan.claims._tokens import tokenize
    >>> text = "建成了3所,改造了5项,新增了8个。"
    >>> voice(text, tokenize(text))
    <Modality.ACHIEVED: 'achieved'>
    """
    words = [t.word for t in tokens if not _is_name(text, t, masked)]
    achieved = sum(w in _VOICE_ACHIEVED for w in words)
    target = sum(w in _VOICE_TARGET for w in words)
    if achieved >= 3 and achieved > 2 * target:
        return Modality.ACHIEVED
    if target >= 3 and target > 2 * achieved:
        return Modality.TARGET
    return None
