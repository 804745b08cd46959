"""The translation review: translators submit, Editors or Legal approve and publish.

Two Wagtail workflows, each a single group approval task (created by
``cms/migrations/0005_translation_review_workflows`` and, for trees made later, by
``translation_review_ensure``):

* ``EDITORS_REVIEW`` — assigned to every home page that is not in the source
  language, so every translated product, guide and page under it goes to Editors;
* ``LEGAL_REVIEW`` — policies in a translated language take it by page type
  (``legal.models.PolicyPage.get_workflow``), so Legal publishes their translations.

Translators hold "change" but never "publish" on pages; their one way to get a
translation live is "Submit for review"
(``cms.services.translation_submit_for_review``).
Workflow and task names are data, stored once, in Chinese (the staff's language).
"""

from __future__ import annotations

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from core.i18n import source_language

EDITORS_GROUP = "Editors"
LEGAL_GROUP = "Legal"
TRANSLATORS_GROUP = "Translators"

# (workflow name, task name, approving group); the migration uses the same names.
EDITORS_REVIEW = ("翻译审核（编辑）", "编辑审核", EDITORS_GROUP)
LEGAL_REVIEW = ("政策翻译审核（法务）", "法务审核", LEGAL_GROUP)


def review_workflow(spec: tuple[str, str, str]) -> Workflow:
    """The workflow of ``spec``, made with its group approval task when missing."""
    from django.contrib.auth.models import Group

    name, task_name, group_name = spec
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
            task.groups.set([Group.objects.get_or_create(name=group_name)[0]])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    return workflow


def legal_review_workflow() -> Workflow | None:
    """The active Legal review, or None when it was deactivated in the admin."""
    return Workflow.objects.filter(name=LEGAL_REVIEW[0], active=True).first()


def translation_review_ensure(*, homes: list[Page]) -> None:
    """Both workflows exist; each translated home is assigned the Editors review
    (a home already assigned some workflow keeps it: the admin may change it)."""
    editors = review_workflow(EDITORS_REVIEW)
    review_workflow(LEGAL_REVIEW)
    for home in homes:
        if home.locale.language_code == source_language():
            continue
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": editors})
