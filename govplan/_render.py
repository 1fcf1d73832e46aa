"""Render documents and rows as text for the command line: views, aligned tables, CSV, JSON.

Pure functions from a :class:`~govplan.model.Document` or from the rows of
:mod:`govplan.tables` to text; the command line (:mod:`govplan.cli`) writes
it.  Tables are aligned in terminal columns, where wide (CJK) characters take
two and zero-width ones none, by :mod:`unicodedata`.  CSV and JSON keep
values exact: an ``int`` as it is, a ``Decimal`` in plain notation.

>>> from govplan import parse
>>> doc = parse("一、总体要求\\n(一)工作目标\\n二、主要措施")
>>> print("\\n".join(document_view(doc)[-5:]))
outline: 3 headings
  一、总体要求
    (一)工作目标
  二、主要措施
claims: 0
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final

from govplan.model import Claim, Document
from govplan.structure import flatten

__all__ = [
    "cell",
    "claims_table",
    "csv_lines",
    "display_width",
    "document_view",
    "json_line",
    "pad",
]

_MISSING: Final = "-"
# Categories that take no column: marks, format and control characters.
_ZERO_WIDTH: Final = frozenset({"Mn", "Me", "Cf", "Cc"})
# Widest heading title shown in the outline tree, in terminal columns.
_TREE_TITLE_WIDTH: Final = 60
# Widest subject and heading shown in the claims table, in terminal columns.
_SUBJECT_WIDTH: Final = 20
_HEADING_WIDTH: Final = 16
_TABLE_HEAD: Final = (
    "value",
    "unit",
    "qualifier",
    "bound",
    "modality",
    "subject",
    "heading",
    "text",
)


def display_width(text: str) -> int:
    """Return how many terminal columns *text* takes: CJK characters two, zero-width ones none.

    Wide and full-width characters (East Asian Width W or F) take two columns;
    combining marks, format characters (U+200B, U+FEFF …), control characters
    and Hangul medial vowels and final consonants take none; the rest one.
    Each emoji of a sequence joined by U+200D counts.

    >>> display_width("abc"), display_width("公办幼儿园"), display_width("（一）1.")
    (3, 10, 8)
    >>> display_width("e\\u0301"), display_width("a\\u200bb"), display_width("\\x1b")
    (1, 2, 0)
    """
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    category = unicodedata.category(char)
    if category in _ZERO_WIDTH or "\u1160" <= char <= "\u11ff":
        return 0
    # Unassigned code points are narrow (some Pythons report them as F).
    wide = category != "Cn" and unicodedata.east_asian_width(char) in ("W", "F")
    return 2 if wide else 1


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Return *text* padded with spaces to *width* terminal columns, on the right or the left.

    >>> pad("幼儿园", 8) + "|", pad("7", 3, right=True)
    ('幼儿园  |', '  7')
    """
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def clip(text: str, width: int) -> str:
    """Return *text* cut to at most *width* terminal columns, with … where it was cut.

    >>> clip("推进义务教育优质均衡发展", 9), clip("总体要求", 9)
    ('推进义务…', '总体要求')
    """
    if display_width(text) <= width:
        return text
    out = []
    used = 0
    for char in text:
        used += display_width(char)
        if used > width - 1:
            break
        out.append(char)
    return "".join(out) + "…"


# --- rows as CSV and JSON ---------------------------------------------------------------


def cell(value: object) -> str:
    """Return *value* as CSV text: exact numbers, booleans as JSON spells them, None empty.

    >>> [cell(v) for v in (7, Decimal("0.35"), Decimal("1E+2"), True, None, "所")]
    ['7', '0.35', '100', 'true', '', '所']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def csv_lines(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Return *rows* as CSV text, one line per row (LF line ends), in the order of *columns*.

    >>> rows = [{"text": "7所", "value": 7, "note": "a,b"}]
    >>> print(csv_lines(rows, ("text", "value", "note")), end="")
    7所,7,"a,b"
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([cell(row[column]) for column in columns] for row in rows)
    return out.getvalue()


def json_line(row: Mapping[str, object]) -> str:
    """Return a flat *row* as one line of JSON; a ``Decimal`` stays an exact JSON number.

    >>> print(json_line({"text": "6.5%", "value": Decimal("6.5"), "high": None, "ok": True}))
    {"text": "6.5%", "value": 6.5, "high": null, "ok": true}
    """
    parts = []
    for key, value in row.items():
        if isinstance(value, Decimal):
            text = format(value, "f")
        else:
            text = json.dumps(value, ensure_ascii=False)
        parts.append(f"{json.dumps(key, ensure_ascii=False)}: {text}")
    return "{" + ", ".join(parts) + "}"


# --- text views --------------------------------------------------------------------------


def _number(value: object) -> str:
    return "" if value is None else cell(value)


# C0 and C1 control characters would move the cursor or recolour the terminal: a view
# shows them as U+FFFD (a tab as a space), so a document cannot drive the terminal.
_CONTROLS: Final = dict.fromkeys((*range(0x20), *range(0x7F, 0xA0)), "\ufffd") | {0x09: " "}


def _text(value: object) -> str:
    return _MISSING if value is None or value == "" else str(value).translate(_CONTROLS)


def claims_table(doc: Document, claims: Sequence[Claim]) -> list[str]:
    """Return *claims* of *doc* as the lines of an aligned table, numbers to the right.

    The heading column shows the markers of the claim's heading path.

    >>> from govplan import parse
    >>> doc = parse("一、学前教育\\n新建公办幼儿园7所。")
    >>> print("\\n".join(claims_table(doc, doc.claims)))
    value  unit  qualifier  bound  modality  subject     heading  text
        7  所    -          -      -         公办幼儿园  一、     7所
    >>> claims_table(doc, ())
    ['(no claims)']
    """
    headings = flatten(doc.outline)
    rows: list[tuple[str, ...]] = []
    for claim in claims:
        value = _number(claim.value)
        if claim.high is not None:
            value = f"{value}~{_number(claim.high)}"
        markers = "".join(headings[i].marker for i in claim.path if 0 <= i < len(headings))
        rows.append(
            (
                value,
                _text(claim.unit),
                _text(claim.approx),
                _text(claim.bound.value if claim.bound is not None else None),
                _text(claim.modality.value if claim.modality is not None else None),
                clip(_text(claim.subject), _SUBJECT_WIDTH),
                clip(_text(markers), _HEADING_WIDTH),
                claim.text.translate(_CONTROLS),
            )
        )
    if not rows:
        return ["(no claims)"]
    return _align([_TABLE_HEAD, *rows], right=frozenset({0}))


def _align(rows: Sequence[Sequence[str]], *, right: frozenset[int]) -> list[str]:
    widths = [max(display_width(row[col]) for row in rows) for col in range(len(rows[0]))]
    lines = []
    for row in rows:
        last = len(row) - 1
        cells = [
            cell if col == last and col not in right else pad(cell, widths[col], right=col in right)
            for col, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def document_view(doc: Document) -> list[str]:
    """Return the lines that show *doc*: metadata, the outline as a tree, a claim count.

    Values the document lacks show as ``-``.

    >>> from govplan import parse
    >>> doc = parse("某县2020年工作计划\\n一、总体要求")
    >>> print("\\n".join(document_view(doc)[:3]))
    title         某县2020年工作计划
    type          工作计划
    period        2020年
    """
    meta = doc.metadata
    number = meta.doc_number
    signature = doc.signature
    facts: list[tuple[str, str]] = [
        ("title", _text(doc.title)),
        ("type", _text(doc.doc_type)),
        ("period", _text(meta.period)),
        ("doc number", _text(number.raw if number is not None else None)),
        ("index number", _text(meta.index_number)),
        ("publisher", _text(meta.publisher)),
        ("date", _text(meta.date.isoformat() if meta.date is not None else None)),
    ]
    if meta.byline is not None:
        facts.append(("byline", _text(meta.byline.text)))
    if signature is not None:
        date = signature.date.isoformat() if signature.date is not None else None
        facts.append(("signature", f"{_text(signature.issuer)} · {_text(date)}"))
    else:
        facts.append(("signature", _MISSING))
    facts.extend(("field", f"{field.label}: {_text(field.value)}") for field in meta.fields)
    lines = _align(facts, right=frozenset())
    headings = flatten(doc.outline)
    lines.append(f"outline: {len(headings)} headings")
    for heading in headings:
        title = clip(_text(heading.title) if heading.title else "", _TREE_TITLE_WIDTH)
        lines.append(f"{'  ' * heading.level}{_text(heading.marker)}{title}")
    lines.append(_claims_summary(doc))
    for diagnostic in doc.diagnostics:
        where = f" at {diagnostic.span.start}" if diagnostic.span is not None else ""
        lines.append(f"diagnostic: {diagnostic.code}{where}: {_text(diagnostic.message)}")
    return lines


def _claims_summary(doc: Document) -> str:
    counts: dict[str, int] = {}
    for claim in doc.claims:
        key = claim.modality.value if claim.modality is not None else "unmarked"
        counts[key] = counts.get(key, 0) + 1
    detail = ", ".join(
        f"{counts[key]} {key}" for key in ("achieved", "target", "unmarked") if key in counts
    )
    return f"claims: {len(doc.claims)}" + (f" ({detail})" if detail else "")
