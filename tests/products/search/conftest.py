"""A small bilingual catalogue, indexed, for the search tests."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from products.search.models import SearchSynonym
from products.search.services import search_index_rebuild
from tests.factories import (
    BrandFactory,
    CategoryFactory,
    GuidePageFactory,
    ProductPageFactory,
    translate,
    translate_snippet,
)
from tests.factories.shared import rows_for_the_module
from tests.factories.tree import site_tree


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _shop_rows(django_db_setup, django_db_blocker):
    """Built and indexed once per module (tests/factories/shared.py)."""
    with rows_for_the_module(django_db_blocker):
        yield build_shop(site_tree())


@pytest.fixture
def shop(_shop_rows, db):
    """Hydraulic oils, engine oils and a grease in zh-hans, most also in en. A
    copy per test, as Django's setUpTestData gives: a test that changes an
    instance does not change the next test's (its rows roll back anyway)."""
    return copy.deepcopy(_shop_rows)


def build_shop(tree) -> SimpleNamespace:
    zh, en = tree.locales["zh-hans"], tree.locales["en"]
    lubpur = BrandFactory(name="超润", slug="lubpur")
    translate_snippet(lubpur, en, name="Lubpur")
    other = BrandFactory(name="川野", slug="chuanye")
    translate_snippet(other, en, name="Chuanye")
    engine = CategoryFactory(name="发动机油", slug="engine-oil")
    diesel = CategoryFactory(name="柴油机油", slug="diesel", parent=engine)
    hydraulic = CategoryFactory(name="液压油", slug="hydraulic")
    grease_cat = CategoryFactory(name="润滑脂", slug="grease")
    translate_snippet(engine, en, name="Engine oils")
    translate_snippet(diesel, en, name="Diesel engine oils")
    translate_snippet(hydraulic, en, name="Hydraulic oils")
    translate_snippet(grease_cat, en, name="Greases")

    def product(sku, title, en_title, en_summary, **fields):
        page = ProductPageFactory(
            parent=tree.products["zh-hans"], sku=sku, title=title, **fields
        )
        english = translate(page, en, title=en_title, summary=en_summary)
        return page, english

    hm46, hm46_en = product(
        "LP-HM46",
        "超润 抗磨液压油 L-HM 46",
        "Lubpur Anti-wear Hydraulic Oil L-HM 46",
        "General anti-wear hydraulic oil for vane pumps.",
        brand=lubpur,
        viscosity_grade="ISO VG 46",
        categories=[hydraulic],
        summary="通用抗磨液压油，适用于叶片泵。",
        specification_codes=["DIN 51524-2 HLP"],
    )
    hv32, hv32_en = product(
        "CY-HV32",
        "川野 低温液压油 L-HV 32",
        "Chuanye Low-temperature Hydraulic Oil L-HV 32",
        "Outdoor equipment in cold regions.",
        brand=other,
        viscosity_grade="ISO VG 32",
        categories=[hydraulic],
        summary="寒区户外设备。",
    )
    sp530, sp530_en = product(
        "LP-SP-5W30",
        "超润 全合成汽油机油 SP 5W-30",
        "Lubpur Fully Synthetic Gasoline Engine Oil SP 5W-30",
        "Passenger car gasoline engines.",
        brand=lubpur,
        viscosity_grade="SAE 5W-30",
        categories=[engine],
        summary="乘用车汽油发动机。",
        specification_codes=["API SP", "ILSAC GF-6A"],
    )
    ck4, ck4_en = product(
        "LP-CK4-1540",
        "超润 重负荷柴油机油 CK-4 15W-40",
        "Lubpur Heavy Duty Diesel Engine Oil CK-4 15W-40",
        "China VI diesel engines, long drain intervals.",
        brand=lubpur,
        viscosity_grade="SAE 15W-40",
        categories=[diesel],
        summary="国六柴油发动机，换油周期长。",
        specification_codes=["API CK-4"],
    )
    ep2, ep2_en = product(
        "LP-EP2",
        "超润 极压锂基润滑脂 2号",
        "Lubpur EP Lithium Grease NLGI 2",
        "Bearings and chassis lubrication.",
        brand=lubpur,
        viscosity_grade="NLGI 2",
        categories=[grease_cat],
        summary="轴承与底盘润滑。",
    )
    guide = GuidePageFactory(
        parent=tree.guides["zh-hans"],
        title="如何选择液压油",
        summary="从泵的类型选择 L-HM 与 L-HV 液压油。",
    )
    guide_en = translate(
        guide,
        en,
        title="Choosing a hydraulic oil",
        summary="Pick L-HM or L-HV oils by pump type.",
    )
    SearchSynonym.objects.create(locale=zh, terms="黄油\n润滑脂")
    SearchSynonym.objects.create(locale=zh, terms="机油 = 发动机油")
    SearchSynonym.objects.create(locale=en, terms="grease, lubricating grease")
    search_index_rebuild()
    return SimpleNamespace(
        tree=tree,
        zh=zh,
        en=en,
        lubpur=lubpur,
        hydraulic=hydraulic,
        hm46=hm46,
        hm46_en=hm46_en,
        hv32=hv32,
        hv32_en=hv32_en,
        sp530=sp530,
        sp530_en=sp530_en,
        ck4=ck4,
        ck4_en=ck4_en,
        ep2=ep2,
        ep2_en=ep2_en,
        guide=guide,
        guide_en=guide_en,
    )
