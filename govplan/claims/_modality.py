"""Decide whether a figure reports a result or states a target, from evidence in order.

Evidence is looked for at widening scopes, and the first scope that says
something decides.  The order is data, :data:`PRECEDENCE`:

1. ``list``: the figure stands in a list of targets (主要预期目标是：A；B；C。);
2. ``start``: the figure is where a change started (由52%提高到58%, 从1.4亿件增加到
   5.7亿件): a level reached before, so a result, whatever the plan says of the end;
3. ``planned``: the figure's own name says it is planned (计划总投资4.8亿元,
   年度计划投资96.5亿元): a target, whatever the sentence reports;
4. ``clause``: a strong word in the figure's own clause — 力争, 计划, 预计, 拟,
   确保, 到2027年, 明年 for a target; 已, 累计至, 截至, 去年, 以来, 过去 for a
   result — the nearest to the figure first; a year (2024年) or a five-year
   plan (十四五) weighed against the years the document reviews and plans;
   今年 as the document type reads it (a plan's 今年 is planned, a summary's
   is done);
5. ``sentence``: such a word in an earlier clause of the same sentence
   (力争到2027年，…；过去一年，…);
6. ``heading``: the innermost enclosing heading that says (下一步工作计划,
   2025年工作回顾, 三、2026年工作安排);
7. ``section``: the nearest unnumbered section line above (“十四五”时期工作
   回顾, 2026年重点工作);
8. ``forecast``: 预计 or 有望 in the figure's clause or before it in its sentence: a
   forecast is a target, unless a heading or section of review said otherwise above;
9. ``preceding``: the nearest such word in an earlier sentence of the same
   section (2024年，全省地区生产总值增长5.6%。分产业看，第一产业…) — what a
   news item without headings reads by;
10. ``document``: the document type — a 工作要点 plans, a 工作总结 reports, and
   a 政府工作报告 or 总结和计划 reports up to its first planning part and plans
   after it;
11. ``statistic``: 同比 or 环比 in the figure's clause, which compare a period
   that is over with the one before;
12. ``voice``: the document's voice (了/已 against 将/要/力争);
13. ``weak``: weak words of the clause or sentence (要, 将, 了, 完成).

A baseline (比去年, 同比) is no evidence: 比去年提高 is a change, not a report
of last year.

>>> from govplan.model import Modality
>>> PRECEDENCE[:3]
('list', 'start', 'planned')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Final, NamedTuple

import regex

from govplan.claims._scope import Years, period_modality, year_modality
from govplan.claims._tokens import Token
from govplan.claims._words import FREQUENT_LETTERS, WORDS, Kind
from govplan.model import Modality

__all__ = [
    "FORECASTS",
    "PRECEDENCE",
    "Cues",
    "Evidence",
    "clause_cues",
    "cue_positions",
    "is_name",
    "weak_evidence",
]

#: The scopes of evidence, strongest first.
PRECEDENCE: Final = (
    "list", "start", "planned", "clause", "sentence", "heading", "section", "forecast", "preceding",
    "document", "statistic", "voice", "weak",
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
#: Words of the present state, which is a result (目前，全县共有幼儿园56所) unless a
#: change starts from it (由目前的45%提高到65%).
_PRESENT: Final = frozenset({"目前", "当前"})
#: Present words that say so only as a frame (当前，…; not 当前和今后一个时期).
_PRESENT_FRAMES: Final = frozenset({"当前"})
#: Modal words that make the verb after them planned (将新建, 要突破).
_MODALS: Final = frozenset({"将", "要"})
_FROM: Final = frozenset("由从较比与")
#: Forecasts (预计年产值超过300亿元): targets, unless the part of the document they stand
#: in reviews a year (预计全年实现地区生产总值326.8亿元, said as the year ends).
FORECASTS: Final = frozenset({"预计", "预期", "有望", "可望", "预计全年", "全年预计"})
# After a cue word, these make it a noun that ends a name (支持计划，).
_NAME_END: Final = frozenset(",;:。!?”’」》)、")
# Plan words that are nouns too: before a mark they name a programme (支持计划，).
_PLAN_NOUNS: Final = frozenset({"计划", "规划", "目标", "预期", "打算"})
# Periods that frame what follows as over only when a comma follows them: 上半年，全区…
# (but 上半年完成年度投资计划的55% is a deadline).
_PERIOD_FRAMES: Final = frozenset({"上半年", "一季度", "前三季度"})
_CLAUSE_STARTS: Final = frozenset(",，。;；:：\n年")
# Words after 将 that make it the future (将开发, 将提高到, 将增长).
# 将在, 将于, 将把 too: a preposition after 将 is no object of it.
_VERBS_OF_PLANS: Final = frozenset(
    {Kind.VERB, Kind.LINK, Kind.UP, Kind.DOWN, Kind.NOUN_VERB, Kind.PREP}
)
#: Plan words that count after the figure too (学校48所拟撤并, 3万人力争…).
_AFTER: Final = frozenset({"拟", "力争", "计划"})
# 到2027年, 2025年, 十四五: times in a clause, read against the document's years.
_TIME: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![比较与截])(?P<to>到|至)?(?P<year>(?:19|20)[0-9]{2})年(?!同期|相比)"
    r"|(?<![一二三四五六七八九十百千万零〇两之])(?P<plan>十[一二三四五六七八九])五"  # 十四五
    r"(?:时期|期间|规划|以来)?"
    r"|(?<![到至较比])(?P<months>[0-9]{1,2}[—~-][0-9]{1,2})月(?:份)?(?![底末]?前)"  # 1—11月: so far
    r"|(?<![0-9到至较比—~-])(?P<month>[0-9]{1,2})月份(?=[,，])"  # 3月份，全市…: a month's figures
    r"|(?<![0-9到至—~-])(?P<day>[0-9]{1,2}月[0-9]{1,2}日)(?=[,，])"  # 3月27日，…: an event reported
)


class Cues(NamedTuple):
    """The strong evidence of one clause: where each cue stands, what it says, in order.

    ``plans`` holds the plan words that count after a figure too (拟, 力争, 计划).
    """

    starts: list[int]
    found: list[Evidence]
    plans: list[int]

    def before(self, pos: int) -> Evidence | None:
        """Return the evidence of the cue nearest before *pos*, if any.

        >>> from govplan.claims._tokens import tokenize
        >>> text = "去年新建学校5所,今年新建8所"
        >>> cues = clause_cues(text, tokenize(text), 0, len(text), years=Years(None, None),
        ...                    now=Modality.TARGET)
        >>> cues.before(text.index("8")).cue, cues.before(text.index("5")).cue
        ('今年', '去年')
        """
        i = bisect_right(self.starts, pos - 1) - 1
        return self.found[i] if i >= 0 else None

    def after(self, pos: int) -> Evidence | None:
        """Return TARGET for a plan word at or after *pos* (学校48所拟撤并), if any."""
        i = bisect_left(self.plans, pos)
        if i < len(self.plans):
            return Evidence("clause", Modality.TARGET, "")
        return None


def clause_cues(
    text: str,
    tokens: list[Token],
    lo: int,
    hi: int,
    *,
    years: Years,
    now: Modality | None,
    masked: Callable[[int], bool] = lambda _pos: False,
) -> Cues:
    """Return the strong evidence of the clause ``text[lo:hi]``, cue by cue, in order.

    Strong words of the lexicon; 今年, as *now* says; years and plan periods
    against *years*.  A word inside a quotation (*masked*) or right before a
    mark is a name, not a cue (实施“网链共享计划”, 支持计划，).
    """
    hits: list[tuple[int, Evidence]] = []
    plans: list[int] = []
    for k, token in enumerate(tokens):
        if token.start < lo or token.end > hi or is_name(text, token, masked):
            continue
        mod = _word_modality(text, tokens, k, now)
        if mod is not None:
            hits.append((token.start, Evidence("clause", mod, token.word)))
        if token.word in _AFTER or (token.word in _MODALS and mod is not None):
            plans.append(token.start)  # 学校48所拟撤并, 剩余4座将于汛前完成
    if text.find("年", lo, hi) != -1 or text.find("五", lo, hi) != -1 or "月" in text[lo:hi]:
        for m in _TIME.finditer(text, lo, hi):
            mod = _time_modality(m, years)
            if mod is not None:
                hits.append((m.start(), Evidence("clause", mod, m.group())))
        hits.sort(key=lambda hit: hit[0])
    return Cues([at for at, _ in hits], [e for _, e in hits], plans)


def _word_modality(text: str, tokens: list[Token], k: int, now: Modality | None) -> Modality | None:
    """Return what the word ``tokens[k]`` of a clause says, if it is strong evidence."""
    token = tokens[k]
    word, start = token.word, token.start
    before = text[start - 1] if start else ""
    if word in _MODALS:  # 将开发, 要突破: the future; 将X纳入 is a preposition
        return Modality.TARGET if _verb_follows(tokens, k) else None
    if word in _PRESENT:  # 目前，当前，: the state reached (not 由目前的45%)
        if before in _FROM or (word in _PRESENT_FRAMES and not _frames(text, token)):
            return None
        return Modality.ACHIEVED
    if word == "日前" and before.isdigit():
        return Modality.TARGET  # 6月30日前: a deadline, not "recently"
    if word in _PERIOD_FRAMES and not _frames(text, token):
        return None
    mod = _STRONG.get(token.kind)
    if mod is None and word in NOW_WORDS:
        return now
    return mod


def _rarest(word: str) -> int:
    """Return the index of the rarest letter of *word* (one not in FREQUENT_LETTERS first)."""
    ranks = [
        FREQUENT_LETTERS.find(c) if c in FREQUENT_LETTERS else len(FREQUENT_LETTERS) for c in word
    ]
    return ranks.index(max(ranks))


def _anchors() -> dict[str, tuple[tuple[str, int], ...]]:
    """Index the strong words by their rarest letter: letter → (word, offset of the letter)."""
    table: dict[str, list[tuple[str, int]]] = {}
    for word, kind in WORDS.items():
        if kind in _STRONG or word in NOW_WORDS or word in _PRESENT or word in _MODALS:
            k = _rarest(word)
            table.setdefault(word[k], []).append((word, k))
    return {letter: tuple(entries) for letter, entries in table.items()}


# The strong words, looked for by their rarest letter: few finds, few false starts.
_ANCHORS: Final = _anchors()
_PLAN_NUMERALS: Final = frozenset("一二三四五六七八九十")


def cue_positions(text: str) -> list[int]:
    """Return, sorted, where a strong word, a year or a plan period may start in *text*.

    A quick index for the wider scopes: a clause with no position here holds
    no strong evidence, and is not cut into words to find out.

    >>> cue_positions("去年新建3所,计划新建5所,2025年")
    [0, 7, 14]
    """
    found: set[int] = set()
    for letter, entries in _ANCHORS.items():
        i = text.find(letter)
        while i != -1:
            for word, offset in entries:
                if i >= offset and text.startswith(word, i - offset):
                    found.add(i - offset)
            i = text.find(letter, i + 1)
    i = text.find("年")
    while i != -1:  # 2025年, 到2027年
        if i >= 4 and text[i - 1].isdigit():
            m = _TIME.search(text, max(0, i - 5), i + 1)
            if m is not None:
                found.add(m.start())
        i = text.find("年", i + 1)
    i = text.find("月")
    while i != -1:  # 1—11月
        if i >= 1 and text[i - 1].isdigit():
            m = _TIME.search(text, max(0, i - 6), i + 6)
            if m is not None and (m.group("months") or m.group("month") or m.group("day")):
                found.add(m.start())
        i = text.find("月", i + 1)
    i = text.find("五")
    while i != -1:  # 十四五, 十五五
        if i and text[i - 1] in _PLAN_NUMERALS:
            found.add(i - 2 if i >= 2 and text[i - 2] in _PLAN_NUMERALS else i - 1)
        i = text.find("五", i + 1)
    return sorted(found)


def _frames(text: str, token: Token) -> bool:
    """Tell whether a period (上半年) opens its clause or is set off by a comma: a frame."""
    before = text[token.start - 1] if token.start else "\n"
    return text.startswith((",", "，"), token.end) or before in _CLAUSE_STARTS


def _verb_follows(tokens: list[Token], k: int) -> bool:
    """Tell whether a verb follows ``tokens[k]`` at once, or after adverbs (将进一步提高)."""
    end = tokens[k].end
    for nxt in tokens[k + 1 : k + 4]:
        if nxt.start != end:
            return False
        if nxt.kind in _VERBS_OF_PLANS:
            return True
        if nxt.kind is not Kind.ADVERB:
            return False
        end = nxt.end
    return False


def is_name(text: str, token: Token, masked: Callable[[int], bool]) -> bool:
    """Tell whether a cue word is part of a name: quoted, or a plan word closing its clause.

    实施“网链共享计划”, 岗位挖潜扩容支持计划，: the plan is a programme.  去年， is
    still last year.
    """
    if masked(token.start):
        return True
    return token.word in _PLAN_NOUNS and token.end < len(text) and text[token.end] in _NAME_END


def _time_modality(m: regex.Match[str], years: Years) -> Modality | None:
    if m.group("plan"):
        return period_modality(m.group("plan"), years)
    if m.group("months") or m.group("month") or m.group("day"):
        return Modality.ACHIEVED  # 1—11月，全区…: the statistics of months that are over
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
