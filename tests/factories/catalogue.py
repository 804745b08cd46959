"""Factories for the catalogue: brands, categories, images, documents, products, guides.

Pages are made with ``wagtail_factories.PageFactory`` under the section pages of
``site_tree()``; ``translate()`` makes a real Wagtail translation (same
``translation_key``) the way wagtail-localize does.
"""

from __future__ import annotations

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, Page

from products.models import (
    Brand,
    GuidePage,
    GuideProductLink,
    ProductCategory,
    ProductCategoryLink,
    ProductPage,
    ProductSpecification,
)
from products.packaging import package_size_stream, parse_package_size


def _root_collection() -> Collection:
    return Collection.get_first_root_node()


def _zh() -> Locale:
    return Locale.objects.get(language_code="zh-hans")


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(_root_collection)
    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = factory.LazyAttribute(lambda o: f"{o.title} alt")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(_root_collection)
    title = factory.Sequence(lambda n: f"TDS {n}")
    file = factory.django.FileField(filename="tds.pdf", data=b"%PDF-1.4 test")
    language = "zh-hans"


class BrandFactory(DjangoModelFactory):
    class Meta:
        model = Brand

    locale = factory.LazyFunction(_zh)
    name = factory.Sequence(lambda n: f"品牌 {n}")
    slug = factory.Sequence(lambda n: f"brand-{n}")


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = ProductCategory

    locale = factory.LazyFunction(_zh)
    name = factory.Sequence(lambda n: f"类别 {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    parent = None


def sizes(*lines: str) -> list[dict]:
    """Raw ``package_sizes`` stream data from typed lines ("18L 桶", "4L×6")."""
    return package_size_stream(
        [parse_package_size(line) for line in lines], uuid.uuid4()
    )


class ProductPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProductPage
        skip_postgeneration_save = True

    sku = factory.Sequence(lambda n: f"LP-{n:04d}")
    title = factory.LazyAttribute(lambda o: f"润滑油 {o.sku}")
    slug = factory.LazyAttribute(lambda o: slugify(o.sku))
    viscosity_grade = "ISO VG 46"
    base_oil = "mineral"
    summary = "抗磨液压油"
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        for category in extracted or []:
            ProductCategoryLink.objects.create(page=self, category=category)

    @factory.post_generation
    def specification_codes(self, create, extracted, **kwargs):
        for code in extracted or []:
            ProductSpecification.objects.create(page=self, code=code)


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"选油指南 {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "如何选择液压油"
    date = datetime.date(2026, 3, 1)
    first_published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        for product in extracted or []:
            GuideProductLink.objects.create(page=self, product=product)


def translate_snippet(obj, locale: Locale, **changes):
    """The snippet's translation in ``locale`` (same translation key)."""
    copy = obj.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(copy, name, value)
    if isinstance(copy, ProductCategory) and copy.parent_id:
        copy.parent = copy.parent.get_translation(locale)
    copy.save()
    return copy


def translate(page: Page, locale: Locale, **changes) -> Page:
    """A published translation of ``page`` in ``locale``, as wagtail-localize
    makes it: under the translated parent, same translation key and slug."""
    copy = page.specific.copy_for_translation(locale, copy_parents=False)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy
