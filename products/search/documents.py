"""What of a page search sees: its fields grouped by weight, in its own language.

Products: title; SKU, viscosity grade and specifications; brand and categories
(with every parent category) named in the page's language; summary,
applications and features. Guides: title; tags; summary and body. The Chinese
of titles, brands and categories is indexed in pinyin too, full and initials
(``analysis.pinyin_forms``), at the weight of its field.

``DocumentSource`` loads the brands and categories of every language once, so
building thousands of documents costs a few queries per batch, not per page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from ..models import Brand, GuidePage, ProductCategory, ProductPage
from .analysis import ISO_CLASSES, index_terms, pinyin_forms, surface_terms
from .models import SearchDocument, SearchKind, SearchTerm, Weight

SNIPPET_LIMIT = 4000


@dataclass
class Fields:
    """A page's text by weight, and what results show."""

    kind: str
    title: str
    by_weight: dict[int, list[str]] = field(default_factory=dict)
    sku: str = ""
    brand: str = ""
    grade: str = ""
    snippet: str = ""

    def add(self, weight: int, *texts: str) -> None:
        self.by_weight.setdefault(weight, []).extend(t for t in texts if t)


class DocumentSource:
    """Brand and category names in every language (one query each)."""

    def __init__(self) -> None:
        self.brands = {
            (b.translation_key, b.locale_id): b.name for b in Brand.objects.all()
        }
        categories = list(ProductCategory.objects.all())
        self.categories = {c.pk: c for c in categories}
        self.category_names = {
            (c.translation_key, c.locale_id): c.name for c in categories
        }

    def brand_name(self, brand: Brand | None, locale_id: int) -> str:
        if brand is None:
            return ""
        return self.brands.get((brand.translation_key, locale_id), brand.name)

    def category_names_with_parents(self, category_id: int, locale_id: int) -> list:
        names, node = [], self.categories.get(category_id)
        while node is not None:
            names.append(
                self.category_names.get((node.translation_key, locale_id), node.name)
            )
            node = self.categories.get(node.parent_id) if node.parent_id else None
        return names

    def product_fields(self, page: ProductPage) -> Fields:
        brand = self.brand_name(page.brand, page.locale_id)
        specs = [spec.code for spec in page.specifications.all()]
        categories: list[str] = []
        for link in page.category_links.all():
            categories += self.category_names_with_parents(
                link.category_id, page.locale_id
            )
        features = strip_tags(page.features or "")
        fields = Fields(
            kind=SearchKind.PRODUCT,
            title=page.title,
            sku=page.sku,
            brand=brand,
            grade=page.viscosity_grade,
            snippet=_join(page.summary, page.applications, "; ".join(specs), features),
        )
        fields.add(Weight.TITLE, page.title, *pinyin_forms(page.title))
        fields.add(Weight.CODE, page.sku, page.viscosity_grade, *specs)
        taxonomy = list(dict.fromkeys(categories))
        fields.add(Weight.TAXONOMY, brand, *taxonomy)
        fields.add(Weight.TAXONOMY, *pinyin_forms(brand, min_initials=2))
        fields.add(Weight.TAXONOMY, *pinyin_forms(" ".join(taxonomy)))
        fields.add(Weight.TEXT, page.summary, page.applications, features)
        return fields

    def guide_fields(self, page: GuidePage) -> Fields:
        body = GuidePage._meta.get_field("body").get_searchable_content(page.body)
        body_text = strip_tags(" ".join(str(part) for part in body))
        tags = [item.tag.name for item in page.tagged_items.all()]
        fields = Fields(
            kind=SearchKind.GUIDE,
            title=page.title,
            snippet=_join(page.summary, body_text),
        )
        fields.add(Weight.TITLE, page.title, *pinyin_forms(page.title))
        fields.add(Weight.TAXONOMY, *tags)
        fields.add(Weight.TEXT, page.summary, body_text)
        return fields


def _join(*texts: str) -> str:
    return "\n".join(" ".join(t.split()) for t in texts if t and t.strip())[
        :SNIPPET_LIMIT
    ]


def build(page, fields: Fields) -> tuple[SearchDocument, list[SearchTerm]]:
    """The document row and its term rows (not saved)."""
    weights: dict[str, int] = {}
    for weight, texts in fields.by_weight.items():
        for term in index_terms(" \n ".join(texts)):
            weights[term] = max(weight, weights.get(term, 0))
    for term in _class_grades(weights):
        weights[term] = max(Weight.CODE, weights.get(term, 0))
    title_terms = index_terms(fields.title)
    surface = (
        surface_terms(
            " \n ".join([fields.title, fields.sku, fields.brand, fields.grade])
        )
        + pinyin_forms(fields.title)
        + pinyin_forms(fields.brand, min_initials=2)
    )
    document = SearchDocument(
        page_id=page.pk,
        locale_id=page.locale_id,
        kind=fields.kind,
        title=fields.title[:255],
        sku=fields.sku[:64],
        brand=fields.brand[:100],
        grade=fields.grade[:40],
        title_terms=" ".join(sorted(title_terms)),
        other_terms=" ".join(sorted(set(weights) - title_terms)),
        suggest_text=f" {' '.join(surface)} ",
        snippet_text=fields.snippet,
    )
    terms = [
        SearchTerm(
            document_id=page.pk,
            term=term,
            weight=weight,
            locale_id=page.locale_id,
            kind=fields.kind,
        )
        for term, weight in weights.items()
    ]
    return document, terms


def _class_grades(terms) -> set[str]:
    """``hm46`` for a product whose specification says L-HM and whose grade is
    ISO VG 46 (written apart, so no single field holds the code)."""
    classes = ISO_CLASSES.intersection(terms)
    grades = [t[2:] for t in terms if t.startswith("vg") and t[2:].isdigit()]
    return {f"{cls}{grade}" for cls in classes for grade in grades}


def product_pages(ids: Iterable[int]):
    return (
        ProductPage.objects.live()
        .public()
        .filter(pk__in=list(ids))
        .select_related("brand")
        .prefetch_related("specifications", "category_links")
    )


def guide_pages(ids: Iterable[int]):
    return (
        GuidePage.objects.live()
        .public()
        .filter(pk__in=list(ids))
        .prefetch_related("tagged_items__tag")
    )
