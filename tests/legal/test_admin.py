"""Admin: who edits policies, publishing from the editor, history, diffs, records."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    rich_text,
    streamfield,
)

from legal import services
from legal.importer import policy_import
from legal.models import ConsentRecord, PolicyVersion

from .fixtures import ZH

pytestmark = pytest.mark.django_db


def _staff(email, *groups):
    user = get_user_model().objects.create_user(email, "pw-123456", is_staff=True)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("admin@example.com", "pw")


def _english(policy):
    return policy.get_translation(Locale.objects.get(language_code="en")).specific


def test_only_legal_edits_and_publishes_the_chinese_policy(policy, tree):
    editor = _staff("editor@example.com", "Editors")
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=Group.objects.get(name="Editors"),
            page=Page.objects.get(pk=tree.homes["zh-hans"].pk),
            permission_id=__import__(
                "django.contrib.auth.models", fromlist=["Permission"]
            )
            .Permission.objects.get(codename=permission)
            .pk,
        )
    legal = _staff("legal@example.com", "Legal")
    assert not policy.permissions_for_user(editor).can_edit()
    assert not policy.permissions_for_user(editor).can_publish()
    assert policy.permissions_for_user(legal).can_edit()
    assert policy.permissions_for_user(legal).can_publish()


def test_translators_edit_the_translation_and_legal_publishes_it(policy):
    translator = _staff("tr@example.com", "Translators")
    english = _english(policy)
    assert english.permissions_for_user(translator).can_edit()
    assert not english.permissions_for_user(translator).can_publish()
    assert not policy.permissions_for_user(translator).can_edit()
    legal = _staff("legal@example.com", "Legal")
    assert english.permissions_for_user(legal).can_publish()


def test_the_groups_exist_with_admin_access():
    for name in ("Legal", "Translators", "Privacy Officer"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
    assert (
        Group.objects.get(name="Privacy Officer")
        .permissions.filter(codename="view_consentrecord")
        .exists()
    )


def _section(heading, text):
    return (
        "section",
        {
            "number": "1",
            "heading": heading,
            "content": streamfield([("paragraph", rich_text(text))]),
        },
    )


def test_publishing_in_the_editor_freezes_a_version_with_the_editors_choice(
    client, superuser, policy
):
    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": "测试政策",
            "slug": "privacy",
            "updated_on": "2024-06-01",
            "intro": rich_text("<p>引言</p>"),
            "body": streamfield([_section("唯一一节", "<p>新的内容。</p>")]),
            "contact": "邮箱:help@example.com",
            "material_change": "",  # unticked: an editorial version
            "change_summary": "措辞修改",
            "effective_date": "",
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    version = PolicyVersion.objects.filter(policy=policy).first()
    assert (version.label, version.material) == ("2024-06-01", False)
    text = version.texts.get(locale="zh-hans")
    assert text.change_summary == "措辞修改"
    assert [s["heading"] for s in text.content["sections"]] == ["唯一一节"]


def test_a_new_draft_starts_as_a_material_change(client, superuser, policy):
    draft = policy.get_latest_revision_as_object()
    draft.material_change = False
    draft.save_revision().publish()
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[policy.pk]))
    assert response.context["form"].initial["material_change"] is True


def test_a_policy_with_versions_cannot_be_deleted(client, superuser, policy):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:delete", args=[policy.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert Page.objects.filter(pk=policy.pk).exists()


def test_version_history_and_side_by_side_diff(client, superuser, policy):
    policy_import(
        text=ZH.replace("您应当遵守法律。", "您应当遵守全部法律。"),
        locale="zh-hans",
        slug="privacy",
        publish=True,
    )
    client.force_login(superuser)
    history = client.get(reverse("legal_policies:history", args=[policy.pk]))
    assert history.status_code == 200
    assert b"2024-03-01-2" in history.content
    diff = client.get(
        reverse("legal_policies:diff", args=[policy.pk]),
        {"from": "2024-03-01", "to": "2024-03-01-2", "locale": "zh-hans"},
    )
    html = diff.content.decode()
    assert "<ins>全部</ins>" in html
    assert "<td>1、您应当遵守法律。</td>" in html


def test_translators_see_policies_awaiting_translation(client, policy):
    policy_import(
        text=ZH.replace("遵守法律", "遵守全部法律"),
        locale="zh-hans",
        slug="privacy",
        publish=True,
    )
    translator = _staff("tr@example.com", "Translators")
    client.force_login(translator)
    page = client.get(reverse("legal_awaiting_translation:index"))
    assert page.status_code == 200
    assert "测试声明及隐私政策" in page.content.decode()
    assert "已过期" in page.content.decode()  # the staff admin is Chinese
    home = client.get(reverse("wagtailadmin_home"))
    assert "待翻译的政策" in home.content.decode()


def test_privacy_officer_filters_and_exports_consent_records(client, policy):
    member = get_user_model().objects.create_user("m@example.com", "pw-123456")
    version = PolicyVersion.objects.get(policy=policy)
    services.consent_accept(user=member, version=version, locale="en", channel="web")
    services.consent_withdraw(user=member, policy=policy, channel="app")
    officer = _staff("po@example.com", "Privacy Officer")
    client.force_login(officer)
    index = reverse("legal_consentrecord:index")
    listing = client.get(index, {"action": "withdrawn"})
    assert listing.status_code == 200
    assert listing.context["object_list"].count() == 1
    export = client.get(index, {"export": "csv"})
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert len(rows) == 3 and "告知回执" in rows[0]
    assert client.get(reverse("legal_consentrecord:add")).status_code in {302, 403}
    assert ConsentRecord.objects.count() == 2


def test_a_policy_draft_previews_as_the_html_a_version_would_freeze(policy, settings):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    settings.PREVIEW_WITH_FRONTEND = True  # policies never go to the frontend
    policy.title = "法律声明及隐私政策（草稿）"
    request = RequestFactory().get("/admin/pages/preview/")
    request.user = AnonymousUser()
    html = policy.serve_preview(request, "").text
    assert "<h1>法律声明及隐私政策（草稿）</h1>" in html
    assert '<span class="policy-number">一、</span>' in html
