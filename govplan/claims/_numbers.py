r"""The exact values of figures: digits, Chinese numerals, magnitudes, mixed numerals, signs.

Values are exact whatever the caller's :mod:`decimal` context: magnitudes are
folded in by moving the exponent, never by a rounded multiplication, and a
sign is turned by :meth:`~decimal.Decimal.copy_negate`, which never rounds.

>>> import decimal
>>> with decimal.localcontext(decimal.Context(prec=3)):
...     number("30.90", None, "万"), number("1.23456", None, None), negate(Decimal("2.34567"))
(309000, Decimal('1.23456'), Decimal('-2.34567'))
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from govplan.claims import _units as lex
from govplan.claims._figures_pattern import (
    AR,
    AR2,
    CN,
    CN2,
    GEMORE,
    MAG,
    MAG2,
    PCT,
    SEP,
    TAIL,
)
from govplan.model import Number
from govplan.numerals import parse_number

__all__ = ["chinese", "exact", "negate", "number", "values"]

# Exact arithmetic whatever the caller's context: no rounding, no traps but errors.
_EXACT: Final = decimal.Context(prec=decimal.MAX_PREC, traps=[decimal.InvalidOperation])
# Chinese magnitudes that make a numeral too big to count anything (九亿亿, 万万).
_TOO_BIG: Final = ("亿亿", "万万")


def values(g: Sequence[str | None]) -> tuple[Number, Number | None] | None:
    """Return the value and the high end of a range of a :data:`~._figures_pattern.FIGURE`.

    *g* is the match's ``groups()``; None when the numbers cannot be read.

    >>> from govplan.claims._figures_pattern import FIGURE
    >>> values(FIGURE.search("3—5亿元").groups()), values(FIGURE.search("十亿3000万元").groups())
    ((300000000, 500000000), (1030000000, None))
    """
    ar = g[AR]
    if ar is not None and g[TAIL] is None and ar.isdigit():  # the common case: 300, 300万
        magnitude = g[MAG] or g[MAG2]  # 3—5亿元: the magnitude after a range serves both
        value: Number | None = int(ar) * lex.MAGNITUDES[magnitude] if magnitude else int(ar)
    else:
        value = _first(g)
    if value is None:
        return None
    if g[GEMORE] == "半":
        value = exact(_EXACT.add(Decimal(value), Decimal("0.5")))  # 一个半月
    if not g[SEP]:
        return value, None
    mag, cn2 = g[MAG], g[CN2]
    high = number(g[AR2], cn2, g[MAG2] or (mag if _bare(cn2) else None))
    return None if high is None else (value, high)


def _first(g: Sequence[str | None]) -> Number | None:
    """Return the value of the number of a figure, or of the low end of its range."""
    ar, cn, mag = g[AR], g[CN], g[MAG]
    if g[TAIL] is not None:  # 3万4000, 2亿3千万, 1千2百, 十亿3000万: read whole
        return chinese(f"{ar or cn}{mag or ''}{g[TAIL]}")
    if g[PCT] is not None:
        return number(None, g[PCT], None)
    # 3—5亿元: the magnitude after a range serves both ends (not 十亿—20亿)
    return number(ar, cn, mag or (g[MAG2] if _bare(cn) else None))


def _bare(cn: str | None) -> bool:
    """Return whether a number has no magnitude of its own (一 三十, not 十亿)."""
    return cn is None or ("万" not in cn and "亿" not in cn)


def number(arabic: str | None, chinese_: str | None, magnitude: str | None) -> Number | None:
    """Return the exact value of one number with its magnitude, or None if it is none.

    >>> number("1,663", None, None), number(None, "三点五", "万"), number(None, "亿亿", None)
    (1663, 35000, None)
    """
    base: Number
    if arabic is not None:
        digits = arabic.replace(",", "")
        base = int(digits) if digits.isdigit() else Decimal(digits)
    elif chinese_ is not None:
        found = chinese(chinese_)
        if found is None:
            return None
        base = found
    else:
        return None
    if not magnitude:
        return exact(base)
    factor = lex.MAGNITUDES[magnitude]
    if isinstance(base, int):
        return base * factor
    sign, digits_, exponent = base.as_tuple()
    assert isinstance(exponent, int)  # a finite Decimal read from digits
    return exact(Decimal((sign, digits_, exponent + len(str(factor)) - 1)))


@functools.lru_cache(maxsize=1024)
def chinese(numeral: str) -> Number | None:
    """Return the value of a numeral, or None (cached: the same few recur).

    A numeral may start with its magnitude (百亿 is 一百亿) and may not
    repeat one (九亿亿 counts nothing).

    >>> chinese("百亿"), chinese("3千万"), chinese("九亿亿"), chinese("总体")
    (10000000000, 30000000, None, None)
    """
    if any(big in numeral for big in _TOO_BIG):
        return None
    if numeral[0] in "百千万亿":  # 百亿次: the leading 一 is left out
        numeral = "一" + numeral
    try:
        return parse_number(numeral)
    except ValueError:
        return None


def exact(value: Number) -> Number:
    """Return *value* as an int when it is whole (30.90万 → 309000), exactly.

    >>> exact(Decimal("309000.00")), exact(Decimal("2.50"))
    (309000, Decimal('2.50'))
    """
    if isinstance(value, Decimal) and value == value.to_integral_value(context=_EXACT):
        return int(value)
    return value


def negate(value: Number) -> Number:
    """Return *value* with its sign turned, exactly (unary minus rounds a Decimal).

    >>> negate(300000000), negate(Decimal("2.3"))
    (-300000000, Decimal('-2.3'))
    """
    return -value if isinstance(value, int) else value.copy_negate()
