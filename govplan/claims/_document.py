"""What a whole document says about its figures: its type and its voice.

A 工作要点 plans and a 工作总结 reports (:func:`doc_default`); 今年 is planned
in a plan and done in a summary (:func:`now_modality`); a text that says
了 and 已 far more often than 将 and 要 reports (:func:`voice`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import regex

from govplan.claims._modality import is_name
from govplan.claims._tokens import Token
from govplan.model import Modality

__all__ = ["PLAN_TYPES", "SUMMARY_TYPES", "TWO_PART_TYPES", "doc_default", "now_modality", "voice"]


#: Document types whose figures are targets unless something says otherwise.
PLAN_TYPES: Final = (
    "工作要点", "工作计划", "实施方案", "工作方案", "行动方案", "行动计划", "规划", "方案",
    "计划", "意见", "要点", "安排", "思路",
)  # fmt: skip
# The title of a notice that arranges work to be done.
_ARRANGEMENT: Final = regex.compile(r"关于(?:开展|做好|组织|加强|推进|部署|实施|启动|举办)")
#: Document types whose figures are results unless something says otherwise.
SUMMARY_TYPES: Final = (
    "工作总结", "总结", "述职报告", "自查报告", "情况报告", "情况汇报", "汇报",
)  # fmt: skip
#: Document types that report first and plan after (a report's second half).
TWO_PART_TYPES: Final = ("总结和计划", "政府工作报告", "工作报告")


def doc_default(doc_type: str | None, title: str | None = None) -> Modality | None:
    """Return the modality a document type sets for all its figures, if one.

    A 通知 that arranges work (关于开展…的通知, 关于做好…的通知) plans it.

    >>> doc_default("工作要点"), doc_default("工作总结"), doc_default("总结和计划")
    (<Modality.TARGET: 'target'>, <Modality.ACHIEVED: 'achieved'>, None)
    >>> doc_default("通知", "关于开展2025年度安全生产培训工作的通知")
    <Modality.TARGET: 'target'>
    """
    if doc_type == "通知" and title and _ARRANGEMENT.search(title):
        return Modality.TARGET
    if not doc_type or any(w in doc_type for w in TWO_PART_TYPES):
        return None
    if any(w in doc_type for w in SUMMARY_TYPES) and "计划" not in doc_type:
        return Modality.ACHIEVED
    if any(w in doc_type for w in PLAN_TYPES) and "总结" not in doc_type:
        return Modality.TARGET
    return None


def now_modality(doc_type: str | None) -> Modality | None:
    """Return what 今年 means in a document of *doc_type*.

    >>> now_modality("政府工作报告"), now_modality("工作总结"), now_modality(None)
    (<Modality.TARGET: 'target'>, <Modality.ACHIEVED: 'achieved'>, None)
    """
    if not doc_type:
        return None
    if "报告" in doc_type and "工作报告" in doc_type:
        return Modality.TARGET
    return doc_default(doc_type)


_VOICE_ACHIEVED: Final = frozenset({"了", "已", "累计", "以来", "先后", "年来", "同比", "环比"})
_VOICE_TARGET: Final = frozenset(
    {"将", "力争", "确保", "拟", "计划", "要", "责任单位", "牵头单位", "完成时限", "责任部门"}
)


def voice(
    text: str, tokens: list[Token], masked: Callable[[int], bool] = lambda _pos: False
) -> Modality | None:
    """Return the voice of a whole text from its words: reports say 了/已, plans 将/要.

    >>> from govplan.claims._tokens import tokenize
    >>> text = "建成了3所,改造了5项,新增了8个。"
    >>> voice(text, tokenize(text))
    <Modality.ACHIEVED: 'achieved'>
    """
    words = [t.word for t in tokens if not is_name(text, t, masked)]
    achieved = sum(w in _VOICE_ACHIEVED for w in words)
    target = sum(w in _VOICE_TARGET for w in words)
    if achieved >= 3 and 2 * achieved >= 3 * target:
        return Modality.ACHIEVED
    if target >= 3 and 2 * target >= 3 * achieved:
        return Modality.TARGET
    return None
