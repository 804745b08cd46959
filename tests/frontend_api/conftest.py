"""A small bilingual catalogue for the content API tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from products.search.services import search_index_rebuild
from tests.factories import (
    BrandFactory,
    CategoryFactory,
    DocumentFactory,
    GuidePageFactory,
    ImageFactory,
    ProductPageFactory,
    translate,
    translate_snippet,
)
from tests.factories.catalogue import sizes


@pytest.fixture
def catalogue(tree):
    """Two brands, an engine-oil → diesel category tree, a hydraulic category,
    three products (one only in Chinese) and a guide, in zh-hans and en."""
    en = tree.locales["en"]
    brand = BrandFactory(name="超润", slug="lubpur")
    brand_en = translate_snippet(brand, en, name="Lubpur")
    other_brand = BrandFactory(name="壳牌", slug="shell")
    engine = CategoryFactory(name="发动机油", slug="engine-oil")
    diesel = CategoryFactory(name="柴油机油", slug="diesel", parent=engine)
    hydraulic = CategoryFactory(name="液压油", slug="hydraulic")
    engine_en = translate_snippet(engine, en, name="Engine oil")
    diesel_en = translate_snippet(diesel, en, name="Diesel engine oil")
    translate_snippet(hydraulic, en, name="Hydraulic oil")

    image = ImageFactory(title="LP-HM46 drum", alt_text="200L 桶")
    hm46 = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="LP-HM46",
        title="抗磨液压油 L-HM 46",
        brand=brand,
        viscosity_grade="ISO VG 46",
        base_oil="mineral",
        main_image=image,
        categories=[hydraulic],
        specification_codes=["DIN 51524-2 HLP", "Denison HF-0"],
        package_sizes=sizes("18L 桶", "200L 桶"),
        applications="注塑机\n液压站",
    )
    ck4 = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="LP-CK4-1540",
        title="柴油机油 CK-4 15W-40",
        brand=brand,
        viscosity_grade="SAE 15W-40",
        base_oil="synthetic",
        categories=[diesel],
        specification_codes=["API CK-4"],
    )
    gear = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="SH-GEAR",
        title="齿轮油",
        brand=other_brand,
        viscosity_grade="ISO VG 220",
        categories=[engine],
    )
    hm46_en = translate(hm46, en, title="Anti-wear hydraulic oil L-HM 46")
    ck4_en = translate(ck4, en, title="Diesel engine oil CK-4 15W-40")
    guide = GuidePageFactory(
        parent=tree.guides["zh-hans"], title="如何选择液压油", products=[hm46]
    )
    guide_en = translate(guide, en, title="Choosing hydraulic oil")
    # Publishing indexes on commit, which never comes inside a test's transaction.
    search_index_rebuild()
    return SimpleNamespace(
        tree=tree,
        brand=brand,
        brand_en=brand_en,
        engine=engine,
        engine_en=engine_en,
        diesel_en=diesel_en,
        hm46=hm46,
        hm46_en=hm46_en,
        ck4=ck4,
        ck4_en=ck4_en,
        gear=gear,
        guide=guide,
        guide_en=guide_en,
        document=DocumentFactory,
    )
