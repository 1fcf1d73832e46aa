r"""Find quantitative claims: every figure with its unit, qualifiers, subject and modality.

A claim is a number that counts or measures something, written with its unit
or measure word: ``1663名``, ``300余万元``, ``61.85%``, ``2.85个百分点``,
``1至20人``, ``不低于500元``, ``五个``, ``一个多月``, or a bare count with a
magnitude (``3300万``, unit "").  Its span is the smallest stretch holding
the qualifier, the number, the magnitude and the unit.

Each claim says what it counts or measures (``subject``: the counted thing,
新建公办幼儿园7所 → 公办幼儿园, or the indicator, 国内生产总值增长5%左右 →
国内生产总值), the direction of a change (``comparison``), and whether it is a
result or a target (``modality``).  :func:`explain` tells which rule and which
evidence decided them.

Deliberately not claims: years and dates (2019年, 7月30日), ordinals (第四名,
首批), sessions (十四届二次会议), numerals in names and slogans (十九大, 三会一课,
八项规定, 五项原则, 3+1+2), anything inside “” or 《》, codes, phone numbers,
URLs and e-mail addresses, vague numbers (几十万, 数百) and words that merely
contain a numeral (统一, 十分, 进一步, 二元结构, 二次装修).

The engine is described in :mod:`govplan.claims._engine`.

>>> claims = extract_claims("新建公办幼儿园7所,投入300余万元。")
>>> [(c.text, c.value, c.unit, c.subject) for c in claims]
[('7所', 7, '所', '公办幼儿园'), ('300余万元', 3000000, '元', None)]
"""

from __future__ import annotations

import datetime

from govplan.claims._engine import Reading, read_claims
from govplan.claims._figures import long_numbers
from govplan.errors import require_str
from govplan.model import Claim, Diagnostic, Document, Explanation, Heading, Span
from govplan.normalize import Normalized, normalize
from govplan.segments import TextLayer, segment

__all__ = ["explain", "extract_claims", "find_claims", "number_diagnostics", "read_claims"]


def extract_claims(text: str) -> tuple[Claim, ...]:
    """Return the quantitative claims in *text*, in document order.

    The same claims as ``govplan.parse(text).claims``: the text is read whole,
    so its headings, its title and its type steer modality.  Spans are
    indices into *text* itself.

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

    Ranges, percentages, points, magnitudes, bare counts, signs and Chinese
    numerals:

    >>> show("在校生1至20人、21—50人,3-5年,百分之三十五,提高2.85个百分点,30.90万元,五个。")
    1至20人 1 人 20 None None
    21—50人 21 人 50 None None
    3-5年 3 年 5 None None
    百分之三十五 35 % None None None
    2.85个百分点 2.85 百分点 None None None
    30.90万元 309000 元 None None None
    五个 5 个 None None None
    >>> show("惠及1100多万学生,利润为负3亿元,增速为-2.3%。")
    1100多万 11000000  None 多 None
    负3亿元 -300000000 元 None None None
    -2.3% -2.3 % None None None

    A change keeps its direction and the baseline the text names:

    >>> c = extract_claims("全县达标率比去年提高17个百分点。")[0]
    >>> c.value, c.unit, c.subject, c.comparison.baseline, c.comparison.direction
    (17, '百分点', '达标率', '去年', 'up')

    Not claims: years and dates, ordinals, sessions, slogans, quotations, codes:

    >>> extract_claims("2019年7月30日,第四名,首批,党的十九大,三会一课,十四届二次会议。")
    ()
    >>> extract_claims("落实“五项管理”,《2019-2020年规划》,3+1+2模式,PM2.5,十分重要,二次装修。")
    ()
    >>> extract_claims(None)
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not NoneType
    """
    require_str(text)
    from govplan.pipeline import parse  # the pipeline composes this module: no cycle at import

    return parse(text).claims


def find_claims(
    text: TextLayer | Normalized,
    *,
    outline: tuple[Heading, ...] = (),
    doc_type: str | None = None,
    title: str | None = None,
    date: datetime.date | None = None,
    exclude: tuple[Span, ...] = (),
) -> tuple[Claim, ...]:
    """Return the claims of a segmented text, with heading paths and modality.

    *outline* is the document's top-level headings: ``path`` holds the
    pre-order indices of the headings whose section holds the claim, and
    their titles steer modality (下一步工作计划 → target, 工作回顾 → achieved).
    *doc_type* and *title* say what the document plans and reviews (a
    工作要点 plans; a 2026年政府工作报告 reviews 2025 and plans 2026), and so
    does *date*, the header date, where the title names no year.  No
    claim is reported inside the original spans of *exclude* (header fields).

    >>> text = "一、上半年工作总结\\n新建学校3所。\\n二、下一步工作计划\\n新建学校5所。"
    >>> from govplan.structure import build_outline
    >>> norm = normalize(text)
    >>> [(c.text, c.modality.value) for c in find_claims(norm, outline=build_outline(norm))]
    [('3所', 'achieved'), ('5所', 'target')]
    >>> find_claims(normalize("文号:共5所 共6所"), exclude=(Span(0, 6),))[0].text
    '6所'
    """
    layer = text if isinstance(text, TextLayer) else segment(text)
    readings = read_claims(
        layer, outline=outline, doc_type=doc_type, title=title, date=date, exclude=exclude
    )
    return tuple(r.claim for r in readings)


def number_diagnostics(layer: TextLayer) -> tuple[Diagnostic, ...]:
    """Return a diagnostic for every run of digits too long to be read as a figure.

    >>> [d.code for d in number_diagnostics(segment(normalize("共" + "1" * 40 + "元")))]
    ['number-too-long']
    """
    return long_numbers(layer)


def explain(doc: Document, claim: Claim) -> Explanation:
    """Return why *claim* of *doc* has its subject and modality: the rule and the evidence.

    The subject rule is one of ``after`` (the noun after the figure),
    ``before`` (the noun phrase before it), ``chain`` (the indicator of the
    clause before: 国内生产总值超过126万亿元，增长5.2%), ``list`` (the item of
    a list after the first), ``each`` (分别: each figure has its own subject,
    not named), ``time`` (a duration) or ``none``.  The modality scope is the
    first of :data:`govplan.claims._modality.PRECEDENCE` that said something,
    and the cue the word, heading or section line it found.

    >>> import govplan
    >>> doc = govplan.parse(
    ...     "2025年工作要点\\n主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人。"
    ... )
    >>> for claim in doc.claims:
    ...     e = explain(doc, claim)
    ...     print(claim.text, claim.subject, e.subject_rule, claim.modality.value, e.modality_scope)
    5%左右 地区生产总值 before target list
    3万人 城镇新增就业 before target list
    >>> explain(doc, govplan.parse("新建3所").claims[0])
    Traceback (most recent call last):
    ...
    ValueError: the claim '3所' at 2..4 is not a claim of this document
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
    if not isinstance(claim, Claim):
        raise TypeError(f"claim must be a Claim, not {type(claim).__name__}")
    exclude = tuple(f.span for f in doc.metadata.fields)
    if doc.signature is not None:
        exclude += (doc.signature.span,)
    readings = read_claims(
        segment(normalize(doc.text)),
        outline=doc.outline,
        doc_type=doc.doc_type,
        title=doc.title,
        date=doc.metadata.date,
        exclude=exclude,
    )
    for reading in readings:
        if reading.claim == claim:
            return _explanation(reading)
    raise ValueError(
        f"the claim {claim.text!r} at {claim.span.start}..{claim.span.end} "
        "is not a claim of this document"
    )


def _explanation(reading: Reading) -> Explanation:
    evidence = reading.evidence
    return Explanation(
        claim=reading.claim,
        subject_rule=reading.subject_rule,
        modality_scope=evidence.scope if evidence is not None else None,
        modality_cue=evidence.cue if evidence is not None else None,
    )
