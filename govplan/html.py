"""A parsed document as one standalone HTML page, to look at rather than read as JSON.

:func:`to_html` returns the page as a ``str``; it does no I/O (the command
line's ``govplan html FILE -o OUT.html`` writes it).  The page needs nothing
but itself: the stylesheet is inline, there is no script, no font, image or
link to fetch, so it works offline and as an e-mail attachment.

What the page holds:

* a header with the title and metadata (type, period, 文号, 索引号, publisher,
  dates, signature, every disclosure-header field) and counts;
* an outline navigation, one link per heading;
* ``<article id="document">``: the text given to :func:`govplan.parse`,
  character for character (its ``textContent`` is ``doc.text``; see
  :func:`govplan._html_article.escape_text` for the two characters HTML cannot
  hold), with line breaks kept by ``white-space: pre-wrap``.  Each heading is a
  ``<span class="heading" id="h-N" data-level data-style data-ordinal>`` and
  each claim a ``<mark class="claim" id="c-N" data-modality data-value
  data-unit data-subject>`` (``data-modality`` is ``target``, ``achieved`` or
  empty; ``data-high``, ``data-approx`` and ``data-bound`` appear when set),
  coloured by modality, with its details in a ``title`` (shown on hover) and in
  a panel while it has the focus (Tab, or a tap on a phone);
* a legend of the colours, and a table of the claims with the columns of
  :func:`govplan.tables.claim_rows` (without ``file``, ``title`` and
  ``doc_type``, which are the same on every row and stand in the header),
  each row linking to its mark.

Where a heading and a claim only partly overlap, one of them is split in
pieces (see :mod:`govplan._html_article`): the first piece is the element
described above; each later piece is a ``heading-part`` or ``claim-part``
with ``data-of`` naming the first piece's id, so ``.heading`` and
``mark.claim`` still count each heading and claim once.

>>> import govplan
>>> page = to_html(govplan.parse("一、总体要求\\n新建幼儿园3所。"))
>>> page.startswith("<!DOCTYPE html>")
True
>>> print(page[page.index("<article") : page.index("</article>") + 10])
<article id="document" lang="zh"><span class="heading" id="h-1" ...>一、总体要求</span>
新建幼儿园<mark class="claim" id="c-1" ... data-value="3" data-unit="所" ...>3所</mark>。</article>
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

from govplan._html_article import Element, escape_attribute, escape_text, markup
from govplan._html_style import CSS
from govplan.model import Claim, Document, Heading, Number
from govplan.structure import flatten
from govplan.tables import CLAIM_COLUMNS, ClaimRow, claim_rows

__all__ = ["TABLE_COLUMNS", "to_html"]

#: The columns of the page's claims table: those of ``claim_rows`` that vary by claim.
TABLE_COLUMNS: Final = tuple(c for c in CLAIM_COLUMNS if c not in ("file", "title", "doc_type"))

_NUMERIC: Final = frozenset({"value", "high", "start", "end"})
_MODALITY_LABEL: Final = {"target": "target 目标", "achieved": "achieved 完成", "": "not marked"}
_BOUND_LABEL: Final = {"min": "at least", "max": "at most"}
_UNTITLED: Final = "Untitled document"
_WIDE: Final = ' class="wide"'


def to_html(doc: Document, *, file: str | None = None) -> str:
    """Return *doc* as a standalone HTML page; *file* names its source in the header.

    >>> import govplan
    >>> page = to_html(govplan.parse("力争新建幼儿园5所。"), file="plan.txt")
    >>> page.count('<mark class="claim"'), 'data-modality="target"' in page
    (1, True)
    >>> "<title>plan.txt · govplan</title>" in page
    True
    >>> to_html("text")
    Traceback (most recent call last):
    ...
    TypeError: doc must be a govplan Document, not str
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a govplan Document, not {type(doc).__name__}")
    from govplan import __version__  # the package is fully imported by the time this runs

    headings = flatten(doc.outline)
    rows = claim_rows(doc, file=file)
    title = doc.title or file or _UNTITLED
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="govplan {escape_attribute(__version__)}">\n',
        f"<title>{escape_text(title)} · govplan</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        _header(doc, file, len(headings)),
        '<div class="layout">\n',
        _nav(doc.outline, len(headings)),
        "<main>\n",
        _legend(doc.claims),
        '<article id="document" lang="zh">',
        markup(doc.text, _elements(headings, doc.claims, rows)),
        "</article>\n</main>\n</div>\n",
        _claims_table(rows),
        _notes(doc),
        f"<footer>Made by govplan {escape_text(__version__)}. Hover over a highlighted figure, "
        "or focus it with Tab, to see what was read from it.</footer>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _number(value: Number | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _modality(claim: Claim) -> str:
    return claim.modality.value if claim.modality is not None else ""


def _header(doc: Document, file: str | None, heading_count: int) -> str:
    items = "".join(
        f"<div{_WIDE if label in ('source', 'contents') else ''}><dt>{label}</dt>"
        f"<dd>{escape_text(value)}</dd></div>"
        for label, value in _meta_items(doc, file, heading_count)
    )
    fields = ""
    if doc.metadata.fields:
        rows = "".join(
            f"<div><dt>{escape_text(f.label)}</dt><dd>{escape_text(f.value or '')}</dd></div>"
            for f in doc.metadata.fields
        )
        count = len(doc.metadata.fields)
        fields = (
            f'<details class="fields"><summary>Disclosure header: {count} '
            f'field{"s" if count != 1 else ""}</summary><dl class="meta" lang="zh">{rows}</dl>'
            "</details>\n"
        )
    return (
        f'<header class="page">\n<h1 lang="zh">{escape_text(doc.title or _UNTITLED)}</h1>\n'
        f'<dl class="meta" lang="zh">{items}</dl>\n{fields}</header>\n'
    )


def _meta_items(doc: Document, file: str | None, heading_count: int) -> Iterator[tuple[str, str]]:
    meta, sig = doc.metadata, doc.signature
    candidates = (
        ("source", file),
        ("type", doc.doc_type),
        ("period", meta.period),
        ("document number", meta.doc_number.raw if meta.doc_number else None),
        ("index number", meta.index_number),
        ("publisher", meta.publisher),
        ("date", meta.date.isoformat() if meta.date else None),
        ("byline", meta.byline.text if meta.byline else None),
        ("signed by", sig.issuer if sig else None),
        ("signed on", sig.date.isoformat() if sig and sig.date else None),
    )
    yield from ((label, value) for label, value in candidates if value)
    counts = {m: sum(1 for c in doc.claims if _modality(c) == m) for m in _MODALITY_LABEL}
    yield (
        "contents",
        f"{len(doc.text):,} characters · {heading_count} headings · {len(doc.claims)} claims "
        f"({counts['target']} target, {counts['achieved']} achieved, {counts['']} not marked)",
    )


def _nav(outline: Sequence[Heading], count: int) -> str:
    if not outline:
        return '<nav class="outline" aria-label="Outline"><p>No numbered headings.</p></nav>\n'
    return (
        f'<nav class="outline" aria-label="Outline"><details open><summary>Outline: {count} '
        f"heading{'s' if count != 1 else ''}</summary>\n"
        f"{_nav_list(outline, itertools.count(1))}</details></nav>\n"
    )


def _nav_list(headings: Iterable[Heading], numbers: Iterator[int]) -> str:
    items = []
    for heading in headings:
        number = next(numbers)  # pre-order, the order of flatten() and of the article's ids
        below = _nav_list(heading.children, numbers) if heading.children else ""
        label = escape_text(heading.marker + heading.title)
        items.append(f'<li><a href="#h-{number}">{label}</a>{below}</li>\n')
    return '<ol lang="zh">\n' + "".join(items) + "</ol>\n"


def _legend(claims: Sequence[Claim]) -> str:
    items = "".join(
        f'<li><mark data-modality="{key}">{label}</mark> '
        f"{sum(1 for c in claims if _modality(c) == key)}</li>"
        for key, label in _MODALITY_LABEL.items()
    )
    return f'<ul class="legend" aria-label="Colours of the claims">{items}</ul>\n'


def _elements(
    headings: Sequence[Heading], claims: Sequence[Claim], rows: Sequence[ClaimRow]
) -> Iterator[Element]:
    """Headings first, so that a heading and a claim with the same span nest heading outside."""
    for number, heading in enumerate(headings, 1):
        level = heading.level
        yield Element(
            heading.span.start,
            heading.span.end,
            f'<span class="heading" id="h-{number}" data-level="{level}" '
            f'data-style="{heading.style.value}" data-ordinal="{heading.ordinal}">',
            f'<span class="heading-part" data-of="h-{number}" data-level="{level}">',
            "</span>",
        )
    for number, (claim, row) in enumerate(zip(claims, rows, strict=True), 1):
        modality = _modality(claim)
        tip = escape_attribute(_tip(number, row))
        attributes = [
            ("modality", modality),
            ("value", _number(claim.value)),
            ("high", _number(claim.high) if claim.high is not None else None),
            ("unit", claim.unit),
            ("subject", claim.subject or ""),
            ("approx", claim.approx),
            ("bound", claim.bound.value if claim.bound is not None else None),
        ]
        data = "".join(
            f' data-{name}="{escape_attribute(value)}"'
            for name, value in attributes
            if value is not None
        )
        yield Element(
            claim.span.start,
            claim.span.end,
            f'<mark class="claim" id="c-{number}" tabindex="0"{data} title="{tip}">',
            f'<mark class="claim-part" data-of="c-{number}" data-modality="{modality}" '
            f'title="{tip}">',
            "</mark>",
        )


def _tip(number: int, row: ClaimRow) -> str:
    """Return the details of a claim, a line each, for its ``title`` and its focus panel."""
    value = _number(row["value"])
    if row["high"] is not None:
        value += " to " + _number(row["high"])
    lines = [
        f"#{number} {_MODALITY_LABEL[row['modality'] or '']}",
        f"value: {value} {row['unit']}",
    ]
    if row["approx"]:
        lines.append(f"approximate: {row['approx']}")
    if row["bound"]:
        lines.append(f"bound: {_BOUND_LABEL.get(row['bound'], row['bound'])}")
    if row["subject"]:
        lines.append(f"subject: {row['subject']}")
    if row["direction"] or row["baseline"]:
        change = row["direction"] or "change"
        against = f" against {row['baseline']}" if row["baseline"] else ""
        lines.append(f"change: {change}{against}")
    if row["heading"]:
        lines.append(f"under: {row['heading']}")
    return "\n".join(lines)


def _claims_table(rows: Sequence[ClaimRow]) -> str:
    if not rows:
        return '<section class="claims" id="claims"><h2>Claims</h2><p>No claims.</p></section>\n'
    head = "".join(f"<th>{name}</th>" for name in ("#", *TABLE_COLUMNS))
    body = "".join(_table_row(number, row) for number, row in enumerate(rows, 1))
    return (
        f'<section class="claims" id="claims"><h2>Claims: {len(rows)}</h2>\n'
        f'<div class="table-box"><table>\n<thead><tr>{head}</tr></thead>\n'
        f'<tbody lang="zh">\n{body}</tbody>\n</table></div>\n</section>\n'
    )


def _table_row(number: int, row: ClaimRow) -> str:
    values: Mapping[str, object] = row
    cells = [f'<td class="number"><a href="#c-{number}">{number}</a></td>']
    for name in TABLE_COLUMNS:
        value = values[name]
        shown = escape_text(
            _number(value) if isinstance(value, (int, Decimal)) else str(value or "")
        )
        if name == "text":
            cells.append(f'<td class="text"><a href="#c-{number}">{shown}</a></td>')
        else:
            cells.append(
                f'<td class="number">{shown}</td>' if name in _NUMERIC else f"<td>{shown}</td>"
            )
    modality = row["modality"] or ""
    return f'<tr id="row-c-{number}" data-modality="{modality}">{"".join(cells)}</tr>\n'


def _notes(doc: Document) -> str:
    if not doc.diagnostics:
        return ""
    items = "".join(
        f"<li><code>{escape_text(d.code)}</code> {escape_text(d.message)}</li>"
        for d in doc.diagnostics
    )
    count = len(doc.diagnostics)
    return (
        f'<section class="notes"><details class="notes"><summary>{count} '
        f'note{"s" if count != 1 else ""} from the parser</summary><ul lang="zh">{items}'
        "</ul></details></section>\n"
    )
