"""Read endpoints of policies: list, current text, version history, past versions, diff.

Every text served is a frozen ``PolicyVersionText``, never the page's draft or
live fields: what members read is exactly what they accept.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import NotFound, NotTranslated
from core.i18n import source_language
from legal import selectors
from legal.diff import content_diff
from legal.models import PolicyPage, PolicyVersion, PolicyVersionText

from ..caching import CachedPublicView
from ..content.serializers import translations_data
from ..content.views.common import NOT_FOUND_RESPONSE
from ..locales import requested_language
from ..pagination import PageNumberPagination
from ..schema import LOCALE_PARAMETER
from . import serializers as s

TAGS = ["policies"]
# Texts are frozen versions: a policy's publication or a new version changes them.
CACHE_TAGS = ("type:legal.policypage", "snippet:legal.policyversion")


def _translations(policy: PolicyPage) -> list[dict[str, Any]]:
    pages = PolicyPage.objects.filter(translation_key=policy.translation_key)
    return translations_data(pages.select_related("locale").order_by("locale_id"))


def _not_translated(
    policy: PolicyPage, locale: str, available: list[str]
) -> NotTranslated:
    return NotTranslated(
        gettext("policy"),
        requested_locale=locale,
        available_locales=available,
        translations=[
            link for link in _translations(policy) if link["locale"] in available
        ],
    )


def _text_payload(
    policy: PolicyPage,
    version: PolicyVersion,
    text: PolicyVersionText,
    current: PolicyVersion,
) -> dict[str, Any]:
    content = text.content
    return {
        "slug": policy.slug,
        "locale": text.locale,
        "title": text.title,
        "version": version.label,
        "current_version": current.label,
        "translation_outdated": version.pk != current.pk,
        "updated_on": version.updated_on,
        "effective_date": version.effective_date,
        "material": version.material,
        "published_at": version.published_at,
        "change_summary": text.change_summary,
        "intro_html": content["intro_html"],
        "sections": content["sections"],
        "contact": content["contact"],
        "html": text.html,
        "sha256": text.sha256,
        "translations": _translations(policy),
    }


class PolicyListView(CachedPublicView, APIView):
    """Published policies readable in the requested locale."""

    cache_tags = CACHE_TAGS
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    @extend_schema(
        parameters=[LOCALE_PARAMETER],
        responses=s.PolicyListItemSerializer(many=True),
        tags=TAGS,
    )
    def get(self, request: Request) -> Response:
        locale = requested_language(request)
        paginator = PageNumberPagination()
        policies = paginator.paginate_queryset(
            selectors.policies_with_versions(locale=locale), request, view=self
        )
        histories = selectors.version_histories(policies=policies or [])
        results = []
        for policy in policies or []:
            history = histories.get(policy.pk, [])
            found = selectors.latest_text(versions=history, locale=locale)
            if not history or found is None:
                continue
            version, text = found
            current = history[0]
            results.append(
                {
                    "slug": policy.slug,
                    "title": text.title,
                    "url": f"/{locale}/{policy.slug}/",
                    "current_version": current.label,
                    "effective_date": current.effective_date,
                    "material": current.material,
                    "change_summary": _current_summary(current, version, text),
                    "locales": sorted(
                        {t.locale for v in history for t in v.texts.all()}
                    ),
                    "translation_outdated": version.pk != current.pk,
                }
            )
        return paginator.get_paginated_response(
            s.PolicyListItemSerializer(results, many=True).data
        )


def _current_summary(current, version, text) -> str:
    """The current version's summary: the locale's text when it is current, else
    the source text's (prefetched, no query)."""
    if version.pk == current.pk:
        return text.change_summary
    source = selectors.text_in(version=current, locale=source_language())
    return source.change_summary if source is not None else ""


class PolicyDetailView(CachedPublicView, APIView):
    """The current version of a policy in the requested locale.

    When the locale's text belongs to an older version than the current Chinese
    source, that older text is served with `translation_outdated: true` and
    `version` naming the version it belongs to.
    """

    cache_tags = CACHE_TAGS

    @extend_schema(
        parameters=[LOCALE_PARAMETER],
        responses={200: s.PolicyTextSerializer, **NOT_FOUND_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, slug: str) -> Response:
        locale = requested_language(request)
        policy = selectors.policy_by_slug(slug=slug)
        history = selectors.version_histories(policies=[policy])[policy.pk]
        found = selectors.latest_text(versions=history, locale=locale)
        if found is None:
            available = sorted({t.locale for v in history for t in v.texts.all()})
            raise _not_translated(policy, locale, available)
        version, text = found
        payload = _text_payload(
            policy, version, selectors.full_text(text=text), history[0]
        )
        return Response(s.PolicyTextSerializer(payload).data)


class PolicyVersionListView(CachedPublicView, APIView):
    """A policy's published versions, newest first."""

    cache_tags = CACHE_TAGS
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    @extend_schema(
        parameters=[LOCALE_PARAMETER],
        responses=s.PolicyVersionItemSerializer(many=True),
        tags=TAGS,
    )
    def get(self, request: Request, slug: str) -> Response:
        locale = requested_language(request)
        policy = selectors.policy_by_slug(slug=slug)
        history = selectors.version_histories(policies=[policy])[policy.pk]
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(history, request, view=self) or []
        results = []
        for version in page:
            texts = {t.locale: t for t in version.texts.all()}
            summary_text = texts.get(locale) or texts.get(source_language())
            results.append(
                {
                    "version": version.label,
                    "updated_on": version.updated_on,
                    "effective_date": version.effective_date,
                    "material": version.material,
                    "published_at": version.published_at,
                    "current": version.pk == history[0].pk,
                    "change_summary": summary_text.change_summary
                    if summary_text
                    else "",
                    "locales": sorted(texts),
                    "sha256": version.sha256,
                }
            )
        return paginator.get_paginated_response(
            s.PolicyVersionItemSerializer(results, many=True).data
        )


class PolicyVersionDetailView(CachedPublicView, APIView):
    """One version of a policy, as it was published, in the requested locale."""

    cache_tags = CACHE_TAGS

    @extend_schema(
        parameters=[LOCALE_PARAMETER],
        responses={200: s.PolicyTextSerializer, **NOT_FOUND_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, slug: str, version: str) -> Response:
        locale = requested_language(request)
        policy = selectors.policy_by_slug(slug=slug)
        history = selectors.version_histories(policies=[policy])[policy.pk]
        chosen = next((v for v in history if v.label == version), None)
        if chosen is None:
            raise NotFound(
                gettext("Policy {slug!r} has no version {label!r}.").format(
                    slug=slug, label=version
                )
            )
        text = selectors.text_in(version=chosen, locale=locale)
        if text is None:
            available = sorted(t.locale for t in chosen.texts.all())
            raise _not_translated(policy, locale, available)
        payload = _text_payload(
            policy, chosen, selectors.full_text(text=text), history[0]
        )
        # A past version is itself, not "outdated": it is served as asked.
        payload["translation_outdated"] = False
        return Response(s.PolicyTextSerializer(payload).data)


class PolicyDiffView(CachedPublicView, APIView):
    """What changed between two versions, in one locale: sections added, removed
    and changed, with inline changes (Chinese by character within the changed
    sentences, English by word)."""

    cache_tags = CACHE_TAGS

    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, required=True, description="Older version."),
            OpenApiParameter("to", str, required=True, description="Newer version."),
            LOCALE_PARAMETER,
        ],
        responses={200: s.PolicyDiffSerializer, **NOT_FOUND_RESPONSE},
        tags=TAGS,
    )
    def get(self, request: Request, slug: str) -> Response:
        query = s.DiffQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        locale = requested_language(request)
        policy = selectors.policy_by_slug(slug=slug)
        texts = []
        for label in (query.validated_data["from"], query.validated_data["to"]):
            version = selectors.version_by_label(policy=policy, label=label)
            text = selectors.text_in(version=version, locale=locale)
            if text is None:
                available = sorted(t.locale for t in version.texts.all())
                raise _not_translated(policy, locale, available)
            texts.append(text)
        diff = content_diff(texts[0].content, texts[1].content, locale)
        payload = {
            "slug": policy.slug,
            "locale": locale,
            "from": query.validated_data["from"],
            "to": query.validated_data["to"],
            **diff,
        }
        return Response(s.PolicyDiffSerializer(payload).data)
