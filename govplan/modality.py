"""Decide whether a figure reports a result (achieved) or states a goal (target).

Four sources, strongest first:

1. the sentence itself: 力争, 计划, 拟, 预计 before the figure (or 拟 right
   after it: 三年内拟撤并) make it a target; 已, 累计, 截至, 去年 a result;
2. the heading it sits under: 下一步工作计划, 2025年工作打算, 主要任务 → target;
   工作总结, 成效, 回顾, 主要工作 → achieved (the innermost heading that says);
3. the nearest section line above it that is not numbered
   (“十四五”时期工作回顾, 2026年重点工作, 五年来主要做了以下工作。);
4. the document type (工作要点, 实施方案 → target; 工作总结 → achieved), and
   failing that the document's voice: plans say 将/要/力争, reports say 了/已.

Weak sentence words (要, 将, 确保, 了, 完成) decide only where none of these
says anything.  The word tables live in :mod:`govplan._lexicon`.

>>> text = "一、工作总结\\n新建3所。\\n二、工作计划\\n新建5所。"
>>> ctx = read_context(text)
>>> modality_of(ctx, text.index("3所"), text.index("3所") + 2)
<Modality.ACHIEVED: 'achieved'>
>>> modality_of(ctx, text.index("5所"), text.index("5所") + 2)
<Modality.TARGET: 'target'>
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import add
from typing import Final, NamedTuple

import attrs
import regex

from govplan import _chars
from govplan import _lexicon as lex
from govplan.model import Modality

__all__ = ["Context", "heading_modality", "modality_of", "read_context", "section_modality"]

_T_STRONG: Final = 0
_A_STRONG: Final = 1
_T_WEAK: Final = 2
_A_WEAK: Final = 3
_STRONG: Final[dict[str, int]] = dict.fromkeys(lex.ACHIEVED_CUES, _A_STRONG) | dict.fromkeys(
    lex.TARGET_CUES, _T_STRONG
)
_WEAK: Final[dict[str, int]] = dict.fromkeys(lex.ACHIEVED_WEAK_CUES, _A_WEAK) | dict.fromkeys(
    lex.TARGET_WEAK_CUES, _T_WEAK
)
_MODALITY: Final = (Modality.TARGET, Modality.ACHIEVED, Modality.TARGET, Modality.ACHIEVED)
_AFTER: Final = frozenset(lex.TARGET_AFTER_CUES)
_VOICE_A: Final = frozenset(lex.VOICE_ACHIEVED)
_VOICE_T: Final = frozenset(lex.VOICE_TARGET)
_SENTENCE_END: Final = _chars.SENTENCE_END + "\n"
_SENTENCE_ENDS: Final = frozenset(_SENTENCE_END)
# The last end of a sentence before a figure, searched backwards.
_SENTENCE_BREAK: Final[regex.Pattern[str]] = regex.compile(
    f"[{regex.escape(_SENTENCE_END)}]", regex.REVERSE
)
_CLAUSE_ENDS: Final = frozenset("。;!?\n,:")
_SHORT_LINE: Final = 30
_REACH: Final = 80
_AFTER_REACH: Final = 20


_HEADING_KIND: Final[dict[str, Modality]] = dict.fromkeys(
    lex.ACHIEVED_HEADINGS, Modality.ACHIEVED
) | dict.fromkeys(lex.TARGET_HEADINGS, Modality.TARGET)
_HEADING_CUE: Final[regex.Pattern[str]] = regex.compile(
    "|".join(regex.escape(w) for w in sorted(_HEADING_KIND, key=len, reverse=True))
)

# A heading glued after the end of a sentence: 。二、下一步工作计划 / 。(二)工作打算。
_GLUED: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:^|[。;!?])[ \t]{0,4}+                    # a line start or the end of a sentence
    (?P<title>
        (?:[一二三四五六七八九十]{1,3}+、|\([一二三四五六七八九十]{1,3}+\))   # 二、 (二)
        [^。;!?\n]{1,28}+                      # the heading, up to its end
    )
    (?=[。;!?\n]|\Z)
    """,
    regex.VERBOSE | regex.MULTILINE,
)


@attrs.frozen
class Context:
    """What a document says about modality around its claims.

    ``cue_starts``/``cue_ends``/``cue_kinds`` are the strong cue words found;
    ``line_starts``/``line_modalities`` are the unnumbered section lines;
    ``default`` comes from the document type or, failing that, its voice.

    >>> ctx = read_context("二、工作计划\\n力争新建学校5所。", "工作总结")
    >>> ctx.cue_words, ctx.line_modalities, ctx.default
    (('力争',), (<Modality.TARGET: 'target'>,), <Modality.ACHIEVED: 'achieved'>)
    """

    text: str = attrs.field(repr=False)
    cue_starts: tuple[int, ...] = attrs.field(repr=False)
    cue_ends: tuple[int, ...] = attrs.field(repr=False)
    cue_kinds: tuple[int, ...] = attrs.field(repr=False)
    cue_words: tuple[str, ...] = attrs.field(repr=False)
    line_starts: tuple[int, ...]
    line_modalities: tuple[Modality, ...]
    default: Modality | None


@functools.lru_cache(maxsize=4096)
def heading_modality(title: str) -> Modality | None:
    """Return the modality a heading title sets, or None when it says nothing clear.

    >>> heading_modality("下一步工作计划"), heading_modality("上半年工作总结")
    (<Modality.TARGET: 'target'>, <Modality.ACHIEVED: 'achieved'>)
    >>> heading_modality("2019年上半年工作总结和下半年工作计划") is None
    True
    """
    kinds = {_HEADING_KIND[w] for w in _HEADING_CUE.findall(title)}
    return kinds.pop() if len(kinds) == 1 else None


# A cue word is looked for by its rarest letter, so that few of the places found are
# not the word (the choice changes the speed, never what is found).
_COMMON: Final = lex.FREQUENT_LETTERS


class _Entry(NamedTuple):
    """A cue word found through one of its letters, and what refuses it."""

    word: str
    offset: int  # of the letter in the word
    not_after: str
    not_before: tuple[str, ...]


class _Anchors(NamedTuple):
    """Cue words indexed by their rarest letter (see :func:`_find_all`)."""

    letters: tuple[tuple[str, tuple[_Entry, ...]], ...]
    rest: tuple[str, ...]  # words that overlap themselves, looked for word by word


def _by_anchor(words: Iterable[str]) -> _Anchors:
    """Index *words* by their rarest letter."""
    letters: dict[str, list[_Entry]] = {}
    rest: list[str] = []
    for word in sorted(set(words)):
        if any(word[:j] == word[-j:] for j in range(1, len(word))):
            rest.append(word)  # 要要: str.find skips the overlapping matches
            continue
        rank = [-_COMMON.find(c) if c in _COMMON else -len(_COMMON) for c in word]
        k = rank.index(min(rank))
        entry = _Entry(word, k, lex.CUE_NOT_AFTER.get(word, ""), lex.CUE_NOT_BEFORE.get(word, ()))
        letters.setdefault(word[k], []).append(entry)
    return _Anchors(tuple((c, tuple(v)) for c, v in letters.items()), tuple(rest))


_STRONG_ANCHORS: Final = _by_anchor(_STRONG)
_VOICE_ANCHORS: Final = _by_anchor(lex.VOICE_WEAK)


def read_context(text: str, doc_type: str | None = None, *, glued: bool = True) -> Context:
    """Collect the cue words, section lines and default modality of normalised *text*.

    With *glued*, headings glued after a sentence (``…。二、下一步工作计划``) count
    as section lines too; leave it off when an outline already holds them.

    >>> ctx = read_context("2026年重点工作\\n新建学校5所。")
    >>> ctx.line_modalities
    (<Modality.TARGET: 'target'>,)
    >>> read_context("去年新建学校5所,改造了3所,建成了4所,新增了6所。").default
    <Modality.ACHIEVED: 'achieved'>
    """
    hits = sorted(_find_all(text, _STRONG_ANCHORS))
    starts, words = zip(*hits, strict=True) if hits else ((), ())
    line_starts, line_modalities = _section_lines(text, glued=glued)
    return Context(
        text=text,
        cue_starts=starts,
        cue_ends=tuple(map(add, starts, map(len, words))),
        cue_kinds=tuple(map(_STRONG.__getitem__, words)),
        cue_words=words,
        line_starts=line_starts,
        line_modalities=line_modalities,
        default=_doc_default(doc_type) or _voice(text, words),
    )


def _find_cues(
    text: str, words: Iterable[str], lo: int = 0, hi: int | None = None
) -> list[tuple[int, str]]:
    """Return ``(start, word)`` of every cue word in ``text[lo:hi]``, refused contexts left out.

    What stands around the stretch still counts: 要 in 主要 is refused at its edge too.
    """
    found: list[tuple[int, str]] = []
    hi = len(text) if hi is None else hi
    for word in words:
        not_after = lex.CUE_NOT_AFTER.get(word, "")
        not_before = lex.CUE_NOT_BEFORE.get(word, ())
        i = text.find(word, lo, hi)
        while i != -1:
            end = i + len(word)
            if not (i and text[i - 1] in not_after) and not text.startswith(not_before, end):
                found.append((i, word))
            i = text.find(word, end, hi)
    return found


def _find_all(text: str, anchors: _Anchors) -> list[tuple[int, str]]:
    """Return ``(start, word)`` of every cue word of *anchors* in *text*, unordered.

    The same as :func:`_find_cues` over the whole text: one ``str.find`` per
    letter instead of one per word.
    """
    found = _find_cues(text, anchors.rest) if anchors.rest else []
    for letter, entries in anchors.letters:
        p = text.find(letter)
        while p != -1:
            for word, offset, not_after, not_before in entries:
                i = p - offset
                if (
                    i >= 0
                    and text.startswith(word, i)
                    and not (i and text[i - 1] in not_after)
                    and not text.startswith(not_before, i + len(word))
                ):
                    found.append((i, word))
            p = text.find(letter, p + 1)
    return found


def _section_lines(text: str, *, glued: bool) -> tuple[tuple[int, ...], tuple[Modality, ...]]:
    """Return the starts and modalities of short heading-like lines that say one."""
    starts: list[int] = []
    modalities: list[Modality] = []
    if glued:
        for m in _GLUED.finditer(text):
            mod = heading_modality(m.group("title"))
            if mod is not None:
                starts.append(m.start("title"))
                modalities.append(mod)
    pos = 0
    for line in text.split("\n"):
        n = len(line)  # long lines are no headings, unless spaces pad them
        if n >= 2 and (n <= _SHORT_LINE or line[0].isspace() or line[-1].isspace()):
            stripped = line.strip()
            if 2 <= len(stripped) <= _SHORT_LINE and _is_heading_like(stripped):
                mod = heading_modality(stripped)
                if mod is not None:
                    starts.append(pos + line.find(stripped[0]))
                    modalities.append(mod)
        pos += n + 1
    if glued and starts:  # glued headings first, then lines: merge by position
        merged = dict(sorted(zip(starts, modalities, strict=True), key=lambda p: p[0]))
        return tuple(merged), tuple(merged.values())
    return tuple(starts), tuple(modalities)


def _is_heading_like(line: str) -> bool:
    """Return whether a short line reads as a heading rather than a sentence."""
    body = line[:-1] if line[-1] in "。:" and ("以下" in line or "如下" in line) else line
    return _SENTENCE_ENDS.isdisjoint(body)


def _doc_default(doc_type: str | None) -> Modality | None:
    """Return the modality a document type sets (工作要点 → target), if any."""
    if not doc_type:
        return None
    if any(w in doc_type for w in lex.SUMMARY_DOC_TYPES) and "计划" not in doc_type:
        return Modality.ACHIEVED
    if any(w in doc_type for w in lex.PLAN_DOC_TYPES) and "总结" not in doc_type:
        return Modality.TARGET
    return None


def _voice(text: str, strong: Sequence[str]) -> Modality | None:
    """Return the voice of a whole document: reports say 了/已/累计, plans 将/要/力争.

    *strong* are the strong cue words already found; the frequent one-letter
    words of :data:`~govplan._lexicon.VOICE_WEAK` are looked up here.
    """
    words = [*strong, *(w for _, w in _find_all(text, _VOICE_ANCHORS))]
    achieved = sum(map(_VOICE_A.__contains__, words))
    target = sum(map(_VOICE_T.__contains__, words))
    if achieved >= 3 and achieved > 2 * target:
        return Modality.ACHIEVED
    if target >= 3 and target > 2 * achieved:
        return Modality.TARGET
    return None


def section_modality(titles: Sequence[str]) -> Modality | None:
    """Return the modality set by the innermost of the heading *titles* that says one.

    *titles* are normalised, outermost first.

    >>> section_modality(["二、下一步工作计划", "(一)加强党建"])
    <Modality.TARGET: 'target'>
    """
    for title in reversed(titles):
        mod = heading_modality(title)
        if mod is not None:
            return mod
    return None


def modality_of(
    ctx: Context, start: int, end: int, section: Modality | None = None
) -> Modality | None:
    """Return the modality of the claim at normalised ``[start, end)``.

    *section* is what the enclosing headings say (see :func:`section_modality`).

    >>> ctx = read_context("今年已建成5所,明年力争新建8所。")
    >>> modality_of(ctx, 5, 7), modality_of(ctx, 13, 15)
    (<Modality.ACHIEVED: 'achieved'>, <Modality.TARGET: 'target'>)
    """
    cue_starts, cue_ends = ctx.cue_starts, ctx.cue_ends
    j = bisect_left(cue_starts, start)
    k = j - 1  # the strong words of the sentence before the figure, the last first
    if k >= 0 and cue_starts[k] >= start - _REACH:  # else no need to find the sentence
        lo = _sentence_start(ctx.text, start)
        while k >= 0 and cue_starts[k] >= lo:
            if cue_ends[k] <= start:
                return _MODALITY[ctx.cue_kinds[k]]
            k -= 1
    j = bisect_left(cue_starts, end, j)
    if j < len(cue_starts) and cue_starts[j] < end + _AFTER_REACH:
        strong = _after_cue(ctx, end, j)
        if strong is not None:
            return strong
    if section is not None:
        return section
    i = bisect_right(ctx.line_starts, start) - 1
    if i >= 0:
        return ctx.line_modalities[i]
    if ctx.default is not None:
        return ctx.default
    return _weak_cue(ctx, _sentence_start(ctx.text, start), start)


def _sentence_start(text: str, start: int) -> int:
    """Return where the sentence of the figure at *start* starts, at most _REACH back."""
    lo = max(0, start - _REACH)
    stop = _SENTENCE_BREAK.search(text, lo, start)
    return lo if stop is None else stop.end()


def _weak_cue(ctx: Context, lo: int, start: int) -> Modality | None:
    """Return the modality the nearest weak word in ``[lo, start)`` states (要, 了)."""
    hits = _find_cues(ctx.text, _WEAK, lo, start)
    if not hits:
        return None
    return _MODALITY[_WEAK[max(hits)[1]]]


def _after_cue(ctx: Context, end: int, j: int) -> Modality | None:
    """Return TARGET when a plan word follows the figure in its clause (三年内拟撤并).

    *j* indexes the first strong word at or after *end*.
    """
    text, cue_starts = ctx.text, ctx.cue_starts
    while j < len(cue_starts) and cue_starts[j] < end + _AFTER_REACH:
        between = text[end : cue_starts[j]]
        if not _CLAUSE_ENDS.isdisjoint(between):
            return None
        if ctx.cue_words[j] in _AFTER:
            return Modality.TARGET
        j += 1
    return None
