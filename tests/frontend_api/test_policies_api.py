"""/api/v1/policies/…: frozen texts, honest translation status, history and diffs."""

import datetime as dt

import pytest
import yaml
from django.conf import settings

from legal.importer import policy_import
from legal.models import PolicyPage, PolicyVersion
from legal.services import policy_version_freeze
from tests.legal import conftest as legal_fixtures
from tests.legal.fixtures import EN, ZH

pytestmark = pytest.mark.django_db

# The policy fixtures live with the legal tests; pytest finds them here too.
policy = legal_fixtures.policy

EDITED_ZH = ZH.replace("您应当遵守法律。", "您应当遵守全部法律。").replace(
    "平台内容归我们所有。", ""
)


def _publish_new_chinese(text=EDITED_ZH):
    return policy_import(text=text, locale="zh-hans", slug="privacy", publish=True)


def test_policy_list_gives_slug_title_current_version_and_locales(api_client, policy):
    body = api_client.get("/api/v1/policies/", {"locale": "en"}).json()
    assert body["count"] == 1
    assert body["results"] == [
        {
            "slug": "privacy",
            "title": "Test Statement and Privacy Policy",
            "url": "/en/privacy/",
            "current_version": "2024-03-01",
            "effective_date": "2024-03-01",
            "material": True,
            "change_summary": "",
            "locales": ["en", "zh-hans"],
            "translation_outdated": False,
        }
    ]


def test_policy_detail_serves_the_frozen_current_version(api_client, policy):
    response = api_client.get("/api/v1/policies/privacy/", {"locale": "zh-hans"})
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == body["current_version"] == "2024-03-01"
    assert body["translation_outdated"] is False
    assert [s["label"] for s in body["sections"]] == ["", "", "一、", "二、"]
    first_item = body["sections"][0]["blocks"][0]
    assert first_item == {
        "type": "item",
        "id": first_item["id"],
        "number": 1,
        "label": "1、",
        "html": "<p>您应当遵守法律。</p>",
    }
    assert body["contact"] == ["邮箱:help@example.com", "电话:021-12345678"]
    assert body["html"].startswith("<h1>测试声明及隐私政策</h1>")
    assert {t["locale"]: t["url"] for t in body["translations"]} == {
        "zh-hans": "/zh-hans/privacy/",
        "en": "/en/privacy/",
    }
    # A draft is never served: only what was published and frozen.
    policy_import(text=EDITED_ZH, locale="zh-hans", slug="privacy")
    again = api_client.get("/api/v1/policies/privacy/").json()
    assert again["html"] == body["html"]


def test_english_behind_the_source_says_it_is_outdated(api_client, policy):
    _publish_new_chinese()
    body = api_client.get("/api/v1/policies/privacy/", {"locale": "en"}).json()
    assert body["translation_outdated"] is True
    assert body["version"] == "2024-03-01"
    assert body["current_version"] == "2024-03-01-2"
    listed = api_client.get("/api/v1/policies/", {"locale": "en"}).json()
    assert listed["results"][0]["translation_outdated"] is True


def test_a_policy_never_translated_is_a_not_translated_404(api_client, tree):
    policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
    response = api_client.get("/api/v1/policies/privacy/", {"locale": "en"})
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "not_translated"
    # The same keys as content's not-translated problem (core.errors.NotTranslated).
    assert body["requested_locale"] == "en"
    assert body["available_locales"] == ["zh-hans"]
    assert [t["locale"] for t in body["translations"]] == ["zh-hans"]
    assert body["translations"][0]["url"] == "/zh-hans/privacy/"
    assert api_client.get("/api/v1/policies/", {"locale": "en"}).json()["count"] == 0


def test_unknown_policy_and_version_are_404_problems(api_client, policy):
    assert api_client.get("/api/v1/policies/nope/").status_code == 404
    response = api_client.get("/api/v1/policies/privacy/versions/1999-01-01/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_version_history_and_a_past_version(api_client, policy):
    _publish_new_chinese()
    history = api_client.get("/api/v1/policies/privacy/versions/").json()
    assert [(v["version"], v["current"]) for v in history["results"]] == [
        ("2024-03-01-2", True),
        ("2024-03-01", False),
    ]
    assert history["results"][1]["locales"] == ["en", "zh-hans"]
    old = api_client.get(
        "/api/v1/policies/privacy/versions/2024-03-01/", {"locale": "zh-hans"}
    ).json()
    assert old["version"] == "2024-03-01"
    assert "平台内容归我们所有。" in old["html"]


def test_chinese_diff_is_character_level_within_the_changed_sentence(
    api_client, policy
):
    _publish_new_chinese()
    response = api_client.get(
        "/api/v1/policies/privacy/diff/",
        {"from": "2024-03-01", "to": "2024-03-01-2", "locale": "zh-hans"},
    )
    body = response.json()
    assert body["summary"] == {"added": 0, "removed": 0, "changed": 2}
    rules, copyright_part = body["sections"]
    assert rules["heading"] == "基本规则" and rules["status"] == "changed"
    assert rules["changes"] == [
        {
            "op": "changed",
            "old": "1、您应当遵守法律。",
            "new": "1、您应当遵守全部法律。",
            "inline": [
                {"op": "equal", "text": "1、您应当遵守"},
                {"op": "insert", "text": "全部"},
                {"op": "equal", "text": "法律。"},
            ],
        }
    ]
    assert copyright_part["changes"][0]["op"] == "removed"


def test_english_diff_is_word_level(api_client, policy):
    _publish_new_chinese(ZH.replace("遵守法律", "遵守全部法律"))
    policy_import(
        text=EN.replace("obey the law", "obey every law"),
        locale="en",
        slug="privacy",
        publish=True,
    )
    labels = list(
        PolicyVersion.objects.filter(policy=policy)
        .order_by("published_at")
        .values_list("label", flat=True)
    )
    body = api_client.get(
        "/api/v1/policies/privacy/diff/",
        {"from": labels[0], "to": labels[-1], "locale": "en"},
    ).json()
    change = body["sections"][0]["changes"][0]
    assert change["inline"] == [
        {"op": "equal", "text": "1.You shall obey "},
        {"op": "delete", "text": "the"},
        {"op": "insert", "text": "every"},
        {"op": "equal", "text": " law."},
    ]


def test_diff_needs_both_versions(api_client, policy):
    response = api_client.get("/api/v1/policies/privacy/diff/", {"from": "2024-03-01"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "to"


def _quick_policies(home, start, stop):
    """Small published policies, frozen directly (the importer is slower)."""
    for index in range(start, stop):
        page = PolicyPage(
            title=f"政策 {index}",
            slug=f"p{index}",
            updated_on=dt.date(2024, 1, 1),
            body=[("section", {"number": 1, "heading": "一节", "content": []})],
        )
        home.add_child(instance=page)
        policy_version_freeze(page=page)


def test_policy_list_query_count_stays_flat(
    api_client, tree, django_assert_max_num_queries
):
    _quick_policies(tree.homes["zh-hans"], 0, 5)
    with django_assert_max_num_queries(6):
        few = api_client.get("/api/v1/policies/").json()
    _quick_policies(tree.homes["zh-hans"], 5, 50)
    with django_assert_max_num_queries(6):
        many = api_client.get("/api/v1/policies/", {"page_size": 100}).json()
    assert (few["count"], many["count"]) == (5, 50)
    assert len(many["results"]) == 50


def test_schema_documents_the_policy_and_consent_endpoints():
    schema = yaml.safe_load(
        (settings.BASE_DIR / "frontend_api/openapi.yaml").read_text()
    )
    paths = schema["paths"]
    for path in [
        "/api/v1/policies/",
        "/api/v1/policies/{slug}/",
        "/api/v1/policies/{slug}/versions/",
        "/api/v1/policies/{slug}/versions/{version}/",
        "/api/v1/policies/{slug}/diff/",
        "/api/v1/me/consents/",
        "/api/v1/me/consents/withdraw/",
        "/api/v1/consents/",
    ]:
        assert path in paths, path
    detail = paths["/api/v1/policies/{slug}/"]["get"]
    assert "locale" in [p["name"] for p in detail["parameters"]]
    assert "409" in paths["/api/v1/me/consents/"]["post"]["responses"]
    text = schema["components"]["schemas"]["PolicyText"]["properties"]
    assert {"translation_outdated", "sections", "html", "version"} <= set(text)
