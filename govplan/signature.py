"""Find the signature of a document: the issuing organ and the date under the text.

A signature is an organ name and a date on the lines after a paragraph, at
the end of the text (:func:`find_signature`, which reads only the last
:data:`TAIL_LINES` lines of the text layer), or around an attachment (附件)
when the text goes on with it; a notice followed by the plan it issues is
signed before the body (:func:`signature_at`, called by
:mod:`govplan.metadata` on the head).  The issuer may stand on the date's
line, on the one or two lines above, or at the end of the last paragraph
when the line break before it was lost (``…确保稳定。某镇人民政府``); a date
alone signs only right after the last paragraph, and an organ name alone
only when nothing but a year and month follows it.  The author of a
signed report (its byline's name) signs it too.

>>> from govplan.segments import segment_text
>>> sig = find_signature(segment_text("现将要点印发给你们。\\n某區教育局\\n2020年7月2日\\n"))
>>> sig.issuer, sig.date.isoformat(), sig.span
('某區教育局', '2020-07-02', Span(start=11, end=26))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

from govplan._lines import Line, classify, is_organ, lines_at, original, source_span, tail_lines
from govplan.dates import search_date
from govplan.model import Signature
from govplan.normalize import Normalized
from govplan.segments import TextLayer, segment

__all__ = ["TAIL_LINES", "find_signature", "signature_at"]

#: How many lines at the end of a text are read for the signature.
TAIL_LINES: Final = 30

_ATTACHMENT: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^[ \t]{0,8}附件                          # 附件 at the start of a line
    [ \t]{0,2}[\d一二三四五六七八九十]{0,2}    # 附件1 / 附件一
    [ \t]{0,2}(?::|$)                        # then a colon or the line end
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# A year and month without a day: the date of a signature that is not a full date.
_MONTH: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:\d{4}|[〇零○O一二三四五六七八九]{4})[ ]?年    # 2021年 / 二〇二一年
    [ ]?(?:\d{1,2}|十?[一二三四五六七八九十])[ ]?月   # 12月 / 十二月
    份?$
    """,
    regex.VERBOSE,
)

# The organ name at the end of a paragraph whose line break before it was lost.
_GLUED_ISSUER: Final[regex.Pattern[str]] = regex.compile(
    r"[。!?！？](?P<issuer>[^。!?！？]{2,40})$"
)


def find_signature(
    source: TextLayer | Normalized, *, floor: int = 0, author: str | None = None
) -> Signature | None:
    """Return the signature at the end of a text or around its attachment.

    *source* is the text layer (a Normalized text is cut into one first).
    Only the text after the normalised offset *floor* is read (the head,
    already read for a notice's signature, stays out).  A date with no organ
    before it signs only when it follows the last paragraph.  *author* is the
    name of the byline, which may sign a report in place of an organ.

    >>> from govplan.segments import segment_text
    >>> find_signature(segment_text("全面完成任务。\\n某县人民政府\\n2021年12月")).issuer
    '某县人民政府'
    >>> print(find_signature(segment_text("全面完成任务。\\n1.加强领导。")))
    None
    >>> find_signature("text")
    Traceback (most recent call last):
    ...
    TypeError: source must be a TextLayer or a Normalized text, not str
    """
    if isinstance(source, Normalized):
        source = segment(source)
    if not isinstance(source, TextLayer):
        raise TypeError(
            f"source must be a TextLayer or a Normalized text, not {type(source).__name__}"
        )
    signature = _tail_signature(source, floor, author)
    if signature is None:
        signature = _attachment_signature(source, floor)
    return signature


def signature_at(
    norm: Normalized, line: Line, previous: Sequence[Line], *, author: str | None = None
) -> Signature | None:
    """Return the signature whose date stands on *line*, its issuer on the lines before.

    *previous* holds the non-empty lines above *line*; the issuer is the one
    or two organ names right above it (or the *author*'s name), the text
    before the date on *line*, or an organ name glued onto the end of the
    paragraph above.

    >>> from govplan._lines import head_lines
    >>> from govplan.segments import segment_text
    >>> layer = segment_text("某县人民政府\\n某县教育局\\n2020年7月2日")
    >>> *above, last = head_lines(layer, len(layer.text), 3)
    >>> signature_at(layer.norm, last, above).issuer
    '某县人民政府 某县教育局'
    >>> print(signature_at(layer.norm, above[0], []))
    None
    """
    found = search_date(line.text, with_time=True)
    if found is None:
        return None
    date, where = found
    if where.start > 0:  # issuer and date on one line
        name = line.text[: where.start].rstrip()
        issuers = [Line(line.start, line.start + len(name), name)]
    else:
        issuers = _issuers_above(previous, author)
    start = issuers[0].start if issuers else line.start + where.start
    span = source_span(norm, start, line.start + where.end)
    issuer = " ".join(original(norm, part) for part in issuers) or None
    return Signature(issuer=issuer, date=date, span=span)


def _issuers_above(previous: Sequence[Line], author: str | None) -> list[Line]:
    """Return the one or two organ names (or the author's name) right above a date."""
    issuers: list[Line] = []
    for prior in reversed(previous[-2:]):
        if prior.text and (is_organ(prior.text) or _is_author(prior.text, author)):
            issuers.insert(0, prior)
            continue
        if not issuers and prior.text:
            glued = _GLUED_ISSUER.search(prior.text)
            name = "" if glued is None else glued.group("issuer")
            if glued is not None and (is_organ(name) or _is_author(name, author)):
                issuers.insert(0, Line(prior.start + glued.start("issuer"), prior.end, name))
        break
    return issuers


def _is_author(text: str, author: str | None) -> bool:
    return author is not None and "".join(text.split()) == author


def _tail_signature(layer: TextLayer, floor: int, author: str | None) -> Signature | None:
    """Return the signature among the last lines, walking up to the last paragraph."""
    lines = tail_lines(layer, floor, TAIL_LINES)
    norm = layer.norm
    seen = 0
    only_months = True  # the lines after the one looked at hold at most 2021年12月
    for idx in range(len(lines) - 1, -1, -1):
        text = lines[idx].text
        if not text:
            continue
        kind = classify(text)
        if kind == "noise":
            continue
        if kind in {"date", "org_date"}:
            before = [line for line in lines[:idx] if line.text]
            signature = signature_at(norm, lines[idx], before, author=author)
            # A date without an issuer signs only when it follows the last paragraph.
            if signature is not None and signature.issuer is None:
                return signature if _follows_paragraph(lines, idx) else None
            return signature
        if kind == "paragraph" or seen >= 8:
            return None
        if only_months and is_organ(text) and _follows_paragraph(lines, idx):
            return _signature_without_date(norm, lines[idx])
        only_months = only_months and _MONTH.match(text) is not None
        seen += 1
    return None


def _follows_paragraph(lines: list[Line], idx: int) -> bool:
    before = [line for line in lines[:idx] if line.text]
    return bool(before) and classify(before[-1].text) == "paragraph"


def _signature_without_date(norm: Normalized, line: Line) -> Signature:
    """Return the signature of an organ name that ends the text with no full date."""
    return Signature(
        issuer=original(norm, line), date=None, span=source_span(norm, line.start, line.end)
    )


def _attachment_signature(layer: TextLayer, floor: int) -> Signature | None:
    """Return a signature standing around the first attachment (附件) line, if any."""
    text = layer.text
    match = _ATTACHMENT.search(text, floor)
    if match is None:
        return None
    first = max(layer.line_index(match.start()) - 6, layer.line_index(floor))
    start = max(layer.line_starts[first], floor)
    previous: list[Line] = []
    for line in lines_at(layer, start, 14):
        if line.start < floor or not line.text:
            continue
        if classify(line.text) in {"date", "org_date"}:
            signature = signature_at(layer.norm, line, previous)
            if signature is not None and signature.issuer is not None:
                return signature
        previous.append(line)
    return None
