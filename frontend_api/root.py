"""``/api/v1/``: the API's entry points, where a client (or curl) starts.

The list is read from the URL configuration itself — every route of ``/api/v1/``
without a path parameter — so it never falls behind the endpoints.
"""

from __future__ import annotations

from django.urls import URLResolver, get_resolver, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class EntryPointSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The route's name, e.g. api-products.")
    url = serializers.URLField()


class ApiRootSerializer(serializers.Serializer):
    version = serializers.CharField()
    schema = serializers.URLField(help_text="The OpenAPI 3 schema.")
    docs = serializers.URLField(help_text="Interactive API documentation.")
    auth = serializers.URLField(help_text="allauth's headless API (its own spec).")
    endpoints = EntryPointSerializer(many=True)


def _route_names(patterns) -> list[str]:
    names: list[str] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names += _route_names(pattern.url_patterns)
        elif pattern.name and not pattern.pattern.regex.groups:
            names.append(pattern.name)  # no path parameter: an entry point
    return names


def api_entry_points() -> list[tuple[str, str]]:
    """``(name, path)`` of every parameterless route under ``/api/v1/``."""
    names = _route_names(get_resolver("frontend_api.urls").url_patterns)
    return [(name, reverse(name)) for name in names if name != "api-root"]


class ApiRootView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(responses=ApiRootSerializer, summary="The API's entry points")
    def get(self, request: Request) -> Response:
        absolute = request.build_absolute_uri
        return Response(
            {
                "version": "v1",
                "schema": absolute(reverse("api-schema")),
                "docs": absolute(reverse("api-docs")),
                "auth": absolute(reverse("api-root") + "auth/"),
                "endpoints": [
                    {"name": name, "url": absolute(path)}
                    for name, path in api_entry_points()
                ],
            }
        )
