"""Read document numbers (文号) and index numbers (索引号) into their parts.

A document number names the issuing organ (机关代字), the year and a serial:
``厦湖教〔2020〕132号``.  Sites print it with every kind of bracket
(〔〕 [] () 【】 ﹝﹞), with ``第``, with ``2021年`` instead of a bracket, in
traditional characters with pinyin readings inserted, or as an order
without a year (``国务院令第711号``).  A number that cannot be read safely
(an unclosed bracket that swallows the year, a template such as
``[202XX] X 号``) raises :class:`~govplan.errors.DocNumberError`: a wrong
year is never returned.

>>> parse_doc_number("发文字号：厦湖教〔2020〕132号")
DocNumber(raw='厦湖教〔2020〕132号', agency='厦湖教', year=2020, serial=132,
          bracket='〔〕', has_di=False)
>>> parse_index_number("索 引 号:XM02104-0200-2020-00002").category
'0200'
"""

from __future__ import annotations

import functools
from typing import Final

import regex

from govplan.errors import DocNumberError, IndexNumberError, require_str
from govplan.model import DocNumber, IndexNumber
from govplan.normalize import Normalized, normalize

__all__ = ["parse_doc_number", "parse_index_number"]

# --- document numbers --------------------------------------------------------------

_OPEN: Final = "〔[(【﹝{［<"
_CLOSE: Final = "〕])】﹞}］>"

# How far before the serial a document number may start.
_WINDOW: Final = 48

# Words that stand before a cited number and are not part of its organ code:
# 关于转发银发〔2020〕95号文件的通知 cites 银发〔2020〕95号.
_CITING: Final = "关于|转发|印发|根据|按照|依据|依照|贯彻|落实|执行|参照"


@functools.cache
def _serial_pattern() -> regex.Pattern[str]:
    """Return the pattern of a serial followed by 号: where a document number ends.

    Found first, so that the costlier :func:`_doc_number_pattern` only ever
    looks at a short window before it.  Digits are ASCII only (full-width
    ones are folded by :func:`~govplan.normalize.normalize`): ``int`` must
    read every digit matched.
    """
    return regex.compile(
        r"""
        (?<![0-9])[0-9]{1,12}+  # the serial (or year and serial run together)
        [ \t]{0,3}+[号號]        # 号
        """,
        regex.VERBOSE,
    )


@functools.cache
def _doc_number_pattern() -> regex.Pattern[str]:
    """Return the pattern of a whole document number, anchored at the end of a window."""
    return regex.compile(
        rf"""
        (?P<agency>[\p{{Han}}A-Za-z]{{1,24}}?)         # organ code 厦湖教; lazy, so 第 stays out
        [ \t]{{0,2}}
        (?:
            (?P<open>[{regex.escape(_OPEN)}])[ \t]{{0,2}}
            (?P<year>(?:19|20)[0-9]{{2}})                 # 〔2020〕
            [ \t]{{0,2}}(?P<close>[{regex.escape(_CLOSE)}])
            (?P<series>[\p{{Han}}() \t]{{0,12}}?)        # 字 / (通知)钦防二线 before the serial
          | (?P<bare>(?:19|20)[0-9]{{2}})[ \t]{{0,2}}年?[ \t]{{0,2}}  # 2021年262号, 201756号
        )?
        (?P<di>第)?[ \t]{{0,2}}                          # 第245号
        (?P<serial>[0-9]{{1,6}})[ \t]{{0,3}}[号號]
        \Z
        """,
        regex.VERBOSE,
    )


@functools.cache
def _label_prefix_pattern() -> regex.Pattern[str]:
    """Return the pattern of what may stand glued before an organ code.

    A label without a colon (文号, 备注/文号) or the words of a citing title
    (关于转发, 印发): neither is part of the organ code.
    """
    return regex.compile(
        rf"""
        ^(?:
            (?:备注/?|发文)?                  # 备注/ or 发文 before the label
            (?:文件编号|字号|文号|发文号)      # the label itself
          | (?:{_CITING})++                   # 关于转发, 印发
        )
        """,
        regex.VERBOSE,
    )


# Words an organ code never ends with: the number is a date or a count.
_NOT_AGENCY_END: Final = frozenset("年月日时分第届期批次级")


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:60] + "…")


def _as_written(norm: Normalized, start: int, end: int) -> str:
    """Return the original characters behind normalised ``[start, end)``, readings dropped."""
    return "".join(norm.source[norm.to_original(i)] for i in range(start, end))


def parse_doc_number(text: str) -> DocNumber:
    """Return the first document number (文号) in *text*; raise DocNumberError if none reads safely.

    ``raw`` is the number as it stands in *text*; ``agency`` is the organ
    code as written (traditional characters kept, pinyin readings dropped).

    >>> n = parse_doc_number("銀發(fā)〔2020〕95號")
    >>> n.agency, n.year, n.serial, n.raw
    ('銀發', 2020, 95, '銀發(fā)〔2020〕95號')
    >>> parse_doc_number("国务院令第711号").year is None
    True
    >>> parse_doc_number("甘人社通2021年262号").serial
    262
    >>> parse_doc_number("關於轉發銀發〔2020〕95號文件的通知").raw  # cited: 關於轉發 is no organ
    '銀發〔2020〕95號'
    >>> parse_doc_number("国办公开办函〔202130号")
    Traceback (most recent call last):
    ...
    govplan.errors.DocNumberError: unclosed bracket in document number: '国办公开办函〔202130号'
    >>> parse_doc_number("住平妇幼字[202XX] X 号")
    Traceback (most recent call last):
    ...
    govplan.errors.DocNumberError: not a document number: '住平妇幼字[202XX] X 号'
    """
    require_str(text)
    norm = normalize(text)
    ntext = norm.text
    problem = "not a document number"
    pattern = _doc_number_pattern()
    for candidate in _serial_pattern().finditer(ntext):
        lo = max(0, candidate.start() - _WINDOW)
        window = ntext[lo : candidate.end()]
        match = pattern.search(window)
        if match is None or not _acceptable(match):
            if problem == "not a document number" and _has_unclosed_bracket(window):
                problem = "unclosed bracket in document number"
            continue
        return _doc_number(norm, match, lo)
    raise DocNumberError(f"{problem}: {_quote(text)}")


def _acceptable(match: regex.Match[str]) -> bool:
    """Return whether a match is a document number and not a date or a count."""
    agency = _label_prefix_pattern().sub("", match.group("agency"))
    if len(agency) < 2 or agency[-1] in _NOT_AGENCY_END:
        return False
    # Without a year, only 第N号 (an order, 令第711号) is a number.
    return bool(match.group("year") or match.group("bare") or match.group("di"))


def _has_unclosed_bracket(window: str) -> bool:
    last_open = max(window.rfind(c) for c in _OPEN)
    return last_open != -1 and not any(c in window[last_open:] for c in _CLOSE)


def _doc_number(norm: Normalized, match: regex.Match[str], lo: int) -> DocNumber:
    agency_text = match.group("agency")
    label = _label_prefix_pattern().match(agency_text)
    start = lo + match.start("agency") + (label.end() if label else 0)
    end = lo + match.end("agency")
    agency = _as_written(norm, start, end)
    # Up to the next normalised character, so that a reading after 號 stays in raw.
    raw = norm.source[norm.to_original(start) : norm.to_original(lo + match.end())].rstrip()
    year_text = match.group("year") or match.group("bare")
    bracket = None
    if match.group("open"):
        bracket = _as_written(norm, lo + match.start("open"), lo + match.end("open"))
        bracket += _as_written(norm, lo + match.start("close"), lo + match.end("close"))
    has_di = bool(match.group("di"))
    if match.group("series") and "第" in match.group("series"):
        has_di = True
    return DocNumber(
        raw=raw,
        agency=agency,
        year=int(year_text) if year_text else None,
        serial=int(match.group("serial")),
        bracket=bracket,
        has_di=has_di,
    )


# --- index numbers -----------------------------------------------------------------

# Dashes sites print between the parts of an index number: ASCII, U+2010 to
# U+2015, the minus sign and the small hyphen-minus (the full-width one is folded).
_DASHES: Final = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"

# Each dash to "-", and the blanks around a dash or slash (2020 - 00123) left out.
_INDEX_FOLD: Final[dict[int, str | None]] = {ord(c): "-" for c in _DASHES} | {
    ord(" "): None,
    ord("\t"): None,
}


@functools.cache
def _index_label_pattern() -> regex.Pattern[str]:
    """Return the pattern of the label before an index number (索引号, 索 引 号, 索引號).

    With the list bullets, table bars and colon around it.
    """
    return regex.compile(
        r"""
        ^[\s|]{0,8}+(?:[-•·*][ \t]+)?              # table bars, a list bullet
        (?:(?:信息)?索[ \t]{0,3}引(?:[ \t]{0,3}号)?|信息索引号?|编[ \t]{0,3}号)?
        [ \t]{0,3}[:∶︰|]?[\s|]{0,8}+
        """,
        regex.VERBOSE,
    )


@functools.cache
def _index_token_pattern() -> regex.Pattern[str]:
    """Return the pattern of the index number itself, taken as one token.

    Any dash joins its parts, with blanks on either side (``2020 - 00123``).
    A digit of another script right after it ends no token: the number is
    declined rather than cut short.
    """
    return regex.compile(
        rf"""
        [{_DASHES}0-9A-Za-z]
        (?:
            [{_DASHES}0-9A-Za-z/_]                                # a part or a joint
          | [ \t]{{1,3}}+(?=[{_DASHES}/][ \t]{{0,3}}+[0-9A-Za-z])  # blanks before a joint
          | (?<=[{_DASHES}/])[ \t]{{1,3}}+(?=[0-9A-Za-z])          # blanks after it
        ){{0,60}}+
        (?!\p{{N}})                                              # not cut short
        """,
        regex.VERBOSE,
    )


@functools.cache
def _index_pattern() -> regex.Pattern[str]:
    """Return the pattern of an index number's parts, dashes folded to ``-``."""
    return regex.compile(
        r"""
        (?P<prefix>[0-9A-Za-z]{1,24}(?:-[0-9Xx])?)?        # organisation code, credit code
        (?:[/-](?P<category>[0-9A-Za-z]{1,12}))?          # catalogue class 0200 or dept jyj
        [/-](?P<year>(?:19|20)[0-9]{2})                     # year
        (?P<month>0[1-9]|1[0-2])?                           # month, in the YYYYMM formats
        [-/](?P<serial>[0-9]{1,12}|None)                    # serial, zeros kept; a literal None
        """,
        regex.VERBOSE,
    )


@functools.cache
def _index_no_year_pattern() -> regex.Pattern[str]:
    """Return the pattern of the old form without a year: 01341316-2/58032."""
    return regex.compile(
        r"""
        (?P<prefix>[0-9A-Za-z]{1,24}(?:-[0-9Xx])?)   # 01341316-2
        /(?P<serial>[0-9]{1,12})                     # /58032
        """,
        regex.VERBOSE,
    )


#: The kinds of index-number prefix, in the order they are tried.
_PREFIX_TYPES: Final[tuple[tuple[str, str], ...]] = (
    ("credit_code_18", r"[0-9A-Z]{18}"),
    ("org_code_9", r"[0-9]{8}[0-9X]"),
    ("org_code_9_hyphen", r"[0-9]{8}-[0-9X]"),
    ("admin_division_10", r"[1-6][0-9]{5}0000"),
    ("site_code_10", r"[0-9]{10}"),
    ("pinyin_dept", r"[a-z]+"),
    ("city_letters+dept", r"[A-Z]{2}[0-9]{3,8}"),
)


@functools.cache
def _prefix_patterns() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((name, regex.compile(source)) for name, source in _PREFIX_TYPES)


def prefix_type(prefix: str) -> str | None:
    """Return what kind of code an index-number prefix is, or None if unknown.

    >>> prefix_type("11330702732038549W"), prefix_type("002482082"), prefix_type("jiaoyuju")
    ('credit_code_18', 'org_code_9', 'pinyin_dept')
    >>> prefix_type("本局") is None
    True
    """
    for name, pattern in _prefix_patterns():
        if pattern.fullmatch(prefix):
            return name
    return None


def parse_index_number(text: str) -> IndexNumber:
    """Return the parts of the index number (索引号) in *text*, with or without its label.

    ``serial`` keeps its zeros and is None where the site printed ``None``;
    ``prefix`` is None where the page left it out.  The middle part of a
    four-part number (``0200``, ``jyj``) is ``category``.

    >>> n = parse_index_number("11440100007502591X/2020-00012")
    >>> n.prefix, n.prefix_type, n.year, n.serial
    ('11440100007502591X', 'credit_code_18', 2020, '00012')
    >>> parse_index_number("索引號: | 113417030032499282/202011-00140 |").month
    11
    >>> parse_index_number("11370323493219501N/2023-None").serial is None
    True
    >>> n = parse_index_number("000014349/2020\N{EN DASH}00123")
    >>> n.year, n.serial
    (2020, '00123')
    >>> parse_index_number("索 引 号:")
    Traceback (most recent call last):
    ...
    govplan.errors.IndexNumberError: not an index number: '索 引 号:'
    """
    require_str(text)
    norm = normalize(text)
    ntext = norm.text
    label = _index_label_pattern().match(ntext)
    token = _index_token_pattern().match(ntext, label.end() if label else 0)
    if token is not None:
        span = norm.span_to_original(token.start(), token.end())
        number = _index_number(token.group().translate(_INDEX_FOLD), text[span.start : span.end])
        if number is not None:
            return number
    raise IndexNumberError(f"not an index number: {_quote(text)}")


def _index_number(value: str, raw: str) -> IndexNumber | None:
    """Return the index number whose token, dashes folded and blanks dropped, is *value*."""
    match = _index_pattern().fullmatch(value)
    if match is not None:
        prefix = match.group("prefix")
        serial = match.group("serial")
        return IndexNumber(
            raw=raw,
            prefix=prefix,
            year=int(match.group("year")),
            serial=None if serial == "None" else serial,
            prefix_type=prefix_type(prefix) if prefix else None,
            category=match.group("category"),
            month=int(match.group("month")) if match.group("month") else None,
        )
    old = _index_no_year_pattern().fullmatch(value)
    if old is not None:
        prefix = old.group("prefix")
        return IndexNumber(
            raw=raw,
            prefix=prefix,
            year=None,
            serial=old.group("serial"),
            prefix_type=prefix_type(prefix),
        )
    return None
