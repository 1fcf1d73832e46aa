"""The claims lexicon: every word the claims engine knows, each with its word class.

One table, read by one longest-match tokenizer (:mod:`govplan.claims._tokens`):
a longer word always wins over the shorter words inside it, so 主要 is a noun
and not the cue 要, 合同 is a noun and not the baseline 同, 增加值 a noun and
not the verb 增加, 城镇新增就业 an indicator and not the verb 新增.  There are no
lists of letters that may not stand before or after a word: a word that must
not be read as a cue is entered as the longer word it belongs to.

Only data lives here.  Every entry is simplified Chinese with half-width
ASCII, as :func:`govplan.normalize.normalize` leaves the text; a word may
stand in one class only (``tests/test_claims_words.py`` checks it).

>>> WORDS["增加值"], WORDS["增加"], WORDS["主要"]
(<Kind.NOUN: 'noun'>, <Kind.UP: 'up'>, <Kind.NOUN: 'noun'>)
"""

from __future__ import annotations

import enum
from typing import Final

__all__ = [
    "ATTRIBUTIVE",
    "CLASSES",
    "FREQUENT_LETTERS",
    "LIGHT_VERBS",
    "MEASURE_VERBS",
    "NOT_PLACES",
    "WORDS",
    "Kind",
]


class Kind(str, enum.Enum):
    """The class of a word of the claims lexicon.

    >>> Kind.UP.value
    'up'
    """

    NOUN = "noun"  # part of a noun phrase; shadows the short words inside it
    INDICATOR = "indicator"  # a named indicator, always one piece
    HEAD = "head"  # a head noun that turns a verb before it into a noun (帮扶+单位)
    ATTRIBUTE = "attribute"  # a property of the thing counted (产量, 覆盖率)
    NOUN_VERB = "noun_verb"  # a verb that also ends noun phrases (投资, 收入)
    VERB = "verb"  # an action verb: the noun phrase of a figure starts after it
    PREP = "prep"  # a preposition or coverb: the phrase starts after it too
    CONJ = "conj"  # 和, 及: joins two phrases
    PARTICLE = "particle"  # 的, 等
    SCOPE = "scope"  # 全省, 其中, 今年: dropped from the start of a subject
    ADVERB = "adverb"  # 全年, 年均, 累计: dropped between a subject and its figure
    EACH = "each"  # 分别: the figures of a list belong to different subjects
    LINK = "link"  # 控制在, 达到, 降至: links a subject to the level it reaches
    UP = "up"  # a verb of change upwards
    DOWN = "down"  # a verb of change downwards
    BASELINE = "baseline"  # 同比, 比上年: what a change is measured against
    TARGET = "target"  # a word that states a goal or plan
    ACHIEVED = "achieved"  # a word that reports a result
    WEAK_TARGET = "weak_target"  # 要, 将: plans, where nothing stronger speaks
    WEAK_ACHIEVED = "weak_achieved"  # 了, 完成: reports, where nothing stronger speaks


#: Words that hold a shorter word of another class (主要 holds 要, 增加值 holds 增加).
NOUN: Final[tuple[str, ...]] = (
    "转移支付", "转移人口", "中等", "上等", "优等", "人员", "干部", "群众", "家庭", "队伍",
    "团队", "社区", "脱贫人口", "基本养老保险", "基本医疗保险", "基本公共服务", "建成区",
    "按期", "自动", "各项贷款", "国有", "国有企业", "实际到位", "补贴性", "公共服务",
    "政务服务", "服务业", "便民服务", "费用", "成本", "建设用地", "自来水", "往来", "有效",
    "有序", "有机", "有限", "有关", "所有制", "党组织", "基层组织", "组织部", "社会组织",
    "就业岗位", "公益性岗位", "来信", "来访", "来电", "租赁住房", "保障性住房", "树苗", "未来",
    "到位", "来源", "原来", "到期", "收入", "支出", "贷款", "融资", "普及", "以旧换新",
    "以工代赈", "以奖代补", "降雨", "强降雨", "降雪", "降温", "水土保持", "余额", "供给",
    "补给", "消费", "出口", "进口", "交易", "就业", "创业", "产出", "研发", "保障", "养老",
    "托育", "医疗", "教育", "消耗", "排放", "运营", "吞吐", "参保", "学位", "建筑", "一等奖",
    "二等奖", "三等奖", "特等奖", "优秀奖", "应急", "应用", "应对", "响应", "需求", "必需",
    "结对", "相对", "绝对", "对比", "对策", "对照", "对应", "针对性", "医共体", "医联体",
    "共同体", "共青团", "共识", "共产党", "共性", "均衡", "均等", "均等化", "再生", "再就业",
    "都市", "首都", "就医", "就学", "就近", "各地", "各方", "各界", "各族", "另外", "仍然",
    "还款", "又好又快", "共建共享", "主要", "重要", "需要", "要求", "要点", "要素", "纪要",
    "摘要", "提要", "只要", "必要", "首要", "概要", "简要", "要害", "要闻", "要件", "要是",
    "为了", "除了", "罢了", "所有", "没有", "发达", "欠发达", "即将", "超预期", "稳预期",
    "预期寿命", "人均预期寿命", "计划新开工", "年度计划", "计划内", "计划外", "投资计划",
    "行动计划", "计划任务", "计划项目", "与去年同期相比", "减负", "扩大内需", "确保了", "合同",
    "同时", "共同", "协同", "同步", "同等", "同级", "同类", "不同", "公共", "共享", "共建",
    "共治", "增加值", "增长点", "增长极", "增速", "增幅", "增量", "涨幅", "降幅", "降本",
    "减量", "增长率", "增值税", "提高率", "将来", "自然", "各项", "政要", "要员", "责任单位",
    "牵头单位", "完成时限", "责任部门", "将士", "一般", "对口", "对外", "对接", "对标", "行为",
    "作为", "以为", "因为", "认为", "为民", "为主", "为期", "和谐", "和美", "居民", "在建",
    "在校", "在园", "在岗", "在册", "在线", "在职", "及时", "及格", "由于", "从事", "使用",
    "使命", "把关", "向导", "方向", "导向", "面向", "是否", "于是", "平均数", "人均", "生均",
    "亩均", "指标", "计划单列", "计划生育", "规模以上", "规上", "以上", "以下", "之一", "总体",
    "整体", "统一", "一体", "一批", "达标", "达标率", "高质量", "高水平", "高标准", "高技术",
    "高新技术", "低空", "低碳", "多元", "多样", "多层次", "少数", "少年", "超长期", "超大",
    "降水", "减税", "减灾", "增收", "提质", "提效", "提速", "上涨幅度", "下降幅度", "增长幅度",
    "投资额", "成交额", "营业收入", "财政收入", "可支配收入", "经营主体", "市场主体",
    "高质量发展", "同口径比", "国内", "省内", "市内", "县内", "区内", "境内", "境外", "以内",
    "之内", "年度", "年均值", "累计值",
)  # fmt: skip

#: Named indicators: one piece each, verbs inside them included (城镇新增就业).
INDICATOR: Final[tuple[str, ...]] = (
    "实际利用外资", "转移就业", "农村劳动力转移就业", "单位地区生产总值", "单位国内生产总值",
    "单位生产总值", "万元地区生产总值", "万元国内生产总值", "国内生产总值", "地区生产总值",
    "人均地区生产总值", "人均国内生产总值", "城镇新增就业", "新增城镇就业", "城镇新增就业人数",
    "新增就业", "城镇调查失业率", "城镇登记失业率", "居民消费价格涨幅",
    "居民消费价格总水平涨幅", "居民消费价格总水平", "居民消费价格", "一般公共预算收入",
    "地方一般公共预算收入", "一般公共预算支出", "规模以上工业增加值", "规上工业增加值",
    "社会消费品零售总额", "固定资产投资", "进出口总额", "进出口总值", "外贸进出口总额",
    "外贸进出口总值", "货物进出口总额", "实际使用外资", "常住人口城镇化率", "户籍人口城镇化率",
    "粮食产量", "粮食总产量", "单位国内生产总值能耗", "单位地区生产总值能耗",
    "单位生产总值能耗", "单位国内生产总值二氧化碳排放", "单位地区生产总值二氧化碳排放",
    "居民人均可支配收入", "城乡居民人均可支配收入", "全体居民人均可支配收入",
    "城镇居民人均可支配收入", "农村居民人均可支配收入", "农民人均可支配收入",
    "研究与试验发展经费投入强度", "研发经费投入强度", "研发投入强度", "森林覆盖率",
    "空气质量优良天数比率", "技术合同成交额", "服务业增加值", "工业增加值", "第一产业增加值",
    "第二产业增加值", "第三产业增加值", "一产增加值", "二产增加值", "三产增加值", "民间投资",
    "工业投资", "制造业投资", "基础设施投资", "房地产开发投资", "数字经济核心产业增加值",
    "税收收入", "非税收入",
)  # fmt: skip

#: Head nouns that make a noun of the verb before them (帮扶单位, 援助资金).
HEAD: Final[tuple[str, ...]] = (
    "公司", "示范县", "示范市", "对象", "对子", "单位", "企业", "项目", "资金", "中心", "基地",
    "工程", "机构", "园区", "站点", "平台", "窗口", "协会", "服务站", "工作站", "服务中心",
    "示范区", "示范点", "试点", "对象户", "设施", "岗位", "资金量", "经费", "课程", "活动",
    "场所", "人口", "基金", "价格",
)  # fmt: skip

#: Properties of a thing counted: 14种农产品产量 counts 农产品, not 产量.
ATTRIBUTE: Final[tuple[str, ...]] = (
    "里程", "时间", "时限", "周期", "天数", "时长", "总数", "产量", "产值", "总量", "总额",
    "规模", "质量", "空气质量", "水质", "优良率", "覆盖率", "占比", "比例", "比重", "面积",
    "隐性债务", "债务", "查明资源量", "资源量", "排名", "营业额", "销售额", "利润",
)  # fmt: skip

#: Verbs that end noun phrases too (完成投资 → 投资, 研发投入).
NOUN_VERB: Final[tuple[str, ...]] = (
    "投资", "投入", "补贴", "运输", "接种", "治理",
)  # fmt: skip

#: Action verbs: the noun phrase of a figure starts after the last of them.
VERB: Final[tuple[str, ...]] = (
    "替代", "扩种", "投运", "筹建", "新装", "划分", "享受到", "下沉", "下派", "予以", "享受",
    "任用", "供养", "侦破", "修缮", "偿还", "储备", "养殖", "划拨", "办复", "加工", "加装",
    "回复", "引育", "征迁", "抓获", "投保", "报销", "撤离", "救援", "检测", "治疗", "消化",
    "疏散", "监测", "督办", "答复", "筛查", "结算", "续签", "腾退", "营救", "转运", "返还",
    "销售", "集中", "领衔", "转诊", "义诊", "存栏", "出栏", "谋划", "给予", "记录", "出动",
    "移送", "服务", "组织", "寄出", "放养", "补植", "栽种", "结成", "联系", "改善", "执行",
    "审查", "征缴", "收缴", "亮化", "疏浚", "转岗", "交流", "轮岗", "挂职", "提拔", "调整",
    "整合", "合并", "新招", "开拓", "编纂", "撰写", "认领", "捐款", "配足", "租赁", "更换",
    "维护", "划转", "进驻", "新录用", "扶持创业", "来", "到", "进入", "主板上市", "挂牌上市",
    "登陆", "新建", "改扩建", "扩建", "改建", "建成", "新增", "新开工", "开工", "增补", "认定",
    "扶持", "撤并", "招收", "招聘", "招录", "发放", "追回", "培育", "新设", "开通", "召开",
    "开展", "组织开展", "查处", "退还", "上交", "发现", "推荐", "选取", "选送", "实现", "完成",
    "实施", "举办", "接待", "引进", "带动", "兑现", "发行", "识别", "改造", "办理", "出台",
    "制定", "废止", "修改", "修订", "提出", "审议", "出让", "解决", "优化", "重组", "组建",
    "提升改造", "释放", "开发", "吸纳", "纳入", "签约", "评选", "新评", "获得", "荣获", "获评",
    "涉及", "覆盖", "惠及", "帮助", "慰问", "走访", "排查", "整改", "检查", "督查", "受理",
    "处理", "调解", "化解", "收回", "拨付", "安排", "落实", "筹集", "募集", "捐赠", "包括",
    "拥有", "现有", "上线", "录取", "参加", "参与", "观看", "培养", "评定", "命名", "挂牌",
    "授予", "交付", "分为", "推进", "推动", "打造", "创建", "申报", "设立", "设置", "升格",
    "邀请", "抽检", "梳理", "推广", "更新", "配备", "安装", "编印", "发表", "开设", "整治",
    "办结", "开行", "投放", "种植", "签订", "吸引", "划定", "清理", "铺设", "加固", "建设",
    "回收", "修复", "选拔", "选派", "派出", "派驻", "输送", "输转", "转移", "安置", "指导",
    "创办", "举行", "开办", "新开", "复航", "加密", "增设", "成立", "承办", "主办", "印发",
    "下发", "发布", "颁布", "审批", "审核", "核查", "巡查", "抽查", "普查", "调查", "查办",
    "立案", "结案", "调处", "纠正", "关停", "取缔", "拆除", "挽回", "减免", "节约", "节省",
    "削减", "清退", "上缴", "缴纳", "征收", "下达", "统筹", "引入", "招引", "授信", "表彰",
    "评为", "赢得", "接诊", "诊疗", "救治", "收治", "轮训", "宣讲", "印制", "制作", "播放",
    "攻克", "申请", "授权", "登记", "注册", "备案", "完工", "投用", "启用", "接入", "连通",
    "贯通", "打通", "建立", "健全", "完善", "植树", "造林", "保护", "绿化", "硬化", "清运",
    "清淤", "处置", "分流", "录用", "聘用", "聘请", "遴选", "选聘", "撤销", "关闭", "退出",
    "淘汰", "核减", "扩容", "开辟", "拓展", "推出", "推介", "展示", "展出", "展演", "演出",
    "放映", "出版", "编写", "编制", "报送", "上报", "采集", "收集", "汇编", "建档", "录入",
    "核发", "颁发", "换发", "补发", "捐献", "捐助", "支持", "援助", "帮建", "创设", "配齐",
    "配置", "购置", "购买", "采购", "维修", "检修", "升级", "迁建", "搬迁", "移交", "收购",
    "并购", "入驻", "落户", "签署", "达成", "表扬", "奖励", "资助", "补助", "兑付", "做到",
    "培训", "帮扶", "救助", "新培育", "新引进", "新认定", "新签约", "新开通", "新成立",
    "新招聘", "建起", "建好", "用好", "办好", "抓好", "发展起", "形成", "培育形成", "推行",
    "开展了", "部署", "具有", "成为", "新(改)建", "(改)建", "新(扩)建", "改(扩)建", "参评",
    "参赛", "加入", "成功", "进行", "正在", "获", "揭牌", "加快", "全面", "全覆盖", "提前",
    "深入", "位居", "居", "位列", "托底", "接受", "得到", "受到", "竣工", "运行", "启动",
    "办学", "参训", "受益", "就读", "上市", "下放", "实行", "达产", "投产", "开业", "开园",
    "落地", "入库", "入围", "上榜", "建档立卡", "脱贫", "返乡", "入住", "搬入", "迁入", "召集",
    "营造", "新入选", "入选", "跻身", "获批", "获批建设", "稳定", "巩固", "提供", "开放",
    "保障了", "盘活", "争创", "创成", "建设完成", "承接", "对接了", "服务了", "吸收", "转化",
    "孵化", "认证",
)  # fmt: skip

#: Prepositions and coverbs: the noun phrase starts after them as well.
PREP: Final[tuple[str, ...]] = (
    "对", "向", "把", "被", "由", "从", "在", "按", "按照", "给", "使", "让", "于", "通过",
    "围绕", "针对", "根据", "依托", "借助", "经过", "对于", "关于", "以", "用于", "面对", "自",
    "当",
)  # fmt: skip

#: Conjunctions: a phrase joined by one is two phrases.
CONJ: Final[tuple[str, ...]] = (
    "和", "与", "及", "以及", "或", "或者", "并",
)  # fmt: skip

#: Particles: 的 and 等 end a phrase.
PARTICLE: Final[tuple[str, ...]] = (
    "的", "等",
)  # fmt: skip

#: Scope and time words dropped from the start of a subject (全省, 其中, 今年).
SCOPE: Final[tuple[str, ...]] = (
    "目前", "当前", "二季度", "三季度", "四季度", "年末", "年底", "年初", "年中", "全国",
    "全省", "全市", "全县", "全区", "全州", "全盟", "全旗", "全镇", "全乡", "全街道", "全系统",
    "全局", "全校", "全行业", "我国", "我省", "我市", "我县", "我区", "我镇", "本省", "本市",
    "本县", "其中", "现在", "当年", "年内", "各类", "各级", "各", "首批", "另有", "另", "今年",
    "本年", "本年度", "全口径", "主动", "精准", "直接",
)  # fmt: skip

#: Adverbs dropped between a subject and its figure (全年, 年均, 累计).
ADVERB: Final[tuple[str, ...]] = (
    "因此", "尚未", "按时", "连年", "首次", "再次", "历史性", "连续", "预计全年", "全年预计",
    "全年", "平均", "年均", "同口径", "总计", "合计", "共计", "共", "均", "再", "又", "进一步",
    "大幅", "持续", "稳步", "实际", "名义", "总共", "一共", "有望", "约为", "都", "也", "还",
    "仍", "就", "全部", "整体上", "基本", "逐年", "每年", "每月", "每人", "每天", "每周",
    "每学期", "人均达", "户均", "分别达到", "分别为",
)  # fmt: skip

#: 分别: each figure of the list that follows belongs to a different subject.
EACH: Final[tuple[str, ...]] = (
    "分别",
)  # fmt: skip

#: Words that link a subject to the level it reaches (控制在, 达到, 降至).
LINK: Final[tuple[str, ...]] = (
    "跨越", "压减", "压降", "精简", "压缩", "压缩至", "压缩到", "缩短至", "缩短到", "缩减至",
    "缩减到", "降到", "减到", "升到了", "控制在", "保持在", "稳定在", "维持在", "保持", "达到",
    "达", "为", "是", "突破", "跨上", "跨过", "迈上", "升至", "增至", "降至", "提高到",
    "提高至", "增加到", "增加至", "提升到", "提升至", "上升到", "上升至", "下降到", "下降至",
    "降低到", "降低至", "减少到", "减少至", "压减到", "压减至", "扩大到", "扩大至", "拓展至",
    "拓展到", "升到", "增长到", "增长至", "达到了", "超出", "高达", "有", "共有", "总数达",
    "数量达", "规模达", "总量达", "总额达", "突破了", "发展到", "达到约",
)  # fmt: skip

#: Verbs of change upwards.
UP: Final[tuple[str, ...]] = (
    "增产", "净增", "增长", "提高", "增加", "上升", "提升", "上涨", "扩大", "增", "攀升",
    "回升",
)  # fmt: skip

#: Verbs of change downwards.
DOWN: Final[tuple[str, ...]] = (
    "减产", "下行", "下降", "减少", "降低", "下调", "回落", "下滑", "缩小", "降", "减", "缩减",
)  # fmt: skip

#: What a change is measured against (同比, 比上年, 高于全国).
BASELINE: Final[tuple[str, ...]] = (
    "同比", "环比", "比去年", "比上年", "较去年", "较上年", "比上年同期", "比去年同期",
    "较上年同期", "较去年同期", "与上年相比", "与去年相比", "比年初", "较年初", "比全国",
    "高于全国", "低于全国", "比全省", "高于全省", "低于全省", "比上年末", "比上年底",
    "较上年末", "比计划", "较基期", "比基期",
)  # fmt: skip

#: Words that state a goal or a plan.
TARGET: Final[tuple[str, ...]] = (
    "下半年", "力争", "力求", "拟", "计划", "打算", "将要", "今后", "下一步", "明年", "年底前",
    "到年底", "确保", "努力实现", "确保实现", "力争实现", "目标是", "目标为", "目标定为",
)  # fmt: skip

#: Words that report a result.
ACHIEVED: Final[tuple[str, ...]] = (
    "一季度", "上半年", "前三季度", "今年以来", "已经", "已", "已完成", "截至", "截止", "以来",
    "先后", "至今", "过去", "去年", "上年", "今年来", "年来", "一年来", "五年来", "刚刚过去",
    "历年", "此前", "当时", "近日", "日前", "已有",
)  # fmt: skip

#: Words of plans that decide only where nothing stronger speaks.
WEAK_TARGET: Final[tuple[str, ...]] = (
    "预计", "预期", "要", "将", "必须", "须", "应", "需", "争取", "努力", "规划", "目标",
)  # fmt: skip

#: Words of reports that decide only where nothing stronger speaks.
WEAK_ACHIEVED: Final[tuple[str, ...]] = (
    "累计", "了", "完成了", "实现了", "取得", "取得了", "共完成",
)  # fmt: skip

#: The words of each class.
CLASSES: Final[dict[Kind, tuple[str, ...]]] = {
    Kind.NOUN: NOUN,
    Kind.INDICATOR: INDICATOR,
    Kind.HEAD: HEAD,
    Kind.ATTRIBUTE: ATTRIBUTE,
    Kind.NOUN_VERB: NOUN_VERB,
    Kind.VERB: VERB,
    Kind.PREP: PREP,
    Kind.CONJ: CONJ,
    Kind.PARTICLE: PARTICLE,
    Kind.SCOPE: SCOPE,
    Kind.ADVERB: ADVERB,
    Kind.EACH: EACH,
    Kind.LINK: LINK,
    Kind.UP: UP,
    Kind.DOWN: DOWN,
    Kind.BASELINE: BASELINE,
    Kind.TARGET: TARGET,
    Kind.ACHIEVED: ACHIEVED,
    Kind.WEAK_TARGET: WEAK_TARGET,
    Kind.WEAK_ACHIEVED: WEAK_ACHIEVED,
}


def _index() -> dict[str, Kind]:
    words: dict[str, Kind] = {}
    for kind, entries in CLASSES.items():
        for word in entries:
            words.setdefault(word, kind)
    return words


#: Every word of the lexicon and its class (the first class that lists it).
WORDS: Final[dict[str, Kind]] = _index()


#: Letters frequent in these documents, the most frequent first: a word is looked for by
#: its rarest letter (``str.find`` gives -1, the rarest, to letters not listed).
FREQUENT_LETTERS: Final = "年一力目上到以经标下过求是期后要计至今去划"

#: Verbs that only carry an event (开展 检查): the event counted is what follows them.
LIGHT_VERBS: Final[frozenset[str]] = frozenset((
    "开展", "组织开展", "组织", "进行", "举办", "举行", "召开", "实施", "完成", "实现", "参加",
    "参与", "开展了",
))  # fmt: skip

#: Common nouns that end like a place name (城区, 社区, 城镇, 上市): kept at a subject's start.
NOT_PLACES: Final[tuple[str, ...]] = (
    "城市", "超市", "都市", "夜市", "集市", "股市", "楼市", "门市", "上市", "社区", "园区",
    "景区", "城区", "市区", "县区", "辖区", "小区", "片区", "山区", "牧区", "郊区", "校区",
    "街区", "矿区", "库区", "老区", "林区", "农区", "灾区", "病区", "专区", "分区", "城镇",
    "乡镇", "村镇", "集镇", "重镇", "小镇", "古镇", "名镇", "城乡", "家乡", "故乡", "下乡",
    "市县", "区县", "外省", "节省", "功能区", "保护区", "示范区", "试验区", "先行区", "集聚区",
    "经济区", "风景区", "自贸区", "合作区", "市辖区", "行政区", "特色镇", "示范县", "试点县",
    "示范市", "贫困县", "地州", "市州", "地区", "湾区", "特区", "港区", "边境县", "和美乡",
    "棚户区", "旧城区", "老城区", "跨省", "跨市", "跨县", "跨区", "本省", "本市", "本县",
    "本区", "外市", "外县", "各省", "各市", "各县", "各区",
)  # fmt: skip

#: Verbs that name a measure after the thing they count (生猪存栏1456万头).
MEASURE_VERBS: Final[frozenset[str]] = frozenset(("存栏", "出栏", "储备"))

#: Verbs that name a kind of thing before a head noun (帮扶单位, 援助资金, 监测站点).
ATTRIBUTIVE: Final[frozenset[str]] = frozenset((
    "帮扶", "援助", "扶贫", "监测", "救助", "资助", "补助", "奖励", "培训", "定点", "示范",
    "更新", "签约", "储备", "改造", "保护", "服务", "上市", "新开工", "建设", "招聘", "启动",
    "孵化", "转化", "受益", "开工", "创业", "就业", "研发", "创新", "补贴", "治理", "运输",
    "加工", "养殖", "种植", "处理", "指导", "检测", "救援", "治疗", "供水", "销售",
))  # fmt: skip
