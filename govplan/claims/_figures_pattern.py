r"""The regular expression that finds candidate figures, and the indices of its groups.

:data:`FIGURE` matches, in one pass over the normalised text, a number
(Arabic, Chinese, 百分之…, or mixed: 3万4000, 十亿3000万, 2亿3千万), its
qualifier letters (300余万, 十几万), its magnitude, the other end of a range
and its unit, then a qualifier word after it (以上, 左右).  It decides
nothing about context: :mod:`govplan.claims._figures` checks each candidate.

>>> m = FIGURE.search("新增3万4000元以上")
>>> m.group(), m.group("ar"), m.group("mag"), m.group("tail"), m.group("unit"), m.group("post")
('3万4000元以上', '3', '万', '4000', '元', '以上')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

from govplan.claims import _units as lex

__all__ = [
    "AR",
    "AR2",
    "CN",
    "CN2",
    "CN_NUM",
    "FIGURE",
    "GEMORE",
    "GEUNIT",
    "GROUPS",
    "MAG",
    "MAG2",
    "MID",
    "MID2",
    "PCT",
    "POST",
    "SEP",
    "TAIL",
    "UNIT",
    "UNITS",
    "alternation",
    "first_letters",
]

CN_NUM: Final = "零〇○一二两三四五六七八九十百千万亿"  # ○ (U+25CB) stands in for 〇 in years


def alternation(words: Sequence[str]) -> str:
    """Return a regex alternation of *words*, longest first so the longest wins.

    >>> alternation(["个", "个百分点", "人"])
    '个百分点|个|人'
    """
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def first_letters(words: Sequence[str]) -> str:
    """Return a character class of the first letters of *words*, to check before them.

    >>> first_letters(["个", "个百分点", "人"])
    '[个人]'
    """
    return "[" + regex.escape("".join(sorted({w[0] for w in words}))) + "]"


#: Every unit the pattern reads (after which letter kinds is checked later).
UNITS: Final = (*lex.UNITS_ANY, *lex.UNITS_ARABIC, "%", "‰")
_SEPARATORS: Final = ("至", "到", "—", "-", "~", "〜", "\N{EN DASH}")
_POSTS: Final = (*lex.BOUND_SUFFIXES, *lex.APPROX_SUFFIXES, "多", "余")
_MAG_ALT: Final = "|".join(
    f"{m}(?![{lex.MAGNITUDE_NOT_BEFORE[m]}])" if m in lex.MAGNITUDE_NOT_BEFORE else m
    for m in sorted(lex.MAGNITUDES, key=len, reverse=True)
)
_MAGS: Final = first_letters(tuple(lex.MAGNITUDES))
#: The most digit groups (,000) a figure may have: more is no quantity of a plan.
GROUPS: Final = 6
# \d is three times faster here than [0-9]; the digits it takes besides 0-9 (other
# scripts, some of which int() does not know) are refused after the match.
_ARABIC: Final = rf"\d{{1,20}}+(?:,\d{{3}}){{0,{GROUPS}}}+(?:\.\d{{1,12}}+)?+"
_CHINESE: Final = rf"[{CN_NUM}]{{1,12}}+(?:点[{CN_NUM}]{{1,8}}+)?+"
# 年 as a unit on its own: not the start of a longer unit (there is none today).
_YEAR: Final = "年" + "".join(
    f"(?!{regex.escape(u[1:])})" for u in UNITS if u.startswith("年") and u != "年"
)
_MORE: Final = "余多几"  # 300余万元, 10000多名, 十几万人
# What may follow a number in a figure: a qualifier, magnitude, range or unit.
_NEXT: Final = first_letters((*_MORE, *lex.MAGNITUDES, "%", *_SEPARATORS, "个", *UNITS))
_KILO: Final = f"千(?![{lex.MAGNITUDE_NOT_BEFORE['千']}])"  # 千, not 千米
# The lower part of a mixed numeral, in Arabic digits, after a magnitude: each form
# is smaller than the magnitude before it, so that the parts add up (3万4000), or
# the whole is scaled by the magnitude after it (3千5百万).
_BELOW_WAN: Final = rf"(?:[1-9]{_KILO}(?:[1-9]百)?|[1-9]百|[1-9][0-9]{{3}}(?![0-9.]|,[0-9]))"
_TAIL: Final = rf"""
    (?<![0-9][.,][0-9]{{1,12}}+[千万亿]{{1,2}}+|[余多几][千万亿]{{1,2}}+)  # not 1.5亿, 300余万
    (?:
        (?<=亿)(?:[1-9](?:千万|百万)|[1-9][0-9]{{0,3}}万){_BELOW_WAN}?  # 2亿3千万 十亿3000万
      | (?<=万){_BELOW_WAN}                                # 3万5千 1万2千5百 3万4000
      | (?<=千)[1-9]百(?:万亿|亿|万)?                      # 1千2百 3千5百万
    )
"""

# The lookaheads (?=[...]) change nothing that matches: each only refuses, at once,
# a letter that cannot start what follows it (the engine would try every word).
# (*) Greedy, not possessive, as it is faster and the same: a shorter number leaves a
# digit, ',' or '.' next, and none of them is in _NEXT.
# (**) If no figure follows, go on after the number: no figure starts inside one.
# (***) The figure is refused later (a year), and no figure starts inside it.
FIGURE: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?:
        百分之(?P<pct>{_CHINESE})                    # 百分之三十五
      | (?:
            (?![12][0-9]{{3}}{_YEAR})                  # 2019年: a year (***)
            (?P<ar>\d(?<![\d.]\d|\d,\d)            # a digit, never mid-number,
                \d{{0,19}}(?:,\d{{3}}){{0,{GROUPS}}}(?:\.\d{{1,12}})?)  # 1,663 30.90 (*)
            (*SKIP)                                   # (**)
          | (?P<cn>[{CN_NUM}](?<![{CN_NUM}]{{2}})     # a numeral, never mid-numeral,
                [{CN_NUM}]{{0,11}}+(?:点[{CN_NUM}]{{1,8}}+)?+)   # then 五 一千二 三点五
        )
        (?={_NEXT}|(?<=[万亿])[1-9])                 # or a mixed numeral: 十亿3000万
        (?P<mid>[{_MORE}])?                          # 300余万元 10000多名 十几万
        (?:(?={_MAGS})(?P<mag>{_MAG_ALT}))?          # 万 亿
        (?:(?=[1-9])(?P<tail>{_TAIL}))?              # 3万4000 2亿3千万 1千2百
        (?P<mid2>[余多])?                            # 3万余场次
        (?:                                           # a range: 1至20人 3—5年 10%—20%
            (?={first_letters(("%", *_SEPARATORS))})
            %?
            (?P<sep>至|到|—{{1,2}}|-|~|〜|\N{{EN DASH}})
            (?:(?P<ar2>{_ARABIC})|(?P<cn2>{_CHINESE}))
            (?:(?={_MAGS})(?P<mag2>{_MAG_ALT}))?
        )?
        (?:
            个(?P<gemore>[多半])?(?P<geunit>{alternation(lex.GE_SUBUNITS)})  # 一个半月
          | (?={first_letters(UNITS)})(?P<unit>{alternation(UNITS)})  # 所 名 个 % 平方米
          | (?(tail)|(?<=[万亿][余多]?))                # a bare count: 3万4000, 3300万, 6600多万
        )
    )
    (?:(?={first_letters(_POSTS)})(?P<post>{alternation(_POSTS)}))?  # 以上 左右 多
    """,
    regex.VERBOSE,
)


def _group(name: str) -> int:
    """Return the index of a named group of :data:`FIGURE` in ``Match.groups()``."""
    return FIGURE.groupindex[name] - 1


# Indices into Match.groups(), which is far cheaper than Match.groupdict().
PCT, AR, CN, MID, MAG, TAIL, MID2, SEP, AR2, CN2, MAG2, GEMORE, GEUNIT, UNIT, POST = (
    _group(n)
    for n in (
        "pct", "ar", "cn", "mid", "mag", "tail", "mid2", "sep", "ar2", "cn2",
        "mag2", "gemore", "geunit", "unit", "post",
    )
)  # fmt: skip
