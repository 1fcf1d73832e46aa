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
import heapq
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, NewType, overload

import attrs
import regex

from govplan import _chars
from govplan.errors import require_str
from govplan.model import Span

__all__ = [
    "NormText",
    "Normalized",
    "OffsetMap",
    "find_noise_lines",
    "fold_width",
    "has_traditional",
    "is_noise_line",
    "noise_line_at",
    "normalize",
    "to_simplified",
]

#: Text that went through :func:`normalize`; its offsets are not the original's.
NormText = NewType("NormText", str)

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, and the ideographic space to a space.
_WIDTH_TABLE: Final[dict[int, int]] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[ord(_chars.IDEOGRAPHIC_SPACE)] = ord(" ")
_WIDTH_TABLE[0x00A0] = ord(" ")  # no-break space from HTML &nbsp;


def fold_width(text: str) -> str:
    """Return *text* with full-width ASCII-range characters folded to half width.

    Character for character: the length never changes.

    >>> fold_width("（一）１２％，。")
    '(一)12%,。'
    """
    if text.isascii():
        return text
    pattern = _wide_pattern()
    match = pattern.search(text)
    while match is not None:  # one replace for each distinct character, not each place
        wide = match.group()
        text = text.replace(wide, chr(_WIDTH_TABLE[ord(wide)]))
        match = pattern.search(text, match.start())
    return text


@functools.cache
def _wide_pattern() -> regex.Pattern[str]:
    """Return the pattern of a wide character (compiled on first use, as all here)."""
    return regex.compile("[\uff01-\uff5e\u3000\u00a0]")


_TONE_VOWELS: Final = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_NEUTRAL_SYLLABLES: Final = "de|le|me|men|zi|ge|ne|ma|ba|zhe|zhao|guo|li|tou|shang|xia|lai|qu"

# A pinyin reading inserted after the character it reads: 構(gòu) (VERBOSE).
_PINYIN: Final = rf"""
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
    """

# Line breaks other than \n, each replaced by one \n (the \r of \r\n is deleted first).
_LINE_BREAKS: Final = "\r\u2028\u2029\x85"


class OffsetMap(Sequence[int]):
    """The original index of every normalised position, kept as runs.

    Between two deleted stretches (a pinyin reading, the ``\\r`` of ``\\r\\n``)
    the normalised text copies the original one to one, so the map keeps one
    run per kept piece: where it starts in the normalised text and in the
    original, as two arrays of machine integers.  A position is looked up by
    bisection.  It reads like the sequence ``m[i]`` for ``i`` in
    ``range(len(text) + 1)``, whose last item is ``len(source)``.

    >>> m = normalize("甲\\r\\n乙\\r\\n").offsets
    >>> list(m), m[-1], m.runs
    ([0, 2, 3, 5, 6], 6, 4)
    """

    __slots__ = ("_norm", "_orig")

    def __init__(self, cuts: Iterable[tuple[int, int]], total: int) -> None:
        """Build the map of a text of length *total* from its deleted ``[a, b)`` stretches.

        The stretches come sorted by start; overlapping ones are merged.
        """
        code = "i" if total < 2**31 else "q"
        self._norm = array(code)  # normalised start of each run, then len(text)
        self._orig = array(code)  # original start of each run, then len(source)
        size = pos = 0
        for a, b in cuts:
            if a > pos:
                self._norm.append(size)
                self._orig.append(pos)
                size += a - pos
            pos = max(pos, b)
        if total > pos:
            self._norm.append(size)
            self._orig.append(pos)
            size += total - pos
        self._norm.append(size)  # the closing run: len(text) maps to len(source)
        self._orig.append(total)

    @property
    def runs(self) -> int:
        """The number of runs kept, the closing one included.

        >>> normalize("構(gòu)建").offsets.runs
        3
        """
        return len(self._norm)

    @property
    def nbytes(self) -> int:
        """The bytes the two arrays of runs take.

        >>> normalize("構(gòu)建").offsets.nbytes
        24
        """
        return (len(self._norm) + len(self._orig)) * self._norm.itemsize

    def __len__(self) -> int:
        return self._norm[-1] + 1

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self.original(i) for i in range(*index.indices(len(self)))]
        return self.original(index)

    def __iter__(self) -> Iterator[int]:
        norm, orig = self._norm, self._orig
        for k in range(len(norm) - 1):
            yield from range(orig[k], orig[k] + norm[k + 1] - norm[k])
        yield orig[-1]

    def __repr__(self) -> str:
        return f"<OffsetMap of {len(self)} positions in {self.runs} runs>"

    def original(self, index: int) -> int:
        """Return the original index of normalised position *index* (0 to ``len(text)``).

        Indexed as a sequence is: a negative *index* counts from the end, and
        one out of range raises IndexError.

        >>> normalize("構(gòu)建").offsets.original(1)
        6
        """
        size = self._norm[-1] + 1
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._norm, index) - 1
        return self._orig[k] + index - self._norm[k]

    def first_at_or_after(self, offset: int) -> int:
        """Return the first normalised position whose original index is *offset* or more.

        ``len(text) + 1`` when there is none, as :func:`bisect.bisect_left` would say.

        >>> m = normalize("構(gòu)建").offsets
        >>> m.first_at_or_after(1), m.first_at_or_after(6), m.first_at_or_after(8)
        (1, 1, 3)
        """
        k = bisect_right(self._orig, offset) - 1
        if k < 0:
            return 0
        norm = self._norm
        if k == len(norm) - 1:  # the closing run: len(source) itself
            return norm[k] if offset == self._orig[k] else norm[k] + 1
        step = offset - self._orig[k]
        length = norm[k + 1] - norm[k]
        return norm[k] + step if step < length else norm[k + 1]


@attrs.frozen
class Normalized:
    """Normalised text and the map from its positions to the original's.

    ``offsets[i]`` is the original index of normalised character ``i``, and
    ``offsets[len(text)]`` is ``len(source)``; ``offsets`` is None when the
    two texts line up one to one.  The map is an :class:`OffsetMap` (runs,
    not one integer a character); it follows from ``source``, so equality
    and hashing leave it out.

    >>> n = normalize("ａｂ")
    >>> n.text, n.offsets
    ('ab', None)
    >>> n.to_original(1)
    1
    """

    text: NormText
    source: str = attrs.field(repr=False)
    offsets: OffsetMap | None = attrs.field(default=None, repr=False, eq=False)

    def to_original(self, index: int) -> int:
        """Return the original index of normalised position *index*.

        >>> normalize("a\\r\\nb").to_original(2)
        3
        """
        if self.offsets is None:
            return index
        return self.offsets.original(index)

    def span_to_original(self, start: int, end: int) -> Span:
        """Return the original span of the normalised ``[start, end)``.

        The end maps to just after the original character of ``end - 1``, so a
        pinyin reading that follows the last character is left out.

        >>> normalize("構(gòu)建").span_to_original(0, 1)
        Span(start=0, end=1)
        """
        if self.offsets is None:
            return Span(start, end)
        first = self.offsets.original(start)
        if end <= start:
            return Span(first, first)
        return Span(first, self.offsets.original(end - 1) + 1)

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
        return min(self.offsets.first_at_or_after(offset), len(self.text))

    def span_to_normalized(self, span: Span) -> tuple[int, int]:
        """Return the normalised ``(start, end)`` that covers the original *span*.

        >>> normalize("a\\r\\nb").span_to_normalized(Span(3, 4))
        (2, 3)
        """
        if self.offsets is None:
            return span.start, span.end
        start = self.offsets.first_at_or_after(span.start)
        return start, max(start, self.offsets.first_at_or_after(span.end))


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
    readings = _readings(text)
    crlf = "\r\n" in text
    folded = text
    offsets = None
    if readings or crlf:
        if readings:
            folded = "".join(text[a:b] for a, b in _between(readings, len(text)))
        if crlf:
            folded = folded.replace("\r\n", "\n")
        cuts = heapq.merge(readings, _crlf_cuts(text)) if crlf else iter(readings)
        offsets = OffsetMap(cuts, len(text))
    for mark in _LINE_BREAKS:
        if mark in folded:
            folded = folded.replace(mark, "\n")
    folded = fold_width(folded)
    present = _traditional_in(folded)
    if present:
        folded = _simplify(folded, present)
    return Normalized(NormText(folded), text, offsets)


def _readings(text: str) -> list[tuple[int, int]]:
    """Return the spans of the pinyin readings in *text* (usually none)."""
    if "(" not in text and "\uff08" not in text:
        return []
    return [m.span() for m in _pinyin_pattern().finditer(text)]


@functools.cache
def _pinyin_pattern() -> regex.Pattern[str]:
    return regex.compile(_PINYIN, regex.VERBOSE)


def _between(cuts: list[tuple[int, int]], total: int) -> Iterator[tuple[int, int]]:
    """Yield the ``[a, b)`` pieces of a text of length *total* that *cuts* leave."""
    pos = 0
    for a, b in cuts:
        if a > pos:
            yield pos, a
        pos = max(pos, b)
    yield pos, total


def _crlf_cuts(text: str) -> Iterator[tuple[int, int]]:
    """Yield the ``\\r`` of every ``\\r\\n`` in *text* as a deleted ``[a, a + 1)``."""
    pos = text.find("\r\n")
    while pos != -1:
        yield pos, pos + 1
        pos = text.find("\r\n", pos + 2)


@functools.cache
def _t2s_table() -> dict[int, str]:
    """Return the character table of opencc's t2s conversion, one char to one char.

    Built once, on the first text with a character outside GB2312, from the
    dictionary files opencc ships for t2s (read with :mod:`importlib.resources`,
    in the order its ``t2s.json`` lists them); phrase-level choices are not
    needed for recognition.
    """
    table: dict[int, str] = {}
    for key, value in _t2s_entries():
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


def _t2s_entries() -> Iterator[tuple[str, str]]:
    """Yield the ``(key, value)`` lines of opencc's t2s dictionaries, in their order."""
    import json  # here, with importlib.resources: only traditional text needs them
    from importlib import resources

    package = resources.files("opencc")
    config = json.loads((package / "config" / "t2s.json").read_text(encoding="utf-8"))
    for step in config["conversion_chain"]:
        for name in _dictionary_files(step["dict"]):
            lines = (package / "dictionary" / name).read_text(encoding="utf-8").splitlines()
            for line in lines:
                key, tab, value = line.strip().partition("\t")
                if tab:
                    yield key, value


def _dictionary_files(entry: dict[str, object]) -> Iterator[str]:
    """Yield the file names of an opencc ``dict`` entry, a group's in order."""
    if entry.get("type") == "group":
        for sub in entry.get("dicts", ()):  # type: ignore[attr-defined]
            yield from _dictionary_files(sub)
    elif isinstance(entry.get("file"), str):
        yield str(entry["file"])


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


#: How many distinct characters outside GB2312 are looked for one at a time.
_FEW_OUTSIDE: Final = 8


def _outside_gb2312(text: str) -> set[str]:
    """Return the characters of *text* that GB2312 cannot encode (usually none, or 〇).

    The encoder names the first one it fails on; each is then removed and the
    rest encoded again, so that a text with a few such characters costs a few
    passes however often they occur.  Past :data:`_FEW_OUTSIDE` of them (a
    traditional text), one pass with escapes collects the others.
    """
    found: set[str] = set()
    while True:
        try:
            text.encode("gb2312")
        except UnicodeEncodeError as error:
            if len(found) >= _FEW_OUTSIDE:
                raw = text.encode("gb2312", errors="backslashreplace")
                found.update(
                    chr(int(b"".join(m.groups(b"")), 16)) for m in _escape_pattern().finditer(raw)
                )
                return found
            bad = set(text[error.start : error.end])
            found.update(bad)
            for char in bad:
                text = text.replace(char, "")
        else:
            return found


@functools.cache
def _escape_pattern() -> regex.Pattern[bytes]:
    """Return the pattern of the escapes ``backslashreplace`` writes."""
    return regex.compile(rb"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})")


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

# Site furniture at the start of a line, matched on width-folded text (VERBOSE).
_NOISE: Final = r"""
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
    """


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
    return _noise_pattern().match(normalized) is not None


@functools.cache
def _noise_pattern() -> regex.Pattern[str]:
    return regex.compile(_NOISE, regex.VERBOSE | regex.MULTILINE)


def noise_line_at(text: NormText, start: int, end: int) -> bool:
    """Return whether the line ``text[start:end]`` of normalised text is site furniture.

    The same answer as :func:`is_noise_line` for a line that is already
    normalised, without copying it.

    >>> text = normalize("正文。\\n扫一扫在手机上查看").text
    >>> noise_line_at(text, 0, 3), noise_line_at(text, 4, len(text))
    (False, True)
    """
    return _noise_pattern().match(text, start, end) is not None


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
