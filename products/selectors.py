"""Reads of the catalogue, each with a fixed number of queries (and the category tree).

The API (``frontend_api.content``) calls these; serializers then only read what
was fetched here. ``product_search`` is the one place full-text product search
happens, so a better search can replace it without touching the API.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms.selectors import unrestricted

from .models import (
    THUMBNAIL_SPEC,
    Brand,
    GuidePage,
    GuidePageTag,
    GuideProductLink,
    ProductCategory,
    ProductCategoryLink,
    ProductPage,
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
    *, queryset: QuerySet, locale: Locale
) -> QuerySet[Any, dict[str, Any]]:
    """The rows of a product listing as dicts (one query, no model instances):
    the card's fields, the language, and the brand named in ``locale``."""
    return queryset.values(
        *CARD_FIELDS,
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


def product_get(*, locale: Locale, slug: str) -> ProductPage | None:
    """The live, public product with ``slug`` in ``locale``, everything but
    the images' renditions prefetched (``ProductPageQuerySet.for_detail``)."""
    return (
        ProductPage.objects.live()
        .filter(unrestricted(), locale=locale, slug=slug)
        .for_detail(locale)
        .first()
    )


def product_images(*, product: ProductPage) -> list:
    """The product's images (main first, then the gallery), as fetched."""
    images = [product.main_image] if product.main_image_id else []
    return images + [item.image for item in product.gallery_images.all()]


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


def products_in_category(*, queryset: QuerySet, slug: str) -> QuerySet:
    """Products in the category ``slug`` or any of its sub-categories.

    Category paths are the same in every language, so the match is on the path
    whichever language the product links to.
    """
    categories = ProductCategory.objects.filter(slug=slug)
    paths = set(categories.values_list("path", flat=True))
    if not paths:
        return queryset.none()
    match = Q()
    for path in paths:
        match |= Q(category__path=path) | Q(category__path__startswith=f"{path}/")
    links = ProductCategoryLink.objects.filter(match, page=OuterRef("pk"))
    return queryset.filter(Exists(links))


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


def guide_get(*, locale: Locale, slug: str) -> GuidePage | None:
    """The live, public guide with ``slug`` in ``locale``, its tags and cover
    (whose renditions the caller prefetches: ``prefetch_renditions_of``)."""
    tags = GuidePageTag.objects.select_related("tag").order_by("tag__name")
    return (
        GuidePage.objects.live()
        .filter(unrestricted(), locale=locale, slug=slug)
        .select_related("locale", "cover_image")
        .prefetch_related(Prefetch("tagged_items", queryset=tags))
        .first()
    )


def guides_for_product(*, product: ProductPage, locale: Locale) -> list[GuidePage]:
    """Live, public guides in ``locale`` that link to ``product`` in any
    language, newest first, with their tags and covers (the covers'
    renditions are the caller's to prefetch: ``prefetch_renditions_of``)."""
    links = GuideProductLink.objects.filter(
        page=OuterRef("pk"), product__translation_key=product.translation_key
    )
    tags = GuidePageTag.objects.select_related("tag").order_by("tag__name")
    return list(
        GuidePage.objects.live()
        .filter(unrestricted(), Exists(links), locale=locale)
        .select_related("locale", "cover_image")
        .prefetch_related(Prefetch("tagged_items", queryset=tags))
        .order_by("-date", "-pk")
    )


def products_for_guide(*, guide: GuidePage, locale: Locale) -> list[ProductPage]:
    """The guide's related products that are live in ``locale``, in the editor's
    order."""
    keys = list(
        GuideProductLink.objects.filter(page_id=guide.pk)
        .order_by("sort_order")
        .values_list("product__translation_key", flat=True)
    )
    found = products_by_translation_keys(locale=locale, keys=keys)
    return [found[key] for key in dict.fromkeys(keys) if key in found]


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
