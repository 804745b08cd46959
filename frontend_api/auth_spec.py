"""allauth's OpenAPI specification of ``/api/v1/auth/``, corrected for our rules.

allauth builds its spec from its own YAML, our user dataclass and our sign-up form
(``/api/v1/auth/openapi.{json,yaml,html}``). Three things it cannot know are set
here: ``accepted_policies`` is a list of objects (a form field only says
"string"), a refused rate limit is our 429 problem with ``Retry-After``
(``frontend_api.auth``), and login answers that 429 too (the failed-login lockout).
``config.urls`` serves these views in place of allauth's at the same paths.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from allauth.headless.spec.internal.schema import get_schema
from django.http import HttpRequest, HttpResponse
from django.views import View

from .errors import PROBLEM_CONTENT_TYPE

ACCEPTED_POLICY = {
    "type": "object",
    "properties": {
        "policy": {"type": "string", "example": "privacy"},
        "version": {"type": "string", "example": "2024-03-01"},
    },
    "required": ["policy", "version"],
}

TOO_MANY_REQUESTS = {
    "description": "Too many attempts: an RFC 7807 problem (`code: throttled`); "
    "`Retry-After` says how many seconds to wait. The same for registered and "
    "unknown e-mails and phones.",
    "headers": {
        "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds."}
    },
    "content": {
        PROBLEM_CONTENT_TYPE: {
            "schema": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer", "enum": [429]},
                    "detail": {"type": "string"},
                    "code": {"type": "string", "enum": ["throttled"]},
                    "errors": {"type": "array", "items": {"type": "object"}},
                    "retry_after": {"type": "integer"},
                },
                "required": ["type", "title", "status", "detail", "code"],
            }
        }
    },
}


def auth_schema() -> dict[str, Any]:
    spec = get_schema()
    components = spec["components"]
    signup = components["schemas"]["BaseSignup"]["properties"]
    if "accepted_policies" in signup:
        signup["accepted_policies"] = {
            "type": "array",
            "items": ACCEPTED_POLICY,
            "description": signup["accepted_policies"].get("description", ""),
        }
    components["responses"]["TooManyRequests"] = TOO_MANY_REQUESTS
    for path, operations in spec["paths"].items():
        if path.endswith("/auth/login") and "post" in operations:
            operations["post"]["responses"]["429"] = {
                "$ref": "#/components/responses/TooManyRequests"
            }
    return spec


class AuthSpecJSONView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(
            json.dumps(auth_schema()),
            content_type="application/vnd.oai.openapi+json",
        )


class AuthSpecYAMLView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(
            yaml.dump(auth_schema(), Dumper=yaml.SafeDumper, allow_unicode=True),
            content_type="application/vnd.oai.openapi",
        )
