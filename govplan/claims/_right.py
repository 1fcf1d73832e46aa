"""Read the noun phrase right after a figure: the thing it counts.

The phrase after a figure is the noun that follows it (建成125个县域医共体 →
县域医共体), up to the first word that is not part of a noun phrase: a verb
of the activity (5条中小河流治理 → 中小河流), a property of the thing counted
(14种农产品产量 → 农产品); 和/及 join two nouns (116个国家和地区).
"""

from __future__ import annotations

from typing import Final

import regex

from govplan.claims._phrase import LONGEST, NOUNS, is_han
from govplan.claims._tokens import Token, WordIndex
from govplan.claims._words import ATTRIBUTIVE, LIGHT_VERBS, Kind

__all__ = ["read_right"]

# The other divisions a division name stands for: 县(市、区), 乡镇(街道).
_ASIDE: Final[regex.Pattern[str]] = regex.compile(r"\([市区县州旗盟镇乡街道、]{1,6}\)")
_NUMERALS: Final = frozenset("0123456789零〇一二两三四五六七八九十百千万亿几数")
_CHANGES: Final = frozenset({Kind.UP, Kind.DOWN})
#: Levels a figure reaches rather than things it counts (迈上500亿元台阶).
_MILESTONES: Final = frozenset({"台阶", "大关", "关口", "量级"})
#: Nouns of what the people counted do (帮扶500名残疾人就业): not part of them.
_ACTIVITIES: Final = frozenset({"就业", "创业", "增收", "入学", "就医", "脱贫", "返乡", "入住"})


def read_right(
    text: str,
    by_start: WordIndex,
    end: int,
    hi: int,
    *,
    rate: bool = False,
    event: bool = False,
) -> tuple[int, int] | None:
    """Return the ``(start, end)`` of the noun phrase right after a figure, or None.

    *by_start* maps the start of every word of the clause to the word.  With
    *rate*, a 的 after the figure is passed over (15%的学生 → 学生); with
    *event*, verbs name the event counted (5次联合检查).

    >>> from govplan.claims._tokens import tokenize
    >>> text = "建成125个县域医共体,14种农产品产量居全国第1位"
    >>> words = {t.start: t for t in tokenize(text)}
    >>> s = read_right(text, words, text.index("县"), text.index(","))
    >>> text[s[0]:s[1]]
    '县域医共体'
    >>> s = read_right(text, words, text.index("农"), len(text))
    >>> text[s[0]:s[1]]
    '农产品'
    """
    at = end + 1 if rate and text.startswith("的", end) else end
    i = at
    cut = -1  # where a property of the thing counted begins
    while i < hi:
        token = by_start.get(i)
        if token is not None:
            if token.end > hi:
                break
            if token.kind is Kind.ATTRIBUTE and cut < 0 and i - at >= 2:
                cut = i
            if not _joins_right(text, by_start, token, i - at, hi, event=event):
                break
            i = token.end
            continue
        if is_han(text[i]):
            i += 1
            continue
        m = _ASIDE.match(text, i, hi) if i > at else None
        if m is None:
            break
        i = m.end()  # 4个县(市、区): a note on the noun belongs to it
    stop = cut if cut > 0 else i
    if stop - at >= 3 and text[stop - 1] == "中" and text[stop - 2] not in "高初集空其心":
        stop -= 1  # 15个赛项中荣获: the subject is 赛项
    if stop <= at or stop - at > LONGEST or text[at:stop] in _MILESTONES:
        return None  # 迈上500亿元台阶: a milestone, not a thing counted
    return at, stop


def _joins_right(
    text: str, by_start: WordIndex, token: Token, size: int, hi: int, *, event: bool
) -> bool:
    """Tell whether *token* continues the noun phrase of *size* letters before it."""
    kind = token.kind
    if token.word in _ACTIVITIES and size > 0:  # 500名残疾人就业, but 2万个就业岗位
        after = by_start.get(token.end)
        return after is not None and after.kind in NOUNS
    if kind in NOUNS:
        return True
    if kind is Kind.NOUN_VERB:  # 5条中小河流治理: an activity on the thing, unless a noun follows
        after = by_start.get(token.end)
        return size == 0 or (after is not None and after.kind in NOUNS)
    if kind is Kind.VERB:
        if event and token.word not in LIGHT_VERBS:
            return True  # 5次联合检查
        after = by_start.get(token.end)
        if after is None or after.kind is not Kind.HEAD:
            return False
        return size == 0 or token.word in ATTRIBUTIVE  # 3家帮扶单位, 70家教育培训机构
    if kind is Kind.SCOPE:
        return token.word[0] in "全各"  # 28个全国重点实验室
    nxt = text[token.end] if token.end < hi else ""
    if size == 0 or not is_han(nxt) or nxt in _NUMERALS:
        return False
    return kind is Kind.CONJ or (kind in _CHANGES and len(token.word) == 1)  # 国家和地区, 强降雨
