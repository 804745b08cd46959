"""Pages by frontend path: ``/api/v1/pages/find/?path=`` (what is there) and
``/api/v1/pages/content/?path=`` (everything the page shows, typed by page type).

A path is answered, in this order, by the live page at it; by the category at
``/<lang>/categories/<slug path>/`` or the brand at ``/<lang>/brands/<slug>/``
(``type: "category"``/``"brand"``); by an editors'
redirect from it (``wagtail.contrib.redirects``: 200 with ``type: "redirect"``,
the target and its permanence); when the same path exists in another language's
tree only, by a redirect to the page's version in this language when it lives
at another path, else by the 404 ``not_translated`` problem with the
alternates; else by a 404 ``not_found``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django.utils.translation import gettext
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.models import Locale, Page, Site

from cms import selectors
from cms.models import HomePage
from core.errors import NotFound, NotTranslated
from core.pages import (
    brand_frontend_path,
    category_frontend_path,
    frontend_url,
    page_frontend_path,
    split_frontend_path,
)
from delivery import cache_tags as tags
from products import selectors as catalogue
from products.models import (
    Brand,
    GuideIndexPage,
    GuidePage,
    ProductCategory,
    ProductIndexPage,
    ProductPage,
)

from ...caching import CachedPublicView
from ..paths import page_type
from ..richtext import RichTextRenderer
from ..seo import seo_data
from ..serializers import (
    BrandContentSerializer,
    CategoryContentSerializer,
    FoundPageSerializer,
    GuideDetailSerializer,
    HomePageContentSerializer,
    IndexPageContentSerializer,
    PageContentSerializer,
    ProductDetailSerializer,
    RedirectSerializer,
    translations_data,
)
from . import taxonomy
from .common import NOT_FOUND_RESPONSE, ContentView, footprint, missing

REDIRECTS_TAG = "snippet:wagtailredirects.redirect"


class PathQuerySerializer(serializers.Serializer):
    path = serializers.CharField(
        max_length=2000,
        help_text="A frontend path, e.g. /en/products/lp-hm46/; unprefixed = zh-hans.",
    )


def redirect_data(redirect) -> dict[str, Any]:
    """The ``RedirectSerializer`` shape of an editors' redirect."""
    target = redirect.redirect_page
    if target is not None:
        location = page_frontend_path(target)
        if redirect.redirect_page_route_path:
            location = location.rstrip("/") + redirect.redirect_page_route_path
        url = frontend_url(location)
    else:
        location = url = redirect.redirect_link
    return {
        "type": "redirect",
        "location": location,
        "url": url,
        "permanent": redirect.is_permanent,
        "status": 301 if redirect.is_permanent else 302,
    }


def _translation_redirect(page: Page) -> dict[str, Any]:
    location = page_frontend_path(page)
    return {
        "type": "redirect",
        "location": location,
        "url": frontend_url(location),
        "permanent": False,
        "status": 302,
    }


def taxonomy_route(below_home: str) -> tuple[str | None, str]:
    """``categories/a/b/`` → ``("category", "a/b")``, ``brands/x/`` →
    ``("brand", "x")`` (``core.pages``' category and brand paths); else
    ``(None, "")``."""
    parts = [part for part in below_home.split("/") if part]
    if len(parts) >= 2 and parts[0] == "categories":
        return "category", "/".join(parts[1:])
    if len(parts) == 2 and parts[0] == "brands":
        return "brand", parts[1]
    return None, ""


@dataclass
class Found:
    """What a path resolved to: a page, a redirect, or a category or brand."""

    locale: Locale
    page: Page | None = None
    redirect: dict[str, Any] | None = None
    kind: str | None = None  # "category" or "brand" with ``snippet``
    key: str = ""
    snippet: Any = None


class PathView(CachedPublicView, ContentView):
    """Resolves ``?path=`` to a page or a redirect (see the module docstring).
    The language comes from the path, not from ``?locale=`` or
    ``Accept-Language``."""

    cache_tags = (tags.TREE,)

    def resolve(self, request: Request) -> Found:
        query = PathQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        raw = query.validated_data["path"]
        language, below_home = split_frontend_path(raw)
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise NotFound(gettext("No page at {path!r}.").format(path=raw))
        request._lubpur_locale = locale  # type: ignore[attr-defined]
        page = selectors.page_at(locale=locale, below_home=below_home)
        if page is not None:
            self.cache_tag(f"tk:{page.translation_key}")
            return Found(locale=locale, page=page)
        kind, key = taxonomy_route(below_home)
        if kind == "category":
            self.cache_tag(tags.CATEGORIES)
            category = catalogue.category_get(locale=locale, path=key)
            if category is not None:
                return Found(locale=locale, kind=kind, key=key, snippet=category)
        elif kind == "brand":
            self.cache_tag(tags.BRANDS)
            brand = catalogue.brand_get(locale=locale, slug=key)
            if brand is not None:
                return Found(locale=locale, kind=kind, key=key, snippet=brand)
        # Not cached as a miss: a 404 is not stored, so a later publish shows.
        self.cache_tag(REDIRECTS_TAG)
        redirect = selectors.redirect_for_path(
            paths=[raw, f"/{language}/{below_home}"],
            site=Site.find_for_request(request),
        )
        if redirect is not None:
            return Found(locale=locale, redirect=redirect_data(redirect))
        if kind == "category":
            raise taxonomy.category_missing(locale, key)
        if kind == "brand":
            raise taxonomy.brand_missing(locale, key)
        elsewhere = selectors.pages_at_elsewhere(below_home=below_home, locale=locale)
        if elsewhere:
            other = elsewhere[0]
            here = selectors.page_by_translation(
                translation_key=other.translation_key, locale=locale
            )
            if here is not None:  # translated, under another slug
                self.cache_tag(f"tk:{other.translation_key}")
                return Found(locale=locale, redirect=_translation_redirect(here))
            versions = [other, *selectors.page_translations(page=other)]
            versions.sort(key=lambda page: page.locale.language_code)
            raise NotTranslated(
                gettext("page"),
                requested_locale=language,
                available_locales=[page.locale.language_code for page in versions],
                translations=translations_data(versions),
            )
        raise NotFound(gettext("No page at {path!r}.").format(path=raw))


FIND_RESPONSE = PolymorphicProxySerializer(
    component_name="FoundPageOrRedirect",
    serializers=[FoundPageSerializer, RedirectSerializer],
    resource_type_field_name=None,
)


class PageFindView(PathView):
    """The page (any type) at a frontend path, in the path's language, with its
    alternates in every other locale; or the redirect from it."""

    @extend_schema(
        summary="Resolve a frontend path",
        description="A page: its metadata (`type` is its model). A category "
        "(`/<lang>/categories/<slug path>/`) or brand (`/<lang>/brands/<slug>/`): "
        'the same fields with `type` `"category"` or `"brand"` and the name as '
        "`title`. A redirect: "
        '`type: "redirect"` with `location`, `permanent` and `status`. A path that '
        "exists only in other languages: 404 `not_translated` with "
        "`available_locales` and `translations`.",
        parameters=[PathQuerySerializer],
        responses={200: FIND_RESPONSE, **NOT_FOUND_RESPONSE},
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        found = self.resolve(request)
        if found.redirect is not None:
            return Response(RedirectSerializer(found.redirect).data)
        if found.snippet is not None:
            return Response(FoundPageSerializer(found_snippet(found)).data)
        page = cast(Page, found.page)
        path = page_frontend_path(page)
        data = {
            "id": page.pk,
            "type": page_type(page),
            "title": page.title,
            "slug": page.slug,
            "locale": page.locale.language_code,
            "path": path,
            "seo_title": page.seo_title,
            "search_description": page.search_description,
            "alternates": alternates(page),
            "canonical_url": frontend_url(path),
        }
        return Response(FoundPageSerializer(data).data)


def found_snippet(found: Found) -> dict[str, Any]:
    """``find``'s answer for a category or brand: its name as the title, its
    description as the search description, its other locales as alternates."""
    item = found.snippet
    language = found.locale.language_code
    if found.kind == "category":
        path = category_frontend_path(language, item.path)
        versions = catalogue.snippet_versions(
            model=ProductCategory, translation_key=item.translation_key
        )
        path_of = lambda other: category_frontend_path(  # noqa: E731
            other.locale.language_code, other.path
        )
    else:
        path = brand_frontend_path(language, item.slug)
        versions = catalogue.snippet_versions(
            model=Brand, translation_key=item.translation_key
        )
        path_of = lambda other: brand_frontend_path(  # noqa: E731
            other.locale.language_code, other.slug
        )
    return {
        "id": item.pk,
        "type": found.kind,
        "title": item.name,
        "slug": item.slug,
        "locale": language,
        "path": path,
        "seo_title": "",
        "search_description": item.description,
        "alternates": [
            {"hreflang": other.locale.language_code, "path": path_of(other)}
            for other in versions
            if other.locale_id != item.locale_id
        ],
        "canonical_url": frontend_url(path),
    }


def alternates(page: Page) -> list[dict[str, str]]:
    return [
        {"hreflang": other.locale.language_code, "path": page_frontend_path(other)}
        for other in selectors.page_translations(page=page)
    ]


# --- Page content by type --------------------------------------------------------


def base_content(request: Request, page: Page, image=None, view=None) -> dict[str, Any]:
    """``PageContentSerializer``'s fields of any page."""
    return {
        "id": page.pk,
        "type": page_type(page),
        "title": page.title,
        "slug": page.slug,
        "locale": page.locale.language_code,
        "path": page_frontend_path(page),
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "alternates": alternates(page),
        **seo_data(request, page, image, view=view),
    }


def _home(view: PathView, request: Request, page: Page) -> dict[str, Any]:
    home = HomePage.objects.select_related("locale").get(pk=page.pk)
    render = RichTextRenderer([home.intro], home.locale, request)
    return {
        **base_content(request, home, view=view),
        "hero_title": home.hero_title or home.title,
        "intro": render(home.intro),
    }


def _section(model: type[Page]):
    def build(view: PathView, request: Request, page: Page) -> dict[str, Any]:
        section = model.objects.select_related("locale").get(pk=page.pk)
        render = RichTextRenderer([section.intro], section.locale, request)
        return {
            **base_content(request, section, view=view),
            "intro": render(section.intro),
        }

    return build


def _product(view: PathView, request: Request, page: Page) -> dict[str, Any]:
    from .products import product_detail_data

    product = catalogue.product_detail_get(locale=page.locale, slug=page.slug)
    if product is None:  # unpublished between the two reads
        raise missing(ProductPage, page.slug, page.locale)
    footprint(request, product)
    language = page.locale.language_code
    view.cache_tag(
        tags.GUIDES.format(locale=language),
        tags.PRODUCTS.format(locale=language),
    )
    return product_detail_data(request, product, page.locale, view=view, live=True)


def _guide(view: PathView, request: Request, page: Page) -> dict[str, Any]:
    from .guides import guide_detail_data

    guide = catalogue.guide_detail_get(locale=page.locale, slug=page.slug)
    if guide is None:
        raise missing(GuidePage, page.slug, page.locale)
    footprint(request, guide)
    view.cache_tag(
        tags.PRODUCTS.format(locale=page.locale.language_code),
        tags.BRANDS,
        tags.CATEGORIES,
        *tags.guide_detail_tags(guide, guide.body.raw_data),
    )
    return guide_detail_data(request, guide, page.locale, view=view, live=True)


def _generic(view: PathView, request: Request, page: Page) -> dict[str, Any]:
    return base_content(request, page, view=view)


Builder = Callable[[PathView, Request, Page], dict[str, Any]]

# Page type → (its content's serializer, what builds the data). A new page type
# adds itself here; until it does it is served as ``PageContentSerializer``.
PAGE_CONTENT: dict[str, tuple[type[serializers.Serializer], Builder]] = {
    "cms.HomePage": (HomePageContentSerializer, _home),
    "products.ProductIndexPage": (
        IndexPageContentSerializer,
        _section(ProductIndexPage),
    ),
    "products.GuideIndexPage": (IndexPageContentSerializer, _section(GuideIndexPage)),
    "products.ProductPage": (ProductDetailSerializer, _product),
    "products.GuidePage": (GuideDetailSerializer, _guide),
    "legal.PolicyPage": (PageContentSerializer, _generic),
}

PageContentResponse = PolymorphicProxySerializer(
    component_name="PageContentByType",
    serializers={
        **{label: serializer for label, (serializer, _) in PAGE_CONTENT.items()},
        "category": CategoryContentSerializer,
        "brand": BrandContentSerializer,
        "redirect": RedirectSerializer,
    },
    resource_type_field_name="type",
)


class PageContentView(PathView):
    """Everything the page at a frontend path shows, shaped by its type: the
    home (hero, intro), the sections (intro), products and guides (their
    details), other pages (the common fields); or the redirect from the path."""

    @extend_schema(
        summary="A page's whole content, by frontend path",
        description="`type` tells the shape: each page model's own, "
        '`"category"` and `"brand"` (the category and brand details, for '
        "`/<lang>/categories/<slug path>/` and `/<lang>/brands/<slug>/`), or "
        '`"redirect"`. Every page carries `canonical_url`, `og_image` and '
        "`breadcrumbs`. A signed-in member's visit to a product or guide is "
        "recorded in their footprints.",
        parameters=[PathQuerySerializer],
        responses={200: PageContentResponse, **NOT_FOUND_RESPONSE},
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        found = self.resolve(request)
        if found.redirect is not None:
            return Response(RedirectSerializer(found.redirect).data)
        if found.kind == "category":
            data = taxonomy.category_detail_data(found.locale, found.key, found.snippet)
            return Response({"type": "category", **data})
        if found.kind == "brand":
            data = taxonomy.brand_detail_data(
                self, found.locale, found.key, found.snippet
            )
            return Response({"type": "brand", **data})
        page = cast(Page, found.page)
        _serializer, build = PAGE_CONTENT.get(page_type(page), (None, _generic))
        return Response(build(self, request, page))
