"""``/api/v1/pages/find/?path=``: route a frontend path to the page behind it."""

from __future__ import annotations

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.models import Locale

from cms import selectors
from core.errors import NotFound
from core.pages import page_frontend_path, split_frontend_path
from delivery import cache_tags as tags

from ...caching import CachedPublicView
from ..paths import page_type
from ..serializers import FoundPageSerializer
from .common import ContentView


class PathQuerySerializer(serializers.Serializer):
    path = serializers.CharField(
        max_length=2000,
        help_text="A frontend path, e.g. /en/products/lp-hm46/; unprefixed = zh-hans.",
    )


class PageFindView(CachedPublicView, ContentView):
    """The page (any type) at a frontend path, in the path's language, with its
    alternates in every other locale. The language comes from the path, not from
    ``?locale=`` or ``Accept-Language``."""

    cache_tags = (tags.TREE,)

    @extend_schema(
        summary="Resolve a frontend path",
        parameters=[PathQuerySerializer],
        responses=FoundPageSerializer,
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        query = PathQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        language, below_home = split_frontend_path(query.validated_data["path"])
        locale = Locale.objects.filter(language_code=language).first()
        page = locale and selectors.page_at(locale=locale, below_home=below_home)
        if not page:
            raise NotFound(
                gettext("No page at {path!r}.").format(
                    path=query.validated_data["path"]
                )
            )
        self.cache_tag(f"tk:{page.translation_key}")
        data = {
            "id": page.pk,
            "type": page_type(page),
            "title": page.title,
            "slug": page.slug,
            "locale": language,
            "path": page_frontend_path(page),
            "seo_title": page.seo_title,
            "search_description": page.search_description,
            "alternates": [
                {
                    "hreflang": other.locale.language_code,
                    "path": page_frontend_path(other),
                }
                for other in selectors.page_translations(page=page)
            ],
        }
        return Response(FoundPageSerializer(data).data)
