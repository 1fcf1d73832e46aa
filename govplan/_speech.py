"""Speech-form documents: the occasion line, the speaker, and what a work report says of itself.

A government work report is printed as a speech: ``政府工作报告`` (sometimes
split over two lines), an occasion line
``——2024年3月5日在第十四届全国人民代表大会第二次会议上``, the speaker
(``国务院总理 李强``, or the position and the name on two lines), ``各位代表：``
and ``现在，我代表国务院，向大会报告政府工作``.

- :func:`says_work_report` recognises that last sentence, so the type is known
  even where the text has no title line.
- :func:`report_period` is the year a report plans for: the year of its
  occasion, or the next one when it is given late in the year and the text
  names that year's tasks.
- :func:`speaker_name` reads a name line (``李　强`` → ``李强``).
- :func:`glued_parts` cuts a head line that lost its line breaks into the
  title, the occasion, the speaker and the salutation it holds.

>>> says_work_report("现在,我代表国务院,向大会报告政府工作,请予审议。")
True
>>> says_work_report("现在,我代表省人民代表大会常务委员会,向大会报告工作。")
False
"""

from __future__ import annotations

import datetime
import itertools
from typing import Final

import regex

from govplan._lines import BLANKS, DATE_FRAME, NAME, OCCASION, PARAGRAPH_MARKS, classify, is_organ
from govplan.dates import search_date
from govplan.model import Span

__all__ = ["glued_parts", "report_period", "says_work_report", "speaker_name"]

# 我代表国务院/市人民政府，向大会报告(政府)工作 / 受县人民政府委托，向大会报告工作.
_SAYS_REPORT: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:代表|受)[^。!?;]{0,12}?(?:国务院|人民政府|政府)(?:委托)?   # 我代表县人民政府
    [,，、]?[ ]?向(?:大会|会议|各位代表)(?:作)?报告(?:政府)?工作    # 向大会报告工作
    """,
    regex.VERBOSE,
)

# A year named with the tasks it is for: 2026年工作安排, 2025年政府工作任务.
_PLAN_YEAR: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?<![0-9])(?P<year>20[0-9]{2})年
    [^\n。,;:]{0,14}?
    (?:工作(?:任务|安排|部署|重点|建议)|重点工作|主要(?:预期)?目标|总体要求)
    """,
    regex.VERBOSE,
)

_LATE_MONTH: Final = 10
_CLAUSE_MARKS: Final = PARAGRAPH_MARKS + ",，、"
_CLOSERS: Final = ")]】 \t"
# What may follow a date that opens a glued line: the speaker.
_AFTER_A_DATE: Final = frozenset({"byline", "position"})

# The salutation of a speech: 各位代表: (cut off a line it was glued onto).
_SALUTATION: Final[regex.Pattern[str]] = regex.compile(
    r"(?:各位代表|各位委员|同志们)(?:[,、](?:各位代表|各位委员|同志们)){0,3}:"
)


def says_work_report(text: str) -> bool:
    """Return whether a sentence of *text* is the opening of a government work report.

    >>> says_work_report("受县人民政府委托,向大会报告工作")
    True
    """
    return _SAYS_REPORT.search(text) is not None


def report_period(date: datetime.date, text: str) -> str:
    """Return the year a report given on *date* plans for, as ``2024年``.

    A report given from October on plans for the next year when the text
    names that year's tasks (``2026年工作安排``); any other plans for its own.

    >>> import datetime
    >>> report_period(datetime.date(2025, 3, 5), "三、2025年政府工作任务")
    '2025年'
    >>> report_period(datetime.date(2025, 12, 26), "二、2026年工作安排")
    '2026年'
    """
    year = date.year
    if date.month >= _LATE_MONTH:
        for match in _PLAN_YEAR.finditer(text):
            if int(match.group("year")) == year + 1:
                return f"{year + 1}年"
    return f"{year}年"


def speaker_name(text: str) -> str | None:
    """Return the name a line holds, spaces dropped, or None when it is not a name.

    >>> speaker_name("李　强".replace("\\u3000", " ")), speaker_name("各位代表:")
    ('李强', None)
    """
    match = NAME.fullmatch(text)
    return None if match is None else "".join(text.split())


def glued_parts(text: str) -> list[tuple[int, int]]:
    """Return the parts of a head line that lost its line breaks, as ``(start, end)``.

    A line is cut before and after an occasion with its date
    (``政府工作报告——2025年3月5日在…会议上国务院总理 林致远``), around a
    salutation (``…林致远各位代表:现在,我代表…``) and before a date that
    ends a title (``…工作报告2026年02月10日 07时41分``).  Any other line is
    one part.

    >>> text = "政府工作报告——2025年3月5日在某省人民代表大会上某省省长 林致远"
    >>> [text[a:b] for a, b in glued_parts(text)]
    ['政府工作报告', '——2025年3月5日在某省人民代表大会上', '某省省长 林致远']
    """
    cuts = {0, len(text)}
    salutation = _SALUTATION.search(text)
    if salutation is not None:
        cuts.update(salutation.span())
    for a, b in list(itertools.pairwise(sorted(cuts))):
        found = search_date(text, a, b, with_time=True)
        if found is not None:
            date = Span(found[1].start - a, found[1].end - a)
            cuts.update(a + cut for cut in _date_cuts(text[a:b], date))
    parts = itertools.pairwise(sorted(cuts))
    return [(a, b) for a, b in parts if text[a:b].strip(BLANKS)]


def _date_cuts(text: str, date: Span) -> tuple[int, ...]:
    """Return where a line is cut around its occasion or around a date glued to a title.

    An occasion told inside a sentence (``会议指出,2024年1月5日在…会议上研究…``)
    cuts nothing.
    """
    occasion = OCCASION.search(text, date.end)
    start, end = date.start, date.end
    while start > 0 and text[start - 1] in DATE_FRAME:
        start -= 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    if occasion is None:
        return _dated_title_cuts(text, start, end)
    if text[date.end : occasion.start()].strip(DATE_FRAME):
        return ()
    after = text[occasion.end() : occasion.end() + 1]
    if any(mark in text[:start] for mark in _CLAUSE_MARKS) or (after and after in _CLAUSE_MARKS):
        return ()
    end = occasion.end()
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return start, end


def _dated_title_cuts(text: str, start: int, end: int) -> tuple[int, ...]:
    """Return the cuts around a date (its frame included) between a title and a speaker.

    ``…工作报告2026年02月10日 07时41分`` and ``…上的讲话(2024年2月26日)`` are
    cut before the date, ``(2025年1月9日)某市人民政府市长 冯立`` after it.
    """
    before, rest = text[:start], text[end:]
    if before.strip() and not rest.strip() and not is_organ(before.strip()):
        return (start,) if classify(before) == "title" else ()
    if not before.strip() and rest.strip() and classify(rest.strip()) in _AFTER_A_DATE:
        return (end,)
    return ()
