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
from itertools import repeat
from typing import Final

import regex

from govplan import _lexicon as lex
from govplan._claim_scan import alternation, scan_figures, to_normalised
from govplan.errors import require_str
from govplan.modality import heading_modality, modality_of, read_context, section_modality
from govplan.model import Claim, Comparison, Heading, Modality, Span
from govplan.normalize import Normalized, normalize
from govplan.subjects import find_subject

__all__ = ["extract_claims", "find_claims"]

# Change verbs and baselines before a figure: 比去年提高, 同比增长, 较上年下降.
_COMPARISON: Final[regex.Pattern[str]] = regex.compile(
    rf"""
    (?P<base>
        (?:比|较|与|同|环)
        (?P<against>[^,;。、:!?\n]{{0,8}}?)          # 去年, 上年同期, 2020年
        (?:相比|比)?
    )?
    (?P<verb>{alternation((*lex.CHANGE_UP, *lex.CHANGE_DOWN))})
    (?:了|达到|达|约)?
    \Z
    """,
    regex.VERBOSE,
)

_CHANGE_ENDS: Final = frozenset(w[-1] for w in (*lex.CHANGE_UP, *lex.CHANGE_DOWN)) | set("了达约")


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
    found = scan_figures(norm, exclude)
    if not found:
        return ()
    text, source, offsets = norm.text, norm.source, norm.offsets
    context = read_context(text, doc_type, glued=not outline)
    locate = _Sections(norm, outline).locate
    claims: list[Claim] = []
    floor = 0
    for start, end, value, unit, high, approx, bound in found:
        # as Normalized.span_to_original maps a span (a figure is never empty)
        span = Span(start, end) if offsets is None else Span(offsets[start], offsets[end - 1] + 1)
        path, section = locate(span)
        comparison = None
        if start and text[start - 1] in _CHANGE_ENDS:
            comparison = _comparison(norm, start)
            if comparison is not None:
                floor = start  # a subject never reaches back over the comparison
        subject = None
        found_subject = find_subject(text, start, end, floor=floor, unit=unit)
        if found_subject is not None:
            first, last = found_subject
            if offsets is not None:  # as Normalized.span_to_original maps a span
                first, last = (offsets[first], offsets[last - 1] + 1) if last > first else (0, 0)
            subject = source[first:last] or None
        claims.append(
            Claim(
                text=source[span.start : span.end],
                span=span,
                value=value,
                unit=unit,
                high=high,
                approx=approx,
                bound=bound,
                subject=subject,
                modality=modality_of(context, start, end, section),
                comparison=comparison,
                path=path,
            )
        )
        floor = end
    return tuple(claims)


def _comparison(norm: Normalized, start: int) -> Comparison | None:
    """Return the change verb and baseline right before a claim (比去年提高), if any."""
    # no punctuation can stand inside a match, so it lies within the figure's clause
    m = _COMPARISON.search(norm.text, max(0, start - 12), start)
    if m is None:
        return None
    base, against, verb = m.group("base", "against", "verb")
    if base is None and len(verb) == 1:
        return None
    baseline: str | None = against or None
    if base is not None and base.startswith("同"):
        baseline = "同期"
    elif base is not None and base.startswith("环"):
        baseline = "上期"
    span = norm.span_to_original(m.start(), m.end("verb"))
    return Comparison(
        text=norm.source[span.start : span.end],
        baseline=baseline,
        direction="up" if verb in lex.CHANGE_UP else "down",
        span=span,
    )


class _Sections:
    """The headings of one document, flattened in pre-order for lookups by position.

    For each heading: where its section starts and ends, its ``path``, the
    smallest section end along that path, and the modality its section gets.
    """

    __slots__ = (
        "_fences", "_headings", "_index", "_modalities", "_norm", "_outline", "_paths",
        "_starts",
    )  # fmt: skip

    def __init__(self, norm: Normalized, outline: tuple[Heading, ...]) -> None:
        self._norm = norm
        self._outline = outline
        text, offsets = norm.text, norm.offsets
        headings: list[Heading] = []
        starts: list[int] = []
        paths: list[tuple[int, ...]] = []
        fences: list[int] = []
        modalities: list[Modality | None] = []
        stack = list(zip(reversed(outline), repeat(-1)))
        i = -1
        while stack:
            node, parent = stack.pop()
            i += 1
            section, span = node.section, node.span
            if offsets is None:  # the heading's normalised text, as _norm_title reads it
                mod = heading_modality(text[span.start : span.end])
            else:
                first = bisect_right(offsets, span.start - 1)
                mod = heading_modality(text[first : bisect_right(offsets, span.end - 1, first)])
            end = section.end
            if parent < 0:
                paths.append((i,))
                fences.append(end)
            else:
                paths.append((*paths[parent], i))
                fence = fences[parent]
                fences.append(end if end < fence else fence)
                if mod is None:  # the innermost heading that says one decides
                    mod = modalities[parent]
            headings.append(node)
            starts.append(section.start)
            modalities.append(mod)
            if node.children:
                stack.extend(zip(reversed(node.children), repeat(i)))
        self._headings, self._starts, self._paths = headings, starts, paths
        self._fences, self._modalities = fences, modalities
        # With sections in document order, the headings around a position are the last
        # heading starting before it and its ancestors; else walk the tree (``_index``).
        self._index: dict[int, int] = {}
        if len(set(map(id, headings))) < len(headings) or any(map(int.__gt__, starts, starts[1:])):
            self._index = {id(h): i for i, h in enumerate(headings)}

    def locate(self, span: Span) -> tuple[tuple[int, ...], Modality | None]:
        """Return the path of the headings whose section holds *span*, and their modality."""
        if self._index:
            return self._walk(span)
        k = bisect_right(self._starts, span.start) - 1
        if k < 0:
            return (), None
        if span.end > self._fences[k]:  # it runs past the end of a section on the way
            path = self._paths[k]
            depth = next(d for d, i in enumerate(path) if span.end > self._headings[i].section.end)
            if not depth:
                return (), None
            k = path[depth - 1]
        return self._paths[k], self._modalities[k]

    def _walk(self, span: Span) -> tuple[tuple[int, ...], Modality | None]:
        """Return what ``locate`` does, by a binary search on each level of the tree."""
        out: list[Heading] = []
        nodes = self._outline
        while nodes:
            k = bisect_right([node.section.start for node in nodes], span.start) - 1
            if k < 0 or span.end > nodes[k].section.end:
                break
            out.append(nodes[k])
            nodes = nodes[k].children
        titles = [_norm_title(self._norm, h) for h in out]
        return tuple(self._index[id(h)] for h in out), section_modality(titles)


def _norm_title(norm: Normalized, heading: Heading) -> str:
    """Return the normalised text of a heading (marker and title, simplified)."""
    start, end = to_normalised(norm, heading.span)
    return norm.text[start:end]
