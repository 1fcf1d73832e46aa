"""Read the words around one figure: its noun phrase, its verb of change, its baseline.

The phrase *before* a figure is read from right to left over the tokens of
its clause (:func:`read_left`):

1. the **glue** between the figure and what it measures: verbs of change
   (增长, 下降 — they give the direction), baselines (同比, 比上年,
   比2020年), links (控制在, 达到, 降至, 由), adverbs (全年, 年均, 累计), 分别,
   and cue words standing right before the figure (预计, 已);
2. then the **noun phrase**: letters of the open class and nouns, indicators
   and names (PM2.5), up to the first verb, preposition, conjunction,
   particle or mark.  Scope words and adverbs (全省, 其中, 年均) that open the
   clause are dropped; inside a name they stay (优化重组全国重点实验室).  A
   one-letter preposition or conjunction between two letters of the open
   class is part of a word (补给量, 普及率), and so is a verb before one last
   letter (覆盖面, 完成率).

The phrase *after* a figure is read by :mod:`govplan.claims._right`.

>>> from govplan.claims._tokens import tokenize
>>> text = "全省城镇新增就业85万人,地区生产总值同比增长5.5%左右"
>>> words = {t.end: t for t in tokenize(text)}
>>> left = read_left(text, words, 0, text.index("85"))
>>> text[left.subject[0]:left.subject[1]], left.change
('城镇新增就业', None)
>>> at = text.index("5.5")
>>> left = read_left(text, words, 13, at)
>>> text[left.subject[0]:left.subject[1]], left.change.word, left.baseline
('地区生产总值', '增长', '同比')
"""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

from govplan.claims._tokens import Token, WordIndex
from govplan.claims._words import ATTRIBUTIVE, LIGHT_VERBS, MEASURE_VERBS, Kind

__all__ = ["GLUE", "LONGEST", "NOUNS", "Left", "is_han", "read_left"]

#: Classes that may stand between a noun phrase and its figure.
GLUE: Final = frozenset(
    {
        Kind.LINK, Kind.ADVERB, Kind.EACH, Kind.UP, Kind.DOWN, Kind.BASELINE, Kind.TARGET,
        Kind.ACHIEVED, Kind.WEAK_TARGET, Kind.WEAK_ACHIEVED,
    }
)  # fmt: skip
#: Prepositions that glue a figure to its phrase: 由52%提高到58%, 赤字率拟按3%安排.
_FROM: Final = frozenset({"由", "从", "自", "按", "按照"})
#: Classes that belong to a noun phrase wherever they stand in it.
NOUNS: Final = frozenset({Kind.NOUN, Kind.INDICATOR, Kind.HEAD, Kind.ATTRIBUTE})
_CHANGES: Final = frozenset({Kind.UP, Kind.DOWN})
#: Classes whose words are dropped where they open a clause and kept inside a name.
_OPENERS: Final = frozenset({Kind.SCOPE, Kind.ADVERB})
# Words that may open a clause before its subject: scope, time and cue words.
_PREFACE: Final = _OPENERS | {
    Kind.EACH, Kind.TARGET, Kind.ACHIEVED, Kind.WEAK_TARGET, Kind.WEAK_ACHIEVED,
}  # fmt: skip
# A date or period right before a position: 2024年, 1—11月, 3月底.
_DATE_BEFORE: Final[regex.Pattern[str]] = regex.compile(
    r"[0-9]{1,4}(?:[—\-~][0-9]{1,4})?(?:年|月|日|季度)(?:底|末|初|内)?$"
)
#: Scope words of a jurisdiction: a subject starts after them (全国 may be in a name).
_JURISDICTIONS: Final = frozenset(
    {"全省", "全市", "全县", "全区", "全州", "全盟", "全旗", "全镇", "全乡", "全街道"}
)
#: Letters that make a noun of the word before them: 服务性, 现代化, 创新型.
_SUFFIXES: Final = frozenset("性化型式")
#: Classes whose one-letter words stand inside nouns (补给, 普及) as often as between them.
_LETTER_WORDS: Final = frozenset({Kind.PREP, Kind.CONJ})
#: Classes whose one-letter words are part of a word before a noun (应急, 了解).
_INSIDE_WORDS: Final = frozenset({Kind.WEAK_TARGET, Kind.WEAK_ACHIEVED})
#: Classes of short words that end a name (保持率, 覆盖面): a verb before one letter.
_SHORT_END: Final = frozenset({Kind.VERB, Kind.LINK, Kind.UP, Kind.DOWN})
#: Letters and words that end the name of a measure: verbs inside such a name stay.
_MEASURE_LETTERS: Final = frozenset("率数额量值比")
_MEASURE_WORDS: Final = (
    "收入", "支出", "规模", "强度", "水平", "指数", "面积", "里程", "能力", "时间", "时限",
    "进度", "成本", "浓度", "产值", "总额", "排放",
)  # fmt: skip
#: How many verbs may stand between a topic and its figure (排查整治412个).
_TOPIC_VERBS: Final = 3
#: The longest subject kept; a longer phrase is a clause, not a name.
LONGEST: Final = 20
_YEAR_ENDS: Final = frozenset("年末底的期比")
# Words that may end a year's phrase: 2020年末, 从2019年的.
_YEAR_WORDS: Final = frozenset({Kind.SCOPE, Kind.PARTICLE})
_DATE_ENDS: Final = frozenset("年月日度底末初内")
#: A start that names a year or the present: 从2019年的24580亿元增加到…, 由目前的45%提高到…
_FROM_YEAR: Final[regex.Pattern[str]] = regex.compile(
    r"(?:从|由)(?:(?:19|20)[0-9]{2}年(?:末|底)?|目前|现在|原来|上年|去年)?的?$"
)
#: A baseline that names a year or a period rather than a word of the lexicon.
_YEAR_BASELINE: Final[regex.Pattern[str]] = regex.compile(
    r"(?:比|较|与)(?P<base>(?:(?:19|20)[0-9]{2}|[一二][〇零○一二三四五六七八九]{3})年(?:末|底|同期)?)"
    r"(?:相比)?$"
)
_HAN_FIRST: Final = "\u3400"
_NOT_HAN: Final = frozenset("、。《》“”‘’「」")
_NAME_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NAME_CHARS: Final = _NAME_LETTERS | frozenset("0123456789.")
#: The longest note in brackets inside a name: 细颗粒物(PM2.5), 乡镇(街道).
_NOTE: Final = 8
_NAME_CHARS_NOTE: Final = _NAME_CHARS | {")"}


class Left(NamedTuple):
    """What stands before a figure in its clause (normalised offsets).

    ``subject`` is the ``(start, end)`` of the noun phrase, or None;
    ``change`` the verb of change; ``baseline`` the baseline as written
    (同比, 上年, 2020年) and ``comparison`` the ``(start, end)`` from the
    baseline (or verb) to the end of the verb; ``each`` tells that 分别 stands
    before the figure; ``glue_start`` is where the glue begins; ``link`` is a
    linking word in the glue (达到, 提高到); ``lead`` is a verb of change that
    opens the noun phrase (增加学位1500个) and ``opens_clause`` tells that
    nothing stands before the phrase in its clause.
    """

    subject: tuple[int, int] | None
    change: Token | None
    baseline: str | None
    comparison: tuple[int, int] | None
    each: bool
    glue_start: int
    link: Token | None = None
    lead: Token | None = None
    opens_clause: bool = False


def is_han(char: str) -> bool:
    """Tell whether *char* is a letter of a Chinese word (not a mark, not a full-width form)."""
    return char >= _HAN_FIRST and not ("\uff00" <= char <= "\uffef") and char not in _NOT_HAN


def read_left(text: str, by_end: WordIndex, lo: int, start: int, *, event: bool = False) -> Left:
    """Return the glue and the noun phrase before the figure at *start*, not before *lo*.

    *by_end* maps the end of every word of the clause to the word.  *event*
    tells that the figure counts events (次, 场): the verbs right before it
    name the event counted (开展联合检查5次 → 联合检查).
    """
    glue = _read_glue(text, by_end, lo, start)
    pos, change, link, baseline, each = glue.pos, glue.change, glue.link, glue.baseline, glue.each
    comp_start, comp_end = glue.comp_start, glue.comp_end
    if change is not None and len(change.word) == 1 and baseline is None:
        change = None  # 增, 降 alone: a word of change only after a baseline (同比增5%)
    comparison = (comp_start, comp_end) if change is not None else None
    if change is None and baseline is not None:
        comparison = (comp_start, comp_start)
    subject = _noun_phrase(text, by_end, lo, pos, event=event and pos == start)
    if subject is None:
        subject = _topic(text, by_end, lo, pos)
    first = subject[0] if subject is not None else pos
    stop = by_end.get(first)
    lead = stop if stop is not None and stop.kind in _CHANGES and len(stop.word) > 1 else None
    if change is None and lead is not None:
        comparison = (lead.start, lead.end)
    opens = _opens(text, by_end, lo, lead.start if lead is not None else first)
    if subject is not None and _verb_alone(by_end, subject) and opens:
        subject = None  # 投入300万元: a verb opening its clause names nothing
    return Left(subject, change, baseline, comparison, each, pos, link, lead, opens)


class _Glue(NamedTuple):
    """The words between a figure and its noun phrase, read leftwards (see read_left)."""

    pos: int
    change: Token | None
    link: Token | None
    baseline: str | None
    each: bool
    comp_start: int
    comp_end: int


def _read_glue(text: str, by_end: WordIndex, lo: int, start: int) -> _Glue:
    """Read the glue before *start*: changes, baselines (比2020年末), links, 分别, adverbs."""
    pos = start
    change = link = None
    baseline: str | None = None
    comp_start = comp_end = -1
    each = False
    while pos > lo:
        token = by_end.get(pos)
        if token is not None and token.start < lo:
            break  # a word that began before the previous figure ended
        if (token is None or token.kind in _YEAR_WORDS) and text[pos - 1] in _YEAR_ENDS:
            m = _FROM_YEAR.search(text, max(lo, pos - 10), pos)
            if m is not None:
                pos = m.start()
                continue
            m = _YEAR_BASELINE.search(text, max(lo, pos - 12), pos)
            if m is not None:  # 比2020年末增加1040公里
                baseline = baseline or m.group("base")
                comp_start = pos = m.start()
                continue
        if token is None or (token.kind not in GLUE and token.word not in _FROM):
            break
        if token.kind in _CHANGES and change is None:
            change, comp_start, comp_end = token, token.start, token.end
        elif token.kind is Kind.BASELINE:
            baseline = baseline or token.word
            comp_start = token.start
        elif token.kind is Kind.EACH:
            each = True
        elif token.kind is Kind.LINK and link is None:
            link = token
        pos = token.start
    return _Glue(pos, change, link, baseline, each, comp_start, comp_end)


def _topic(text: str, by_end: WordIndex, lo: int, pos: int) -> tuple[int, int] | None:
    """Return the noun phrase before the verbs that end the clause.

    基站建成1200个 → 基站; 完成危桥改造45座 → 危桥; 入河排污口排查整治412个 → 入河排污口.
    """
    verbs = 0
    cue = False
    while verbs < _TOPIC_VERBS and (verb := by_end.get(pos)) is not None:
        if verb.kind in (Kind.VERB, Kind.NOUN_VERB) and not cue:
            verbs += 1
        elif verbs and verb.kind in GLUE:
            cue = True  # 拟安排6800亿元: a cue before the verb is passed over too
        else:
            break
        pos = verb.start
    if not verbs:
        return None
    topic = _noun_phrase(text, by_end, lo, pos)
    if topic is None:
        return None
    before = by_end.get(topic[0])
    if before is not None and before.kind is Kind.VERB:
        return topic  # 完成危桥改造: the object of a leading verb
    return topic if _opens(text, by_end, lo, topic[0]) else None


def _verb_alone(by_end: WordIndex, span: tuple[int, int]) -> bool:
    token = by_end.get(span[1])
    return token is not None and token.start == span[0] and token.kind is Kind.NOUN_VERB


class _Walk(NamedTuple):
    """What the leftward walk over a noun phrase knows at one token."""

    text: str
    by_end: WordIndex
    lo: int
    measure: bool  # the phrase ends in a measure (率, 人数, 收入): verbs inside it stay


def _noun_phrase(
    text: str, by_end: WordIndex, lo: int, end: int, *, event: bool = False
) -> tuple[int, int] | None:
    """Return the noun phrase that ends at *end*, read leftwards, or None."""
    walk = _Walk(text, by_end, lo, _ends_in_measure(text, by_end, end))
    i = end
    first: Token | None = None  # the leftmost token of the phrase so far
    verbs = event  # the phrase so far is verbs only, right before an event count
    while i > lo:
        token = by_end.get(i)
        if token is not None:
            if token.start < lo or not _joins_left(walk, token, first, end - i, event=verbs):
                break
            verbs = verbs and token.kind is Kind.VERB
            first, i = token, token.start
            continue
        char = text[i - 1]
        if is_han(char):
            if char in "年月日度底末初" and _DATE_BEFORE.search(text, max(lo, i - 12), i):
                break  # 2024年, 1—11月: a date, not the start of a name
            first, verbs = None, False
            i -= 1
            continue
        if char == ")" and i < end:  # 细颗粒物(PM2.5)平均浓度: a note inside a name
            k = text.rfind("(", max(lo, i - _NOTE), i - 1)
            owner = by_end.get(k)  # the word the note is on: a noun's, not a verb's
            if k > lo and is_han(text[k - 1]) and (owner is None or owner.kind in NOUNS):
                first, verbs, i = None, False, k
                continue
        j = i
        while j > lo and text[j - 1] in _NAME_CHARS:
            j -= 1
        if j == i or _NAME_LETTERS.isdisjoint(text[j:i]):
            break  # a mark, or digits that name nothing
        first, verbs, i = None, False, j
    owner = by_end.get(i) if i < end and text[i] in _SUFFIXES else None
    if owner is not None:
        i = owner.start  # 服务性消费支出: 性 makes a noun of the word before it
    if i >= end or end - i > LONGEST:
        return None
    return i, end


def _ends_in_measure(text: str, by_end: WordIndex, end: int) -> bool:
    """Tell whether the phrase ending at *end* names a measure (覆盖率, 人数, 总额, 收入)."""
    token = by_end.get(end)
    if token is not None and token.kind in (Kind.ATTRIBUTE, Kind.INDICATOR):
        return True
    return end > 0 and (text[end - 1] in _MEASURE_LETTERS or text.endswith(_MEASURE_WORDS, 0, end))


def _joins_left(walk: _Walk, token: Token, first: Token | None, size: int, *, event: bool) -> bool:
    """Tell whether *token* belongs to the noun phrase of *size* letters that follows it."""
    kind = token.kind
    if kind in NOUNS:
        return True
    if kind in (Kind.VERB, Kind.NOUN_VERB):
        return _verb_joins(walk, token, first, size, event=event)
    if kind in _SHORT_END and 0 < size < 2:
        return True  # 覆盖面, 达标率: a verb inside a short noun
    if kind in _OPENERS:  # 优化重组全国重点实验室, PM2.5平均浓度: inside a name
        if token.word in _JURISDICTIONS:
            return False  # 秋季学期全县中小学在校生: the scope opens the subject
        inside = kind is Kind.ADVERB or token.word.startswith("全")
        return inside and size > 0 and not _opens(walk.text, walk.by_end, walk.lo, token.start)
    if len(token.word) == 1 and size > 0:
        if kind in _INSIDE_WORDS:
            return token.word != "将"  # 将城镇新增就业目标定为…: a preposition, no letter of a noun
        if kind in _LETTER_WORDS:
            return _inside(walk, token) and walk.by_end.get(token.start) is None
    return False


def _verb_joins(walk: _Walk, token: Token, first: Token | None, size: int, *, event: bool) -> bool:
    """Tell whether a verb belongs to the noun phrase of *size* letters that follows it."""
    word, light = token.word, token.word in LIGHT_VERBS
    if size == 0:  # 完成投资10亿元, 生猪存栏1456万头: a noun, or a measure named by a verb
        return token.kind is Kind.NOUN_VERB or word in MEASURE_VERBS or (event and not light)
    if token.kind is Kind.VERB and event and not light:
        return True  # 开展联合检查5次: the event counted ends in a verb
    if size < 2 and token.kind is Kind.VERB:
        return True  # 覆盖面, 完成率, 保持率: a verb inside a short noun
    if light:
        return False
    if walk.measure and _inside(walk, token):
        return True  # 家庭医生签约服务覆盖率, 道路运输安全生产事故死亡人数
    if first is None or first.start != token.end:
        return False
    if first.kind in (Kind.HEAD, Kind.NOUN_VERB):  # 援助资金, 外商投资企业, 住房租赁补贴
        if word in ATTRIBUTIVE and first.kind is Kind.HEAD:
            return True
        agent = walk.by_end.get(token.start)  # 用人单位提供岗位: a head noun acts
        return _inside(walk, token) and (agent is None or agent.kind is not Kind.HEAD)
    if word in ATTRIBUTIVE and first.word.endswith("率"):
        return True  # 培训合格率, 监测覆盖率
    # 造林面积, 服务零售额: the measure of an activity
    return first.kind is Kind.ATTRIBUTE and (
        first.word[-1] in _MEASURE_LETTERS or first.word.endswith(_MEASURE_WORDS)
    )


def _inside(walk: _Walk, token: Token) -> bool:
    """Tell whether noun material stands right before *token* (a verb inside a name)."""
    if token.start <= walk.lo:
        return False
    before = walk.by_end.get(token.start)
    if before is not None:
        return before.kind in NOUNS
    return is_han(walk.text[token.start - 1])


def _opens(text: str, by_end: WordIndex, lo: int, pos: int) -> bool:
    """Tell whether only scope, time and cue words stand between *lo* and *pos*.

    力争全市经济总量…, 2024年全市地区生产总值…: the scope word opens the phrase.
    """
    while pos > lo:
        token = by_end.get(pos)
        if token is not None and token.kind in _PREFACE:
            pos = token.start
            continue
        if token is None and text[pos - 1] in _DATE_ENDS:
            m = _DATE_BEFORE.search(text, max(lo, pos - 12), pos)
            if m is not None:
                pos = m.start()
                continue
        return not is_han(text[pos - 1]) and text[pos - 1] not in _NAME_CHARS_NOTE
    return True
