# ruff: noqa: E501  (prose: one block per line reads better than wrapped strings)
"""The demo's selection guides, in Chinese and English.

Each guide's body is a list of ``(block type, value)`` pairs in the shape of
``products.blocks.GuideBodyBlock``; a ``product_reference`` names its product by
SKU and ``seed_demo`` resolves it to the page in the guide's language.
"""

from __future__ import annotations

import datetime


def _table(rows: list[list[str]], caption: str = "") -> dict:
    return {
        "data": rows,
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
    }


def _callout(style: str, title: str, text: str) -> dict:
    return {"style": style, "title": title, "text": f"<p>{text}</p>"}


def _product(sku: str, note: str) -> dict:
    return {"sku": sku, "note": note}


GUIDES: list[dict] = [
    {
        "slug": "choosing-hydraulic-oil",
        "date": datetime.date(2026, 3, 2),
        "tags": ["液压油", "hydraulic"],
        "products": ["LP-HM32", "LP-HM46", "LP-HM68", "LP-HV46"],
        "zh-hans": {
            "title": "如何选择液压油：粘度、抗磨与低温性能",
            "summary": "从泵的类型、工作温度和环境三个方面，选对 L-HM 与 L-HV 液压油。",
            "body": [
                (
                    "rich_text",
                    "<h2>先看泵，再看温度</h2><p>叶片泵和柱塞泵对抗磨性要求高，应选择符合 GB 11118.1 L-HM 或 DIN 51524-2 HLP 的抗磨液压油。粘度按油箱正常工作温度选择：多数车间设备 40–60°C，ISO VG 46 最常用。</p>",
                ),
                (
                    "table",
                    _table(
                        [
                            ["工作温度", "推荐粘度", "推荐产品"],
                            ["低于 40°C", "ISO VG 32", "L-HM 32"],
                            ["40–60°C", "ISO VG 46", "L-HM 46"],
                            ["高于 60°C", "ISO VG 68", "L-HM 68"],
                        ],
                        "按油温选择粘度",
                    ),
                ),
                (
                    "callout",
                    _callout(
                        "tip",
                        "户外设备",
                        "北方冬季户外作业的工程机械，请选择高粘度指数的 L-HV 低温液压油，避免冷启动吸空。",
                    ),
                ),
                ("product_reference", _product("LP-HM46", "车间通用首选")),
                ("product_reference", _product("LP-HV46", "冬季户外设备")),
            ],
        },
        "en": {
            "title": "Choosing a hydraulic oil: viscosity, anti-wear and cold performance",
            "summary": "Pick between L-HM and L-HV hydraulic oils by pump type, operating temperature and environment.",
            "body": [
                (
                    "rich_text",
                    "<h2>Start with the pump, then the temperature</h2><p>Vane and piston pumps need anti-wear protection: choose an oil meeting GB 11118.1 L-HM or DIN 51524-2 HLP. Pick the viscosity for the normal tank temperature; most workshop machines run at 40–60 °C, where ISO VG 46 is the usual choice.</p>",
                ),
                (
                    "table",
                    _table(
                        [
                            ["Operating temperature", "Viscosity", "Product"],
                            ["below 40 °C", "ISO VG 32", "L-HM 32"],
                            ["40–60 °C", "ISO VG 46", "L-HM 46"],
                            ["above 60 °C", "ISO VG 68", "L-HM 68"],
                        ],
                        "Viscosity by oil temperature",
                    ),
                ),
                (
                    "callout",
                    _callout(
                        "tip",
                        "Outdoor machines",
                        "For construction machinery working outdoors in northern winters, use a high viscosity-index L-HV oil to avoid pump cavitation at cold start.",
                    ),
                ),
                ("product_reference", _product("LP-HM46", "The workshop all-rounder")),
                (
                    "product_reference",
                    _product("LP-HV46", "Outdoor equipment in winter"),
                ),
            ],
        },
    },
    {
        "slug": "diesel-engine-oil-ck4-vs-ci4",
        "date": datetime.date(2026, 2, 16),
        "tags": ["柴油机油", "API CK-4"],
        "products": ["LP-CK4-1540", "LP-CK4-1040", "LP-CI4-2050", "PL-FA4-530"],
        "zh-hans": {
            "title": "国六柴油车该用 CK-4 还是 CI-4？",
            "summary": "解读 API CK-4、FA-4 与 CI-4 的区别，以及后处理系统对机油灰分的要求。",
            "body": [
                (
                    "rich_text",
                    "<p>国六柴油车普遍配备 DPF 和 SCR 后处理系统。API CK-4 在抗氧化、剪切稳定性和低灰分方面都比 CI-4 更严格，能保护后处理装置并延长换油周期。</p>",
                ),
                (
                    "table",
                    _table(
                        [
                            ["规格", "适用发动机", "特点"],
                            ["API CI-4", "国三及以前", "价格低，灰分较高"],
                            ["API CK-4", "国四至国六", "低灰分，抗氧化强"],
                            ["API FA-4", "新型节油发动机", "低 HTHS 粘度，节油"],
                        ]
                    ),
                ),
                (
                    "callout",
                    _callout(
                        "warning",
                        "FA-4 不向下兼容",
                        "FA-4 机油不能用于要求 CK-4 的旧发动机，使用前请查阅发动机手册。",
                    ),
                ),
                ("product_reference", _product("LP-CK4-1540", "国六重卡标准选择")),
                ("product_reference", _product("PL-FA4-530", "追求节油的新型发动机")),
            ],
        },
        "en": {
            "title": "China VI diesel trucks: CK-4 or CI-4?",
            "summary": "How API CK-4, FA-4 and CI-4 differ, and what after-treatment systems ask of an oil's ash content.",
            "body": [
                (
                    "rich_text",
                    "<p>China VI diesel trucks carry DPF and SCR after-treatment. API CK-4 is stricter than CI-4 on oxidation, shear stability and ash, protecting the after-treatment and allowing longer drains.</p>",
                ),
                (
                    "table",
                    _table(
                        [
                            ["Specification", "Engines", "Character"],
                            ["API CI-4", "China III and older", "Low cost, higher ash"],
                            [
                                "API CK-4",
                                "China IV to VI",
                                "Low ash, strong oxidation control",
                            ],
                            [
                                "API FA-4",
                                "New fuel-efficient engines",
                                "Low HTHS viscosity, saves fuel",
                            ],
                        ]
                    ),
                ),
                (
                    "callout",
                    _callout(
                        "warning",
                        "FA-4 is not backward compatible",
                        "Do not use an FA-4 oil in older engines that ask for CK-4; check the engine manual first.",
                    ),
                ),
                (
                    "product_reference",
                    _product("LP-CK4-1540", "The standard choice for China VI trucks"),
                ),
                (
                    "product_reference",
                    _product("PL-FA4-530", "For new fuel-efficient engines"),
                ),
            ],
        },
    },
    {
        "slug": "industrial-gear-oil-selection",
        "date": datetime.date(2026, 1, 20),
        "tags": ["齿轮油", "gear oil"],
        "products": ["LP-CKD220", "LP-CKD320", "JD-PAO320"],
        "zh-hans": {
            "title": "工业闭式齿轮油选型：L-CKD 与合成齿轮油",
            "summary": "按负荷、温度与换油周期选择矿物型或 PAO 合成齿轮油。",
            "body": [
                (
                    "rich_text",
                    "<p>重载、冲击负荷的闭式齿轮应使用 GB 5903 L-CKD（DIN 51517-3 CLP）级别的极压齿轮油。粘度等级通常由齿轮节线速度和油温决定，减速机多用 ISO VG 220 或 320。</p>",
                ),
                (
                    "callout",
                    _callout(
                        "note",
                        "合成油的回报",
                        "风电等难以换油的设备，PAO 合成齿轮油换油周期可达矿物油三倍，综合成本更低。",
                    ),
                ),
                (
                    "table",
                    _table(
                        [
                            ["工况", "推荐"],
                            ["普通减速机", "L-CKD 220"],
                            ["矿山、冲击负荷", "L-CKD 320"],
                            ["高温、长周期", "PAO 合成 320"],
                        ]
                    ),
                ),
                ("product_reference", _product("JD-PAO320", "长换油周期")),
            ],
        },
        "en": {
            "title": "Selecting an industrial gear oil: L-CKD or synthetic",
            "summary": "Choose a mineral or PAO synthetic gear oil by load, temperature and drain interval.",
            "body": [
                (
                    "rich_text",
                    "<p>Heavily loaded enclosed gears under shock need an extreme-pressure oil of GB 5903 L-CKD (DIN 51517-3 CLP) quality. Pitch-line velocity and oil temperature set the grade; reducers mostly use ISO VG 220 or 320.</p>",
                ),
                (
                    "callout",
                    _callout(
                        "note",
                        "Where synthetics pay back",
                        "In wind turbines and other hard-to-service gearboxes a PAO synthetic can run three times longer than mineral oil, at a lower total cost.",
                    ),
                ),
                (
                    "table",
                    _table(
                        [
                            ["Duty", "Recommendation"],
                            ["General reducers", "L-CKD 220"],
                            ["Mining, shock loads", "L-CKD 320"],
                            ["Hot, long drains", "PAO synthetic 320"],
                        ]
                    ),
                ),
                ("product_reference", _product("JD-PAO320", "Long drain intervals")),
            ],
        },
    },
    {
        "slug": "grease-basics",
        "date": datetime.date(2025, 12, 8),
        "tags": ["润滑脂", "grease"],
        "products": ["LP-EP2", "JD-CSC2", "HY-MG2"],
        "zh-hans": {
            "title": "润滑脂入门：稠化剂、稠度等级与抗水性",
            "summary": "锂基、复合磺酸钙基脂怎么选？NLGI 稠度等级代表什么？",
            "body": [
                (
                    "rich_text",
                    "<h2>NLGI 稠度等级</h2><p>NLGI 等级越高越稠。集中润滑系统多用 0–1 号，普通轴承多用 2 号。</p><h2>稠化剂</h2><p>锂基脂通用性好；复合磺酸钙基脂耐高温、抗水和极压性能更强，适合钢厂等恶劣工况。</p>",
                ),
                (
                    "callout",
                    _callout(
                        "warning",
                        "不要随意混用",
                        "不同稠化剂的润滑脂混合后可能变软流失，更换品种前应彻底清除旧脂。",
                    ),
                ),
                ("product_reference", _product("LP-EP2", "通用轴承润滑")),
                ("product_reference", _product("JD-CSC2", "潮湿、高温、重载")),
            ],
        },
        "en": {
            "title": "Grease basics: thickeners, NLGI grades and water resistance",
            "summary": "Lithium or calcium sulfonate complex? What an NLGI grade tells you.",
            "body": [
                (
                    "rich_text",
                    "<h2>NLGI grades</h2><p>The higher the NLGI grade, the stiffer the grease. Centralised systems mostly use grade 0–1, ordinary bearings grade 2.</p><h2>Thickeners</h2><p>Lithium greases are all-rounders; calcium sulfonate complex greases resist heat, water and load better, for steel mills and other harsh duty.</p>",
                ),
                (
                    "callout",
                    _callout(
                        "warning",
                        "Do not mix greases casually",
                        "Greases with different thickeners can soften and run out when mixed; purge the old grease before switching.",
                    ),
                ),
                (
                    "product_reference",
                    _product("LP-EP2", "General bearing lubrication"),
                ),
                ("product_reference", _product("JD-CSC2", "Wet, hot, heavily loaded")),
            ],
        },
    },
    {
        "slug": "food-grade-lubricants-nsf-h1",
        "date": datetime.date(2025, 11, 12),
        "tags": ["食品级", "NSF H1"],
        "products": ["LP-H1-46", "LP-H1-GR2"],
        "zh-hans": {
            "title": "食品级润滑剂：NSF H1 与 ISO 21469 是什么？",
            "summary": "食品、饮料和制药工厂如何合规地选择润滑剂。",
            "body": [
                (
                    "rich_text",
                    "<p>NSF H1 注册的润滑剂可用于可能偶然接触食品的部位；ISO 21469 则认证润滑剂的生产过程卫生。两者结合，是食品工厂审核中常见的要求。</p>",
                ),
                (
                    "table",
                    _table(
                        [
                            ["类别", "含义"],
                            ["NSF H1", "可偶然接触食品"],
                            ["NSF H2", "不接触食品的部位"],
                            ["NSF 3H", "直接接触食品的脱模剂"],
                        ]
                    ),
                ),
                (
                    "callout",
                    _callout(
                        "tip",
                        "建立润滑点清单",
                        "为每个润滑点标注所用产品及其 H1 证书编号，审核时一目了然。",
                    ),
                ),
                ("product_reference", _product("LP-H1-46", "生产线液压系统")),
            ],
        },
        "en": {
            "title": "Food-grade lubricants: what NSF H1 and ISO 21469 mean",
            "summary": "How food, beverage and pharmaceutical plants choose compliant lubricants.",
            "body": [
                (
                    "rich_text",
                    "<p>NSF H1 registered lubricants may be used where incidental food contact is possible; ISO 21469 certifies that the lubricant is made hygienically. Auditors of food plants commonly ask for both.</p>",
                ),
                (
                    "table",
                    _table(
                        [
                            ["Category", "Meaning"],
                            ["NSF H1", "Incidental food contact"],
                            ["NSF H2", "No food contact"],
                            ["NSF 3H", "Release agents with direct contact"],
                        ]
                    ),
                ),
                (
                    "callout",
                    _callout(
                        "tip",
                        "Keep a lubrication-point register",
                        "Record each point's product and its H1 certificate number; audits become easy.",
                    ),
                ),
                (
                    "product_reference",
                    _product("LP-H1-46", "Hydraulics on the production line"),
                ),
            ],
        },
    },
    {
        "slug": "compressor-oil-screw-vs-piston",
        "date": datetime.date(2025, 10, 21),
        "tags": ["压缩机油", "compressor"],
        "products": ["LP-DAB46", "JD-DAH46"],
        "zh-hans": {
            "title": "空压机油：螺杆机与活塞机的不同需求",
            "summary": "为什么螺杆空压机更适合用合成油？换油周期怎么定？",
            "body": [
                (
                    "rich_text",
                    "<p>往复式空压机排气温度高，关键是低积碳倾向（L-DAB）。螺杆式空压机油与压缩空气充分混合，需要优异的抗氧化和油气分离性能（L-DAH）。</p>",
                ),
                (
                    "callout",
                    _callout(
                        "note",
                        "换油周期",
                        "矿物型螺杆机油一般 2000–4000 小时，合成型可达 8000 小时；以油品检测结果为准。",
                    ),
                ),
                ("product_reference", _product("LP-DAB46", "往复式空压机")),
                ("product_reference", _product("JD-DAH46", "螺杆式空压机")),
            ],
        },
        "en": {
            "title": "Compressor oils: what screw and piston compressors need",
            "summary": "Why screw compressors favour synthetics, and how to set the drain interval.",
            "body": [
                (
                    "rich_text",
                    "<p>Reciprocating compressors run hot discharge valves, so low carbon-forming tendency matters most (L-DAB). In screw compressors the oil mixes intimately with air and needs strong oxidation resistance and air separation (L-DAH).</p>",
                ),
                (
                    "callout",
                    _callout(
                        "note",
                        "Drain intervals",
                        "Mineral screw-compressor oils last 2,000–4,000 hours, synthetics up to 8,000; let oil analysis decide.",
                    ),
                ),
                (
                    "product_reference",
                    _product("LP-DAB46", "Reciprocating compressors"),
                ),
                ("product_reference", _product("JD-DAH46", "Screw compressors")),
            ],
        },
    },
]
