"""QuerySets of the catalogue's pages: the reads the API makes, with their
``select_related``/``prefetch_related`` fixed in one place so an endpoint's query
count does not grow with the number of rows."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.query import PageQuerySet


class _Models:
    """The catalogue models, looked up lazily (models.py imports this module)."""

    def __getattr__(self, name: str):
        return apps.get_model("products", name)


models_ = _Models()


RENDITION_SPECS = {
    "thumbnail": "fill-400x400",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}
THUMBNAIL_SPEC = RENDITION_SPECS["thumbnail"]

# Responsive sources (``srcset``): each width in WebP and AVIF, and in the
# original format, within the same boxes as the fixed sizes. Wagtail never
# upscales, so a small image repeats its own width (the API lists it once).
SOURCE_WIDTHS = (400, 800, 1600)
SOURCE_FORMATS = ("avif", "webp", "")  # "" = the original format
SOURCE_SPECS = {
    (fmt, width): f"max-{width}x{width}" + (f"|format-{fmt}" if fmt else "")
    for fmt in SOURCE_FORMATS
    for width in SOURCE_WIDTHS
}
# The social-media card (Open Graph, 1.91:1), cropped around the focal point.
OG_IMAGE_SPEC = "fill-1200x630"
# Everything a detail shows of an image: prefetched together, one query.
DETAIL_IMAGE_SPECS = tuple(
    dict.fromkeys([*RENDITION_SPECS.values(), *SOURCE_SPECS.values(), OG_IMAGE_SPEC])
)


def _images_with(*specs: str) -> models.QuerySet:
    from wagtail.images import get_image_model

    return get_image_model().objects.prefetch_renditions(*specs)


def in_locale_of(model, locale, outer_key: str, field: str) -> Coalesce:
    """``field`` of ``model``'s version in ``locale`` (found by translation key),
    falling back to the linked row's own value when it is not translated."""
    local = model.objects.filter(locale=locale, translation_key=OuterRef(outer_key))
    return Coalesce(
        Subquery(local.values(field)[:1]),
        F(outer_key.replace("translation_key", field)),
    )


class ProductPageQuerySet(PageQuerySet):
    """Reads for the API: each method fixes the queries a listing or detail needs."""

    def for_listing(self, locale) -> ProductPageQuerySet:
        """Brand and categories named in ``locale`` (``brand_name`` annotation,
        ``local_*`` on each category link) and the thumbnail rendition prefetched:
        a fixed number of queries whatever the page size."""
        return self._with_names(locale).prefetch_related(
            models.Prefetch("main_image", queryset=_images_with(THUMBNAIL_SPEC))
        )

    def _with_names(self, locale) -> ProductPageQuerySet:
        clone = self.select_related("locale", "brand").prefetch_related(
            models.Prefetch(
                "category_links",
                queryset=models_.ProductCategoryLink.objects.select_related("category"),
            )
        )
        clone._names_locale = locale
        return clone

    # Naming brands and categories in the reader's locale after the fetch takes
    # two plain queries; correlated subqueries cost more to build than to run.
    _names_locale = None

    def _clone(self):
        clone = super()._clone()
        clone._names_locale = self._names_locale
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._names_locale is not None and self._result_cache:
            if isinstance(self._result_cache[0], models.Model):
                name_in_locale(self._result_cache, self._names_locale)


def name_in_locale(products, locale) -> None:
    """Set ``brand_name`` on each product and ``local_name``/``local_slug``/
    ``local_path`` on each prefetched category link: the names of the versions in
    ``locale``, else the linked rows' own (two queries for any number)."""
    brand_keys = {p.brand.translation_key for p in products if p.brand_id}
    brands = dict(
        models_.Brand.objects.filter(
            locale=locale, translation_key__in=brand_keys
        ).values_list("translation_key", "name")
    )
    links = [link for p in products for link in p.category_links.all()]
    categories = {
        key: (name, slug, path)
        for key, name, slug, path in models_.ProductCategory.objects.filter(
            locale=locale,
            translation_key__in={link.category.translation_key for link in links},
        ).values_list("translation_key", "name", "slug", "path")
    }
    for product in products:
        if product.brand_id:
            product.brand_name = brands.get(
                product.brand.translation_key, product.brand.name
            )
    for link in links:
        category = link.category
        link.local_name, link.local_slug, link.local_path = categories.get(
            category.translation_key, (category.name, category.slug, category.path)
        )


class GuidePageQuerySet(PageQuerySet):
    """Reads for the API with fixed query counts (see ``ProductPageQuerySet``)."""

    def for_listing(self) -> GuidePageQuerySet:
        return self._with_tags().prefetch_related(
            models.Prefetch("cover_image", queryset=_images_with(THUMBNAIL_SPEC))
        )

    def _with_tags(self) -> GuidePageQuerySet:
        tags = models_.GuidePageTag.objects.select_related("tag").order_by("tag__name")
        return self.select_related("locale").prefetch_related(
            models.Prefetch("tagged_items", queryset=tags)
        )
