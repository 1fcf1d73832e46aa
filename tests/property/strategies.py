"""Hypothesis strategies for text shaped like Chinese government work documents.

``plan_text`` strings together markers (一、 （一） (一) 1. 1． 1、 （1） ①
一是 第一章 第一条 …), Chinese and Arabic numerals with units and qualifiers,
full- and half-width punctuation, traditional characters, pinyin readings
(構(gòu)), noise lines, odd line breaks (CRLF, lone CR, U+2028), NUL, emoji
and other characters scraped pages carry.  ``any_text`` mixes it with
``st.text()``.  Every fragment is written for these tests.
"""

from __future__ import annotations

from hypothesis import strategies as st

CN_DIGITS = "零一二三四五六七八九"


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
    """Return a non-negative integer below 10**12 in Chinese numerals (一百零五, 两万 as 二万)."""
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
    return out[1:] if out.startswith("一十") else out


# --- numerals ----------------------------------------------------------------

small_ints = st.integers(min_value=1, max_value=30)
big_ints = st.integers(min_value=0, max_value=10**11)

cn_ordinals = small_ints.map(cn_number)
arabic = st.integers(min_value=0, max_value=10**9).map(str)
full_width = arabic.map(lambda s: s.translate(str.maketrans("0123456789", "０１２３４５６７８９")))
decimals = st.builds(
    lambda a, b: f"{a}.{b}", st.integers(0, 99_999), st.integers(0, 999).map(lambda n: f"{n:02d}")
)
grouped = st.integers(1000, 10**8).map(lambda n: f"{n:,}")
magnitudes = st.builds(
    lambda n, m: f"{n}{m}", st.one_of(arabic, decimals), st.sampled_from(["万", "亿", "千", "百万"])
)
percents = st.one_of(
    st.builds(lambda n: f"{n}%", st.one_of(arabic, decimals)),
    st.builds(lambda n: f"{n}％", arabic),
    big_ints.map(lambda n: "百分之" + cn_number(n % 101)),
)
numerals = st.one_of(
    big_ints.map(cn_number),
    arabic,
    full_width,
    decimals,
    grouped,
    magnitudes,
    percents,
    st.sampled_from(["两万", "廿三", "壹佰贰拾", "〇", "三点一四", "三分之一", "负五", "二〇二〇"]),
)

UNITS = (
    "名", "所", "个", "人", "人次", "元", "万元", "亿元", "平方米", "公里", "亩", "户",
    "%", "个百分点", "倍", "项", "家", "场", "次", "套", "年",
)  # fmt: skip
QUALIFIERS_BEFORE = ("约", "近", "接近", "超过", "不少于", "不低于", "不超过", "不足", "力争", "")
QUALIFIERS_AFTER = ("余", "多", "左右", "以上", "以下", "以内", "")
RANGE_SEPARATORS = ("至", "—", "-", "~", "～", "到")

units = st.sampled_from(UNITS)
figures = st.one_of(
    st.builds(
        lambda q, n, a, u: f"{q}{n}{a}{u}",
        st.sampled_from(QUALIFIERS_BEFORE),
        numerals,
        st.sampled_from(QUALIFIERS_AFTER),
        units,
    ),
    st.builds(
        lambda a, sep, b, u: f"{a}{sep}{b}{u}",
        arabic,
        st.sampled_from(RANGE_SEPARATORS),
        arabic,
        units,
    ),
    st.builds(lambda n: f"比去年提高{n}个百分点", decimals),
)

# --- markers -------------------------------------------------------------------

MARKER_TEMPLATES = (
    "{cn}、",
    "（{cn}）",
    "({cn})",
    "( {cn} )",
    "{n}.",
    "{n}．",
    "{n}、",
    "（{n}）",
    "({n})",
    "{n})",
    "{cn}是",
    "第{cn}章",
    "第{cn}部分",
    "第{cn}条",
    "第{n}条",
    "{cn}.",
    "（{cn}）、",
)
circled = st.integers(0, 19).map(lambda i: chr(0x2460 + i))
markers = st.one_of(
    st.builds(
        lambda t, i: t.format(cn=cn_number(i), n=i),
        st.sampled_from(MARKER_TEMPLATES),
        small_ints,
    ),
    circled,
    st.sampled_from(
        ["一、", "（一）", "(一)", "1.", "1．", "1、", "（1）", "①", "一是", "第一章", "第一条"]
    ),
)

# --- characters and words --------------------------------------------------------

PUNCTUATION = "，,。.；;：:！!？?、“”‘’《》（）()【】〔〕[]—～~·…－-/ \t\u3000"
TRADITIONAL = (
    "構質體統籌幹部學校發展經濟縣區鎮臨書記費資實際義務優質課後轉變層級點們為與開會議數據條"
)
PINYIN = (
    "構(gòu)",
    "質(zhì)",
    "體(tǐ)",
    "統(tǒng)",
    "建(jiàn)",
    "的(de)",
    "們（men）",
    "(gòu)",
    "（zhì）",
)
NOISE_LINES = (
    "扫一扫在手机上查看当前页面",
    "【字体：大 中 小】",
    "【打印】【关闭】",
    "分享到：微信 微博",
    "因篇幅问题不能全部显示",
    "扫码关注官方公众号",
    "当前位置：首页 > 政务公开",
    "- 索 引 号:XM02104-0200-2020-00002",
    "- 备注/文号:某教〔2020〕12号",
    "发布日期：2020-07-02",
)
LINE_BREAKS = ("\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\n\n", "\r\r\n")
SPECIALS = (
    "\x00", "😀", "🇨🇳", "\ufeff", "\u200b", "\xa0", "\u3000", "e\u0301", "\ud800", "\U0002a6a5",
    "\x1b", "\x7f", "\ufffd", "Ⅱ", "㈠", "⑴", "❶", "１", "\uff21",
)  # fmt: skip
WORDS = (
    "总体要求", "工作目标", "主要任务", "保障措施", "加强", "推进", "建设", "教育", "学校",
    "幼儿园", "教师", "学生", "资金", "新建", "投入", "完成", "全面", "落实", "提高", "十九大",
    "三会一课", "一、二等奖", "县(市、区)", "(试行)", "(2019-2020年)", "第36届", "XX县",
    "20xx年", "“一是”", "《通知》", "2020年7月2日", "厦湖教〔2020〕132号",
)  # fmt: skip

hanzi = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
hanzi_runs = st.text(hanzi, min_size=1, max_size=8)
punctuation = st.sampled_from(PUNCTUATION)
traditional = st.text(st.sampled_from(TRADITIONAL), min_size=1, max_size=6)

fragment = st.one_of(
    markers,
    markers,
    hanzi_runs,
    hanzi_runs,
    st.sampled_from(WORDS),
    punctuation,
    punctuation,
    figures,
    numerals,
    traditional,
    st.sampled_from(PINYIN),
    st.sampled_from(LINE_BREAKS),
    st.sampled_from(LINE_BREAKS),
    st.sampled_from(SPECIALS),
)

#: Plan-shaped text: fragments glued together, line breaks of every kind included.
plan_fragments = st.lists(fragment, max_size=40).map("".join)

_title = st.lists(st.one_of(hanzi_runs, st.sampled_from(WORDS), figures), min_size=1, max_size=4)
_heading_line = st.builds(
    lambda indent, m, t, end: indent + m + "".join(t) + end,
    st.sampled_from(["", "", "    ", "\u3000\u3000", "\t"]),
    markers,
    _title,
    st.sampled_from(["", "。", ";", ":", "！"]),
)
_body_line = st.lists(
    st.one_of(hanzi_runs, st.sampled_from(WORDS), figures, punctuation, markers, traditional),
    min_size=1,
    max_size=12,
).map("".join)
_inline_list_line = st.builds(
    lambda head, items, seps, end: (
        head
        + "".join(
            f"{sep}{cn_number(i + 1)}是{item}"
            for i, (sep, item) in enumerate(zip(seps, items, strict=False))
        )
        + end
    ),
    st.one_of(st.just(""), _heading_line),
    st.lists(st.one_of(hanzi_runs, figures), min_size=1, max_size=4),
    st.lists(st.sampled_from([",", ";", "。", "，", "；", ":", "、", ""]), min_size=4, max_size=4),
    st.sampled_from(["", "。"]),
)
_line = st.one_of(
    _heading_line, _heading_line, _inline_list_line, _body_line, st.sampled_from(NOISE_LINES)
)

#: Plan-shaped documents: lines of headings, body text and noise, any line break.
plan_lines = st.builds(
    lambda lines, brk: brk.join(lines),
    st.lists(_line, max_size=25),
    st.sampled_from(["\n", "\n", "\r\n", "\r"]),
)

plan_text = st.one_of(plan_lines, plan_fragments)

# --- hostile text --------------------------------------------------------------

#: Digits of other scripts: ``\\d`` matches all of them, ``int()`` of this Python reads
#: some (٣) and not others (U+116D4 and U+10D40 are newer than its Unicode tables),
#: and ² is a digit to ``str.isdigit`` only.
ODD_DIGITS = ("\U000116d4", "\U000116d5", "\U00010d40", "\u0663", "\u0967", "²", "１")
#: Punctuation a heading may be glued to, and a zero where an ordinal stands.
GLUES = ("，", ",", "；", ";", "：", ":", "、", "。", "", " ", "\u3000")
ZERO_MARKERS = ("0.", "00.", "(0)", "（0）", "0、", "零、", "(零)", "0)")

_hostile_fragment = st.one_of(
    markers,
    markers,
    markers,
    st.sampled_from(ZERO_MARKERS),
    st.sampled_from(GLUES),
    st.sampled_from(GLUES),
    st.text(hanzi, min_size=1, max_size=3),
    st.sampled_from(ODD_DIGITS),
    st.sampled_from(("附件:", "附件：", "名词解释", "\n", "\r\n", "\r", "“", "”", "《", "》")),
)

#: Hostile plan-shaped text: markers of every style glued to every kind of
#: punctuation, zero ordinals, other scripts' digits, attachment lists.
hostile_plan_text = st.lists(_hostile_fragment, max_size=50).map("".join)

#: Any string at all, plan-shaped or not.
any_text = st.one_of(plan_lines, plan_fragments, st.text(), st.text(st.sampled_from(PUNCTUATION)))

# --- bugs reported and not fixed yet ------------------------------------------------

#: Inputs that hit a bug already reported, by reason (each has a strict-xfail regression
#: test in tests/test_adversarial.py).  Property tests skip them with ``assume`` so that
#: they stay green and deterministic; delete an entry once its regression test passes.
KNOWN_BUGS: dict[str, tuple[str, ...]] = {}


def hits_known_bug(text: str) -> bool:
    """Tell whether *text* holds a trigger of :data:`KNOWN_BUGS`."""
    return any(trigger in text for triggers in KNOWN_BUGS.values() for trigger in triggers)
