"""Find the subject of a claim: the thing counted, where it stands beside the number.

Rule-based, with no word segmentation:

* after the figure: the noun phrase that follows it, up to the first verb,
  particle or punctuation (``16件作品获一等奖`` → ``作品``);
* else before the figure: the phrase since the last punctuation, after the
  last verb or preposition in it, with scope words such as 全县, 目前, 其中
  and trailing 达, 每月 dropped (``全县幼儿园56所`` → ``幼儿园``,
  ``新建公办幼儿园7所`` → ``公办幼儿园``).

Changes (百分点, 倍) get no subject, and neither does a phrase that is empty
once verbs are stripped.  The word tables live in :mod:`govplan._lexicon`.

>>> text = "新建公办幼儿园7所,共1663名党员加入。"
>>> s = find_subject(text, 7, 9)
>>> text[s[0]:s[1]]
'公办幼儿园'
>>> s = find_subject(text, 11, 16)
>>> text[s[0]:s[1]]
'党员'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import regex

from govplan import _lexicon as lex

__all__ = ["find_subject"]

_WINDOW: Final = 24
_LONGEST: Final = 16
# Cheap refusals before the regexes: no Han letter comes before U+2E80, and these are
# punctuation.
_HAN_FIRST: Final = "\u2e80"
_NOT_HAN: Final = frozenset("、。《》")
_HAN_AFTER: Final[regex.Pattern[str]] = regex.compile(r"\p{Han}{1,24}+")
_HAN_BEFORE: Final[regex.Pattern[str]] = regex.compile(r"\p{Han}{1,24}+", regex.REVERSE)
_NUMERAL_START: Final = "0123456789零〇一二两三四五六七八九十百千"
# Words that end an after-subject only when a figure follows (乡镇共18所, 改革和314项).
_BEFORE_FIGURE: Final = "和与及或、共"
_LEADING_CONJ: Final = "和与及或、的"
# Nouns ending in 中 that keep it (高中, 集中) when a trailing 中 (赛项中) is cut.
_KEEP_ZHONG: Final = "高初集空其心"
_NO_SUBJECT_UNITS: Final = frozenset({"百分点", "倍"}) | lex.TIME_UNITS
_RATE_UNITS: Final = frozenset({"%", "‰", "成"})


def _by_first(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Index *words* by their first letter, longest first."""
    table: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        table.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in table.items()}


def _by_last(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Index *words* by their last letter, longest first."""
    table: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w[::-1])):
        table.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in table.items()}


_STOPS: Final = _by_first(lex.SUBJECT_AFTER_STOPS)
_CHANGES: Final = tuple(w for w in (*lex.CHANGE_UP, *lex.CHANGE_DOWN) if len(w) > 1)
# Each verb with its length and the letters after and before it that refuse it.
_VERBS: Final = {
    first: tuple(
        (
            w,
            len(w),
            lex.SUBJECT_VERB_NOT_BEFORE.get(w, ""),
            lex.SUBJECT_VERB_NOT_AFTER.get(w, ""),
        )
        for w in words
    )
    for first, words in _by_first(lex.SUBJECT_VERBS).items()
}
_LEADING: Final = _by_first(lex.SUBJECT_LEADING_VERBS)
_NOUN_VERBS: Final = frozenset(lex.NOUN_VERBS)
_SCOPE: Final = _by_first(lex.SCOPE_WORDS)
_TRAILERS: Final = _by_last((*lex.SUBJECT_TRAILERS, *lex.APPROX_PREFIXES, *lex.BOUND_PREFIXES))


def find_subject(
    text: str, start: int, end: int, *, floor: int = 0, unit: str = ""
) -> tuple[int, int] | None:
    """Return the ``[start, end)`` of the subject of the claim at ``[start, end)``, or None.

    *floor* is the end of the previous claim, which a subject never crosses.

    >>> text = "班主任津贴每月不低于500元"
    >>> s = find_subject(text, 7, 14)
    >>> text[s[0]:s[1]]
    '班主任津贴'
    >>> find_subject("提高2.85个百分点", 2, 10, unit="百分点") is None
    True
    """
    if unit in _NO_SUBJECT_UNITS:
        return None
    at = end + 1 if unit in _RATE_UNITS and text.startswith("的", end) else end
    return _after(text, at) or _before(text, start, floor, unit in lex.EVENT_UNITS)


def _after(text: str, end: int) -> tuple[int, int] | None:
    if end >= len(text) or text[end] < _HAN_FIRST or text[end] in _NOT_HAN:
        return None
    m = _HAN_AFTER.match(text, end)  # at most _WINDOW letters
    if m is None:
        return None
    run = m.group()
    if run[0] in _LEADING_CONJ or run.startswith(_CHANGES):
        return None  # 5亿元增加到8亿元: a change follows, not a noun
    cut = _first_stop(run)
    if cut == len(run) and run[-1] in _BEFORE_FIGURE:
        at = m.end()
        if at < len(text) and text[at] in _NUMERAL_START:
            cut -= 1
    run = run[:cut]
    if run and run[-1] in _TRAILERS:  # the table first, to spare a call
        run = _strip_trailer(run)
    if len(run) >= 3 and run[-1] == "中" and run[-2] not in _KEEP_ZHONG:
        run = run[:-1]  # 15个赛项中荣获: the subject is 赛项
    if not run or len(run) > _LONGEST:
        return None
    return end, end + len(run)


def _first_stop(run: str) -> int:
    """Return where the first stop word of *run* begins (its length if none)."""
    for i, c in enumerate(run):
        words = _STOPS.get(c)
        if words is not None:
            for w in words:
                if run.startswith(w, i):
                    return i
    return len(run)


def _verb_at(run: str, i: int, n: int) -> int:
    """Return the end of the verb or preposition at ``run[i]`` (0 if none), the longest first."""
    for w, size, not_before, not_after in _VERBS[run[i]]:
        if run.startswith(w, i):
            after = i + size
            if not_before and after < n and run[after] in not_before:
                continue
            if not_after and i and run[i - 1] in not_after:
                continue  # 行为, 作为: not the verb 为
            return after
    return 0


def _before(text: str, start: int, floor: int, event: bool) -> tuple[int, int] | None:
    lo = max(floor, start - _WINDOW)
    if start <= lo or text[start - 1] < _HAN_FIRST or text[start - 1] in _NOT_HAN:
        return None
    m = _HAN_BEFORE.match(text, lo, start)
    if m is None:
        return None
    run, run_start = m.group(), m.start()
    if run[-1] in _TRAILERS:  # the table first, to spare a call
        run = _strip_trailer(run)
    if run.startswith("建") and run_start and text[run_start - 1] == ")":
        run, run_start = run[1:], run_start + 1  # 新(改)建农村公路
    cut = 0
    whole, n = run, len(run)  # verbs are read in the phrase as it came, last first
    for verb_start in reversed([i for i, c in enumerate(whole) if c in _VERBS]):
        verb_end = _verb_at(whole, verb_start, n)
        if not verb_end:
            continue
        if verb_end == len(run):  # a verb right before the figure
            if (event or run.endswith(lex.NOUN_VERBS)) and verb_start >= 2:
                continue  # 研发投入, 开展安全检查52次: part of the noun phrase
            run = run[:verb_start]  # 基站建成1200个
            if len(run) < 2:
                return None
            continue
        if len(run) - verb_end >= 2:  # 覆盖率: a verb inside a noun, not before it
            cut = verb_end
            break
    if cut < len(run) and run[cut] in _SCOPE:  # the tables first, to spare calls
        cut = _skip_scope(run, cut)
    if cut < len(run) and run[cut] in _LEADING:
        cut = _skip_leading_verb(run, cut)
    subject = run[cut:]
    if not subject or len(subject) > _LONGEST:
        return None
    return run_start + cut, run_start + cut + len(subject)


def _skip_leading_verb(run: str, cut: int) -> int:
    """Return *cut* moved past a verb that opens the phrase (推广优良品种 → 优良品种)."""
    if cut >= len(run):
        return cut
    for lead in _LEADING.get(run[cut], ()):
        if run.startswith(lead, cut):
            break
    else:
        return cut
    rest = run[cut + len(lead) :]
    if len(rest) < 2 or rest in _NOUN_VERBS:
        return cut
    if rest[0] in lex.SUBJECT_LEADING_NOT_BEFORE.get(lead, ""):
        return cut
    return _skip_scope(run, cut + len(lead))


def _skip_scope(run: str, cut: int) -> int:
    """Return *cut* moved past the scope words (全县, 目前, 其中) that start there."""
    while cut < len(run):
        for scope in _SCOPE.get(run[cut], ()):
            if run.startswith(scope, cut):
                break
        else:
            break
        if cut + len(scope) >= len(run):
            break
        cut += len(scope)
    return cut


def _strip_trailer(run: str) -> str:
    """Drop words such as 达, 每月, 不低于 from the end of *run* (all of it, if it is one)."""
    while run and run[-1] in _TRAILERS and not run.endswith(lex.SUBJECT_KEEP_ENDINGS):
        for w in _TRAILERS[run[-1]]:
            if run.endswith(w):
                run = run[: -len(w)]
                break
        else:
            return run
    return run
