"""Contact and change summaries (issue 13): ``import_policy --summary
--material/--minor``; the admin asks Legal for a summary when publishing a
material version; ``consent_required`` items and the policy API carry it; the
published policy's contact block is the privacy contact of ``/api/v1/site/``."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    rich_text,
    streamfield,
)

from legal.importer import policy_import
from legal.models import PolicyVersion
from legal.selectors import consents_pending, privacy_contact
from tests.factories.members import MemberFactory
from tests.frontend_api.consents import accept_current

from .fixtures import ZH
from .test_admin import _section

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("admin@example.com", "pw")


def test_import_takes_a_summary_and_material_or_minor(policy, tmp_path, capsys):
    path = tmp_path / "v2.txt"
    path.write_text(ZH.replace("2024年3月1日", "2024年6月1日"), encoding="utf-8")
    call_command(
        "import_policy", str(path), "--locale", "zh-hans", "--page", "privacy",
        "--publish", "--summary", "新增未成年人条款。",
    )  # fmt: skip
    version = PolicyVersion.objects.filter(policy=policy).first()
    assert version.material
    assert version.texts.get(locale="zh-hans").change_summary == "新增未成年人条款。"
    path.write_text(ZH.replace("2024年3月1日", "2024年6月2日"), encoding="utf-8")
    call_command(
        "import_policy", str(path), "--locale", "zh-hans", "--page", "privacy",
        "--publish", "--minor",
    )  # fmt: skip
    assert not PolicyVersion.objects.filter(policy=policy).first().material
    assert "without --summary" not in capsys.readouterr().err


def test_a_material_import_without_summary_is_warned_about(policy, tmp_path, capsys):
    path = tmp_path / "v2.txt"
    path.write_text(ZH.replace("2024年3月1日", "2024年6月1日"), encoding="utf-8")
    call_command(
        "import_policy", str(path), "--locale", "zh-hans", "--page", "privacy",
        "--publish",
    )  # fmt: skip
    assert "without --summary" in capsys.readouterr().err


def test_consent_required_items_and_the_policy_api_carry_the_summary(
    policy, api_client
):
    member = MemberFactory(preferred_language="zh-hans")
    accept_current(member, policy)
    policy_import(
        text=ZH.replace("2024年3月1日", "2024年6月1日"),
        locale="zh-hans",
        slug="privacy",
        publish=True,
        summary="新增未成年人条款。",
    )
    pending = consents_pending(user=member)
    assert pending[0]["change_summary"] == "新增未成年人条款。"
    listed = api_client.get("/api/v1/policies/?locale=zh-hans").json()
    assert listed["results"][0]["change_summary"] == "新增未成年人条款。"
    # The English text is of the older version: the source's summary stands in.
    english = api_client.get("/api/v1/policies/?locale=en").json()
    assert english["results"][0]["change_summary"] == "新增未成年人条款。"


def _edit(client, policy, **overrides):
    data = {
        "title": "测试政策",
        "slug": "privacy",
        "updated_on": "2024-06-01",
        "intro": rich_text("<p>引言</p>"),
        "body": streamfield([_section("唯一一节", "<p>新的内容。</p>")]),
        "contact": "邮箱:help@example.com",
        "material_change": "on",
        "change_summary": "",
        "effective_date": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[policy.pk]), nested_form_data(data)
    )


def test_the_admin_asks_legal_for_a_summary_of_a_material_change(
    client, superuser, policy
):
    client.force_login(superuser)
    refused = _edit(client, policy)
    assert refused.status_code == 200
    assert "change_summary" in refused.context["form"].errors
    assert PolicyVersion.objects.filter(policy=policy).count() == 1
    published = _edit(client, policy, change_summary="新增一节。")
    assert published.status_code == 302
    version = PolicyVersion.objects.filter(policy=policy).first()
    assert version.material
    assert version.texts.get(locale="zh-hans").change_summary == "新增一节。"


def test_the_site_serves_the_published_policys_contact(policy, api_client):
    contact = privacy_contact("zh-hans")
    assert contact["email"] == "help@example.com"
    assert contact["phone"] == "021-12345678"
    site = api_client.get("/api/v1/site/?locale=zh-hans").json()
    assert site["privacy_contact"]["email"] == "help@example.com"
    assert site["privacy_contact"]["lines"] == contact["lines"]
    english = api_client.get("/api/v1/site/?locale=en").json()
    assert english["privacy_contact"]["email"] == "help@example.com"


def test_the_site_has_no_privacy_contact_before_a_policy_is_published(tree, api_client):
    assert api_client.get("/api/v1/site/").json()["privacy_contact"] is None
