"""Read dates as government pages print them: 2019年7月30日, 2020-07-02, 二〇二六年一月二十七日.

:func:`parse_date` reads one whole date (a time of day after it is allowed
and ignored); :func:`search_date` finds the first valid date inside a text.
A placeholder (``20xx年``), a partial date (``2019年7月``) or an impossible
one (``2019年2月30日``) is never turned into a guess.

>>> parse_date("2019年7月30日")
datetime.date(2019, 7, 30)
>>> parse_date("二〇二六年一月二十七日").isoformat()
'2026-01-27'
"""

from __future__ import annotations

import datetime
import functools
from typing import Final

import regex

from govplan.errors import DateError, require_str
from govplan.model import Span
from govplan.numerals import small_number

__all__ = ["parse_date", "search_date"]

# Full-width digits and separators, and the ideographic space, to ASCII.
_WIDTH: Final[dict[int, int]] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {
    0x3000: ord(" "),
    0x00A0: ord(" "),
}

_CN_YEAR_DIGITS: Final = "〇零○O一二三四五六七八九"  # O: a letter typed for 〇
_CN_SMALL: Final = "一二三四五六七八九十"


@functools.cache
def _date_pattern() -> regex.Pattern[str]:
    """Return the date pattern (compiled on first use, to keep ``import govplan`` cheap).

    Only ASCII digits: full-width ones are folded first, and other scripts'
    digits (which ``\\d`` would match) are no date.
    """
    return regex.compile(
        rf"""
        (?<![0-9{_CN_YEAR_DIGITS}])                     # not the tail of a longer number
        (?:
            (?P<y>(?:19|20)[0-9]{{2}})[ ]{{0,2}}年[ ]{{0,2}}  # 2019年
            (?P<m>[0-9]{{1,2}})[ ]{{0,2}}月[ ]{{0,2}}         # 7月
            (?P<d>[0-9]{{1,2}})[ ]{{0,2}}[日号]               # 30日 / 30号
          | (?P<sy>(?:19|20)[0-9]{{2}})                       # 2020
            (?P<sep>[-./])                                  # - . or /
            (?P<sm>[0-9]{{1,2}})(?P=sep)(?P<sd>[0-9]{{1,2}})  # 07-02, the same separator twice
            (?![0-9.])                                      # not a longer figure
          | (?P<cy>[{_CN_YEAR_DIGITS}]{{4}})年                # 二〇二六年
            (?P<cm>[{_CN_SMALL}]{{1,2}})月                    # 一月 / 十二月
            (?P<cd>[{_CN_SMALL}]{{1,3}})[日号]                # 二十七日
        )
        """,
        regex.VERBOSE,
    )


@functools.cache
def _time_pattern() -> regex.Pattern[str]:
    """Return the pattern of a time of day after a date: 07时41分, 10:30, 10:30:15."""
    return regex.compile(
        r"""
        [ ]{0,3}
        (?:
            [0-9]{1,2}[ ]?时(?:[ ]?[0-9]{1,2}[ ]?分(?:[ ]?[0-9]{1,2}[ ]?秒)?)?  # 07时41分
          | [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?                                  # 10:30 / 10:30:15
        )
        """,
        regex.VERBOSE,
    )


_CN_DIGIT_VALUE: Final[dict[str, int]] = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
}


def _date_of(match: regex.Match[str]) -> datetime.date | None:
    """Return the date a :func:`_date_pattern` match names, or None if it is impossible."""
    if match.group("y"):
        parts: tuple[int | None, ...] = (
            int(match.group("y")),
            int(match.group("m")),
            int(match.group("d")),
        )
    elif match.group("sy"):
        parts = (int(match.group("sy")), int(match.group("sm")), int(match.group("sd")))
    else:
        year = "".join(str(_CN_DIGIT_VALUE[c]) for c in match.group("cy"))
        parts = (int(year), small_number(match.group("cm")), small_number(match.group("cd")))
    year_, month, day = parts
    if year_ is None or month is None or day is None:
        return None
    try:
        return datetime.date(year_, month, day)
    except ValueError:
        return None


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:60] + "…")


def parse_date(text: str) -> datetime.date:
    """Return the date *text* holds; raise DateError if it is not exactly one valid date.

    Surrounding spaces and a time of day after the date are allowed.

    >>> parse_date("2020-07-02").isoformat(), parse_date("2020.7.2").isoformat()
    ('2020-07-02', '2020-07-02')
    >>> parse_date(" 2026年02月10日 07时41分 ").isoformat()
    '2026-02-10'
    >>> parse_date("2019年2月30日")
    Traceback (most recent call last):
    ...
    govplan.errors.DateError: not a valid date: '2019年2月30日'
    >>> parse_date("20xx年7月30日")
    Traceback (most recent call last):
    ...
    govplan.errors.DateError: not a date: '20xx年7月30日'
    """
    require_str(text)
    folded = text.translate(_WIDTH).strip()
    match = _date_pattern().match(folded)
    if match is None:
        raise DateError(f"not a date: {_quote(text)}")
    end = match.end()
    time = _time_pattern().match(folded, end)
    if time is not None:
        end = time.end()
    if end != len(folded):
        raise DateError(f"not a date: {_quote(text)}")
    value = _date_of(match)
    if value is None:
        raise DateError(f"not a valid date: {_quote(text)}")
    return value


def search_date(
    text: str, pos: int = 0, endpos: int | None = None, *, with_time: bool = False
) -> tuple[datetime.date, Span] | None:
    """Return the first valid date in ``text[pos:endpos]`` with its span, or None.

    The span covers the date itself; with *with_time* it also covers a time
    of day that follows.

    >>> search_date("成文日期:2020年7月2日 10:00")
    (datetime.date(2020, 7, 2), Span(start=5, end=14))
    >>> search_date("成文日期:2020年7月2日 10:00", with_time=True)[1]
    Span(start=5, end=20)
    >>> search_date("2019年上半年") is None
    True
    """
    require_str(text)
    stop = len(text) if endpos is None else endpos
    folded = text.translate(_WIDTH)
    for match in _date_pattern().finditer(folded, pos, stop):
        value = _date_of(match)
        if value is None:
            continue
        end = match.end()
        if with_time:
            time = _time_pattern().match(folded, end, stop)
            end = end if time is None else time.end()
        return value, Span(match.start(), end)
    return None
