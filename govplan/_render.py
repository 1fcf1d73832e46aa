"""Render a parsed document as text for the command line: a tree view, tables, CSV rows.

Pure functions from a :class:`~govplan.model.Document` and its
:func:`~govplan.serialize.to_dict` form to lines of text or CSV rows; the
command line (:mod:`govplan.cli`) writes them.  Tables are aligned in
terminal columns, where wide (CJK) characters take two (:func:`display_width`).

>>> from govplan import parse, to_dict
>>> doc = parse("一、总体要求\\n(一)工作目标\\n二、主要措施")
>>> print("\\n".join(document_view(doc, to_dict(doc))[-5:]))
outline: 3 headings
  一、总体要求
    (一)工作目标
  二、主要措施
claims: 0
>>> list(outline_rows("plan.txt", to_dict(doc)))[1]
['plan.txt', 2, 'cn_paren', 1, '(一)', '工作目标', 'false', 7, 14]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from govplan.model import Document
from govplan.serialize import JSONValue

__all__ = [
    "CSV_CLAIMS",
    "CSV_OUTLINE",
    "claim_rows",
    "claims_table",
    "display_width",
    "document_view",
    "json_objects",
    "outline_rows",
]

_MISSING: Final = "-"
# Widest heading title shown in the outline tree, in terminal columns.
_TREE_TITLE_WIDTH: Final = 60
# Widest subject shown in the claims table, in terminal columns.
_SUBJECT_WIDTH: Final = 20

#: The header row of ``govplan parse --format csv``.
CSV_OUTLINE: Final = (
    "file",
    "level",
    "style",
    "ordinal",
    "marker",
    "title",
    "inline",
    "start",
    "end",
)
#: The header row of ``govplan claims --format csv``.
CSV_CLAIMS: Final = (
    "file",
    "start",
    "end",
    "text",
    "value",
    "high",
    "unit",
    "approx",
    "bound",
    "modality",
    "subject",
    "heading_path",
    "heading",
)
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
    """Return how many terminal columns *text* takes: wide (CJK) characters take two.

    >>> display_width("abc"), display_width("公办幼儿园"), display_width("（一）1.")
    (3, 10, 8)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def json_objects(value: JSONValue) -> list[dict[str, JSONValue]]:
    """Return the objects of a JSON list, or ``[]`` when *value* is not a list.

    >>> json_objects([{"a": 1}, 2, {"b": None}]), json_objects("text")
    ([{'a': 1}, {'b': None}], [])
    """
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


# --- CSV rows --------------------------------------------------------------------------


def outline_rows(name: str, data: dict[str, JSONValue]) -> Iterable[list[object]]:
    """Yield one CSV row (the columns of :data:`CSV_OUTLINE`) per heading of *data*.

    >>> node = {"level": 1, "style": "cn_dun", "ordinal": 1, "marker": "一、",
    ...     "title": "总体要求", "inline": False, "start": 0, "end": 6}
    >>> list(outline_rows("a.txt", {"outline": [node]}))
    [['a.txt', 1, 'cn_dun', 1, '一、', '总体要求', 'false', 0, 6]]
    """
    for node in json_objects(data["outline"]):
        yield [name, *(_cell(node[key]) for key in CSV_OUTLINE[1:])]


def _cell(value: JSONValue) -> object:
    """Return *value* as a CSV cell: booleans as JSON spells them, None as empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def claim_rows(name: str, data: dict[str, JSONValue]) -> Iterable[list[object]]:
    """Yield one CSV row (the columns of :data:`CSV_CLAIMS`) per claim of *data*.

    >>> claim = {"start": 9, "end": 11, "text": "7所", "value": 7.0, "high": None,
    ...     "unit": "所", "approx": None, "bound": None, "modality": "target",
    ...     "subject": "幼儿园", "path": [0]}
    >>> node = {"marker": "一、", "title": "总体要求"}
    >>> list(claim_rows("a.txt", {"outline": [node], "claims": [claim]}))[0][3:7]
    ['7所', '7', None, '所']
    """
    outline = json_objects(data["outline"])
    for claim in json_objects(data["claims"]):
        path = _path_nodes(claim, outline)
        yield [
            name,
            claim["start"],
            claim["end"],
            claim["text"],
            _number(claim["value"]),
            _number(claim["high"]),
            claim["unit"],
            claim["approx"],
            claim["bound"],
            claim["modality"],
            claim["subject"],
            "".join(str(node["marker"]) for node in path),
            str(path[-1]["title"]) if path else None,
        ]


def _path_nodes(
    claim: dict[str, JSONValue], outline: list[dict[str, JSONValue]]
) -> list[dict[str, JSONValue]]:
    path = claim.get("path")
    if not isinstance(path, list):
        return []
    return [outline[i] for i in path if isinstance(i, int) and 0 <= i < len(outline)]


def _number(value: JSONValue) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text(value: JSONValue) -> str:
    return _MISSING if value is None or value == "" else str(value)


# --- text views ------------------------------------------------------------------------


def claims_table(data: dict[str, JSONValue]) -> list[str]:
    """Return the claims of *data* as the lines of an aligned table, numbers to the right.

    >>> claim = {"text": "7所", "value": 7, "high": None, "unit": "所", "approx": None,
    ...     "bound": None, "modality": "target", "subject": "公办幼儿园", "path": []}
    >>> print("\\n".join(claims_table({"outline": [], "claims": [claim]})))
    value  unit  qualifier  bound  modality  subject     heading  text
        7  所    -          -      target    公办幼儿园  -        7所
    >>> claims_table({"outline": [], "claims": []})
    ['(no claims)']
    """
    outline = json_objects(data["outline"])
    rows: list[tuple[str, ...]] = []
    for claim in json_objects(data["claims"]):
        value = _number(claim["value"]) or ""
        if claim["high"] is not None:
            value = f"{value}~{_number(claim['high'])}"
        rows.append(
            (
                value,
                _text(claim["unit"]),
                _text(claim["approx"]),
                _text(claim["bound"]),
                _text(claim["modality"]),
                _clip(_text(claim["subject"]), _SUBJECT_WIDTH),
                _text("".join(str(node["marker"]) for node in _path_nodes(claim, outline))),
                str(claim["text"]),
            )
        )
    if not rows:
        return ["(no claims)"]
    return _align([_TABLE_HEAD, *rows], right=frozenset({0}))


def _align(rows: Sequence[Sequence[str]], *, right: frozenset[int]) -> list[str]:
    widths = [max(display_width(row[col]) for row in rows) for col in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for col, cell in enumerate(row):
            pad = " " * (widths[col] - display_width(cell))
            last = col == len(row) - 1
            cells.append(pad + cell if col in right else cell + ("" if last else pad))
        lines.append("  ".join(cells))
    return lines


def _clip(text: str, width: int) -> str:
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


def document_view(doc: Document, data: dict[str, JSONValue]) -> list[str]:
    """Return the lines that show *doc*: metadata, the outline as a tree, a claim count.

    *data* is ``to_dict(doc)``.  Values the document lacks show as ``-``.

    >>> from govplan import parse, to_dict
    >>> doc = parse("某县2020年工作计划\\n一、总体要求")
    >>> print("\\n".join(document_view(doc, to_dict(doc))[:3]))
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
        facts.append(("byline", meta.byline.text))
    if signature is not None:
        date = signature.date.isoformat() if signature.date is not None else None
        facts.append(("signature", f"{_text(signature.issuer)} · {_text(date)}"))
    else:
        facts.append(("signature", _MISSING))
    for field in meta.fields:
        facts.append(("field", f"{field.label}: {_text(field.value)}"))
    lines = _align(facts, right=frozenset())
    outline = json_objects(data["outline"])
    lines.append(f"outline: {len(outline)} headings")
    for node in outline:
        level = node["level"]
        indent = "  " * (level if isinstance(level, int) else 1)
        title = _clip(str(node["title"]), _TREE_TITLE_WIDTH)
        lines.append(f"{indent}{node['marker']}{title}")
    lines.append(_claims_summary(doc))
    for diagnostic in doc.diagnostics:
        where = f" at {diagnostic.span.start}" if diagnostic.span is not None else ""
        lines.append(f"diagnostic: {diagnostic.code}{where}: {diagnostic.message}")
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
