"""Generate long, plan-like documents for the benchmarks, deterministically.

Every sentence here is assembled from phrase tables written for this file, in
the style of a county bureau's 工作总结和工作计划: a disclosure header with
spaced labels, a title printed twice, four levels of headings (一、 （一）/(一)
1./1． （1）/(1)), inline 一是……二是……, figures with units and qualifiers
(余, 约, 以上, 不少于, ranges, 百分点, full-width digits, Chinese numerals),
now and then a paragraph in traditional characters with pinyin readings, site
noise lines, CRLF line ends in some documents, and a signature block.

The same ``(chars, seed)`` always gives the same text, on every Python version
that keeps :class:`random.Random` stable (3.2 and later).

Use it from the command line to look at a sample:

    python benchmarks/samples.py --chars 2000 --seed 3
"""

from __future__ import annotations

import argparse
import random

__all__ = ["cn_number", "cn_numeral", "document", "documents", "repeated"]

PLACES = ("XX县", "某区", "示范县", "江北区", "城关镇", "XX市")
BUREAUS = ("教育局", "教育体育局", "卫生健康局", "农业农村局", "住房和城乡建设局", "人民政府办公室")
AGENCY_CODES = ("示教", "江教", "城卫", "北农", "示政办")

LEVEL1 = (
    "总体要求",
    "主要工作和成效",
    "重点任务",
    "存在的问题和不足",
    "下一步工作计划",
    "保障措施",
    "工作目标",
    "组织实施",
)
LEVEL2 = (
    "强化党建引领,夯实发展根基",
    "聚焦民生实事,提升群众满意度",
    "深化综合改革,激发内生动力",
    "补齐设施短板,扩大优质供给",
    "锻造过硬队伍,提升专业水平",
    "守牢安全底线,营造稳定环境",
    "推进数字赋能,提高治理效能",
    "加强督查考核,压实工作责任",
    "统筹城乡发展,促进均衡协调",
    "优化营商环境,服务企业发展",
)
VERBS = ("加强", "推进", "深化", "完善", "落实", "规范", "健全", "提升", "实施", "开展")
OBJECTS = (
    "基层组织建设",
    "师资队伍建设",
    "校舍安全排查",
    "课后服务工作",
    "农村公路养护",
    "公共卫生服务",
    "老旧小区改造",
    "项目资金管理",
    "考核评价机制",
    "信息公开工作",
    "应急值守制度",
    "重点项目建设",
)
SUBJECTS = (  # what is counted, its unit, and the verbs that go with it
    ("公办幼儿园", "所", ("新建", "改扩建")),
    ("中小学校", "所", ("新建", "改造提升")),
    ("标准化卫生室", "个", ("建成", "新建")),
    ("专任教师", "名", ("招聘", "补充")),
    ("农村公路", "公里", ("新改建", "养护")),
    ("保障性住房", "套", ("建成", "分配")),
    ("教师", "人次", ("培训", "轮训")),
    ("就业岗位", "个", ("新增", "开发")),
    ("学位", "个", ("新增", "扩充")),
    ("塑胶跑道", "平方米", ("铺设", "改造")),
)
CN_AMOUNTS = ("三千余", "一千二百", "两万", "四百五十", "十二", "三十六", "一百零八")
QUALIFIED = (
    "约{n}{u}",
    "{n}余{u}",
    "{n}{u}以上",
    "不少于{n}{u}",
    "近{n}{u}",
    "{n}{u}左右",
    "超过{n}{u}",
    "不足{n}{u}",
)
NOISE = (
    "扫一扫在手机上查看当前页面",
    "【字体:大 中 小】",
    "【打印本页】【关闭窗口】",
    "分享到:微信 微博",
    "因篇幅问题不能全部显示,请点此查看全文",
    "责任编辑:XX",
    "扫码关注官方公众号",
    "相关链接",
)
TRADITIONAL = (
    "全面推進義務教育優質均衡發展,新建學校{a}所,新增學位{b}個。",
    "持續加強教師隊伍建設,全年組織專題培訓{a}人次,覆蓋率達到{p}%。",
    "紮實做好校園安全工作,排查整改隱患{a}處,確保師生生命財產安全。",
    "構(gòu)建高質(zhì)量教育體(tǐ)系,推動各項工作落地見效。",
    "統(tǒng)籌推進鄉村振興,累計投入資金{c}萬元,惠及群眾{b}戶。",
    "認真總結經驗,查找問題與不足,為明年工作打下堅實基礎。",
)
PROSE = (  # clauses without figures, the bulk of real plans
    "坚持问题导向和目标导向",
    "压紧压实各方责任",
    "形成上下联动的工作合力",
    "推动各项任务落地见效",
    "建立健全长效工作机制",
    "切实提高群众满意度",
    "着力补齐短板弱项",
    "不断提升精细化管理水平",
    "严格落实定期督查通报制度",
    "广泛听取基层和群众意见",
    "统筹用好各类资源",
    "确保工作有序推进",
    "把各项要求贯穿工作全过程",
    "及时总结推广好的经验做法",
)
CLOSING = (
    "通过以上举措,各项工作取得了阶段性成效。",
    "下一步,将继续围绕中心、服务大局,推动工作再上新台阶。",
    "同时也要清醒看到,工作中仍存在一些短板和弱项。",
    "我们将认真研究解决,切实抓好整改落实。",
)

CHAPTERS = ("过去一年工作回顾", "今年工作安排", "重点领域改革", "民生保障", "自身建设")
SECTIONS_PER_CHAPTER = 8

FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """Return 1..99 as the Chinese numeral of a marker: 一, 十二, 二十, 九十九 (100 wraps to 一)."""
    tens, units = divmod((n - 1) % 99 + 1, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[units] if units else "")


def _cn_below_10000(n: int) -> str:
    out = ""
    zero = False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out += "零"
            out += CN_DIGITS[digit] + name
            zero = False
        else:
            zero = True
    return out


def cn_number(n: int) -> str:
    """Return a non-negative integer below 10**12 in Chinese numerals.

    1234567 gives 一百二十三万四千五百六十七; 10 gives 十.
    """
    if n == 0:
        return "零"
    groups = []
    for name in ("", "万", "亿"):
        n, group = divmod(n, 10_000)
        groups.append((group, name))
    out = ""
    need_zero = False
    for group, name in reversed(groups):
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += _cn_below_10000(group) + name
        need_zero = False
    if out.startswith("一十"):
        out = out[1:]
    return out


class _Writer:
    """The private state of one document being written."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.year = rng.choice((2019, 2020, 2021, 2022, 2023, 2024))
        self.place = rng.choice(PLACES)
        self.bureau = rng.choice(BUREAUS)
        self.dot = rng.choice((".", "．", "、"))  # one style of 1. per document

    # --- small pieces --------------------------------------------------------

    def count(self) -> str:
        """Return a count in one of the spellings documents use."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return str(rng.randint(2, 980))
        if roll < 0.7:
            return f"{rng.randint(1, 9)},{rng.randint(0, 999):03d}"
        if roll < 0.8:
            return str(rng.randint(10, 9999)).translate(FULL_WIDTH_DIGITS)
        if roll < 0.9:
            return f"{rng.randint(1, 99)}.{rng.randint(1, 99):02d}万"
        return rng.choice(CN_AMOUNTS)

    def figure(self) -> str:
        """Return one clause carrying a figure with its unit and maybe a qualifier."""
        rng = self.rng
        subject, unit, verbs = rng.choice(SUBJECTS)
        verb = rng.choice(verbs)
        kind = rng.randrange(8)
        if kind == 0:
            return f"{verb}{subject}{self.count()}{unit}"
        if kind == 1:  # a qualified figure: 约, 余, 以上, 不少于 ...
            template = rng.choice(QUALIFIED)
            return f"{verb}{subject}" + template.format(n=self.count(), u=unit)
        if kind == 2:
            low = rng.randint(1, 5)
            dash = rng.choice(("至", "—", "-", "~"))
            return f"用{low}{dash}{low + rng.randint(1, 4)}年时间完成{rng.choice(OBJECTS)}"
        if kind == 3:
            if rng.random() < 0.2:
                return f"全年累计投入资金{rng.randint(1, 30)}.{rng.randint(1, 9)}亿元"
            return f"全年累计投入资金{rng.randint(120, 9800)}{rng.choice(('万元', '余万元'))}"
        if kind == 4:
            return (
                f"{subject}覆盖率达到{rng.randint(60, 99)}.{rng.randint(0, 9)}%"
                f"{rng.choice(('', '以上'))}"
            )
        if kind == 5:
            return (
                f"比{rng.choice(('去年', '上年'))}{rng.choice(('提高', '增长', '下降'))}"
                f"{rng.randint(1, 9)}.{rng.randint(1, 99)}个百分点"
            )
        if kind == 6:
            return f"到{self.year + 2}年,力争{subject}达到{self.count()}{unit}"
        return f"{subject}占比百分之{rng.choice(('三十五', '九十', '六十二', '八'))}"

    def sentence(self) -> str:
        """Return one sentence of body text, about half of them with a figure."""
        rng = self.rng
        parts = [f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}", rng.choice(PROSE)]
        if rng.random() < 0.45:
            parts.append(self.figure())
        if rng.random() < 0.5:
            parts.append(rng.choice(PROSE))
        if rng.random() < 0.1:
            parts.append(f"在全市考核中获第{rng.choice('一二三四五')}名")
        return ",".join(parts) + "。"

    def paragraph(self) -> str:
        """Return a body paragraph, sometimes an inline 一是……二是…… list or traditional."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.06:
            line = rng.choice(TRADITIONAL).format(
                a=rng.randint(3, 90), b=rng.randint(100, 9000), c=rng.randint(50, 900),
                p=rng.randint(80, 99),
            )  # fmt: skip
            return line
        if roll < 0.16:
            items = []
            for i, numeral in enumerate("一二三四"[: rng.randint(2, 4)]):
                sep = ";" if i else ""
                items.append(
                    f"{sep}{numeral}是{rng.choice(VERBS)}{rng.choice(OBJECTS)},{self.figure()}"
                )
            indent = rng.choice(("", "    ", "\u3000\u3000"))
            return indent + "".join(items) + "。"
        sentences = [self.sentence() for _ in range(rng.randint(2, 6))]
        if rng.random() < 0.2:
            sentences.append(rng.choice(CLOSING))
        indent = rng.choice(("", "    ", "\u3000\u3000"))
        return indent + "".join(sentences)

    # --- blocks ----------------------------------------------------------------

    def header(self) -> list[str]:
        """Return the disclosure header, the title (printed twice) and a noise line."""
        rng = self.rng
        code = rng.choice(AGENCY_CODES)
        title = f"{self.place}{self.bureau}{self.year}年工作总结和{self.year + 1}年工作计划"
        return [
            rng.choice(NOISE),
            f"- 索 引 号:XM0{rng.randint(1000, 9999)}-0200-{self.year}-{rng.randint(1, 999):05d}",
            f"- 备注/文号:{code}〔{self.year}〕{rng.randint(1, 300)}号",
            f"- 发布机构:{self.place}{self.bureau}",
            f"- 公文生成日期:{self.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            title,
            "",
            title,
            "",
            f"{self.year}年,在县委、县政府的领导下,我局紧紧围绕年初确定的目标任务,"
            f"{self.figure()},各项工作稳步推进。现将有关情况报告如下:",
        ]

    def section(self, index: int, chapters: bool) -> list[str]:
        """Return one level-1 section with its level-2 .. level-4 descendants.

        Long documents group every eight sections under a 第N部分 heading.
        """
        rng = self.rng
        chapter, index = divmod(index, SECTIONS_PER_CHAPTER) if chapters else (0, index)
        opening = []
        if chapters and index == 0:
            opening = [f"第{cn_numeral(chapter + 1)}部分 {rng.choice(CHAPTERS)}"]
        lines = [f"{cn_numeral(index + 1)}、{rng.choice(LEVEL1)}"]
        for i in range(rng.randint(2, 4)):
            paren = rng.choice((("(", ")"), ("（", "）")))
            lines.append(f"{paren[0]}{cn_numeral(i + 1)}{paren[1]}{rng.choice(LEVEL2)}")
            for j in range(rng.randint(1, 4)):
                heading = f"{j + 1}{self.dot}{rng.choice(VERBS)}{rng.choice(OBJECTS)}"
                if rng.random() < 0.3:  # a heading glued onto its first sentence
                    lines.append(f"{heading}。{self.paragraph()}")
                else:
                    lines.append(heading)
                    lines.append(self.paragraph())
                if rng.random() < 0.5:
                    lines.append(self.paragraph())
                if rng.random() < 0.2:
                    for k in range(rng.randint(2, 3)):
                        bracket = rng.choice((("(", ")"), ("（", "）")))
                        item = f"{bracket[0]}{k + 1}{bracket[1]}{rng.choice(OBJECTS)}"
                        lines.append(f"{item}。{self.sentence()}")
                if rng.random() < 0.05:
                    lines.append(rng.choice(NOISE))
        return opening + lines

    def footer(self) -> list[str]:
        """Return the signature block and trailing site noise."""
        rng = self.rng
        return [
            "",
            f"{self.place}{self.bureau}",
            f"{self.year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            rng.choice(NOISE),
        ]


def document(chars: int = 5000, seed: int = 0) -> str:
    """Return a plan-like document of exactly *chars* characters.

    The body is written section by section until it is long enough and then
    cut, so that the header and the signature block always survive.
    """
    if chars < 0:
        raise ValueError(f"chars must be >= 0, not {chars}")
    rng = random.Random(seed)
    writer = _Writer(rng)
    newline = "\r\n" if seed % 7 == 3 else "\n"  # some scraped pages keep CRLF
    head = newline.join(writer.header()) + newline
    tail = newline + newline.join(writer.footer()) + newline
    body_parts: list[str] = []
    size = 0
    index = 0
    budget = chars - len(head) - len(tail)
    chapters = budget > 12_000
    while size < budget:
        block = newline.join(writer.section(index, chapters)) + newline
        body_parts.append(block)
        size += len(block)
        index += 1
    text = head + "".join(body_parts)[: max(budget, 0)] + tail
    return text[:chars]


def documents(count: int, chars: int = 5000, seed: int = 0) -> list[str]:
    """Return *count* different documents of *chars* characters each."""
    return [document(chars, seed + i) for i in range(count)]


def repeated(text: str, times: int) -> str:
    """Return *text* repeated *times* times, one copy per block of lines."""
    return "\n".join([text] * times)


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(document(args.chars, args.seed))


if __name__ == "__main__":
    _main()
