"""Turn raw text into the text the recognisers read, keeping a map back.

:func:`normalize` unifies line endings, removes pinyin readings inserted
after characters (``構(gòu)建`` → ``构建``), folds full-width ASCII-range
characters to half width (``（一）`` → ``(一)``, ``１`` → ``1``) while Chinese
punctuation such as 、。“” stays, and converts traditional characters to
simplified ones (only when the text has any).  The result keeps, for every
position of the normalised text, the position in the original it came from,
so a span found in the normalised text is reported in original coordinates.

>>> norm = normalize("構(gòu)建（一）\\r\\n")
>>> norm.text
'构建(一)\\n'
>>> norm.span_to_original(2, 5)
Span(start=7, end=10)

:func:`is_noise_line` recognises the site furniture that scraped pages carry
(``扫一扫在手机上查看当前页面``, share widgets, disclaimers) without deleting it.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from typing import Final, NewType

import attrs
import regex

from govplan import _chars
from govplan.errors import require_str
from govplan.model import Span

__all__ = [
    "NormText",
    "Normalized",
    "find_noise_lines",
    "fold_width",
    "has_traditional",
    "is_noise_line",
    "normalize",
    "to_simplified",
]

#: Text that went through :func:`normalize`; its offsets are not the original's.
NormText = NewType("NormText", str)

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, and the ideographic space to a space.
_WIDTH_TABLE: Final[dict[int, int]] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[ord(_chars.IDEOGRAPHIC_SPACE)] = ord(" ")
_WIDTH_TABLE[0x00A0] = ord(" ")  # no-break space from HTML &nbsp;
_WIDE: Final[regex.Pattern[str]] = regex.compile("[\uff01-\uff5e\u3000\u00a0]")


def fold_width(text: str) -> str:
    """Return *text* with full-width ASCII-range characters folded to half width.

    Character for character: the length never changes.

    >>> fold_width("（一）１２％，。")
    '(一)12%,。'
    """
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, chr(_WIDTH_TABLE[ord(wide)]))
    return text


_TONE_VOWELS: Final = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_NEUTRAL_SYLLABLES: Final = "de|le|me|men|zi|ge|ne|ma|ba|zhe|zhao|guo|li|tou|shang|xia|lai|qu"

_PINYIN: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?<=\p{{Han}})                      # a reading follows the character it reads
    (?>                                 # one or more readings in a row
        [(\uFF08]                       # ( or （
        (?:
            [a-zü]{{0,5}}                # initial letters
            [{_TONE_VOWELS}]            # at least one tone-marked vowel
            [a-zü{_TONE_VOWELS}]{{0,5}}   # the rest of the syllable
          | (?:{_NEUTRAL_SYLLABLES})    # or a toneless neutral-tone syllable
        )
        [)\uFF09]                       # ) or ）
    )++
    """,
    regex.VERBOSE,
)

# Line breaks other than \n, each replaced by one \n (the \r of \r\n is deleted first).
_LINE_BREAKS: Final = "\r\u2028\u2029\x85"


@attrs.frozen
class Normalized:
    """Normalised text and the map from its positions to the original's.

    ``offsets[i]`` is the original index of normalised character ``i``, and
    ``offsets[len(text)]`` is ``len(source)``; ``offsets`` is None when the
    two texts line up one to one.

    >>> n = normalize("ａｂ")
    >>> n.text, n.offsets
    ('ab', None)
    >>> n.to_original(1)
    1
    """

    text: NormText
    source: str = attrs.field(repr=False)
    offsets: tuple[int, ...] | None = attrs.field(default=None, repr=False)

    def to_original(self, index: int) -> int:
        """Return the original index of normalised position *index*.

        >>> normalize("a\\r\\nb").to_original(2)
        3
        """
        if self.offsets is None:
            return index
        return self.offsets[index]

    def span_to_original(self, start: int, end: int) -> Span:
        """Return the original span of the normalised ``[start, end)``.

        The end maps to just after the original character of ``end - 1``, so a
        pinyin reading that follows the last character is left out.

        >>> normalize("構(gòu)建").span_to_original(0, 1)
        Span(start=0, end=1)
        """
        if self.offsets is None:
            return Span(start, end)
        first = self.offsets[start]
        if end <= start:
            return Span(first, first)
        return Span(first, self.offsets[end - 1] + 1)

    def source_text(self, start: int, end: int) -> str:
        """Return the original text of the normalised ``[start, end)``.

        >>> normalize("構(gòu)建").source_text(0, 2)
        '構(gòu)建'
        """
        span = self.span_to_original(start, end)
        return self.source[span.start : span.end]

    def to_normalized(self, offset: int) -> int:
        """Return the first normalised position whose original is at or after *offset*.

        Clamped to the normalised text: an original offset inside a deleted
        reading maps to the character after it.

        >>> normalize("構(gòu)建").to_normalized(6), normalize("构建").to_normalized(9)
        (1, 2)
        """
        if self.offsets is None:
            return min(offset, len(self.text))
        return min(bisect_left(self.offsets, offset), len(self.text))

    def span_to_normalized(self, span: Span) -> tuple[int, int]:
        """Return the normalised ``(start, end)`` that covers the original *span*.

        >>> normalize("a\\r\\nb").span_to_normalized(Span(3, 4))
        (2, 3)
        """
        if self.offsets is None:
            return span.start, span.end
        start = bisect_right(self.offsets, span.start - 1)
        return start, bisect_right(self.offsets, span.end - 1, start)


def normalize(text: str) -> Normalized:
    """Return *text* normalised for recognition, with its offset map.

    >>> normalize("質(zhì)量１００％").text
    '质量100%'
    >>> normalize("一、二。“三”").text
    '一、二。“三”'
    >>> normalize(b"x")
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not bytes (decode it first, e.g. data.decode('utf-8'))
    """
    require_str(text)
    kept = _deletions(text)
    if kept is None:
        folded = text
        offsets: tuple[int, ...] | None = None
    else:
        folded = "".join(text[a:b] for a, b in kept)
        offsets = _offsets_from_pieces(kept, len(text))
    for mark in _LINE_BREAKS:
        if mark in folded:
            folded = folded.replace(mark, "\n")
    folded = fold_width(folded)
    present = _traditional_in(folded)
    if present:
        folded = _simplify(folded, present)
    return Normalized(NormText(folded), text, offsets)


def _deletions(text: str) -> list[tuple[int, int]] | None:
    """Return the kept ``[a, b)`` pieces of *text*, or None when nothing is deleted.

    Deleted: pinyin readings and the ``\\r`` of ``\\r\\n``.
    """
    cuts: list[tuple[int, int]] = []
    if "(" in text or "\uff08" in text:
        cuts.extend(m.span() for m in _PINYIN.finditer(text))
    if "\r\n" in text:
        pos = text.find("\r\n")
        while pos != -1:
            cuts.append((pos, pos + 1))
            pos = text.find("\r\n", pos + 2)
    if not cuts:
        return None
    cuts.sort()
    kept: list[tuple[int, int]] = []
    pos = 0
    for a, b in cuts:
        if a > pos:
            kept.append((pos, a))
        pos = max(pos, b)
    kept.append((pos, len(text)))
    return kept


def _offsets_from_pieces(kept: list[tuple[int, int]], total: int) -> tuple[int, ...]:
    out: list[int] = []
    for a, b in kept:
        out.extend(range(a, b))
    out.append(total)
    return tuple(out)


@functools.cache
def _t2s_table() -> dict[int, str]:
    """Return the character table of opencc's t2s conversion, one char to one char.

    Built once, on the first text with a character outside GB2312, from the
    tables opencc loads; phrase-level choices are not needed for recognition.
    """
    import opencc  # heavy: loaded on first use

    converter = opencc.OpenCC("t2s")
    table: dict[int, str] = {}
    for key, value in _table_items(converter._dict_chain_data):
        target = value.split(" ")[0]
        if len(key) == 1 and len(target) == 1 and target != key and _convertible(key):
            table.setdefault(ord(key), target)
    for code, target in table.items():  # resolve chains (薴 → 苧 → 苎)
        seen = {code}
        while ord(target) in table and ord(target) not in seen:
            seen.add(ord(target))
            target = table[ord(target)]
        table[code] = target
    return table


#: Traditional characters that GB2312 also holds and that are not simplified
#: characters in their own right: converted wherever they stand (關於 → 关于).
GB2312_TRADITIONAL: Final = "於後夥麽捱摺菸醣麴甯榘"


def _convertible(char: str) -> bool:
    """Tell whether t2s may convert *char*: not a GB2312 character, unless listed.

    GB2312 characters such as 乾 (乾坤) and 吒 (哪吒) are simplified text too,
    so converting them would change simplified documents.
    """
    if char in GB2312_TRADITIONAL:
        return True
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def _table_items(tables: object) -> list[tuple[str, str]]:
    # opencc-python-reimplemented keeps each table as (max_len, min_len, dict),
    # grouped in lists.
    if isinstance(tables, tuple) and len(tables) == 3 and isinstance(tables[2], dict):
        return [(k, v) for k, v in tables[2].items() if isinstance(k, str) and isinstance(v, str)]
    if isinstance(tables, (list, tuple)):
        items: list[tuple[str, str]] = []
        for sub in tables:
            items.extend(_table_items(sub))
        return items
    return []


_ESCAPE: Final[regex.Pattern[bytes]] = regex.compile(
    rb"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})"
)


def _outside_gb2312(text: str) -> set[str]:
    """Return the characters of *text* that GB2312 cannot encode (usually none)."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        raw = text.encode("gb2312", errors="backslashreplace")
        return {chr(int(b"".join(m.groups(b"")), 16)) for m in _ESCAPE.finditer(raw)}
    return set()


def _traditional_in(text: str) -> set[str]:
    if text.isascii():
        return set()
    found = _outside_gb2312(text)
    found.update(c for c in GB2312_TRADITIONAL if c in text)
    if not found:
        return found
    table = _t2s_table()
    return {c for c in found if ord(c) in table}


def has_traditional(text: str) -> bool:
    """Return whether *text* holds a character that t2s conversion would change.

    GB2312 text is answered without loading opencc.

    >>> has_traditional("教育质量"), has_traditional("教育質量")
    (False, True)
    """
    return bool(_traditional_in(text))


def to_simplified(text: str) -> str:
    """Return *text* in simplified characters, one character for each character.

    >>> to_simplified("臨縣縣委書記")
    '临县县委书记'
    """
    return text.translate(_t2s_table())


def _simplify(text: str, present: set[str]) -> str:
    """Convert the lines of *text* that hold one of the *present* characters."""
    if len(present) > 16:
        return to_simplified(text)
    return "\n".join(
        to_simplified(line) if any(c in line for c in present) else line
        for line in text.split("\n")
    )


# --- noise lines -----------------------------------------------------------------

_NOISE: Final[regex.Pattern[str]] = regex.compile(
    r"""
    ^\s*+(?:
        扫(?:一扫|码)                               # 扫一扫在手机上查看 / 扫码关注
      | (?:微信|手机)扫一扫
      | 分享(?:到|至)?[:：]?\s*+(?:微信|微博|QQ|朋友圈)?
      | (?>【?\s*+(?:打印本页|打印|关闭窗口|关闭|收藏|返回顶部|下载|全屏)\s*+】?\s*+)++$
      | 字号[:：]?\s*+[大中小]
      | (?:【\s*+)?字体[:：]?\s*+[大中小]
      | 因篇幅(?:问题|有限|关系)
      | 免责声明
      | 版权(?:所有|声明)
      | 本站(?:部分)?(?:文章|内容|信息)
      | 声明[:：]
      | 来源[:：].{0,30}?(?:浏览|访问)次数
      | (?:浏览|访问|阅读)(?:次数|量)[:：]
      | 当前位置[:：]
      | 您(?:现在)?的?位置[:：]
      | 首页\s*+[>»＞/]
      | 上一篇[:：]
      | 下一篇[:：]
      | 相关(?:链接|阅读|文章|推荐)
      | 责任编辑[:：]
      | 关注(?:官方)?(?:微信)?公众号
      | 网站地图
      | 技术支持[:：]
      | 点击(?:查看|下载|进入)
      | 附件下载
      | 【\s*+(?:我要纠错|纠错)\s*+】
    )
    """,
    regex.VERBOSE | regex.MULTILINE,
)


def is_noise_line(line: str) -> bool:
    """Return whether *line* is site furniture rather than document text.

    >>> is_noise_line("扫一扫在手机上查看当前页面")
    True
    >>> is_noise_line("【字体：大 中 小】")
    True
    >>> is_noise_line("一、扫黑除恶专项斗争")
    False
    """
    require_str(line, "line")
    normalized = fold_width(line)
    return _NOISE.match(normalized) is not None


def find_noise_lines(text: str) -> tuple[Span, ...]:
    """Return the spans of the noise lines in *text* (each without its newline).

    >>> text = "正文。\\n扫码关注官方公众号\\n结束。"
    >>> [text[s.start : s.end] for s in find_noise_lines(text)]
    ['扫码关注官方公众号']
    """
    require_str(text)
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if is_noise_line(line.rstrip("\r")):
            spans.append(Span(pos, pos + len(line.rstrip("\r"))))
        pos = end + 1
    return tuple(spans)
