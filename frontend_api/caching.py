"""Shared caching of public API responses: rendered bytes, ETags, CDN headers.

``CachedPublicView`` wraps a DRF view's ``dispatch``:

* A request without credentials (no session cookie, no ``X-Session-Token``, no
  ``Authorization``) is looked up in the cache by path, full query string and —
  when no ``?locale=`` is given — the language ``Accept-Language`` resolves to.
  A hit returns the stored bytes before DRF runs: no database query, no
  serialisation. A miss runs the view and stores its 200 response under the
  view's tags (``core.cache``); signal handlers invalidate those tags when content
  changes.
* A signed-in member's request is never stored or served from the shared cache:
  its body carries ``is_favorite`` and fetching a detail records a footprint, so
  it runs the view and is sent ``Cache-Control: private, no-cache``.
* Every 200 has a strong ``ETag`` (a hash of the bytes); a matching
  ``If-None-Match`` gets 304, on hits and misses alike. The comparison is weak
  (RFC 9110 §13.1.2): ``W/"…"`` — what nginx sends back after gzipping our strong
  tag — matches, and so does any tag of a list.
* Anonymous responses get ``Cache-Control: public, max-age, s-maxage,
  stale-while-revalidate`` from ``settings.API_CACHE``, and ``Vary`` on the
  language and the credentials, so a CDN keys them like we do.

``ConditionalView`` gives the same validators and headers without storing
anything: for reads whose keys are unbounded (search, suggestions), which a CDN
or browser may still cache and revalidate.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from core import cache as tagged

from .locales import requested_language

VARY = ("Accept-Language", "Cookie", "X-Session-Token")


def has_credentials(request: HttpRequest) -> bool:
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_X_SESSION_TOKEN" in request.META
        or "HTTP_AUTHORIZATION" in request.META
    )


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _cache_key(request: HttpRequest, language: str) -> str:
    query = "&".join(
        f"{name}={value}"
        for name, values in sorted(request.GET.lists())
        for value in values
    )
    raw = f"{request.path}?{query}|{language}"
    return hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def _public_cache_control() -> str:
    conf = settings.API_CACHE
    return (
        f"public, max-age={conf['MAX_AGE']}, s-maxage={conf['S_MAXAGE']}, "
        f"stale-while-revalidate={conf['STALE_WHILE_REVALIDATE']}"
    )


def etag_matches(header: str, etag: str) -> bool:
    """``If-None-Match`` by weak comparison: ``*``, or any listed tag equal to
    ``etag`` once ``W/`` is ignored on both sides."""
    header = header.strip()
    if not header:
        return False
    if header == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == wanted for tag in parse_etags(header))


def conditional(
    request: HttpRequest, response: HttpResponse, etag: str, public: bool
) -> HttpResponse:
    """ETag, Cache-Control and Vary; 304 when ``If-None-Match`` matches."""
    if etag_matches(request.META.get("HTTP_IF_NONE_MATCH", ""), etag):
        not_modified = HttpResponseNotModified()
        if "X-Cache" in response:
            not_modified["X-Cache"] = response["X-Cache"]
        response = not_modified
    response["ETag"] = etag
    response["Cache-Control"] = (
        _public_cache_control() if public else "private, no-cache"
    )
    patch_vary_headers(response, VARY)
    return response


def _is_public(view: APIView) -> bool:
    user = getattr(getattr(view, "request", None), "user", None)
    return not getattr(user, "is_authenticated", False)


class ConditionalView(APIView):
    """Mixin for public read views that are not stored (put it before the DRF
    view class): every GET 200 gets a strong ``ETag``, ``Cache-Control`` (public
    for visitors, private for members) and ``Vary``; ``If-None-Match`` → 304."""

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or not isinstance(response, HttpResponse)
        ):
            return response
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            response.render()
        return conditional(
            request, response, strong_etag(response.content), _is_public(self)
        )


class CachedPublicView(APIView):
    """Mixin for public read views (put it before the DRF view class).

    ``cache_tags`` are known before the view runs (``{locale}`` is replaced by
    the requested language); the view adds the tags of what it read with
    ``self.cache_tag(...)``.
    """

    cache_tags: tuple[str, ...] = ()

    def cache_tag(self, *tags: str) -> None:
        self._cache_tags.update(tag for tag in tags if tag)

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        self._cache_tags: set[str] = set()
        conf = settings.API_CACHE
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        anonymous = not has_credentials(request)
        key = language = None
        if conf["ENABLED"] and anonymous:
            try:
                language = requested_language(request)
            except ValidationError:
                language = None  # the view answers the 400
            if language is not None:
                key = _cache_key(request, language)
                entry = tagged.entry_get(key)
                if entry is not None:
                    hit = HttpResponse(entry.body, content_type=entry.content_type)
                    hit["X-Cache"] = "hit"
                    return self._conditional(request, hit, entry.etag, True)
        static = {tag.format(locale=language) for tag in self.cache_tags}
        tokens = tagged.tag_tokens(static) if key else {}
        response = super().dispatch(request, *args, **kwargs)
        # Not an HttpResponse: a streaming one (files), never stored.
        if response.status_code != 200 or not isinstance(response, HttpResponse):
            return response
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            response.render()
        etag = strong_etag(response.content)
        public = _is_public(self)
        if key and public:
            tokens |= tagged.tag_tokens(self._cache_tags - static)
            entry = tagged.Entry(
                body=response.content,
                etag=etag,
                content_type=response["Content-Type"],
                tokens=tokens,
            )
            tagged.entry_set(key, entry, timeout=conf["TIMEOUT"])
            response["X-Cache"] = "miss"
        return self._conditional(request, response, etag, public)

    def _conditional(
        self, request: HttpRequest, response: HttpResponse, etag: str, public: bool
    ) -> HttpResponse:
        return conditional(request, response, etag, public)
