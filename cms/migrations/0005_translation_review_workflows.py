"""The translation review (cms.workflows): a workflow per approving group, each a
single group approval task; the Editors review assigned to every translated home.

Wagtail's own "Moderators approval" (its first migration gives the unused
Moderators group publish rights on the root and a workflow there) is unlinked
from the root: the source tree is published directly by Editors and Legal, and a
"Submit to Moderators approval" went to a group nobody is in.
Names are copied here (a migration does not import app code that may change).
"""

from django.db import migrations

EDITORS_REVIEW = ("翻译审核（编辑）", "编辑审核", "Editors")
LEGAL_REVIEW = ("政策翻译审核（法务）", "法务审核", "Legal")
SOURCE_LANGUAGE = "zh-hans"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    HomePage = apps.get_model("cms", "HomePage")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflows = {}
    for name, task_name, group_name in (EDITORS_REVIEW, LEGAL_REVIEW):
        workflow, _ = Workflow.objects.get_or_create(name=name)
        if not WorkflowTask.objects.filter(workflow=workflow).exists():
            task = GroupApprovalTask.objects.filter(name=task_name).first()
            if task is None:
                task = GroupApprovalTask.objects.create(
                    name=task_name, content_type=task_type, active=True
                )
                task.groups.set([Group.objects.get_or_create(name=group_name)[0]])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        workflows[name] = workflow
    WorkflowPage.objects.filter(
        workflow__name="Moderators approval", page__depth=1
    ).delete()
    for home in HomePage.objects.exclude(locale__language_code=SOURCE_LANGUAGE):
        WorkflowPage.objects.get_or_create(
            page_id=home.pk, defaults={"workflow": workflows[EDITORS_REVIEW[0]]}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_webhooks"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
