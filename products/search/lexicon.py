"""The built-in lubricant lexicon: what buyers call a product, per language.

Each group lists terms that mean the same thing to a buyer: trade names
(黄油, 牛油 and 干油 for 润滑脂; 透平油 for 汽轮机油), abbreviations (HM, GL-5,
PCMO) and the standard's words (抗磨液压油, 重负荷车辆齿轮油). A query holding one
term finds items holding any other (``products.search.query``). Editors extend
it under *Products → Search synonyms* (``SearchSynonym``): a group of theirs that
shares a term with a built-in group joins it, so 牛油 = 黄脂 added by an editor
makes 黄脂 find every grease too. ``synonym_groups`` merges both.

Groups stay narrow on purpose: every term of a group must be something a buyer
would accept in the results for every other term (so 合成油 is not 全合成, and
液压油 is not 抗磨液压油).
"""

from __future__ import annotations

from collections.abc import Iterable

from .analysis import normalise

BUILT_IN: dict[str, list[list[str]]] = {
    "zh-hans": [
        # Greases
        ["润滑脂", "黄油", "牛油", "干油", "润滑油脂"],
        ["锂基脂", "锂基润滑脂", "锂基黄油", "锂脂"],
        ["复合锂基脂", "复合锂基润滑脂", "复合锂脂"],
        ["钙基脂", "钙基润滑脂", "钙基黄油"],
        ["复合磺酸钙基脂", "复合磺酸钙基润滑脂", "磺酸钙脂"],
        ["聚脲脂", "聚脲润滑脂", "聚脲基润滑脂"],
        ["极压润滑脂", "极压锂基脂", "EP润滑脂"],
        # Engine oils
        ["发动机油", "机油", "内燃机油", "马达油", "发动机润滑油"],
        ["柴油机油", "柴机油", "柴油发动机油", "重负荷柴油机油"],
        ["汽油机油", "汽机油", "汽油发动机油", "乘用车机油"],
        ["燃气发动机油", "燃气机油", "天然气发动机油"],
        ["摩托车油", "摩托车机油", "四冲程机油"],
        # Hydraulic oils
        ["液压油", "液压液", "液压系统油"],
        ["抗磨液压油", "HM液压油", "L-HM", "AW液压油"],
        ["低温液压油", "HV液压油", "L-HV", "低温抗磨液压油"],
        ["难燃液压液", "抗燃液压油", "水乙二醇", "HFC"],
        # Gear oils
        ["齿轮油", "齿轮润滑油"],
        ["车辆齿轮油", "汽车齿轮油", "后桥油", "差速器油"],
        ["重负荷车辆齿轮油", "GL-5", "双曲线齿轮油"],
        ["中负荷车辆齿轮油", "GL-4"],
        ["工业齿轮油", "闭式齿轮油"],
        ["重负荷工业齿轮油", "L-CKD", "CKD"],
        ["中负荷工业齿轮油", "L-CKC", "CKC"],
        ["蜗轮蜗杆油", "蜗轮油", "涡轮蜗杆油"],
        # Other families
        ["导热油", "传热油", "热传导油", "热媒油", "导热液", "热载体油", "热传导液"],
        ["变压器油", "绝缘油", "电器绝缘油", "电气绝缘油"],
        ["汽轮机油", "透平油", "涡轮机油", "蒸汽轮机油"],
        ["压缩机油", "空压机油", "空气压缩机油"],
        ["冷冻机油", "冷冻油", "制冷机油", "冷冻机润滑油"],
        ["导轨油", "导轨润滑油", "滑轨油", "机床导轨油"],
        ["切削液", "切削油", "金属加工液", "切削冷却液", "磨削液"],
        ["防锈油", "防锈剂", "防锈润滑油"],
        ["链条油", "链条润滑油", "链条润滑剂"],
        ["自动变速箱油", "ATF", "自动变速器油", "自动排挡油"],
        ["刹车油", "制动液"],
        ["防冻液", "冷却液", "防冻冷却液"],
        ["食品级", "H1", "NSF H1", "食品机械"],
        ["全合成", "全合成型", "100%合成"],
    ],
    "en": [
        ["grease", "lubricating grease", "lube grease"],
        ["lithium grease", "lithium base grease", "lithium soap grease"],
        ["lithium complex grease", "lithium complex", "li complex grease"],
        ["calcium sulfonate grease", "calcium sulphonate grease"],
        ["polyurea grease", "polyurea"],
        ["engine oil", "motor oil", "crankcase oil", "engine lubricant"],
        [
            "diesel engine oil",
            "heavy duty engine oil",
            "heavy duty diesel oil",
            "HDEO",
        ],
        [
            "gasoline engine oil",
            "petrol engine oil",
            "passenger car motor oil",
            "PCMO",
        ],
        ["gas engine oil", "natural gas engine oil", "CNG engine oil"],
        ["hydraulic oil", "hydraulic fluid"],
        ["anti-wear hydraulic oil", "AW hydraulic oil", "HM hydraulic oil", "L-HM"],
        ["low temperature hydraulic oil", "HV hydraulic oil", "L-HV"],
        ["fire resistant hydraulic fluid", "water glycol", "HFC"],
        ["gear oil", "gear lubricant"],
        ["automotive gear oil", "axle oil", "differential oil"],
        ["GL-5", "hypoid gear oil"],
        ["industrial gear oil", "enclosed gear oil"],
        ["heat transfer oil", "thermal oil", "thermal fluid", "heat transfer fluid"],
        ["transformer oil", "insulating oil", "electrical insulating oil"],
        ["turbine oil", "turbine lubricant"],
        ["compressor oil", "air compressor oil", "compressor lubricant"],
        ["refrigeration oil", "refrigerant oil", "refrigeration compressor oil"],
        ["slideway oil", "way oil", "slideway lubricant"],
        ["cutting fluid", "metalworking fluid", "cutting oil", "coolant"],
        ["rust preventive", "rust preventative", "anti-rust oil", "rust inhibitor"],
        ["chain oil", "chain lubricant"],
        ["ATF", "automatic transmission fluid"],
        ["brake fluid", "DOT 4"],
        ["food grade", "H1", "NSF H1", "food machinery lubricant"],
        ["fully synthetic", "full synthetic", "100% synthetic"],
    ],
}


def _key(term: str) -> str:
    return " ".join(normalise(term).split())


def merged_groups(*sources: Iterable[list[str]]) -> list[list[str]]:
    """The groups of every source, groups sharing a term (case and width
    ignored) joined into one, in first-seen order."""
    groups: list[dict[str, str]] = []  # per group: term key -> term as written
    owner: dict[str, int] = {}  # term key -> index in groups
    for source in sources:
        for group in source:
            terms = {_key(term): term.strip() for term in group if term.strip()}
            targets = sorted({owner[key] for key in terms if key in owner})
            if not targets:
                targets = [len(groups)]
                groups.append({})
            into = groups[targets[0]]
            for other in targets[1:]:  # this group bridges two: fold them in
                into.update({k: v for k, v in groups[other].items() if k not in into})
                groups[other] = {}
            for key, term in terms.items():
                into.setdefault(key, term)
            for key in into:
                owner[key] = targets[0]
    return [list(group.values()) for group in groups if len(group) > 1]


def built_in_groups(language_code: str) -> list[list[str]]:
    return BUILT_IN.get(language_code, [])
