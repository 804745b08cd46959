"""Reads of the catalogue, each with a fixed number of queries (and the category tree).

The API (``frontend_api.content``) calls these; serializers then only read what
was fetched here. ``product_search`` is the one place full-text product search
happens, so a better search can replace it without touching the API.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.selectors import unrestricted

from .models import (
    THUMBNAIL_SPEC,
    Brand,
    GuidePage,
    GuidePageTag,
    GuideProductLink,
    ProductCategory,
    ProductCategoryLink,
    ProductDocument,
    ProductImage,
    ProductPage,
    ProductSpecification,
)
from .querysets import in_locale_of
from .search.models import SearchKind
from .search.selectors import pages_matching

# --- Products ------------------------------------------------------------------


def product_list(*, locale: Locale) -> QuerySet[ProductPage]:
    """Live, public products in ``locale``, ready for a listing (tree order)."""
    return (
        ProductPage.objects.live()
        .public()
        .filter(locale=locale)
        .for_listing(locale)
        .order_by("path")
    )


def product_list_base(*, locale: Locale) -> QuerySet[ProductPage]:
    """Live, public products in ``locale`` in tree order, with nothing joined:
    filter it, then page it with ``product_card_values``."""
    return ProductPage.objects.live().public().filter(locale=locale).order_by("path")


CARD_FIELDS = (
    "id",
    "sku",
    "title",
    "slug",
    "url_path",
    "viscosity_grade",
    "base_oil",
    "summary",
    "main_image_id",
    "package_sizes",
)


def product_card_values(
    *, queryset: QuerySet, locale: Locale, extra: tuple[str, ...] = ()
) -> QuerySet[Any, dict[str, Any]]:
    """The rows of a product listing as dicts (one query, no model instances):
    the card's fields, the language, and the brand named in ``locale``."""
    return queryset.values(
        *CARD_FIELDS,
        *extra,
        language=F("locale__language_code"),
        brand_slug=F("brand__slug"),
        brand_key=F("brand__translation_key"),
        brand_name=in_locale_of(Brand, locale, "brand__translation_key", "name"),
    )


def product_category_refs(
    *, page_ids: Iterable[int], locale: Locale
) -> dict[int, list[dict]]:
    """Each product's categories named in ``locale``, falling back to the linked
    category's own names: ``{page_id: [{slug, name, path, key}]}``. Two plain
    queries (the links, and the locale's categories, a small table) cost less
    than correlated subqueries to build and run."""
    links = list(
        ProductCategoryLink.objects.filter(page_id__in=list(page_ids))
        .order_by("sort_order", "pk")
        .values_list(
            "page_id",
            "category__translation_key",
            "category__slug",
            "category__name",
            "category__path",
        )
    )
    if not links:
        return {}
    local = {
        key: (slug, name, path)
        for key, slug, name, path in ProductCategory.objects.filter(
            locale=locale, translation_key__in={link[1] for link in links}
        ).values_list("translation_key", "slug", "name", "path")
    }
    refs: dict[int, list[dict]] = {}
    for page_id, key, *own in links:
        slug, name, path = local.get(key, own)
        refs.setdefault(page_id, []).append(
            {"slug": slug, "name": name, "path": path, "key": key}
        )
    return refs


def products_by_translation_keys(
    *, locale: Locale, keys: Iterable
) -> dict[object, ProductPage]:
    """Live products in ``locale`` by translation key (for references in guides)."""
    keys = list(keys)
    if not keys:
        return {}
    products = ProductPage.objects.live().filter(
        unrestricted(), locale=locale, translation_key__in=keys
    )
    return {p.translation_key: p for p in products.for_listing(locale)}


def product_search(*, queryset: QuerySet, q: str, locale: Locale) -> QuerySet:
    """``queryset`` narrowed to products matching ``q``, best match first.

    The same engine as ``/api/v1/search/`` (``products.search``); the ranking is
    an ordering, so a later ``ordering`` parameter wins.
    """
    return pages_matching(
        queryset=queryset, text=q, locale=locale, kind=SearchKind.PRODUCT
    ).order_by("-search_rank", "path")


# --- Guides --------------------------------------------------------------------


def guide_list(*, locale: Locale) -> QuerySet[GuidePage]:
    """Live, public guides in ``locale``, newest first."""
    return (
        GuidePage.objects.live()
        .public()
        .filter(locale=locale)
        .for_listing()
        .order_by("-date", "-pk")
    )


def guide_search(*, queryset: QuerySet, q: str, locale: Locale) -> QuerySet:
    """Guides matching ``q`` (the search engine), best match first."""
    return pages_matching(
        queryset=queryset, text=q, locale=locale, kind=SearchKind.GUIDE
    ).order_by("-search_rank", "-date")


# --- Taxonomy ------------------------------------------------------------------


def category_list(*, locale: Locale) -> list[ProductCategory]:
    """Every category in ``locale``, parents before children (path order)."""
    return list(
        ProductCategory.objects.filter(locale=locale).order_by(
            "sort_order", "path", "pk"
        )
    )


def category_get(*, locale: Locale, path: str) -> ProductCategory | None:
    return (
        ProductCategory.objects.filter(locale=locale, path=path)
        .select_related("locale")
        .first()
    )


def category_family(*, category: ProductCategory) -> list[ProductCategory]:
    """The category's ancestors (root first) and children (editors' order), in
    its language: one query (ancestors' paths are prefixes of its own)."""
    parts = category.path.split("/")
    prefixes = ["/".join(parts[:end]) for end in range(1, len(parts))]
    return list(
        ProductCategory.objects.filter(locale_id=category.locale_id)
        .filter(Q(path__in=prefixes) | Q(parent_id=category.pk))
        .order_by("sort_order", "path", "pk")
    )


def brand_get(*, locale: Locale, slug: str) -> Brand | None:
    logos = get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC)
    return (
        Brand.objects.filter(locale=locale, slug=slug)
        .select_related("locale")
        .prefetch_related(Prefetch("logo", queryset=logos))
        .first()
    )


def snippet_versions(*, model, translation_key=None, **lookup) -> list:
    """Every locale's version of a brand or category (by ``translation_key``, or
    those matching ``lookup`` with their translations), language order."""
    rows = model.objects.all()
    if translation_key is None:
        keys = model.objects.filter(**lookup).values("translation_key")
        rows = rows.filter(translation_key__in=keys)
    else:
        rows = rows.filter(translation_key=translation_key)
    return list(rows.select_related("locale").order_by("locale__language_code"))


def sitemap_taxonomy() -> tuple[list[dict], list[dict]]:
    """Every brand (``translation_key, slug, language``) and category
    (``translation_key, path, language``) in every locale: two queries."""
    language = F("locale__language_code")
    brands = Brand.objects.order_by("slug", "pk").values(
        "translation_key", "slug", language=language
    )
    categories = ProductCategory.objects.order_by("path", "pk").values(
        "translation_key", "path", language=language
    )
    return [dict(row) for row in brands], [dict(row) for row in categories]


def brand_list(*, locale: Locale) -> QuerySet[Brand]:
    logos = get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC)
    return (
        Brand.objects.filter(locale=locale)
        .prefetch_related(Prefetch("logo", queryset=logos))
        .order_by("name", "pk")
    )


def product_localize(*, product: ProductPage, locale: Locale) -> ProductPage:
    """Name the brand and categories of an in-memory product (a preview draft) in
    ``locale``, as ``for_listing()`` annotates fetched ones."""
    if product.brand:
        local = Brand.objects.filter(
            locale=locale, translation_key=product.brand.translation_key
        ).first()
        product.brand_name = (local or product.brand).name
    for link in product.category_links.all():
        category = (
            ProductCategory.objects.filter(
                locale=locale, translation_key=link.category.translation_key
            ).first()
            or link.category
        )
        link.local_name = category.name
        link.local_slug = category.slug
        link.local_path = category.path
    return product


def category_with_descendants(*, category: ProductCategory) -> QuerySet:
    """The category and every category below it, in its language (one query)."""
    return ProductCategory.objects.filter(locale_id=category.locale_id).filter(
        Q(path=category.path) | Q(path__startswith=f"{category.path}/")
    )


def category_tree(*, locale_id: int) -> list[dict]:
    """The categories of a language as nested dicts ``{"category", "children"}``,
    siblings in ``sort_order`` then name order (one query)."""
    nodes = ProductCategory.objects.filter(locale_id=locale_id).order_by(
        "sort_order", "name"
    )
    by_parent: dict[int | None, list[ProductCategory]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)

    def branch(parent_id: int | None) -> list[dict]:
        return [
            {"category": node, "children": branch(node.pk)}
            for node in by_parent.get(parent_id, [])
        ]

    return branch(None)


TREE_SEPARATOR = " › "


def category_search(*, queryset: QuerySet, q: str) -> QuerySet:
    """The categories of ``queryset`` whose name (in any language: 液压油 finds
    the English "Hydraulic oils" too), slug or slug path contains ``q``, and
    every category below one of them (two queries when evaluated)."""
    text = q.strip()
    if not text:
        return queryset
    named = ProductCategory.objects.filter(
        Q(name__icontains=text) | Q(slug__icontains=text) | Q(path__icontains=text)
    ).values("translation_key")
    matched = list(
        queryset.filter(translation_key__in=named).values_list("locale_id", "path")
    )
    if not matched:
        return queryset.none()
    below = Q()
    for locale_id, path in matched:
        below |= Q(locale_id=locale_id) & (
            Q(path=path) | Q(path__startswith=f"{path}/")
        )
    return queryset.filter(below)


def category_tree_labels(*, locale_ids: Iterable[int]) -> dict[int, str]:
    """``{category id: "发动机油 › 柴油机油"}`` for every category of the given
    languages: its ancestors' names and its own, parent first (one query)."""
    nodes = {
        pk: (name, parent_id)
        for pk, name, parent_id in ProductCategory.objects.filter(
            locale_id__in=set(locale_ids)
        ).values_list("pk", "name", "parent_id")
    }
    labels: dict[int, str] = {}
    for pk in nodes:
        names: list[str] = []
        node: int | None = pk
        while node is not None and node in nodes and len(names) < 50:
            name, parent = nodes[node]
            names.append(name)
            node = parent
        labels[pk] = TREE_SEPARATOR.join(reversed(names))
    return labels


# --- Details as rows -------------------------------------------------------------


@dataclass
class DetailParts:
    """What a detail shows beside its page row, read with one UNION query
    (``product_parts`` / ``guide_parts``) or, for a preview's unsaved page, from
    the page itself (``product_parts_of`` / ``guide_parts_of``)."""

    categories: list[dict] = field(default_factory=list)  # slug, name, path, key
    page_categories: dict[int, list[dict]] = field(default_factory=dict)
    specifications: list[str] = field(default_factory=list)
    images: list[tuple[int, str]] = field(default_factory=list)  # id, caption
    documents: list[tuple[Any, str]] = field(default_factory=list)  # doc, kind
    tags: dict[int, list[dict]] = field(default_factory=dict)  # page id → tags
    product_keys: list[str] = field(default_factory=list)  # a guide's related
    page_keys: dict[int, str] = field(default_factory=dict)  # body refs' keys


_UNION = ("u_kind", "u_page", "u_sort", "u_pk", "u_a", "u_b", "u_c", "u_d", "u_n")


def _part(queryset: QuerySet, kind: str, **columns) -> QuerySet:
    """One member of a detail's UNION: the same nine columns for every kind
    (kind, page, sort, pk, four texts, a number); unset ones are blank."""
    text = CharField()
    values = {
        "u_kind": Value(kind, output_field=text),
        "u_page": Value(0, output_field=IntegerField()),
        "u_sort": Value(0, output_field=IntegerField()),
        "u_pk": F("pk"),
        "u_a": Value("", output_field=text),
        "u_b": Value("", output_field=text),
        "u_c": Value("", output_field=text),
        "u_d": Value("", output_field=text),
        "u_n": Value(0, output_field=IntegerField()),
    }
    for name, expression in columns.items():
        if isinstance(expression, str):
            expression = F(expression)
        values[f"u_{name}"] = (
            Cast(expression, output_field=text)
            if name in ("a", "b", "c", "d")
            else Cast(expression, output_field=IntegerField())
        )
    return queryset.order_by().annotate(**values).values_list(*_UNION)


def _category_parts(links: QuerySet, locale: Locale) -> list[QuerySet]:
    keys = links.values("category__translation_key")
    local = ProductCategory.objects.filter(locale=locale, translation_key__in=keys)
    return [
        _part(
            links,
            "link",
            page="page_id",
            sort="sort_order",
            a="category__translation_key",
            b="category__slug",
            c="category__name",
            d="category__path",
        ),
        _part(local, "local", a="translation_key", b="slug", c="name", d="path"),
    ]


def _tag_part(guides: QuerySet) -> QuerySet:
    return _part(
        GuidePageTag.objects.filter(content_object_id__in=guides.values("pk")),
        "tag",
        page="content_object_id",
        a="tag__slug",
        b="tag__name",
    )


def _parts(queries: list[QuerySet]) -> DetailParts:
    """Run a detail's UNION and sort its rows into ``DetailParts``."""
    from wagtail.documents import get_document_model

    Document = get_document_model()
    combined = queries[0].union(*queries[1:], all=True) if queries[1:] else queries[0]
    rows = sorted(combined, key=lambda row: (row[2] or 0, row[3]))
    parts = DetailParts()
    local: dict[str, tuple[str, str, str]] = {}
    links = []
    for kind, page, _sort, pk, a, b, c, d, n in rows:
        if kind in ("link", "local", "product", "ref"):
            a = str(uuid.UUID(a))  # SQLite casts a UUID to 32 hex digits
        if kind == "link":
            links.append((page, a, b, c, d))
        elif kind == "local":
            local[a] = (b, c, d)
        elif kind == "spec":
            parts.specifications.append(a)
        elif kind == "image":
            parts.images.append((n, a))
        elif kind == "document":
            language, members_only = b.split(":", 1)
            parts.documents.append(
                (
                    Document(
                        pk=pk,
                        collection_id=None,  # no default (its query): not shown
                        title=a,
                        language=language,
                        members_only=members_only == "1",
                        file=c,
                        file_size=n if n >= 0 else None,
                    ),
                    d,
                )
            )
        elif kind == "tag":
            parts.tags.setdefault(page, []).append({"slug": a, "name": b})
        elif kind == "product":
            parts.product_keys.append(a)
        elif kind == "ref":
            parts.page_keys[pk] = a
    for page, key, *own in links:
        slug, name, path = local.get(key, own)
        ref = {"slug": slug, "name": name, "path": path, "key": key}
        parts.categories.append(ref)
        parts.page_categories.setdefault(page, []).append(ref)
    for tags in parts.tags.values():
        tags.sort(key=lambda tag: tag["name"])
    return parts


def product_parts(
    *, product: ProductPage, locale: Locale, guides: QuerySet
) -> DetailParts:
    """A product's categories (named in ``locale``), specifications, gallery,
    documents and the tags of ``guides`` (its related guides): one query."""
    from django.db.models.functions import Coalesce, Concat

    pk = product.pk
    members_only = Case(
        When(document__members_only=True, then=Value("1")), default=Value("0")
    )
    return _parts(
        [
            *_category_parts(ProductCategoryLink.objects.filter(page_id=pk), locale),
            _part(
                ProductSpecification.objects.filter(page_id=pk),
                "spec",
                sort="sort_order",
                a="code",
            ),
            _part(
                ProductImage.objects.filter(page_id=pk),
                "image",
                sort="sort_order",
                a="caption",
                n="image_id",
            ),
            _part(
                ProductDocument.objects.filter(page_id=pk),
                "document",
                pk="document_id",
                sort="sort_order",
                a="document__title",
                b=Concat(
                    "document__language",
                    Value(":"),
                    members_only,
                    output_field=CharField(),
                ),
                c="document__file",
                d="kind",
                n=Coalesce("document__file_size", Value(-1)),
            ),
            _tag_part(guides),
        ]
    )


def guide_tags(*, guides: QuerySet) -> dict[int, list[dict]]:
    """The tags of ``guides`` by guide id, by name (one query)."""
    return _parts([_tag_part(guides)]).tags


def product_parts_of(*, product: ProductPage, locale: Locale) -> DetailParts:
    """``DetailParts`` of an unsaved product (a preview): read from the page's
    own child rows, categories named in ``locale``."""
    links = list(product.category_links.all())
    keys = {link.category.translation_key for link in links}
    local = {
        category.translation_key: category
        for category in ProductCategory.objects.filter(
            locale=locale, translation_key__in=keys
        )
    }
    categories = []
    for link in links:
        category = local.get(link.category.translation_key, link.category)
        categories.append(
            {
                "slug": category.slug,
                "name": category.name,
                "path": category.path,
                "key": str(link.category.translation_key),
            }
        )
    return DetailParts(
        categories=categories,
        specifications=[spec.code for spec in product.specifications.all()],
        images=[(item.image_id, item.caption) for item in product.gallery_images.all()],
        documents=[(item.document, item.kind) for item in product.documents.all()],
    )


def product_detail_get(*, locale: Locale, slug: str) -> ProductPage | None:
    """The live, public product with ``slug`` in ``locale``, its locale and brand
    joined and the brand named in ``locale`` (``brand_name``); its parts come
    from ``product_parts``."""
    return (
        ProductPage.objects.live()
        .filter(unrestricted(), locale=locale, slug=slug)
        .select_related("locale", "brand")
        .annotate(
            brand_name=in_locale_of(Brand, locale, "brand__translation_key", "name")
        )
        .first()
    )


def guides_linking(*, product: ProductPage, locale: Locale) -> QuerySet[GuidePage]:
    """Live, public guides in ``locale`` that link to ``product`` in any
    language, newest first, their locale joined (no tags: ``product_parts``)."""
    links = GuideProductLink.objects.filter(
        page=OuterRef("pk"), product__translation_key=product.translation_key
    )
    return (
        GuidePage.objects.live()
        .filter(unrestricted(), Exists(links), locale=locale)
        .select_related("locale")
        .order_by("-date", "-pk")
    )


def guide_detail_get(*, locale: Locale, slug: str) -> GuidePage | None:
    """The live, public guide with ``slug`` in ``locale``, its locale joined."""
    return (
        GuidePage.objects.live()
        .filter(unrestricted(), locale=locale, slug=slug)
        .select_related("locale")
        .first()
    )


def guide_parts(*, guide: GuidePage, page_ids: Iterable[int]) -> DetailParts:
    """A guide's tags, its related products' translation keys (editors' order)
    and the translation keys of the pages its body points at: one query."""
    from django.db.models.functions import Cast

    text = CharField()
    return _parts(
        [
            _tag_part(GuidePage.objects.filter(pk=guide.pk)),
            _part(
                GuideProductLink.objects.filter(page_id=guide.pk),
                "product",
                sort="sort_order",
                a=Cast("product__translation_key", output_field=text),
            ),
            _part(
                Page.objects.filter(pk__in=list(page_ids)),
                "ref",
                a="translation_key",
            ),
        ]
    )


def guide_parts_of(*, guide: GuidePage, page_ids: Iterable[int]) -> DetailParts:
    """``DetailParts`` of an unsaved guide (a preview): its own tags and links."""
    keys = dict(
        Page.objects.filter(pk__in=list(page_ids)).values_list("pk", "translation_key")
    )
    return DetailParts(
        tags={
            guide.pk: sorted(
                (
                    {"slug": item.tag.slug, "name": item.tag.name}
                    for item in guide.tagged_items.all()
                ),
                key=lambda tag: tag["name"],
            )
        },
        product_keys=[
            str(link.product.translation_key)
            for link in guide.product_links.all()
            if link.product_id
        ],
        page_keys={pk: str(key) for pk, key in keys.items()},
    )


def category_refs(*, page_ids: Iterable[int], locale: Locale) -> dict[int, list]:
    """``product_category_refs`` in one query (a UNION of the links and the
    locale's categories)."""
    ids = list(page_ids)
    if not ids:
        return {}
    links = ProductCategoryLink.objects.filter(page_id__in=ids)
    return _parts(_category_parts(links, locale)).page_categories


def product_cards_by_keys(*, locale: Locale, keys: Iterable[str]) -> list[dict]:
    """Card rows (``product_card_values``) of the live, public products in
    ``locale`` with these translation keys (one query)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    products = ProductPage.objects.live().filter(
        unrestricted(), locale=locale, translation_key__in=keys
    )
    rows = product_card_values(
        queryset=products, locale=locale, extra=("translation_key",)
    )
    return list(rows.order_by())
