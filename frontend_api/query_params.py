"""Unknown query parameters are a 400 problem on every ``GET`` of ``/api/v1/``,
as Wagtail's API v2 answers them: a misspelt filter (``?categroy=``) silently
ignored would show the whole catalogue as if it were the filtered one.

The parameters each operation accepts are not listed by hand: they are read from
the OpenAPI schema the API already generates (drf-spectacular, from each view's
filterset, paginator and ``extend_schema`` parameters), once per process, so a
new filter or parameter is accepted as soon as it is documented — and documenting
it is the only way to make it work. ``locale`` is accepted everywhere (it picks
the language of any answer, problems included).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext

from .errors import PROBLEM_CONTENT_TYPE, problem

ALWAYS_ALLOWED = frozenset({"locale"})
_PARAMETER = re.compile(r"\{([^}]+)\}")
# Path parameters that span several segments (Django's ``<path:…>`` converter):
# a category's slug path, ``/categories/engine-oil/diesel/``.
MULTI_SEGMENT = frozenset({"path"})


@functools.cache
def documented_query_parameters() -> dict[str, frozenset[str]]:
    """``{schema path: names}`` of the query parameters of every GET operation."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found: dict[str, frozenset[str]] = {}
    for path, item in schema.get("paths", {}).items():
        operation = item.get("get")
        if operation is not None:
            found[path] = frozenset(
                parameter["name"]
                for parameter in operation.get("parameters", [])
                if parameter.get("in") == "query"
            )
    return found


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """Each schema path as a regular expression, literal paths first (so
    ``/search/suggest/`` is not taken for ``/search/{id}/``)."""
    rows = []
    for path, names in documented_query_parameters().items():
        parts = _PARAMETER.split(path)
        regex = "".join(
            (".+" if part in MULTI_SEGMENT else "[^/]+")
            if index % 2
            else re.escape(part)
            for index, part in enumerate(parts)
        )
        rows.append((path.count("{"), re.compile(f"^{regex}$"), names))
    rows.sort(key=lambda row: row[0])
    return [(pattern, names) for _, pattern, names in rows]


def allowed_query_parameters(path: str) -> frozenset[str] | None:
    """The documented query parameters of the GET at ``path``; ``None`` when it
    is not one of our operations."""
    for pattern, names in _patterns():
        if pattern.match(path):
            return names
    return None


class UnknownQueryParameterMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if (
            request.method not in ("GET", "HEAD")
            or not request.GET
            or not request.path.startswith("/api/v1/")
        ):
            return None
        allowed = allowed_query_parameters(request.path_info)
        if allowed is None:  # not an operation of ours (e.g. allauth's)
            return None
        unknown = sorted(set(request.GET) - allowed - ALWAYS_ALLOWED)
        if not unknown:
            return None
        known = ", ".join(sorted(allowed | ALWAYS_ALLOWED))
        errors = [
            {
                "code": "unknown_parameter",
                "detail": gettext(
                    "Unknown query parameter; this endpoint takes: {known}."
                ).format(known=known),
                "attr": name,
            }
            for name in unknown
        ]
        body = problem(
            400,
            code="unknown_parameter",
            detail=gettext("Unknown query parameter(s): {names}.").format(
                names=", ".join(unknown)
            ),
            errors=errors,
        )
        return JsonResponse(
            body,
            status=400,
            content_type=PROBLEM_CONTENT_TYPE,
            json_dumps_params={"ensure_ascii": False},
        )
