"""The translation review (cms.workflows, cms.admin_translations): translators
submit, Editors approve product translations, Legal policy translations; nobody
else publishes them, and a translator updates a translation from its changed
source without edit rights on the source."""

from __future__ import annotations

import html

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.workflows import EDITORS_REVIEW, LEGAL_REVIEW
from legal.importer import policy_import
from tests.factories import ProductPageFactory
from tests.factories.members import StaffFactory
from tests.legal.fixtures import ZH

pytestmark = pytest.mark.django_db


def staff_in(*groups):
    user = StaffFactory()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def localize(page, locale) -> Translation:
    """What wagtail-localize's "Translate this page" makes: a draft target."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    return translation


def translate_string(translation: Translation, text: str, into: str) -> None:
    segment = StringSegment.objects.select_related("string", "context").get(
        source=translation.source, string__data=text
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": into},
    )


@pytest.fixture
def product_translation(tree):
    product = ProductPageFactory(
        parent=tree.products["zh-hans"], sku="LP-HM46", title="抗磨液压油 L-HM 46"
    )
    product.save_revision().publish()
    translation = localize(product, tree.locales["en"])
    translate_string(translation, "抗磨液压油 L-HM 46", "Anti-wear hydraulic oil")
    return translation


@pytest.fixture
def policy_translation(tree):
    policy = policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
    translation = localize(policy.page, tree.locales["en"])
    translate_string(translation, "基本规则", "Basic rules")
    return translation


def target(translation: Translation) -> Page:
    return Page.objects.get(pk=translation.get_target_instance().pk).specific


def test_translated_pages_go_to_editors_policies_to_legal(
    product_translation, policy_translation, tree
):
    assert target(product_translation).get_workflow().name == EDITORS_REVIEW[0]
    assert target(policy_translation).get_workflow().name == LEGAL_REVIEW[0]
    # the source tree is published directly (Wagtail's Moderators workflow unlinked)
    source = product_translation.source.get_source_instance()
    assert source.get_workflow() is None
    assert policy_translation.source.get_source_instance().get_workflow() is None


def test_a_translator_cannot_publish_a_translation(client, product_translation):
    client.force_login(staff_in("Translators"))
    page = target(product_translation)
    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    assert editor.status_code == 200
    assert '"canPublish": false' in html.unescape(editor.text)
    assert "data-submit-for-review" in editor.text

    client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
    assert not target(product_translation).live


def test_a_translator_submits_and_an_editor_approves_and_publishes(
    client, product_translation
):
    translator = staff_in("Translators")
    client.force_login(translator)
    page = target(product_translation)
    response = client.post(
        f"/admin/translations/{product_translation.pk}/submit-for-review/"
    )
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{page.pk}/edit/"

    page = target(product_translation)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == EDITORS_REVIEW[0]
    assert state.requested_by == translator
    assert not page.live  # nothing goes live on submission
    assert page.get_latest_revision_as_object().title == "Anti-wear hydraulic oil"
    # the translator cannot approve their own submission
    task_state = state.current_task_state
    refused = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    )
    assert refused.status_code in (302, 403)
    assert TaskState.objects.get(pk=task_state.pk).status == "in_progress"

    # Legal does not review products
    legal = staff_in("Legal")
    assert not task_state.task.specific.get_actions(page, legal)

    editor = staff_in("Editors")
    client.force_login(editor)
    panel = client.get(f"/admin/pages/{page.pk}/edit/")
    assert "data-approve" in panel.text
    approved = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    )
    assert approved.status_code == 302
    page = target(product_translation)
    assert page.live and page.title == "Anti-wear hydraulic oil"
    assert page.current_workflow_state is None
    assert WorkflowState.objects.get(pk=state.pk).status == "approved"


def test_legal_approves_a_policy_translation_editors_cannot(client, policy_translation):
    client.force_login(staff_in("Translators"))
    client.post(f"/admin/translations/{policy_translation.pk}/submit-for-review/")
    page = target(policy_translation)
    task_state = page.current_workflow_state.current_task_state
    assert task_state.task.name == LEGAL_REVIEW[1]

    client.force_login(staff_in("Editors"))
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    assert not target(policy_translation).live

    client.force_login(staff_in("Legal"))
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    assert target(policy_translation).live


def test_changes_requested_then_resubmitted(client, product_translation):
    translator = staff_in("Translators")
    client.force_login(translator)
    client.post(f"/admin/translations/{product_translation.pk}/submit-for-review/")
    page = target(product_translation)
    task_state = page.current_workflow_state.current_task_state
    task_state.specific.task.specific.on_action(
        task_state.specific, staff_in("Editors"), "reject"
    )
    assert target(product_translation).current_workflow_state.status == "needs_changes"

    translate_string(product_translation, "抗磨液压油 L-HM 46", "Anti-wear oil HM 46")
    client.post(f"/admin/translations/{product_translation.pk}/submit-for-review/")
    page = target(product_translation)
    assert page.current_workflow_state.status == "in_progress"
    assert page.get_latest_revision_as_object().title == "Anti-wear oil HM 46"


def test_another_translation_needs_edit_rights(client, policy_translation):
    client.force_login(staff_in("Sales"))
    response = client.post(
        f"/admin/translations/{policy_translation.pk}/submit-for-review/"
    )
    assert response.status_code in (302, 403)
    assert target(policy_translation).current_workflow_state is None
    missing = client.post("/admin/translations/999999/submit-for-review/")
    assert missing.status_code == 404


def test_a_translator_updates_from_a_changed_source_they_cannot_edit(
    client, policy_translation
):
    translator = staff_in("Translators")
    source = policy_translation.source.get_source_instance()
    assert not source.permissions_for_user(translator).can_edit()

    source.title = "测试声明及隐私政策（修订）"
    source.save_revision().publish()

    client.force_login(translator)
    page = target(policy_translation)
    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    assert "data-source-outdated" in editor.text

    response = client.post(
        f"/admin/translations/{policy_translation.pk}/update-from-source/"
    )
    assert response.status_code == 302
    offered = set(
        StringSegment.objects.filter(source=policy_translation.source).values_list(
            "string__data", flat=True
        )
    )
    assert "测试声明及隐私政策（修订）" in offered
    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    assert "data-source-outdated" not in editor.text
    # the source is untouched, the translation not published
    assert not target(policy_translation).live


def test_translators_cannot_publish_through_localizes_sync_view(
    client, product_translation
):
    source = product_translation.source.get_source_instance()
    source.title = "抗磨液压油 L-HM 46（新）"
    source.save_revision().publish()
    client.force_login(staff_in("Translators"))
    url = f"/admin/localize/update/{product_translation.source_id}/"
    form = client.get(url)
    assert form.status_code == 200
    assert 'type="checkbox" name="publish_translations"' not in form.text
    client.post(url, {"publish_translations": "on"})
    assert not target(product_translation).live
    assert StringSegment.objects.filter(
        source=product_translation.source, string__data="抗磨液压油 L-HM 46（新）"
    ).exists()
