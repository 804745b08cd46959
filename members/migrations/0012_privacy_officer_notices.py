"""The Privacy Officer sends notices to members and reads the retention log.
Re-running is harmless (get_or_create)."""

from django.db import migrations

CODENAMES = {
    "notice": ["add_notice", "view_notice"],
    "retentionrun": ["view_retentionrun"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    officer, _ = Group.objects.get_or_create(name="Privacy Officer")
    for model, codenames in CODENAMES.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="members", model=model
        )
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            officer.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("members", "0011_notices_retention_rfq")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
