"""Headless preview: the admin's Preview opens the frontend with a token, and
``/api/v1/preview/`` answers with the draft for a valid token only."""

from __future__ import annotations

import time

import pytest
from django.core.signing import TimestampSigner, b62_encode
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v1/preview/"


def _draft(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    return page


def test_admin_preview_opens_the_frontend_preview_url_with_a_token(catalogue, settings):
    settings.PREVIEW_WITH_FRONTEND = True
    draft = _draft(catalogue.hm46, title="草稿")
    request = RequestFactory().get("/admin/pages/preview/")
    response = draft.serve_preview(request, "")
    html = response.content.decode()
    assert settings.HEADLESS_PREVIEW_URL in html
    assert "content_type=products.productpage" in html and "token=" in html


def test_a_valid_token_returns_the_draft_in_the_page_locale(api_client, catalogue):
    draft = _draft(catalogue.hm46_en, title="Draft title", summary="Draft summary")
    token = draft.create_page_preview().token

    response = api_client.get(
        PREVIEW, {"content_type": "products.productpage", "token": token}
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["type"] == "products.ProductPage"
    assert body["title"] == "Draft title" and body["summary"] == "Draft summary"
    assert body["locale"] == "en"
    assert body["brand"] == {"slug": "lubpur", "name": "Lubpur"}
    assert body["categories"][0]["name"] == "Hydraulic oil"
    assert response["Cache-Control"] == "no-store"


def test_guide_drafts_preview_too(api_client, catalogue):
    token = _draft(catalogue.guide, title="指南草稿").create_page_preview().token
    response = api_client.get(
        PREVIEW, {"content_type": "products.guidepage", "token": token}
    )
    assert response.status_code == 200
    assert response.json()["type"] == "products.GuidePage"
    assert response.json()["title"] == "指南草稿"


def test_without_a_token_only_the_published_version_is_served(api_client, catalogue):
    _draft(catalogue.hm46, title="草稿").create_page_preview()
    assert api_client.get("/api/v1/products/lp-hm46/").json()["title"] != "草稿"
    response = api_client.get(PREVIEW, {"content_type": "products.productpage"})
    assert response.status_code == 400
    assert [error["attr"] for error in response.json()["errors"]] == ["token"]


def test_a_tampered_token_is_a_403_problem(api_client, catalogue):
    token = _draft(catalogue.hm46, title="草稿").create_page_preview().token
    tampered = token.replace("id=", "id=9")
    response = api_client.get(
        PREVIEW, {"content_type": "products.productpage", "token": tampered}
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "preview_token_invalid"


class _OldSigner(TimestampSigner):
    """Signs as if two hours ago (no sleeping in tests)."""

    def timestamp(self):
        return b62_encode(int(time.time()) - 7200)


def test_an_expired_token_is_a_403_problem(api_client, catalogue, settings):
    settings.HEADLESS_PREVIEW_TOKEN_MAX_AGE = 3600
    draft = _draft(catalogue.hm46, title="草稿")
    token = _OldSigner(salt="headlesspreview.token").sign(f"id={draft.pk}")
    draft.update_page_preview(token)
    response = api_client.get(
        PREVIEW, {"content_type": "products.productpage", "token": token}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "preview_token_expired"


def test_a_token_for_another_page_type_or_a_gone_preview_is_refused(
    api_client, catalogue
):
    token = _draft(catalogue.hm46, title="草稿").create_page_preview().token
    response = api_client.get(
        PREVIEW, {"content_type": "products.guidepage", "token": token}
    )
    assert response.status_code == 404
    bad_type = api_client.get(PREVIEW, {"content_type": "cms.homepage", "token": token})
    assert bad_type.status_code == 400
    assert bad_type.json()["errors"][0]["attr"] == "content_type"


def _admin_request():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/admin/pages/preview/")
    request.user = AnonymousUser()
    return request


def test_without_a_frontend_the_preview_shows_the_products_api_data(
    catalogue, settings
):
    settings.PREVIEW_WITH_FRONTEND = False
    draft = _draft(catalogue.hm46, title="抗磨液压油草稿", summary="第一行\n第二行")
    response = draft.serve_preview(_admin_request(), "")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>抗磨液压油草稿</h1>" in html
    assert "第一行<br>第二行" in html
    assert draft.sku in html and "localhost:3000" not in html


def test_without_a_frontend_guides_and_homes_preview_readably(catalogue, settings):
    from cms.models import HomePage

    settings.PREVIEW_WITH_FRONTEND = False
    guide = _draft(catalogue.guide, title="指南草稿")
    assert "<h1>指南草稿</h1>" in guide.serve_preview(_admin_request(), "").text
    home = HomePage.objects.first()
    home.hero_title = "润滑，从这里开始"
    assert "<h1>润滑，从这里开始</h1>" in home.serve_preview(_admin_request(), "").text
