r"""Find quantitative claims: every figure with its unit, qualifiers, subject and modality.

A claim is a number that counts or measures something, written with its unit
or measure word: ``1663名``, ``300余万元``, ``61.85%``, ``2.85个百分点``,
``1至20人``, ``不低于500元``, ``五个``, ``一个多月``.  Its span is the smallest
stretch holding the qualifier, the number, the magnitude and the unit.

Deliberately not claims: years and dates (2019年, 7月30日), ordinals (第四名,
首批), numerals in names and slogans (十九大, 三会一课, 八项规定, 3+1+2), anything
inside “” or 《》, codes, phone numbers, URLs and e-mail addresses, and words
that merely contain a numeral (统一, 十分, 进一步, 二元结构).

>>> [(c.text, c.value, c.unit) for c in extract_claims("新建公办幼儿园7所,投入300余万元。")]
[('7所', 7, '所'), ('300余万元', 3000000, '元')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from typing import Final, NamedTuple

import attrs
import regex

from govplan import _lexicon as lex
from govplan.errors import require_str
from govplan.modality import modality_of, read_context, section_modality
from govplan.model import Bound, Claim, Comparison, Heading, Modality, Number, Span
from govplan.normalize import Normalized, is_noise_line, normalize
from govplan.numerals import parse_number
from govplan.subjects import find_subject

__all__ = ["extract_claims", "find_claims"]

_CN_NUM: Final = "零〇○一二两三四五六七八九十百千万亿"  # ○ (U+25CB) stands in for 〇 in years


def _alternation(words: Sequence[str]) -> str:
    """Return a regex alternation of *words*, longest first so the longest wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_UNIT_ALT: Final = _alternation((*lex.UNITS_ANY, *lex.UNITS_ARABIC, "%", "‰"))
_MAG_ALT: Final = "|".join(
    f"{m}(?![{lex.MAGNITUDE_NOT_BEFORE[m]}])" if m in lex.MAGNITUDE_NOT_BEFORE else m
    for m in sorted(lex.MAGNITUDES, key=len, reverse=True)
)
_ARABIC: Final = r"\d{1,20}+(?:,\d{3})*+(?:\.\d{1,12}+)?+"
_CHINESE: Final = rf"[{_CN_NUM}]{{1,12}}+(?:点[{_CN_NUM}]{{1,8}}+)?+"

_CLAIM: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?:
        百分之(?P<pct>{_CHINESE})                    # 百分之三十五
      | (?:
            (?<![\d.]|\d,)(?P<ar>{_ARABIC})          # 1,663 30.90, never mid-number
          | (?<![{_CN_NUM}])(?P<cn>{_CHINESE})        # 五 一千二 三点五
        )
        (?P<mid>[余多])?                             # 300余万元 10000多名
        (?P<mag>{_MAG_ALT})?                          # 万 亿 after Arabic figures
        (?P<mid2>[余多])?                            # 3万余场次
        (?:                                           # a range: 1至20人 3—5年 10%—20%
            (?P<pct1>%)?
            (?P<sep>至|到|—{{1,2}}|-|~|〜|\N{{EN DASH}})
            (?:(?P<ar2>{_ARABIC})|(?P<cn2>{_CHINESE}))
            (?P<mag2>{_MAG_ALT})?
        )?
        (?:
            个(?P<gemore>[多半])?(?P<geunit>{_alternation(lex.GE_SUBUNITS)})  # 一个半月
          | (?P<unit>{_UNIT_ALT})                     # 所 名 个 % 平方米 ...
        )
    )
    (?P<post>{_alternation((*lex.BOUND_SUFFIXES, *lex.APPROX_SUFFIXES, "多", "余"))})?
    """,
    regex.VERBOSE,
)

# A qualifier right before the figure (不低于 约 超), read back from the figure.
_PREFIX: Final[regex.Pattern[str]] = regex.compile(
    rf"(?:{_alternation((*lex.BOUND_PREFIXES, *lex.APPROX_PREFIXES))})\Z"
)

# Quotation and title marks: nothing inside them is a claim (“三个全域”, 《…2019-2020年…》).
_QUOTES: Final[tuple[tuple[str, str], ...]] = (
    ("“", "”"),
    ("‘", "’"),
    ("「", "」"),
    ("《", "》"),
    ('"', '"'),
)
_QUOTE_LONGEST: Final = 80

# Addresses where digits count nothing: URLs and e-mail (phone numbers and codes are
# refused by what stands before their digits).
_ADDRESS: Final[regex.Pattern[str]] = regex.compile(
    r"""
    (?:https?://|www\.)[!-~]{1,300}+                  # URLs
  | (?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9.-]{1,200}+   # e-mail
    """,
    regex.VERBOSE,
)

_EMAIL_LOCAL: Final = 64
_ADDRESS_LONGEST: Final = 300

# 十九届四中全会: a session of a congress, not a count of sessions.
_PLENUM: Final[regex.Pattern[str]] = regex.compile(rf"[{_CN_NUM}]{{1,3}}中全会")

# Change verbs and baselines before a figure: 比去年提高, 同比增长, 较上年下降.
_COMPARISON: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?P<base>
        (?:比|较|与|同|环)
        (?P<against>[^,;。、:!?\n]{{0,8}}?)          # 去年, 上年同期, 2020年
        (?:相比|比)?
    )?
    (?P<verb>{_alternation((*lex.CHANGE_UP, *lex.CHANGE_DOWN))})
    (?:了|达到|达|约)?
    \Z
    """,
    regex.VERBOSE,
)

# Before a number: these make it an ordinal, a code or part of a formula.
_BAD_BEFORE: Final = frozenset("第+×*/^#№.-")
_BAD_AFTER: Final = frozenset("+×*/^#")
_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Before a Chinese numeral: 每, 新 and demonstratives (每一位, 新一轮) make it no count.
_CN_BAD_BEFORE: Final = frozenset("每新这那哪某")
# Letters before a qualifier that make it part of another word (最近, 节约, 赶超).
_PREFIX_NOT_AFTER: Final[dict[str, str]] = {
    "近": "最附靠临将接逼",
    "约": "节制签契公邀预条",
    "超": "赶高",
}
_ARABIC_ONLY: Final = frozenset(lex.UNITS_ARABIC)
_CN_DIGITS: Final = "〇○零一二两三四五六七八九"
_NOISE_LONGEST: Final = 80  # site furniture lines are short
# Magnitudes that stand for a number on their own (突破百亿次).
_BARE_MAGNITUDES: Final = frozenset({"百亿", "千亿", "百万", "万亿"})
_PREFIX_ENDS: Final = frozenset(w[-1] for w in (*lex.BOUND_PREFIXES, *lex.APPROX_PREFIXES))
_POST_MORE_UNITS: Final = frozenset({"倍", "年", "月", "天", "周", "小时", "分钟", "季度"})
_CHANGE_ENDS: Final = frozenset(w[-1] for w in (*lex.CHANGE_UP, *lex.CHANGE_DOWN)) | set("了达约")


def _slogan_index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Index the slogans by each numeral they hold: numeral → (slogan, its offset)."""
    table: dict[str, list[tuple[str, int]]] = {}
    for slogan in lex.SLOGANS:
        for i, c in enumerate(slogan):
            if c in _CN_NUM:
                table.setdefault(c, []).append((slogan, i))
    return {c: tuple(v) for c, v in table.items()}


_SLOGANS: Final = _slogan_index()


@attrs.frozen
class _Masks:
    """Sorted, disjoint spans (normalised coordinates) where no claim starts."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


class _Found(NamedTuple):
    """One accepted candidate, in normalised coordinates (a tuple: built per figure)."""

    start: int
    end: int
    value: Number
    unit: str
    high: Number | None
    approx: str | None
    bound: Bound | None


def extract_claims(text: str) -> tuple[Claim, ...]:
    """Return the quantitative claims in *text*, in document order.

    Works on any string; spans are indices into *text* itself.  Without an
    outline, modality comes from the wording of the sentence and the text's
    own section lines.

    Qualifiers become ``approx`` (余 多 约 近 接近 左右) and ``bound``
    (以上 不低于 超过 → min; 以下 不超过 不足 低于 以内 → max):

    >>> def show(text):
    ...     for c in extract_claims(text):
    ...         print(c.text, c.value, c.unit, c.high, c.approx, c.bound and c.bound.value)
    >>> show("投入300余万元,培训10000多名教师,近4000名运动员,80%左右。")
    300余万元 3000000 元 None 余 None
    10000多名 10000 名 None 多 None
    近4000名 4000 名 None 近 None
    80%左右 80 % None 左右 None
    >>> show("约50人,接近100%,一个多月来。")
    约50人 50 人 None 约 None
    接近100% 100 % None 接近 None
    一个多月 1 月 None 多 None
    >>> show("每月不低于500元,占比50%以上;在校生不足100人,低于18万元,不超过3年,3岁以下。")
    不低于500元 500 元 None None min
    50%以上 50 % None None min
    不足100人 100 人 None None max
    低于18万元 180000 元 None None max
    不超过3年 3 年 None None max
    3岁以下 3 岁 None None max

    Ranges, percentages, points, magnitudes and Chinese numerals:

    >>> show("在校生1至20人、21—50人,3-5年,百分之三十五,提高2.85个百分点,30.90万元,五个。")
    1至20人 1 人 20 None None
    21—50人 21 人 50 None None
    3-5年 3 年 5 None None
    百分之三十五 35 % None None None
    2.85个百分点 2.85 百分点 None None None
    30.90万元 309000 元 None None None
    五个 5 个 None None None

    A change against a baseline is kept apart from the figure:

    >>> c = extract_claims("全县达标率比去年提高17个百分点。")[0]
    >>> c.value, c.unit, c.comparison.baseline, c.comparison.direction
    (17, '百分点', '去年', 'up')

    Not claims: years and dates, ordinals, slogans, quotations, codes, words:

    >>> extract_claims("2019年7月30日,第四名,首批,党的十九大,三会一课,八项规定精神。")
    ()
    >>> extract_claims("落实“五项管理”,《2019-2020年规划》,3+1+2模式,PM2.5,十分重要,统一领导。")
    ()
    >>> extract_claims(None)
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not NoneType
    """
    require_str(text)
    return find_claims(normalize(text))


def find_claims(
    norm: Normalized,
    *,
    outline: tuple[Heading, ...] = (),
    doc_type: str | None = None,
    exclude: tuple[Span, ...] = (),
) -> tuple[Claim, ...]:
    """Return the claims of a normalised document, with heading paths and modality.

    *outline* is the document's top-level headings: ``path`` holds the
    pre-order indices of the headings whose section holds the claim, and
    their titles steer modality (下一步工作计划 → target, 工作总结 → achieved).
    *doc_type* sets the default modality (工作要点 → target).  No claim is
    reported inside the original spans of *exclude* (header fields, 文号).

    >>> text = "一、上半年工作总结\\n新建学校3所。\\n二、下一步工作计划\\n新建学校5所。"
    >>> [(c.text, c.modality.value) for c in find_claims(normalize(text))]
    [('3所', 'achieved'), ('5所', 'target')]
    >>> find_claims(normalize("文号:共5所 共6所"), exclude=(Span(0, 6),))[0].text
    '6所'
    """
    text = norm.text
    masks = _masks(norm, exclude)
    found = [f for m in _CLAIM.finditer(text) if (f := _accept(m, text, masks)) is not None]
    found = _outside_noise(text, found)
    if not found:
        return ()
    index = {id(h): i for i, h in enumerate(_preorder(outline))}
    section_starts: dict[int, list[int]] = {}
    sections: dict[tuple[int, ...], Modality | None] = {}
    context = read_context(text, doc_type, glued=not outline)
    claims: list[Claim] = []
    floor = 0
    for f in found:
        span = norm.span_to_original(f.start, f.end)
        enclosing = _enclosing(outline, span, section_starts)
        path = tuple(index[id(h)] for h in enclosing)
        if path not in sections:
            sections[path] = section_modality([_norm_title(norm, h) for h in enclosing])
        comparison = _comparison(norm, f.start)
        claims.append(
            Claim(
                text=norm.source[span.start : span.end],
                span=span,
                value=f.value,
                unit=f.unit,
                high=f.high,
                approx=f.approx,
                bound=f.bound,
                subject=_subject(norm, f, floor if comparison is None else f.start),
                modality=modality_of(context, f.start, f.end, sections[path]),
                comparison=comparison,
                path=path,
            )
        )
        floor = f.end
    return tuple(claims)


def _group(name: str) -> int:
    """Return the index of a named group of :data:`_CLAIM` in ``Match.groups()``."""
    return _CLAIM.groupindex[name] - 1


# Indices into Match.groups(), which is far cheaper than Match.groupdict().
_PCT, _AR, _CN, _MID, _MAG, _MID2, _SEP, _AR2, _CN2, _MAG2, _GEMORE, _GEUNIT, _UNIT, _POST = (
    _group(n)
    for n in (
        "pct", "ar", "cn", "mid", "mag", "mid2", "sep", "ar2", "cn2", "mag2", "gemore",
        "geunit", "unit", "post",
    )
)  # fmt: skip


def _accept(m: regex.Match[str], text: str, masks: _Masks) -> _Found | None:
    """Check one candidate in its context; return it, or None when it is no claim."""
    g = m.groups()
    ar, cn, pct = g[_AR], g[_CN], g[_PCT]
    start = m.start()
    if masks.covers(start):
        return None
    unit = g[_GEUNIT] or g[_UNIT] or "%"
    unit_end = m.end(_GEUNIT + 1 if g[_GEUNIT] else _UNIT + 1 if g[_UNIT] else _PCT + 1)
    before = text[start - 1] if start else ""
    after = text[unit_end] if unit_end < len(text) else ""
    if before in _BAD_BEFORE or before in _LETTERS or after in _BAD_AFTER:
        return None
    if after in _LETTERS and unit not in ("%", "‰"):
        return None
    if after and after in lex.UNIT_NOT_BEFORE.get(unit, ""):
        return None
    if cn is not None and not _chinese_ok(cn, unit, after, text, start, unit_end):
        return None
    # 3—5亿元: the magnitude after the range serves both ends
    value = _number(None, pct, None) if pct is not None else _number(ar, cn, g[_MAG] or g[_MAG2])
    if g[_GEMORE] == "半" and value is not None:
        value = _exact(value + Decimal("0.5"))  # 一个半月
    if value is None or _is_date(ar, cn, value, unit, before):
        return None
    high = _number(g[_AR2], g[_CN2], g[_MAG2] or g[_MAG]) if g[_SEP] else None
    if g[_SEP] and high is None:
        return None
    pre = _prefix(text, start)
    end, post = m.end(), g[_POST]
    if post in ("多", "余") and (unit not in _POST_MORE_UNITS or _word_after(text, end)):
        end, post = unit_end, None
    more = g[_GEMORE] if g[_GEMORE] == "多" else None
    approx, bound = _qualifiers(pre, (g[_MID], g[_MID2], more), post)
    return _Found(start - len(pre or ""), end, value, unit, high, approx, bound)


def _chinese_ok(cn: str, unit: str, after: str, text: str, start: int, unit_end: int) -> bool:
    """Return whether a Chinese numeral with *unit* counts something."""
    before = text[start - 1] if start else ""
    if before in _CN_BAD_BEFORE:
        return False  # 每一位, 新一轮
    if len(cn) > 1 and all(c in _CN_DIGITS for c in cn):
        return False  # 二○二三年, 两三个: digit strings are years and guesses, not counts
    if unit in _ARABIC_ONLY and not any(c in "百千万亿" for c in cn):
        return False  # 二元结构, 十分, 一道
    if all(c in "百千万亿" for c in cn) and cn not in _BARE_MAGNITUDES:
        return False  # 万师访万家, 千万
    if cn == "一" and unit not in lex.TIME_UNITS and unit != "倍":
        return False  # 一批, 一支, 一项: indefinite more often than counted
    if unit == "个" and after and after in _CN_NUM and not text.startswith("等", unit_end + 1):
        return False  # 八个一, 三个百分百 (but 十四个一等奖)
    if unit == "届" and _PLENUM.match(text, unit_end) is not None:
        return False  # 十九届四中全会
    if before == "、" and "第" in text[max(0, start - 5) : start]:
        return False  # 第一、二轮
    return not _in_slogan(text, start)


def _in_slogan(text: str, start: int) -> bool:
    """Return whether the numeral at *start* belongs to a name such as 八项规定."""
    for slogan, offset in _SLOGANS.get(text[start], ()):
        if offset <= start and text.startswith(slogan, start - offset):
            return True
    return False


def _word_after(text: str, pos: int) -> bool:
    """Return whether 多/余 at *pos* - 1 begins a word (3个多元) rather than qualifying."""
    return pos < len(text) and text[pos] in "元样种少数功媒"


def _prefix(text: str, start: int) -> str | None:
    if not start or text[start - 1] not in _PREFIX_ENDS:
        return None
    m = _PREFIX.search(text, max(0, start - 3), start)
    if m is None:
        return None
    pre = m.group()
    refused = _PREFIX_NOT_AFTER.get(pre, "")
    if refused and m.start() and text[m.start() - 1] in refused:
        return None
    return pre


def _number(arabic: str | None, chinese: str | None, magnitude: str | None) -> Number | None:
    """Return the value of one figure with its magnitude, or None if it is not one."""
    factor = lex.MAGNITUDES[magnitude] if magnitude else 1
    base: Number
    if arabic is not None:
        digits = arabic.replace(",", "")
        base = int(digits) if digits.isdigit() else Decimal(digits)
    elif chinese is not None:
        if chinese[0] in "百千万亿":  # 百亿次: the leading 一 is left out
            chinese = "一" + chinese
        try:
            base = parse_number(chinese)
        except ValueError:
            return None
    else:
        return None
    return _exact(base * factor)


def _exact(value: Number) -> Number:
    """Return *value* as an int when it is whole (30.90万 → 309000)."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _is_date(ar: str | None, cn: str | None, value: Number, unit: str, before: str) -> bool:
    """Return whether the figure is a year (2019年, 二〇二〇年) or a clock time (7时41分)."""
    if unit == "年":
        if ar is not None and len(ar) == 4 and isinstance(value, int) and 1000 <= value <= 2999:
            return True
        return cn is not None and len(cn) == 4 and all(c in _CN_DIGITS for c in cn)
    return unit in ("分", "秒") and before in ("时", "点", ":")


def _qualifiers(
    pre: str | None, mids: tuple[str | None, ...], post: str | None
) -> tuple[str | None, Bound | None]:
    approx: str | None = None
    bound: Bound | None = None
    if pre is not None:
        if pre in lex.BOUND_PREFIXES:
            bound = Bound(lex.BOUND_PREFIXES[pre])
        else:
            approx = pre
    for mid in mids:
        if mid is not None:
            approx = mid
    if post is not None:
        if post in lex.BOUND_SUFFIXES:
            bound = Bound(lex.BOUND_SUFFIXES[post])
        else:
            approx = post
    return approx, bound


def _subject(norm: Normalized, f: _Found, floor: int) -> str | None:
    found = find_subject(norm.text, f.start, f.end, floor=floor, unit=f.unit)
    if found is None:
        return None
    span = norm.span_to_original(*found)
    return norm.source[span.start : span.end] or None


def _comparison(norm: Normalized, start: int) -> Comparison | None:
    """Return the change verb and baseline right before a claim (比去年提高), if any."""
    text = norm.text
    if not start or text[start - 1] not in _CHANGE_ENDS:
        return None
    lo = max(0, start - 12)
    for c in ",;。、:!?\n":
        cut = text.rfind(c, lo, start)
        if cut >= lo:
            lo = cut + 1
    m = _COMPARISON.search(text, lo, start)
    if m is None or (m.group("base") is None and len(m.group("verb")) == 1):
        return None
    verb = m.group("verb")
    baseline: str | None = m.group("against") or None
    base = m.group("base") or ""
    if base.startswith("同"):
        baseline = "同期"
    elif base.startswith("环"):
        baseline = "上期"
    span = norm.span_to_original(m.start(), m.end("verb"))
    return Comparison(
        text=norm.source[span.start : span.end],
        baseline=baseline,
        direction="up" if verb in lex.CHANGE_UP else "down",
        span=span,
    )


def _masks(norm: Normalized, exclude: tuple[Span, ...]) -> _Masks:
    text = norm.text
    spans = _quoted(text)
    spans.extend(_addresses(text))
    spans.extend(_to_normalised(norm, s) for s in exclude)
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return _Masks(tuple(starts), tuple(ends))


def _addresses(text: str) -> list[tuple[int, int]]:
    """Return the spans of URLs and e-mail addresses, looked for only around @, http, www."""
    out: list[tuple[int, int]] = []
    for anchor, back in (("@", _EMAIL_LOCAL), ("http", 0), ("www.", 0)):
        i = text.find(anchor)
        while i != -1:
            m = _ADDRESS.search(text, max(0, i - back), i + _ADDRESS_LONGEST)
            if m is not None and m.start() <= i:
                out.append(m.span())
            i = text.find(anchor, i + 1)
    return out


def _quoted(text: str) -> list[tuple[int, int]]:
    """Return the spans of short quotations and titles on one line."""
    out: list[tuple[int, int]] = []
    for left, right in _QUOTES:
        i = text.find(left)
        while i != -1:
            j = text.find(right, i + 1, i + _QUOTE_LONGEST)
            k = text.find("\n", i + 1, j) if j != -1 else -1
            if j != -1 and k == -1:
                out.append((i, j + 1))
                i = text.find(left, j + 1)
            else:
                i = text.find(left, i + 1)
    return out


def _outside_noise(text: str, found: list[_Found]) -> list[_Found]:
    """Drop the figures on site-furniture lines (扫一扫…, 浏览次数: 1200次)."""
    noise: dict[int, bool] = {}
    kept: list[_Found] = []
    for f in found:
        start = text.rfind("\n", 0, f.start) + 1
        if start not in noise:
            end = text.find("\n", f.start)
            end = len(text) if end == -1 else end
            noise[start] = end - start < _NOISE_LONGEST and is_noise_line(text[start:end])
        if not noise[start]:
            kept.append(f)
    return kept


def _to_normalised(norm: Normalized, span: Span) -> tuple[int, int]:
    """Map an original span to normalised coordinates (the smallest cover)."""
    if norm.offsets is None:
        return span.start, span.end
    offsets = norm.offsets
    return bisect_right(offsets, span.start - 1), bisect_right(offsets, span.end - 1)


def _norm_title(norm: Normalized, heading: Heading) -> str:
    """Return the normalised text of a heading (marker and title, simplified)."""
    start, end = _to_normalised(norm, heading.span)
    return norm.text[start:end]


def _preorder(outline: tuple[Heading, ...]) -> list[Heading]:
    out: list[Heading] = []
    stack = list(reversed(outline))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out


def _enclosing(
    outline: tuple[Heading, ...], span: Span, starts: dict[int, list[int]]
) -> tuple[Heading, ...]:
    """Return the headings whose section holds *span*, outermost first.

    Siblings are in document order, so each level is a binary search; *starts*
    caches the section starts of each tuple of siblings for one document.
    """
    out: list[Heading] = []
    nodes = outline
    while nodes:
        known = starts.get(id(nodes))
        if known is None:
            known = starts[id(nodes)] = [node.section.start for node in nodes]
        k = bisect_right(known, span.start) - 1
        if k < 0 or span.end > nodes[k].section.end:
            break
        out.append(nodes[k])
        nodes = nodes[k].children
    return tuple(out)
