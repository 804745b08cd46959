"""Demo content for a first run: a bilingual catalogue, guides, home page, settings.

``demo_seed()`` (run by ``manage.py seed_demo``) loads ``products.csv`` through the
real importer, writes the guides of ``guides.py`` (Chinese source pages and their
English translations), fills in the home pages' hero text and the site settings.
Idempotent: it only creates what is missing and never overwrites an editor's text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from wagtail.models import Site

from cms.models import HomePage, SiteSettings
from cms.services import site_tree_ensure
from core.i18n import source_language
from legal.importer import policy_import
from legal.models import PolicyPage
from products.importer import ImportReport, products_import
from products.models import (
    GuideIndexPage,
    GuidePage,
    GuideProductLink,
    ProductPage,
    SearchSynonym,
)

from .guides import GUIDES
from .media import demo_media_attach

DEMO_DIR = Path(__file__).resolve().parent
# Search synonyms editors would add (Products → Search synonyms).
SYNONYMS = {
    "zh-hans": ["黄油\n润滑脂", "机油\n发动机油", "锂基脂\n锂基润滑脂"],
    "en": ["grease\nlubricating grease", "motor oil\nengine oil"],
}

HOME_TEXT = {
    "zh-hans": {
        "hero_title": "超润润滑油交易平台",
        "intro": (
            "<p>面向工厂、车队与经销商的<b>一站式润滑油采购平台</b>："
            "选型指南、技术资料与快速询价。</p>"
        ),
    },
    "en": {
        "hero_title": "The Lubpur lubricant trading platform",
        "intro": (
            "<p><b>One place to source lubricants</b> for plants, fleets and "
            "distributors: selection guides, technical data and fast quotations.</p>"
        ),
    },
}

SITE_SETTINGS = {
    "company_name": "上海超润润滑科技有限公司",
    "company_name_en": "Shanghai Lubpur Lubrication Technology Co., Ltd.",
    "icp_number": "沪ICP备20260001号-1",
    "contact_email": "hello@lubpur.com",
    "sales_email": "sales@lubpur.com",
    "privacy_email": "privacy@lubpur.com",
    "phone": "+86 21 5555 0100",
    "service_hotline": "400-820-0100",
    "address": "上海市浦东新区张江路 100 号",
    "address_en": "100 Zhangjiang Road, Pudong New Area, Shanghai",
}


@dataclass
class SeedReport:
    products: ImportReport
    guides_created: int
    media_attached: int
    policy_published: bool
    pages_updated: int
    settings_changed: bool

    def summary(self) -> str:
        return (
            f"Products: {self.products.summary()} Guides created: "
            f"{self.guides_created}. Products given demo media: {self.media_attached}. "
            f"Demo policy {'published' if self.policy_published else 'unchanged'}. "
            f"Home pages updated: {self.pages_updated}. "
            f"Site settings {'filled in' if self.settings_changed else 'unchanged'}."
        )


@transaction.atomic
def demo_seed(*, progress: Callable[[str], None] = lambda step: None) -> SeedReport:
    """Load the demo; ``progress`` is told each step as it starts."""
    progress("site tree")
    homes = site_tree_ensure()
    progress("catalogue (products in both languages, through the importer)")
    products = products_import(
        data=(DEMO_DIR / "products.csv").read_bytes(), filename="products.csv"
    )
    progress("search synonyms")
    _synonyms(homes)
    progress("guides")
    guides_created = _guides(homes)
    progress("packshots and data sheets")
    media_attached = demo_media_attach()
    progress("demo legal statement & privacy policy")
    policy_published = _policy()
    progress("home page text and site settings")
    return SeedReport(
        products=products,
        guides_created=guides_created,
        media_attached=media_attached,
        policy_published=policy_published,
        pages_updated=_home_text(homes),
        settings_changed=_site_settings(homes[source_language()]),
    )


def _policy() -> bool:
    """A short demo Legal Statement & Privacy Policy (our own words, marked as a
    demo) in both languages, so sign-up consent works on a first run; skipped as
    soon as any policy page exists (production imports the real text)."""
    if PolicyPage.objects.exists():
        return False
    for code in ("zh-hans", "en"):
        text = (DEMO_DIR / f"policy.{code}.txt").read_text(encoding="utf-8")
        policy_import(text=text, locale=code, publish=True)
    return True


def _synonyms(homes: dict[str, HomePage]) -> None:
    for code, groups in SYNONYMS.items():
        for terms in groups:
            SearchSynonym.objects.get_or_create(locale=homes[code].locale, terms=terms)


def _publish(page) -> None:
    page.save_revision().publish()


def _home_text(homes: dict[str, HomePage]) -> int:
    updated = 0
    for code, home in homes.items():
        blanks = {
            name: value
            for name, value in HOME_TEXT.get(code, {}).items()
            if not getattr(home, name)
        }
        if blanks:
            for name, value in blanks.items():
                setattr(home, name, value)
            _publish(home)
            updated += 1
    return updated


def _site_settings(home: HomePage) -> bool:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    blanks = {k: v for k, v in SITE_SETTINGS.items() if not getattr(settings, k)}
    for name, value in blanks.items():
        setattr(settings, name, value)
    if blanks:
        settings.full_clean()
        settings.save()
    return bool(blanks)


def _products_by_sku(code: str) -> dict[str, ProductPage]:
    return {
        page.sku: page
        for page in ProductPage.objects.filter(locale__language_code=code)
    }


def _body(blocks: list, products: dict[str, ProductPage]) -> list:
    body = []
    for kind, value in blocks:
        if kind == "product_reference":
            value = {"product": products[value["sku"]], "note": value["note"]}
        body.append((kind, value))
    return body


def _fill(page: GuidePage, guide: dict, code: str, products: dict) -> None:
    text = guide[code]
    page.title = page.draft_title = text["title"]
    page.summary = text["summary"]
    page.date = guide["date"]
    page.body = _body(text["body"], products)
    page.product_links = [
        GuideProductLink(product=products[sku]) for sku in guide["products"]
    ]
    page.tags.set(guide["tags"])


def _guides(homes: dict[str, HomePage]) -> int:
    created = 0
    index = GuideIndexPage.objects.child_of(homes[source_language()]).get()
    products = {code: _products_by_sku(code) for code in homes}
    for guide in GUIDES:
        source = GuidePage.objects.child_of(index).filter(slug=guide["slug"]).first()
        if source is None:
            source = GuidePage(slug=guide["slug"], locale=index.locale)
            _fill(source, guide, source_language(), products[source_language()])
            index.add_child(instance=source)
            _publish(source)
            created += 1
        for code, home in homes.items():
            if code == source_language() or code not in guide:
                continue
            if source.get_translation_or_none(home.locale) is None:
                translation = source.copy_for_translation(home.locale)
                _fill(translation, guide, code, products[code])
                _publish(translation)
                created += 1
    return created
