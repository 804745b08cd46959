"""The translation editor's review panel and its two actions.

wagtail-localize's editor (a React app) offers "Publish in English" to those who
may publish and nothing to a translator, and syncing a changed source needs the
source page's listing, which a translator cannot open. The panel above the
editor (``cms/templates/wagtail_localize/admin/edit_translation.html``) gives
them:

* **Update from source** — ``translation_update_from_source`` for the one
  translation, allowed to whoever may edit the translation;
* **Submit for review** — ``translation_submit_for_review``: the translation
  goes to Editors or Legal (``cms.workflows``), who approve and publish it;
* for a reviewer of the current task, **Approve and publish** (Wagtail's own
  workflow action).

wagtail-localize's own "Update existing translations" view stays reachable for
translators (their submit_translation permission), but without its "Publish
immediately" box: publishing is the reviewers'.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from cms.services import (
    NoReviewWorkflow,
    translation_submit_for_review,
    translation_update_from_source,
)

TRANSLATORS_GROUP = "Translators"  # the staff groups (members/migrations/0003)
OVERSEEING_GROUPS = {"Editors", "Legal"}


def translator_only(user) -> bool:
    """A translator who does not also edit or publish in another role."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS_GROUP in names and not names & OVERSEEING_GROUPS


def _editable_translation(request: HttpRequest, translation_id: int) -> Translation:
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    return translation


def _editor_url(translation: Translation) -> str:
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    viewset = instance.snippet_viewset  # type: ignore[attr-defined]
    return reverse(viewset.get_url_name("edit"), args=[instance.pk])


@require_POST
def submit_for_review(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _editable_translation(request, translation_id)
    try:
        page = translation_submit_for_review(
            translation=translation,
            user=request.user,  # type: ignore[arg-type]
        )
    except NoReviewWorkflow:
        messages.error(request, _("This translation has no review workflow."))
        return redirect(_editor_url(translation))
    missing = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )
    message = _("'%(title)s' was submitted for review.") % {"title": page.title}
    if missing:
        message += " " + _(
            "%(count)d segments are not translated yet and show the source text."
        ) % {"count": missing}
        messages.warning(request, message)
    else:
        messages.success(request, message)
    return redirect(_editor_url(translation))


@require_POST
def update_from_source(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _editable_translation(request, translation_id)
    translation_update_from_source(
        translation=translation,
        user=request.user,  # type: ignore[arg-type]
    )
    messages.success(
        request,
        _(
            "The translation now has the source's current text: translate the "
            "new and changed segments, then submit it for review."
        ),
    )
    return redirect(_editor_url(translation))


class NoPublishUpdateTranslationsForm(UpdateTranslationsForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["publish_translations"] = forms.BooleanField(
            required=False, disabled=True, initial=False, widget=forms.HiddenInput
        )


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's sync view; translators cannot tick "Publish immediately"."""

    def get_form(self):
        if not translator_only(self.request.user):
            return super().get_form()
        data = self.request.POST if self.request.method == "POST" else None
        return NoPublishUpdateTranslationsForm(data)


def review_panel(request: HttpRequest, translation: Translation, instance) -> dict:
    """What the panel above the translation editor shows (see the module doc)."""
    from wagtail.models import TaskState

    user = request.user
    source = translation.source
    source_instance = source.get_source_instance()
    changed_at = getattr(source_instance, "last_published_at", None)
    outdated = bool(changed_at and changed_at > source.last_updated_at)
    panel: dict[str, Any] = {
        "translation": translation,
        "outdated": outdated,
        "source_changed_at": changed_at,
        "synced_at": source.last_updated_at,
        "update_url": reverse("lubpur_translation_update", args=[translation.pk]),
        "is_page": isinstance(instance, Page),
    }
    if not isinstance(instance, Page):
        return panel
    workflow = instance.get_workflow()
    state = instance.current_workflow_state
    task_state = state.current_task_state if state else None
    reviewer = bool(
        task_state
        and task_state.status == TaskState.STATUS_IN_PROGRESS
        and task_state.task.specific.get_actions(instance, user)
    )
    panel.update(
        workflow=workflow,
        state=state,
        task=task_state.task if task_state else None,
        in_review=bool(state and state.status == state.STATUS_IN_PROGRESS),
        needs_changes=bool(state and state.status == state.STATUS_NEEDS_CHANGES),
        may_submit=workflow is not None
        and not instance.permissions_for_user(user).can_publish(),
        submit_url=reverse("lubpur_translation_submit", args=[translation.pk]),
        approve_url=reverse(
            "wagtailadmin_pages:workflow_action",
            args=[instance.pk, "approve", task_state.pk],
        )
        if reviewer and task_state
        else None,
    )
    return panel
