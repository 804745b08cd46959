"""allauth's OpenAPI spec of /api/v1/auth/ documents our sign-up consents, the
session's pending list and the 429 problem."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


def test_the_auth_spec_documents_consents_and_rate_limits(client):
    response = client.get("/api/v1/auth/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    schemas = spec["components"]["schemas"]
    signup = schemas["BaseSignup"]["properties"]
    assert signup["accepted_policies"]["type"] == "array"
    assert signup["accepted_policies"]["items"]["required"] == ["policy", "version"]
    assert signup["purposes"]["items"]["enum"] == [
        "marketing_email",
        "email_tracking",
        "personalised_recommendations",
    ]
    assert schemas["User"]["properties"]["consent_required"]["type"] == "array"
    too_many = spec["components"]["responses"]["TooManyRequests"]
    assert "Retry-After" in too_many["headers"]
    assert "application/problem+json" in too_many["content"]
    login = next(v for k, v in spec["paths"].items() if k.endswith("/auth/login"))
    assert "429" in login["post"]["responses"]


def test_the_yaml_and_html_specs_are_served(client):
    spec = yaml.safe_load(client.get("/api/v1/auth/openapi.yaml").content)
    assert (
        spec["components"]["schemas"]["BaseSignup"]["properties"]["accepted_policies"][
            "type"
        ]
        == "array"
    )
    assert client.get("/api/v1/auth/openapi.html").status_code == 200
