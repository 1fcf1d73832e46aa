"""Character tables for :mod:`govplan.numerals`: folding, digits and units.

Every numeral character is folded to one canonical spelling before parsing:
full-width digits and signs to ASCII, traditional and financial (大写) forms
to the plain simplified digits and units.  The parser then only knows the
characters named in :data:`DIGITS`, :data:`SMALL_UNITS`, :data:`BIG_UNITS`,
:data:`TENS` and the handful of markers below.

>>> "壹萬貳仟參佰".translate(FOLD)
'一万二千三百'
>>> "１６，６３．５％".translate(FOLD)
'16,63.5%'
"""

from __future__ import annotations

from typing import Final

from govplan import _chars

#: Characters folded to their canonical spelling (a ``str.translate`` table).
FOLD: Final[dict[int, str]] = {
    **{0xFF10 + i: str(i) for i in range(10)},  # full-width digits ０..９
    ord("\N{FULLWIDTH FULL STOP}"): ".",  # ．
    ord("\N{FULLWIDTH COMMA}"): ",",  # ，
    ord("\N{FULLWIDTH PERCENT SIGN}"): "%",  # ％
    ord("\N{FULLWIDTH HYPHEN-MINUS}"): "-",  # －
    ord("\N{MINUS SIGN}"): "-",  # U+2212
    ord("\N{FULLWIDTH PLUS SIGN}"): "+",  # ＋
    ord("\N{FULLWIDTH SOLIDUS}"): "/",  # ／
    ord(_chars.IDEOGRAPHIC_SPACE): " ",
    ord(_chars.IDEOGRAPHIC_ZERO): "零",  # 〇
    ord("\N{WHITE CIRCLE}"): "零",  # ○, often typed for 〇 in years
    ord("幺"): "一",  # spoken 1 in digit strings (幺八九)
    # financial (大写) digits and units, simplified and traditional
    ord("壹"): "一",
    ord("贰"): "二",
    ord("貳"): "二",
    ord("貮"): "二",
    ord("叁"): "三",
    ord("參"): "三",
    ord("参"): "三",
    ord("肆"): "四",
    ord("伍"): "五",
    ord("陆"): "六",
    ord("陸"): "六",
    ord("柒"): "七",
    ord("捌"): "八",
    ord("玖"): "九",
    ord("拾"): "十",
    ord("佰"): "百",
    ord("仟"): "千",
    # traditional spellings
    ord("萬"): "万",
    ord("億"): "亿",
    ord("兩"): "两",
    ord("倆"): "两",
    ord("俩"): "两",
    ord("點"): "点",
    ord("負"): "负",
}

#: Chinese digits and their values; 两 counts things and is never a digit-string digit.
DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "两": 2,
}

#: The digits a digit string (二〇二〇) or a decimal fraction (点一四) is made of.
STRING_DIGITS: Final = frozenset("零一二三四五六七八九0123456789")

#: Chinese digits mapped to ASCII digits, to read a digit string with ``int``.
TO_ASCII: Final[dict[int, str]] = {ord(c): str(v) for c, v in DIGITS.items() if c != "两"}

#: Units inside a four-digit section, mapped to their power of ten.
SMALL_UNITS: Final[dict[str, int]] = {"十": 1, "百": 2, "千": 3}

#: Units that close a section and multiply it, mapped to their power of ten.
#: 兆 is left out on purpose: it is 10^6 or 10^12 depending on who writes it.
BIG_UNITS: Final[dict[str, int]] = {"万": 4, "亿": 8}

#: Archaic tens that carry their own digit: 廿 = 二十, 卅 = 三十, 卌 = 四十.
TENS: Final[dict[str, int]] = {"廿": 20, "卅": 30, "卌": 40}

#: Every unit character: what may follow a digit inside a positional numeral.
UNITS: Final = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | frozenset(TENS)

#: Sign prefixes and the sign they give.
SIGNS: Final[dict[str, int]] = {"负": -1, "-": -1, "+": 1, "零下": -1}

#: Decimal points.
POINTS: Final = frozenset("点.")

#: Whole inputs that are a half, or half of a hundred (半百 = 50), as (numerator, denominator).
HALVES: Final[dict[str, tuple[int, int]]] = {
    "半": (1, 2),
    "一半": (1, 2),
    "1半": (1, 2),
    "半百": (50, 1),
}
