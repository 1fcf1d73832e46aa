"""What a document's structure says about its figures: years, parts, headings, lists.

A figure's modality is decided from evidence at several scopes (see
:mod:`govplan.claims._modality`).  This module reads the scopes wider than a
sentence, once per document:

- the **years** a document reviews and plans (:func:`doc_years`): a
  2026年政府工作报告 reviews 2025 and plans 2026; a 2024年工作总结和2025年工作计划
  reviews 2024 and plans 2025;
- what a **heading** or an unnumbered **section line** says
  (:func:`heading_modality`): 工作回顾, 主要成绩, 2025年… of a 2026 report →
  achieved; 工作安排, 目标任务, 主要考虑, “十五五”… → target;
- the **lists of targets** (:func:`target_lists`): 主要预期目标是：A；B；C。
  makes every figure up to the end of the sentence a target, and a list
  introduced by a colon at the end of a line runs on over the numbered
  lines that follow.

>>> years = doc_years("2026年四川省人民政府工作报告", "政府工作报告")
>>> years
Years(review=2025, plan=2026)
>>> heading_modality("一、2025年工作回顾", years)
<Modality.ACHIEVED: 'achieved'>
>>> heading_modality("二、“十五五”发展的主要考虑", years)
<Modality.TARGET: 'target'>
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from typing import Final, NamedTuple

import regex

from govplan.model import Modality

__all__ = [
    "ACHIEVED_HEADINGS",
    "TARGET_HEADINGS",
    "Years",
    "doc_years",
    "fallback_years",
    "heading_modality",
    "period_modality",
    "target_lists",
    "year_modality",
]

#: Heading or section words that make what follows a plan (下一步工作计划, 主要任务).
TARGET_HEADINGS: Final[tuple[str, ...]] = (
    "工作计划", "工作打算", "工作思路", "工作安排", "工作设想", "工作要点", "工作重点",
    "重点工作", "主要任务", "重点任务", "目标任务", "主要目标", "工作目标", "下一步",
    "下半年", "明年", "今后", "展望", "努力方向", "实施步骤", "任务安排", "预期目标",
    "工作任务", "总体要求", "主要考虑", "发展思路", "工作部署", "计划安排", "发展目标",
    "奋斗目标", "重点举措", "工作举措", "保障措施", "主要措施",
)  # fmt: skip

#: Heading or section words that make what follows a report of results.
ACHIEVED_HEADINGS: Final[tuple[str, ...]] = (
    "工作总结", "总结", "成效", "成绩", "回顾", "主要工作", "工作开展情况", "完成情况",
    "进展情况", "基本情况", "主要做法", "工作亮点", "取得", "上半年", "做了以下工作",
    "工作情况", "开展情况", "落实情况", "过去一年", "过去五年", "五年来", "一年来",
    "主要成就", "发展成就",
)  # fmt: skip

_HEADING_KIND: Final[dict[str, Modality]] = dict.fromkeys(
    ACHIEVED_HEADINGS, Modality.ACHIEVED
) | dict.fromkeys(TARGET_HEADINGS, Modality.TARGET)
_HEADING_CUE: Final[regex.Pattern[str]] = regex.compile(
    "|".join(regex.escape(w) for w in sorted(_HEADING_KIND, key=len, reverse=True))
)
_YEAR: Final[regex.Pattern[str]] = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_YEAR_RANGE: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})年?[—\u2013~\-至到]((?:19|20)[0-9]{2})年"
)
_MONTHS: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![到至])[0-9]{1,2}[—~-][0-9]{1,2}月(?![底末]?前)"
)
# 十四五, 十五五 (not the 十五 of 百分之十五 or 二十五).
_FIVE_YEAR_PLAN: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![一二三四五六七八九十百千万零〇两之])(十[一二三四五六七八九])五"
)
_PLAN_NUMERALS: Final = "一二三四五六七八九十"

#: From this month on, a page's own year is the year it reviews.
_YEAR_END_MONTH: Final = 11
#: Document types that review the past year and plan the next: the year in
#: their title is the year they plan.
_REPORTS: Final = ("政府工作报告", "工作报告")
_SUMMARIES: Final = ("工作总结", "总结", "述职报告", "自查报告", "情况报告", "情况汇报", "汇报")
_PLANS: Final = (
    "工作要点", "工作计划", "实施方案", "工作方案", "行动方案", "行动计划",
    "规划", "要点", "计划", "安排", "思路",
)  # fmt: skip


class Years(NamedTuple):
    """The year a document reviews and the year it plans (either may be None)."""

    review: int | None
    plan: int | None


#: No years known: the default for titles read alone.
_NO_YEARS: Final = Years(None, None)


def doc_years(title: str | None, doc_type: str | None) -> Years:
    """Return the years a document reviews and plans, read from its title and type.

    >>> doc_years("2024年工作总结和2025年工作计划", "总结和计划")
    Years(review=2024, plan=2025)
    >>> doc_years("2025年工作要点", "工作要点"), doc_years("2024年工作总结", "工作总结")
    (Years(review=2024, plan=2025), Years(review=2024, plan=2025))
    >>> doc_years("上半年工作总结", "工作总结")
    Years(review=None, plan=None)
    >>> doc_years("商业体系建设三年行动方案(2025—2027年)", "行动方案")
    Years(review=2024, plan=2025)
    """
    kind = doc_type or ""
    span = _YEAR_RANGE.search(title or "")
    if span is not None:  # 三年行动方案(2025—2027年) plans from its first year on
        first, last = int(span.group(1)), int(span.group(2))
        if any(w in kind for w in _SUMMARIES) and not any(w in kind for w in _PLANS):
            return Years(last, last + 1)
        return Years(first - 1, first)
    years = [int(y) for y in _YEAR.findall(title or "")]
    if not years:
        return Years(None, None)
    if len(years) >= 2 and years[-1] > years[0]:
        return Years(years[0], years[-1])
    year = years[0]
    if "半年" in (title or ""):
        return Years(year, year)
    if any(w in kind for w in _REPORTS) or any(w in kind for w in _PLANS):
        return Years(year - 1, year)
    if any(w in kind for w in _SUMMARIES):
        return Years(year, year + 1)
    return Years(None, None)


def fallback_years(
    years: Years, doc_type: str | None, date: datetime.date | None, lines: Iterable[str]
) -> Years:
    """Return *years*, or, when the title said none, the years a heading or the date implies.

    A heading such as 二、2025年主要目标 plans 2025 (and so reviews 2024); a
    page dated in 2025 reviews what came before 2025, and one dated in its last
    two months reviews 2025 itself.

    >>> fallback_years(Years(None, None), None, None, ["一、2024年工作总结"])
    Years(review=2024, plan=2025)
    >>> fallback_years(Years(None, None), None, datetime.date(2025, 3, 1), [])
    Years(review=2024, plan=2026)
    >>> fallback_years(Years(None, None), "政府工作报告", datetime.date(2025, 1, 20), [])
    Years(review=2024, plan=2025)
    >>> fallback_years(Years(None, None), None, datetime.date(2024, 12, 20), [])
    Years(review=2024, plan=2025)
    """
    if years.review is not None or years.plan is not None:
        return years
    for line in lines:
        found = _YEAR.search(line)
        if found is None:
            continue
        kinds = {_HEADING_KIND[w] for w in _HEADING_CUE.findall(line)}
        if len(kinds) == 1:
            year = int(found.group(1))
            return (
                Years(year - 1, year) if kinds.pop() is Modality.TARGET else Years(year, year + 1)
            )
    if date is None:
        return years
    if date.month >= _YEAR_END_MONTH:
        return Years(date.year, date.year + 1)
    kind = doc_type or ""
    if any(w in kind for w in _REPORTS) or any(w in kind for w in _PLANS):
        return Years(date.year - 1, date.year)
    return Years(date.year - 1, date.year + 1)


def year_modality(year: int, years: Years) -> Modality | None:
    """Return what a year says about a figure of a document with *years*.

    >>> y = Years(2025, 2026)
    >>> year_modality(2025, y), year_modality(2027, y), year_modality(2025, Years(2025, 2025))
    (<Modality.ACHIEVED: 'achieved'>, <Modality.TARGET: 'target'>, None)
    """
    review, plan = years
    if review is None or plan is None or review >= plan:
        return None
    if year <= review:
        return Modality.ACHIEVED
    if year >= plan:
        return Modality.TARGET
    return None


def period_modality(numeral: str, years: Years) -> Modality | None:
    """Return what a five-year plan period (十四五, 十五五) says, given the document's years.

    >>> period_modality("十四", Years(2025, 2026)), period_modality("十五", Years(2025, 2026))
    (<Modality.ACHIEVED: 'achieved'>, <Modality.TARGET: 'target'>)
    """
    if years.plan is None:
        return None
    number = _small(numeral)
    if number is None or number < 6:
        return None
    first = 1981 + 5 * (number - 6)  # the sixth plan ran 1981-1985
    if first + 4 < years.plan:
        return Modality.ACHIEVED
    if first >= years.plan:
        return Modality.TARGET
    return None


def _small(numeral: str) -> int | None:
    """Return the value of 六 .. 十九 (a plan's number), or None."""
    if numeral == "十":
        return 10
    if numeral.startswith("十") and len(numeral) == 2:
        return 10 + _PLAN_NUMERALS.index(numeral[1]) + 1
    if len(numeral) == 1:
        return _PLAN_NUMERALS.index(numeral) + 1
    return None


@functools.lru_cache(maxsize=4096)
def heading_modality(title: str, years: Years = _NO_YEARS) -> Modality | None:
    """Return the modality a heading title sets, or None when it says nothing clear.

    The words of the title decide first; failing them, a year or a five-year
    plan period in it, against the years of the document.

    >>> heading_modality("下一步工作计划"), heading_modality("上半年工作总结")
    (<Modality.TARGET: 'target'>, <Modality.ACHIEVED: 'achieved'>)
    >>> heading_modality("2019年上半年工作总结和下半年工作计划") is None
    True
    >>> heading_modality("“十四五”时期发展成就", Years(2025, 2026))
    <Modality.ACHIEVED: 'achieved'>
    >>> heading_modality("(三)总结提升阶段(2026年12月)", Years(2025, 2026))
    <Modality.TARGET: 'target'>
    """
    kinds = {_HEADING_KIND[w] for w in _HEADING_CUE.findall(title)}
    if "阶段" in title:  # (三)总结提升阶段: a stage of a plan, still to come
        kinds.discard(Modality.ACHIEVED)
    if len(kinds) == 1:
        return kinds.pop()
    if kinds:
        return None
    if _MONTHS.search(title) is not None:
        return Modality.ACHIEVED  # 1—11月全区固定资产投资…: months that are over
    found = {year_modality(int(y), years) for y in _YEAR.findall(title)}
    found.update(period_modality(n, years) for n in _FIVE_YEAR_PLAN.findall(title))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


# A sentence that announces a list of targets: 主要预期目标是：, 目标任务：, 主要指标为.
_TARGET_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:目标|指标)(?:任务)?(?:是|为)?[ ]?:      # 主要预期目标是：  目标任务：  主要指标：
  | 目标(?:任务)?(?:是|为)                   # 预期目标为…
  | 努力实现以下目标                           # …要努力实现以下目标任务
    """,
    regex.VERBOSE,
)
# A line of a list: a marker or a bullet at its start.
_LIST_LINE: Final[regex.Pattern[str]] = regex.compile(
    r"[ \t]*+(?:[0-9]{1,2}[.、]|\([0-9一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}是"
    r"|[\u2460-\u2473]|[-•·])"
)


def target_lists(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every list of targets in normalised *text*.

    A list runs from the word that announces it to the end of its sentence;
    announced by a colon at the end of a line, it runs on over the following
    lines that start with a marker.

    >>> text = "主要预期目标是:增长5%;新增10人。去年增长4%。"
    >>> [text[a:b] for a, b in target_lists(text)]
    ['目标是:增长5%;新增10人。']
    >>> text = "主要目标:\\n1.增长5%。\\n2.新增10人。\\n去年增长4%。"
    >>> [text[a:b] for a, b in target_lists(text)]
    ['目标:\\n1.增长5%。\\n2.新增10人。']
    """
    out: list[tuple[int, int]] = []
    size = len(text)
    for m in _TARGET_LIST.finditer(text):
        end = _sentence_end(text, m.end(), size)
        if text.startswith("\n", m.end()) or end == m.end():
            end = _list_end(text, m.end(), size)
        if out and m.start() < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((m.start(), end))
    return out


_SENTENCE_MARK: Final[regex.Pattern[str]] = regex.compile(r"[。!?\n]")


def _sentence_end(text: str, pos: int, size: int) -> int:
    """Return the end of the sentence at *pos* (after its mark), or of the line."""
    m = _SENTENCE_MARK.search(text, pos)
    if m is None:
        return size
    return m.end() if m.group() != "\n" else m.start()


def _list_end(text: str, pos: int, size: int) -> int:
    """Return where a list of lines after *pos* ends: the last line with a marker."""
    end = pos
    line = text.find("\n", pos)
    while line != -1 and line + 1 < size:
        start = line + 1
        stop = text.find("\n", start)
        stop = size if stop == -1 else stop
        if _LIST_LINE.match(text, start) is None:
            break
        end = stop
        line = stop if stop < size else -1
    return end
