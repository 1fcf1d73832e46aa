"""Titles as pages print them: notes and template text around them, type words, repeats.

Used by :mod:`govplan.metadata` on stripped, normalised lines.  Every
function returns positions into the line it is given, so that the title can
be sliced from the original text.

- :func:`title_bounds` drops what a site prints around a title: a bracketed
  note (``(仅供学习参考,切勿通篇使用)``, ``【精选】``) and the site name after a
  template bar (``… | 某县人民政府门户网站``).
- :func:`leading_title` finds the title at the start of a page flattened onto
  one line (``xx年卫生局上半年工作总结 xx 年卫生局上半年工作总结 撰写人: ___ …``).
- :func:`type_of` and :func:`splits_type_word` read document-type words.
- :func:`toc_key` is how a table-of-contents entry and the title it lists compare.

>>> line = "(仅供学习参考,切勿通篇使用)县教科体局2020年工作总结"
>>> start, end = title_bounds(line)
>>> line[start:end]
'县教科体局2020年工作总结'
"""

from __future__ import annotations

from typing import Final

import regex

from govplan import _metadata_lexicon as lex
from govplan._lines import OCCASION, TOOLBAR
from govplan.dates import search_date

__all__ = ["fold", "leading_title", "splits_type_word", "title_bounds", "toc_key", "type_of"]

_NOTE_WORDS: Final = "|".join(regex.escape(w) for w in lex.TITLE_NOTE_WORDS)

# A bracketed note at the start or the end of a title line.
_NOTE: Final = (
    rf"[(\[【〔][^()\[\]【】〔〕]{{0,30}}?(?:{_NOTE_WORDS})[^()\[\]【】〔〕]{{0,30}}[)\]】〕]"
)
_LEADING_NOTE: Final[regex.Pattern[str]] = regex.compile(rf"^{_NOTE}[ \t]*")
_TRAILING_NOTE: Final[regex.Pattern[str]] = regex.compile(rf"[ \t]*{_NOTE}$")
# The site name a page template prints after a title (``| 某县人民政府门户网站``,
# ``_某县人民政府``, `` - 某某网``), or the bar alone; a bar inside a title stays
# (一图读懂|《某办法》问答).
_SITE_TAIL: Final[regex.Pattern[str]] = regex.compile(
    r"[ \t]*(?:[_|]|[ \t][-—\u2013][ \t])[ \t]*(?:\p{Han}[^_|]{0,30}(?:政府|网|网站|门户|平台))?$"
)
_DASHES: Final = "—-\u2013~ \t([【"
# The leaders and page number of a table-of-contents entry: ……… 12, ....3
_LEADERS: Final[regex.Pattern[str]] = regex.compile(r"[ \t]*[.…·。\-—_ \t]{2,}[ \t]*\d{0,4}$")
_ENTRY_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^(?:[一二三四五六七八九十]{1,3}[、.]                # 一、
      | \(?[\d一二三四五六七八九十]{1,3}[).、]          # (一) 1. 1、
      | 第[一二三四五六七八九十\d]{1,3}[章部分篇]+       # 第一部分
    )[ \t]*
    """,
    regex.VERBOSE,
)
# How the first sentence of a body starts, right after a title it was glued onto.
_BODY_START: Final[regex.Pattern[str]] = regex.compile(
    r"(?:(?:19|20)[0-9xX]{2}年(?:以来|上半年|度)?|今年以来|今年|一年来|近年来|为|根据|按照)[,，]?"
)
_TYPE_WORDS: Final[tuple[str, ...]] = tuple(sorted({w for w, _ in lex.DOC_TYPES}, key=len))
_LONGEST_TITLE: Final = 60


def fold(text: str) -> str:
    """Return *text* without white space.

    >>> fold("索 引 号")
    '索引号'
    """
    return "".join(text.split())


def title_bounds(text: str) -> tuple[int, int]:
    """Return the bounds of the title in a title line, without notes or a site name.

    >>> line = "桃源镇2023年工作总结 | 临溪县人民政府门户网站"
    >>> start, end = title_bounds(line)
    >>> line[start:end]
    '桃源镇2023年工作总结'
    >>> title_bounds("南湖乡2024年工作思路(仅供参考)")
    (0, 12)
    >>> title_bounds("一图读懂|《某市社会保险补贴办法》问答")
    (0, 19)
    """
    start, end = 0, len(text)
    toolbar = TOOLBAR.match(text)
    if toolbar is not None and toolbar.end() < end:
        start = toolbar.end()
    note = _LEADING_NOTE.match(text, start)
    if note is not None and note.end() < end:
        start = note.end()
    end = _before_occasion(text, start, end)
    site = _SITE_TAIL.search(text, start, end)
    if site is not None and site.start() > start:
        end = site.start()
    note = _TRAILING_NOTE.search(text, start, end)
    if note is not None and note.start() > start:
        end = note.start()
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, _once(text, start, end)


def _once(text: str, start: int, end: int) -> int:
    """Return the end of the first copy of a title printed twice on one line."""
    folded = fold(text[start:end])
    half = len(folded) // 2
    if half < 4 or len(folded) % 2 or folded[:half] != folded[half:]:
        return end
    seen = 0
    for pos in range(start, end):
        if not text[pos].isspace():
            seen += 1
            if seen == half:
                return pos + 1
    return end


def _before_occasion(text: str, start: int, end: int) -> int:
    """Return where a title glued onto its occasion or its date line ends.

    ``政府工作报告——2026年1月26日在…会议上`` ends before the dashes, and
    ``…工作报告2026年02月10日 07时41分`` before the date; a speech title such
    as ``某某在全县工作会议上的讲话`` is left whole.
    """
    found = search_date(text, start, end, with_time=True)
    occasion = OCCASION.search(text, start, end)
    cut = end
    if found is not None and found[1].start > start:
        date = found[1]
        after = text[date.end : end].strip(" \t)）]】")
        if not after or (occasion is not None and occasion.start() == date.end):
            cut = date.start
    elif occasion is not None and text[start : occasion.start()].endswith(("——", "—")):
        cut = occasion.start()
    while cut > start and text[cut - 1] in _DASHES:
        cut -= 1
    return cut if cut > start else end


def type_of(text: str) -> str | None:
    """Return the type named by the rightmost (then longest) type word of *text*.

    A summary word before a plan word makes a ``总结和计划``.

    >>> type_of("某镇2022年工作总结及2023年工作打算"), type_of("构建良好教育生态") is None
    ('总结和计划', True)
    """
    best: tuple[int, int, str] | None = None
    for word, kind in lex.DOC_TYPES:
        at = text.rfind(word)
        if at != -1:
            candidate = (at + len(word), len(word), kind)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    if best[2] in lex.SUMMARY_PLAN_TYPES:
        summary = max(text.rfind(word, 0, best[0]) for word in lex.SUMMARY_WORDS)
        if summary != -1 and any(text.find(w, summary + 2) != -1 for w in lex.PLAN_WORDS):
            return "总结和计划"
    return best[2]


def splits_type_word(first: str, second: str) -> bool:
    """Return whether a type word runs from the end of *first* into *second*.

    >>> splits_type_word("政府工作报", "告"), splits_type_word("工作报告", "附件")
    (True, False)
    """
    for word in _TYPE_WORDS:
        for cut in range(1, len(word)):
            if first.endswith(word[:cut]) and second.startswith(word[cut:]):
                return True
    return False


def leading_title(text: str) -> tuple[int, int] | None:
    """Return the bounds of a title that opens a long line, or None.

    The title is the first word of the line when it ends in a type word and a
    blank, the same title or the opening of a body (``2024年,``) follows it:
    a page flattened onto one line.

    >>> text = "xx年卫生局上半年工作总结 xx 年卫生局上半年工作总结 撰写人: ___ xx年上半年,我局…"
    >>> leading_title(text)
    (0, 13)
    >>> print(leading_title("2020年,我局扎实推进各项工作。"))
    None
    """
    for word in _TYPE_WORDS[::-1]:
        at = text.find(word, 0, _LONGEST_TITLE)
        if at < 2:
            continue
        end = at + len(word)
        rest = text[end:]
        head = text[:end]
        if any(c in head for c in "。,;:!?、 \t"):
            continue
        if (
            rest[:1] in (" ", "\t")
            or fold(rest[: len(head) * 2]).startswith(fold(head))
            or (len(word) >= 4 and _BODY_START.match(rest) is not None)
        ):
            return title_bounds(head)
    return None


def toc_key(text: str) -> str:
    """Return how a table-of-contents entry compares with the title it lists.

    >>> toc_key("1. 石门镇2023年工作总结 ………… 1") == toc_key("石门镇2023年工作总结")
    True
    """
    text = _ENTRY_MARKER.sub("", text, count=1)
    return fold(_LEADERS.sub("", text))
