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

from typing import Final

import regex

from govplan.errors import DocNumberError, IndexNumberError, require_str
from govplan.model import DocNumber, IndexNumber
from govplan.normalize import Normalized, normalize

__all__ = ["parse_doc_number", "parse_index_number"]

# --- document numbers --------------------------------------------------------------

_OPEN: Final = "〔[(【﹝{［<"
_CLOSE: Final = "〕])】﹞}］>"

# A serial followed by 号: where a document number ends.  Found first, so that
# the costlier pattern below only ever looks at a short window before it.
_SERIAL: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?<!\d)\d{1,12}+        # the serial (or year and serial run together)
    [ \t]{0,3}+[号號]        # 号
    """,
    regex.VERBOSE,
)

# How far before the serial a document number may start.
_WINDOW: Final = 48

_DOC_NUMBER: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?P<agency>[\p{{Han}}A-Za-z]{{1,24}}?)         # organ code 厦湖教; lazy, so 第 stays out
    [ \t]{{0,2}}
    (?:
        (?P<open>[{regex.escape(_OPEN)}])[ \t]{{0,2}}
        (?P<year>(?:19|20)\d{{2}})                  # 〔2020〕
        [ \t]{{0,2}}(?P<close>[{regex.escape(_CLOSE)}])
        (?P<series>[\p{{Han}}() \t]{{0,12}}?)        # 字 / (通知)钦防二线 before the serial
      | (?P<bare>(?:19|20)\d{{2}})[ \t]{{0,2}}年?[ \t]{{0,2}}  # 2021年262号, 2021 42号, 201756号
    )?
    (?P<di>第)?[ \t]{{0,2}}                          # 第245号
    (?P<serial>\d{{1,6}})[ \t]{{0,3}}[号號]
    \Z
    """,
    regex.VERBOSE,
)

# Labels that may stand glued before a number without a colon.
_LABEL_PREFIX: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^(?:备注/?|发文)?                  # 备注/ or 发文 before the label
    (?:文件编号|字号|文号|发文号)       # the label itself
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
    for candidate in _SERIAL.finditer(ntext):
        lo = max(0, candidate.start() - _WINDOW)
        window = ntext[lo : candidate.end()]
        match = _DOC_NUMBER.search(window)
        if match is None or not _acceptable(match):
            if problem == "not a document number" and _has_unclosed_bracket(window):
                problem = "unclosed bracket in document number"
            continue
        return _doc_number(norm, match, lo)
    raise DocNumberError(f"{problem}: {_quote(text)}")


def _acceptable(match: regex.Match[str]) -> bool:
    """Return whether a match is a document number and not a date or a count."""
    agency = _LABEL_PREFIX.sub("", match.group("agency"))
    if len(agency) < 2 or agency[-1] in _NOT_AGENCY_END:
        return False
    # Without a year, only 第N号 (an order, 令第711号) is a number.
    return bool(match.group("year") or match.group("bare") or match.group("di"))


def _has_unclosed_bracket(window: str) -> bool:
    last_open = max(window.rfind(c) for c in _OPEN)
    return last_open != -1 and not any(c in window[last_open:] for c in _CLOSE)


def _doc_number(norm: Normalized, match: regex.Match[str], lo: int) -> DocNumber:
    agency_text = match.group("agency")
    label = _LABEL_PREFIX.match(agency_text)
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

# The label before an index number (索引号, 索 引 号, 信息索引, 索引號), with
# list bullets, table bars and a colon around it.
_INDEX_LABEL: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^[\s|]{0,8}+(?:[-•·*][ \t]+)?              # table bars, a list bullet
    (?:(?:信息)?索[ \t]{0,3}引(?:[ \t]{0,3}号)?|信息索引号?|编[ \t]{0,3}号)?
    [ \t]{0,3}[:∶︰|]?[\s|]{0,8}+
    """,
    regex.VERBOSE,
)

# The index number itself, taken as one token.
_INDEX_TOKEN: Final[regex.Pattern[str]] = regex.compile(r"[-0-9A-Za-z][-0-9A-Za-z/_—]{0,60}+")

_INDEX: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?P<prefix>[0-9A-Za-z]{1,24}(?:-[0-9Xx])?)?        # organisation code, credit code, XM02104
    (?:[/-](?P<category>[0-9A-Za-z]{1,12}))?          # catalogue class 0200 or department jyj
    [/-](?P<year>(?:19|20)\d{2})                        # year
    (?P<month>0[1-9]|1[0-2])?                           # month, in the YYYYMM formats
    [-/](?P<serial>\d{1,12}|None)                       # serial, zeros kept; a literal None
    """,
    regex.VERBOSE,
)

# The old form without a year: 01341316-2/58032.
_INDEX_NO_YEAR: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?P<prefix>[0-9A-Za-z]{1,24}(?:-[0-9Xx])?)   # 01341316-2
    /(?P<serial>\d{1,12})                        # /58032
    """,
    regex.VERBOSE,
)

_PREFIX_TYPES: Final[tuple[tuple[str, regex.Pattern[str]], ...]] = (
    ("credit_code_18", regex.compile(r"[0-9A-Z]{18}")),
    ("org_code_9", regex.compile(r"\d{8}[0-9X]")),
    ("org_code_9_hyphen", regex.compile(r"\d{8}-[0-9X]")),
    ("admin_division_10", regex.compile(r"[1-6]\d{5}0000")),
    ("site_code_10", regex.compile(r"\d{10}")),
    ("pinyin_dept", regex.compile(r"[a-z]+")),
    ("city_letters+dept", regex.compile(r"[A-Z]{2}\d{3,8}")),
)


def prefix_type(prefix: str) -> str | None:
    """Return what kind of code an index-number prefix is, or None if unknown.

    >>> prefix_type("11330702732038549W"), prefix_type("002482082"), prefix_type("jiaoyuju")
    ('credit_code_18', 'org_code_9', 'pinyin_dept')
    >>> prefix_type("本局") is None
    True
    """
    for name, pattern in _PREFIX_TYPES:
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
    >>> parse_index_number("索 引 号:")
    Traceback (most recent call last):
    ...
    govplan.errors.IndexNumberError: not an index number: '索 引 号:'
    """
    require_str(text)
    norm = normalize(text)
    ntext = norm.text
    label = _INDEX_LABEL.match(ntext)
    token = _INDEX_TOKEN.match(ntext, label.end() if label else 0)
    if token is None:
        raise IndexNumberError(f"not an index number: {_quote(text)}")
    value = token.group().replace("—", "-")
    span = norm.span_to_original(token.start(), token.end())
    raw = norm.source[span.start : span.end]
    match = _INDEX.fullmatch(value)
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
    old = _INDEX_NO_YEAR.fullmatch(value)
    if old is not None:
        prefix = old.group("prefix")
        return IndexNumber(
            raw=raw,
            prefix=prefix,
            year=None,
            serial=old.group("serial"),
            prefix_type=prefix_type(prefix),
        )
    raise IndexNumberError(f"not an index number: {_quote(text)}")
