"""OpenAPI helpers: the problem-details component and default error responses."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

PROBLEM_STATUSES = {
    "400": "Invalid input (field errors in `errors`).",
    "401": "Authentication required.",
    "403": "Forbidden.",
    "404": "Not found.",
    "429": "Too many requests; see `Retry-After`.",
}
MEMBER_WRITE_403 = (
    "Forbidden. While a policy awaits the member's consent (pending, withdrawn or "
    "never given), new collection answers `code: consent_required` with "
    "`pending_policies: [{policy, version, title, effective_date, "
    "change_summary}]`; the member's rights (read, correct, delete, export, "
    "withdraw, unsubscribe, privacy requests, cancel) never do."
)
# Problems only some operations give (WeChat's refusals and outages).
OPERATION_PROBLEM_STATUSES = {
    "auth_wechat_miniprogram_login": {
        "503": "WeChat is busy or unreachable (`wechat_unavailable`).",
    },
    "me_wechat_bind": {
        "409": "The WeChat account is bound to another member "
        "(`wechat_bound_elsewhere`) or you already have one (`wechat_already_bound`).",
    },
    "me_procurement_requests_create": {
        "422": "The `Idempotency-Key` was used before with a different body "
        "(`idempotency_key_reused`).",
    },
    "me_wechat_phone": {
        "409": "The number belongs to another account (`phone_unavailable`).",
        "503": "WeChat is busy or unreachable (`wechat_unavailable`).",
    },
}
# Any operation that takes a body can also meet these: the size limit
# (``RequestSizeLimitMiddleware`` and upload limits) and the parsers.
BODY_PROBLEM_STATUSES = {
    "413": "The request body (or an uploaded file) is too large.",
    "415": "Unsupported media type (of the body, or of an uploaded file).",
}


class ProblemFieldErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


# A field named like a Field or Serializer attribute (label, fields, errors,
# style) is typed Any: DRF's metaclass takes declared fields off the class, so
# nothing is shadowed, but the stubs cannot know that.
class ProblemSerializer(serializers.Serializer):
    """RFC 7807 problem details, as every error response."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    code = serializers.CharField()
    errors: Any = ProblemFieldErrorSerializer(many=True)


def add_problem_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents the problem responses it can
    give, unless the view documented that status itself."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(
        "Problem",
        {
            "type": "object",
            "description": "RFC 7807 problem details.",
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "code": {"type": "string"},
                "errors": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "code": {"type": "string"},
                            "detail": {"type": "string"},
                            "attr": {"type": "string", "nullable": True},
                        },
                        "required": ["code", "detail", "attr"],
                    },
                },
            },
            "required": ["type", "title", "status", "detail", "code", "errors"],
            "additionalProperties": True,
        },
    )
    ref = {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    for path, path_item in result.get("paths", {}).items():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            statuses = dict(PROBLEM_STATUSES)
            if "requestBody" in operation:
                statuses.update(BODY_PROBLEM_STATUSES)
            operation_id = operation.get("operationId")
            statuses.update(OPERATION_PROBLEM_STATUSES.get(operation_id, {}))
            for code, description in statuses.items():
                if code == "403" and method != "get" and path.startswith("/api/v1/me/"):
                    description = MEMBER_WRITE_403
                responses.setdefault(code, {"description": description, "content": ref})
    return result


def only_public_api(endpoints):
    """Preprocessing hook: the schema documents ``/api/v1/`` only (not the admin's
    internal APIs)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    str,
    enum=["zh-hans", "en"],
    required=False,
    description="Content language; default `Accept-Language`, else zh-hans.",
)

# The page parameters of an operation whose paginated envelope is declared by
# hand (search): with ``pagination_class`` and ``many=True`` drf-spectacular adds
# them itself. Documenting them is what lets UnknownQueryParameterMiddleware
# accept them.
PAGE_PARAMETERS = [
    OpenApiParameter(
        "page",
        int,
        required=False,
        description="A page number within the paginated result set.",
    ),
    OpenApiParameter(
        "page_size",
        int,
        required=False,
        description="Number of results to return per page (1 to 100; else a 400 "
        "`invalid_page_size` problem).",
    ),
]
