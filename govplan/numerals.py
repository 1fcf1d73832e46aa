"""Read one number written in Chinese, Arabic, full-width or mixed numerals, exactly.

:func:`parse_number` is a small hand-written scanner (tomli style: each reader
takes ``(src, pos)`` and returns the new position with its value).  It works on
exact rationals, so ``16.4亿`` is ``1640000000`` and never ``1639999999.99…``,
and returns an ``int`` when the value is whole, else a ``Decimal``.

>>> parse_number("30.90万")
309000
>>> parse_number("百分之三十五")
Decimal('0.35')

It does not import cn2an: on the forms govplan needs, cn2an is both slower and
wrong in places (``负10000`` loses its sign, ``两三个`` becomes 23), and the
benchmark in ``benchmarks/bench_numerals.py`` compares the two.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_EVEN, Context, Decimal
from math import gcd
from typing import Final

import regex

from govplan import _numerals_data as _data
from govplan.errors import NumberError, require_str

__all__ = ["parse_number", "small_number"]

#: Significant digits of a quotient that does not terminate (三分之一).
_PRECISION: Final = 28

#: Longest input read as a number; longer strings are declined.
_MAX_LENGTH: Final = 100


@functools.cache
def _arabic_pattern() -> regex.Pattern[str]:
    """Return the pattern of a run of Arabic digits (compiled on first use, as all here)."""
    return regex.compile(
        r"""
        [0-9]{1,3}(?:,[0-9]{3})++(?![0-9])  # grouped by thousands: 1,234,567
        | [0-9]++                           # or a plain run: 1234567, 007
        """,
        regex.VERBOSE,
    )


@functools.cache
def _plain_pattern() -> regex.Pattern[str]:
    """Return the pattern of the forms claims meet most: 300万, 1.5亿, 10,000, 85%."""
    return regex.compile(
        r"""
        (?P<sign>[-+负]?)                            # optional sign
        (?P<int>[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)  # Arabic digits, maybe grouped by thousands
        (?:\.(?P<frac>[0-9]++))?                    # decimal part
        (?P<unit>[十百千]?万?亿?)                     # magnitude: 300万, 1.5亿, 3.1千万, 1.5万亿
        (?P<pct>%?)                                 # percent sign
        """,
        regex.VERBOSE,
    )


@functools.cache
def _slash_fraction_pattern() -> regex.Pattern[str]:
    """Return the pattern of an Arabic fraction such as 3/5."""
    return regex.compile(
        r"""
        (?P<num>[0-9]{1,30})  # numerator, Arabic digits only
        /                     # a slash (full-width ones are folded before)
        (?P<den>[0-9]{1,30})  # denominator
        """,
        regex.VERBOSE,
    )


_DIGITS: Final = _data.DIGITS
_SMALL: Final = _data.SMALL_UNITS
_BIG: Final = _data.BIG_UNITS
_TENS: Final = _data.TENS
_UNITS: Final = _data.UNITS
_STRING_DIGITS: Final = _data.STRING_DIGITS
_NEGATIVE: Final = frozenset(("-", "负"))
_PLAIN_START: Final = frozenset("0123456789-+负")
_SIGN_START: Final = frozenset("-+负零")


class _Decline(Exception):
    """The text is not exactly one number (internal; becomes NumberError)."""


def parse_number(text: str) -> int | Decimal:
    """Return the one number written in *text*; raise NumberError if it holds anything else.

    Reads Chinese numerals (一千零五, 两万, 十一, 三万五), financial and
    traditional forms (壹佰贰拾, 貳, 萬, 億), archaic tens (廿三), digit strings
    (二〇二〇), decimals (三点一四), signs (负五, -3), percentages and per-mille
    (百分之三十五, 千分之三, 12%), fractions (三分之一, 三又五分之一, 3/5),
    ordinals (第十九) and Arabic numbers with magnitudes (30.90万, 1.5万亿,
    1,663, １６６３).  The value is an ``int`` when whole, else an exact
    ``Decimal``; a quotient that does not terminate is rounded to 28
    significant digits.

    It declines, with :class:`~govplan.errors.NumberError`, every string that is
    not exactly one number: words with numerals (十九大, 统一), approximations
    and ranges (十几万, 三五百, 两三), numbers with a unit (7.5万元, 一个), 兆
    (10^6 or 10^12 depending on the writer), and the empty string.

    >>> parse_number("一千零五"), parse_number("壹佰贰拾"), parse_number("１６６３")
    (1005, 120, 1663)
    >>> parse_number("三万五"), parse_number("16.4亿"), parse_number("第十九")
    (35000, 1640000000, 19)
    >>> parse_number("负10000"), parse_number("三点一四")
    (-10000, Decimal('3.14'))
    >>> parse_number("三又五分之一"), parse_number("三分之一")
    (Decimal('3.2'), Decimal('0.3333333333333333333333333333'))
    >>> parse_number("十九大")
    Traceback (most recent call last):
    ...
    govplan.errors.NumberError: not a number: '十九大'
    >>> parse_number(5)
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not int
    """
    src = require_str(text).strip()
    if not src or len(src) > _MAX_LENGTH:
        raise NumberError(_message(text))
    if not src.isascii():
        src = src.translate(_data.FOLD)
    elif src.isdigit():  # the common case: 2020, 15
        return int(src)
    if src[0] in _PLAIN_START:
        plain = _plain_pattern().fullmatch(src)
        if plain is not None:  # the forms claims meet most: 300万, 1.5亿, 10,000, 85%
            return _to_number(*_plain(plain))
    try:
        num, den = _read(src)
    except _Decline:
        raise NumberError(_message(text)) from None
    return _to_number(num, den)


def _message(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "..."
    return f"not a number: {shown!r}"


def _plain(match: regex.Match[str]) -> tuple[int, int]:
    """Return the value of a :func:`_plain_pattern` match as ``(numerator, denominator)``."""
    sign, whole, frac, unit, pct = match.groups()  # one call: named access is slow
    num = int(whole.replace(",", "")) if "," in whole else int(whole)
    den = 1
    if frac is not None:
        den = 10 ** len(frac)
        num = num * den + int(frac)
    if unit:
        power = 0
        for c in unit:
            power += _SMALL.get(c) or _BIG[c]
        num *= 10**power
    if pct:
        den *= 100
    return (-num if sign in _NEGATIVE else num), den


def _read(src: str) -> tuple[int, int]:
    """Return the whole of *src* as a rational ``(numerator, denominator)``."""
    n = len(src)
    pos, sign = _sign(src, 0)
    if pos < n and src[pos] == "第":  # ordinal: 第十九, 第3万
        if pos:
            raise _Decline
        pos, value, bare, _ = _integer(src, 1)
        if pos != n or bare:
            raise _Decline
        return value, 1
    rest = src[pos:] if pos else src
    half = _data.HALVES.get(rest)
    if half is not None:
        return sign * half[0], half[1]
    if "/" in rest:
        return _slash_fraction(rest, sign)
    pos, num, den, bare = _real(src, pos)
    if pos == n:
        if bare:  # 万, 百: a unit alone is not a number
            raise _Decline
        return sign * num, den
    mark = src[pos]
    if mark == "%" and pos + 1 == n and not bare:
        return sign * num, den * 100
    if mark == "又" and not bare:  # 三又五分之一
        pos, fnum, fden = _fraction(src, pos + 1)
        return sign * (num * fden + fnum * den), den * fden
    if mark == "分":  # 三分之一, 百分之三十五: what came first is the denominator
        pos, fnum, fden = _numerator(src, pos, num, den)
        return sign * fnum, fden
    raise _Decline


def _sign(src: str, pos: int) -> tuple[int, int]:
    """Read an optional sign (负, -, +, 零下) and the spaces after it."""
    c = src[pos : pos + 1]
    if c not in _SIGN_START:
        return pos, 1
    if c in _data.SIGNS:
        sign = _data.SIGNS[c]
        pos += 1
    elif src.startswith("零下", pos):
        sign = -1
        pos += 2
    else:
        return pos, 1
    while pos < len(src) and src[pos] == " ":
        pos += 1
    return pos, sign


def _slash_fraction(rest: str, sign: int) -> tuple[int, int]:
    """Read an Arabic fraction such as ``3/5``."""
    match = _slash_fraction_pattern().fullmatch(rest)
    if match is None or int(match["den"]) == 0:
        raise _Decline
    return sign * int(match["num"]), int(match["den"])


def _fraction(src: str, pos: int) -> tuple[int, int, int]:
    """Read ``<denominator>分之<numerator>`` from *pos* to the end of *src*."""
    pos, num, den, _ = _real(src, pos)
    if pos == len(src) or src[pos] != "分":
        raise _Decline
    return _numerator(src, pos, num, den)


def _numerator(src: str, pos: int, dnum: int, dden: int) -> tuple[int, int, int]:
    """Read ``分之<numerator>`` (or ``分<numerator>``) at *pos* over ``dnum/dden``."""
    if dnum == 0:
        raise _Decline
    pos += 1
    if src.startswith("之", pos):
        pos += 1
    pos, sign = _sign(src, pos)
    pos, num, den, _ = _real(src, pos)
    if pos != len(src):
        raise _Decline
    # (num / den) / (dnum / dden), with the denominator kept positive
    return pos, sign * num * dden, den * dnum


def _real(src: str, pos: int) -> tuple[int, int, int, bool]:
    """Read an integer with an optional decimal part and magnitude.

    Returns ``(pos, numerator, denominator, bare)``; *bare* is true when only
    units were read (百, 千万), which is a number only as a denominator.
    """
    n = len(src)
    if pos < n and src[pos] in _data.POINTS:  # 点五, .5: no integer part
        whole, bare, has_big, leading = 0, False, False, True
    else:
        pos, whole, bare, has_big = _integer(src, pos)
        leading = False
        if pos == n or src[pos] not in _data.POINTS:
            return pos, whole, 1, bare
        if bare:
            raise _Decline
    start = pos = pos + 1
    while pos < n and src[pos] in _STRING_DIGITS:
        pos += 1
    digits = src[start:pos].translate(_data.TO_ASCII)
    if not digits or (leading and not digits.strip("0")):  # 零点, 点零
        raise _Decline
    den = 10 ** len(digits)
    num = whole * den + int(digits)
    if pos < n and src[pos] in _UNITS:  # 1.5亿, 3.1千万, 1.5万亿
        if has_big:  # 两千万点五万
            raise _Decline
        pos, power = _magnitude(src, pos)
        num *= 10**power
    return pos, num, den, False


def _magnitude(src: str, pos: int) -> tuple[int, int]:
    """Read the units after a decimal: one of 十百千, then 万, then 亿, each optional."""
    n = len(src)
    power = 0
    if src[pos] in _SMALL:
        power += _SMALL[src[pos]]
        pos += 1
    if pos < n and src[pos] == "万":
        power += 4
        pos += 1
    if pos < n and src[pos] == "亿":
        power += 8
        pos += 1
    if power == 0:  # 廿 after a decimal point
        raise _Decline
    return pos, power


def _integer(src: str, pos: int) -> tuple[int, int, bool, bool]:
    """Read a whole number: a digit string, Arabic digits, or a positional numeral.

    Returns ``(pos, value, bare, has_big)``.  Positional numerals may mix
    Arabic digits with Chinese units (3万4000, 1百01, 十亿3000万).
    """
    n = len(src)
    if pos >= n:
        raise _Decline
    c = src[pos]
    if c in _DIGITS:
        end = pos + 1
        while end < n and src[end] in _DIGITS:
            end += 1
        after = src[end] if end < n else ""
        if after not in _UNITS and not ("0" <= after <= "9"):
            if end - pos == 1:
                return end, _DIGITS[c], False, False
            run = src[pos:end]
            if "两" in run:  # 两三, 一两: approximate counts
                raise _Decline
            return end, int(run.translate(_data.TO_ASCII)), False, False
        if end - pos > 1:  # 三五百, 三四十万: a range
            raise _Decline
        if c == "零":  # 零十 reads as 十; 零百 does not
            if after != "十":
                raise _Decline
            pos += 1
    elif "0" <= c <= "9":
        match = _arabic_pattern().match(src, pos)
        if match is None:  # unreachable: a digit always matches
            raise _Decline
        end = match.end()
        if end == n or src[end] not in _UNITS:  # plain Arabic: 10,000
            return end, int(match[0].replace(",", "")), False, False
    return _positional(src, pos)


def _positional(src: str, pos: int) -> tuple[int, int, bool, bool]:
    """Read a numeral with units (一千零五, 三万五, 十亿3000万) from *pos*.

    Returns ``(pos, value, bare, has_big)`` as :func:`_integer` does; the
    reading is done by :class:`_Units`, one token at a time.
    """
    return _Units(src, pos).read()


class _Units:
    """The private cursor of :func:`_positional`: reads one token a step, keeps the state.

    A numeral with units is made of *sections* below 万 (一千零五, 3千) closed
    by 万 or 亿 into *groups*, each with the lowest power it takes up, so
    that a lower group can never be larger than its place (三万四万,
    1万60000 are declined).  Each method reads one kind of token: a Chinese
    digit, a run of Arabic digits, a unit inside a section (十 百 千 廿 卅
    卌), or 万/亿; :meth:`_end` settles the digit left over (三万五 = 35000).
    """

    __slots__ = (
        "groups",
        "last",
        "pending",
        "pos",
        "prev_big",
        "section",
        "seen",
        "single",
        "small",
        "src",
        "start",
        "zero",
    )

    def __init__(self, src: str, pos: int) -> None:
        self.src = src
        self.start = self.pos = pos
        self.groups: list[tuple[int, int]] = []  # closed (value, lowest power) groups, falling
        self.section = 0  # value read since the last 万/亿
        self.small = 4  # power of the last 十/百/千 in this section (4: none yet)
        self.last = 0  # power of the unit just read, for 三万五 (0 after 零)
        self.pending = -1  # a number waiting for its unit, -1 when none
        self.single = False  # pending is one digit written right after a unit
        self.zero = False  # a 零 was read since the last unit
        self.seen = False  # a digit or 十 was read (else the numeral is bare: 百, 千万)
        self.prev_big = False  # the last token was 万 or 亿

    def read(self) -> tuple[int, int, bool, bool]:
        """Read tokens up to the first character that is not part of the numeral."""
        src, n = self.src, len(self.src)
        while self.pos < n:
            c = src[self.pos]
            if c in _DIGITS:
                self._digit(_DIGITS[c])
            elif "0" <= c <= "9":
                self._arabic()
            elif c in _SMALL or c in _TENS:
                self._unit(c)
            elif c in _BIG:
                self._big(_BIG[c])
            else:
                break
        return self._end()

    def _digit(self, digit: int) -> None:
        """Read one Chinese digit; 零 only marks a gap (一千零五)."""
        if self.pending >= 0:  # 十五六, 一万六七: two digits in a row
            raise _Decline
        self.pos += 1
        if digit == 0:
            self.zero, self.last = True, 0
            return
        self.pending, self.single = digit, not self.zero
        self.seen, self.prev_big = True, False

    def _arabic(self) -> None:
        """Read a run of Arabic digits, maybe grouped by thousands (3万4000, 1百01)."""
        if self.pending >= 0:  # 五6: two numbers in a row
            raise _Decline
        match = _arabic_pattern().match(self.src, self.pos)
        if match is None:  # unreachable: a digit always matches
            raise _Decline
        raw = match[0]
        self.pos = match.end()
        self.pending = int(raw.replace(",", ""))
        self.single = len(raw) == 1 and not self.zero
        self.zero = self.zero or (raw[0] == "0" and len(raw) > 1)  # 1百01
        self.seen, self.prev_big = True, False

    def _unit(self, c: str) -> None:
        """Read 十, 百 or 千 (or 廿 卅 卌, which carry their digit) inside a section."""
        tens = _TENS.get(c)
        power = 1 if tens is not None else _SMALL[c]
        if power >= self.small or (tens is not None and self.pending >= 0):
            raise _Decline  # 二十九千, 十一十二, 五廿
        self.section += self._multiplier(tens, power) * 10**power
        self.small = self.last = power
        self.seen = self.seen or power == 1
        self.pending, self.zero, self.prev_big = -1, False, False
        self.pos += 1

    def _multiplier(self, tens: int | None, power: int) -> int:
        """Return what the unit at the cursor multiplies: its digit, or 1 where none is written."""
        if tens is not None:
            return tens // 10
        if self.pending >= 0:
            if self.pending > 9 and (self.section or self.groups):  # 20千 only at the start
                raise _Decline
            return self.pending
        if power == 1 or self.pos == self.start or (self.zero and (self.section or self.groups)):
            return 1  # 十五, 百三 at the start, 一万零百一十一
        raise _Decline

    def _big(self, power: int) -> None:
        """Read 万 or 亿: close the section into a group, or multiply the last group."""
        if self.pending >= 0:  # 百二万, not 5亿1万
            room = self.small if self.small < 4 else self._room_below(power)
            self.section += _settle(self.pending, self.single and self.last < 4, self.last, room)
            self.pending = -1
        elif self.zero:  # 三千零万
            raise _Decline
        elif self.section == 0:
            if self.prev_big:  # 万万, 万亿, 亿亿: the last group is multiplied again
                self._stack(power)
                return
            if self.pos != self.start:
                raise _Decline
            self.section = 1  # 萬九 = 一万九千
        self._close(power)

    def _room_below(self, power: int) -> int:
        """Return how many digits fit between the last group and a new *power* (0: any)."""
        return self.groups[-1][1] - power if self.groups else 0

    def _stack(self, power: int) -> None:
        """Multiply the last group by 10 ** *power* (一万亿 = 10^12)."""
        value, low = self.groups.pop()
        low += power
        if self.groups and self.groups[-1][1] <= low:
            raise _Decline
        self.groups.append((value * 10**power, low))
        self.last = low
        self.pos += 1

    def _close(self, power: int) -> None:
        """Close the section into a group of 10 ** *power*, taking smaller groups along."""
        value, low = self.section, 0
        while self.groups and self.groups[-1][1] < power:  # 一万五千亿: 亿 takes 一万 along
            gvalue, glow = self.groups.pop()
            value += gvalue
            if not self.section:
                low = glow if not low else min(low, glow)
        low += power
        if self.groups and self.groups[-1][1] <= low:  # 一十亿零一十一亿, 三万四万
            raise _Decline
        self.groups.append((value * 10**power, low))
        self.section, self.small, self.last = 0, 4, low
        self.zero, self.prev_big = False, True
        self.pos += 1

    def _end(self) -> tuple[int, int, bool, bool]:
        """Settle the digit left over and return ``(pos, value, bare, has_big)``."""
        if self.pending >= 0:
            room = self.small if self.small < 4 else (self.groups[-1][1] if self.groups else 0)
            self.section += _settle(self.pending, self.single, self.last, room)
        elif self.zero or self.pos == self.start:  # 一百零; nothing read
            raise _Decline
        total = self.section
        for value, _ in self.groups:
            total += value
        return self.pos, total, not self.seen, bool(self.groups)


def _settle(pending: int, single: bool, last: int, room: int) -> int:
    """Return the value of a digit left without a unit at the end of a section.

    One digit right after 百/千/万/亿 counts in the next lower place
    (三万五 = 35000, 一百二 = 120); otherwise it must fit in the *room* digits
    below the last unit (0: no limit, as in 12000万).
    """
    if single and last >= 2:
        place: int = 10 ** (last - 1)
        return pending * place
    if room and pending >= 10**room:  # 1万60000
        raise _Decline
    return pending


def _to_number(num: int, den: int) -> int | Decimal:
    """Return ``num / den`` as an int when whole, else as an exact (or 28-digit) Decimal."""
    if num % den == 0:
        return num // den
    common = gcd(num, den)
    if common != 1:
        num //= common
        den //= common
    scale, places, limit = 10, 1, den.bit_length()
    while scale % den:  # the smallest power of ten that den divides, if any
        if places > limit:  # den has a prime factor other than 2 and 5
            context = Context(prec=_PRECISION, rounding=ROUND_HALF_EVEN)
            return context.divide(Decimal(num), Decimal(den))
        scale *= 10
        places += 1
    return Decimal(f"{num * (scale // den)}E-{places}")


_SMALL_DIGITS: Final[dict[str, int]] = {c: i for i, c in enumerate("零一二三四五六七八九")} | {
    "〇": 0,
    "○": 0,
    "两": 2,
}


def small_number(numeral: str) -> int | None:
    """Return the value of a short numeral (1 to 999) in a marker or a date, else None.

    A cheap reader for the places that only ever see small counts: 十二, 二十七,
    一百零一, and Arabic digits.  Zero, digit strings (一二) and anything else
    give None rather than an error.

    >>> small_number("十二"), small_number("二十七"), small_number("03"), small_number("一百零一")
    (12, 27, 3, 101)
    >>> small_number("十十"), small_number("零"), small_number("一二")
    (None, None, None)
    """
    if numeral.isascii():  # only ASCII digits: int() reads other scripts' digits too
        return (int(numeral) or None) if numeral.isdigit() else None
    if numeral in _SMALL_DIGITS:
        return _SMALL_DIGITS[numeral] or None
    total = 0
    rest = numeral
    if "百" in rest:
        head, _, rest = rest.partition("百")
        if len(head) != 1 or head not in _SMALL_DIGITS or "百" in rest:
            return None
        total += _SMALL_DIGITS[head] * 100
        rest = rest.removeprefix("零").removeprefix("〇")
    if "十" in rest:
        head, _, tail = rest.partition("十")
        if "十" in tail or len(head) > 1 or len(tail) > 1:
            return None
        tens = _SMALL_DIGITS.get(head, -1) if head else 1
        units = _SMALL_DIGITS.get(tail, -1) if tail else 0
        if tens <= 0 or units < 0:
            return None
        total += tens * 10 + units
    elif rest:
        if len(rest) != 1 or rest not in _SMALL_DIGITS:
            return None
        total += _SMALL_DIGITS[rest]
    return total or None
