"""What every content view shares: the requested locale and the one rule for
items missing in that locale (docs/architecture.md).

A detail request for an item that has no live version in the requested locale is
a 404 problem with ``code: "not_translated"``, ``available_locales`` and
``translations`` (links to the versions that exist). Lists only hold items that
exist in the requested locale. Nothing is silently substituted.
"""

from __future__ import annotations

from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.views import APIView
from wagtail.models import Locale, Page

from cms import selectors
from core.errors import NotFound, NotTranslated
from members.activity.selectors import favorite_page_ids
from members.activity.services import footprint_record

from ...locales import requested_locale
from ...schema import ProblemSerializer
from ..serializers import TranslationSerializer, translations_data


class NotTranslatedProblemSerializer(ProblemSerializer):
    """The 404 problem of a detail request; the extra fields come with
    ``code: not_translated`` only."""

    requested_locale = serializers.CharField(required=False)
    available_locales = serializers.ListField(
        child=serializers.CharField(), required=False
    )
    translations = TranslationSerializer(many=True, required=False)


NOT_FOUND_RESPONSE = {
    (404, "application/problem+json"): OpenApiResponse(
        response=NotTranslatedProblemSerializer,
        description=(
            "Unknown slug (`code: not_found`), or no version in the requested "
            "locale (`code: not_translated`, with `available_locales` and "
            "`translations`)."
        ),
    )
}


class ContentView(APIView):
    """Base of the read-only content views: public, in the requested locale."""

    permission_classes: list = []

    @property
    def locale(self) -> Locale:
        return requested_locale(self.request)

    def finalize_response(self, request, response, *args, **kwargs):
        # Without ?locale= the language comes from Accept-Language: caches must key
        # on it.
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Accept-Language"])
        return response


def missing(model: type[Page], slug: str, locale: Locale) -> NotFound:
    """The 404 for a ``slug`` with no live version in ``locale``."""
    versions = selectors.page_versions_by_slug(model=model, slug=slug)
    if not versions:
        return NotFound(
            gettext("No {noun} with slug {slug!r}.").format(
                noun=model._meta.verbose_name, slug=slug
            )
        )
    return NotTranslated(
        str(model._meta.verbose_name),
        requested_locale=locale.language_code,
        available_locales=sorted({page.locale.language_code for page in versions}),
        translations=translations_data(versions),
    )


def favorite_ids(request, pages) -> set[int]:
    """Ids among ``pages`` the member saved: one query, none for visitors."""
    return favorite_page_ids(user=request.user, page_ids=[page.pk for page in pages])


def footprint(request, page: Page) -> None:
    """Note a member's visit to a detail (one statement; never fails the read)."""
    if request.user.is_authenticated:
        footprint_record(user=request.user, page=page)
