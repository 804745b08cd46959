"""DRF authentication for the member API: allauth's app session token, then the
browser session cookie (with CSRF).

The token class comes first and names a ``WWW-Authenticate`` scheme, so an anonymous
call answers 401 (not 403) and a client knows to sign in.
"""

from __future__ import annotations

from allauth.headless.contrib.rest_framework.authentication import (
    XSessionTokenAuthentication,
)
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SessionTokenAuthentication(XSessionTokenAuthentication):
    def authenticate_header(self, request) -> str:
        return 'Session realm="api", header="X-Session-Token"'


class SessionTokenScheme(OpenApiAuthenticationExtension):
    """Documents the token in the OpenAPI schema as an API-key header."""

    target_class = "frontend_api.authentication.SessionTokenAuthentication"
    name = "sessionToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Session-Token",
            "description": "App clients: the session token allauth returns.",
        }
