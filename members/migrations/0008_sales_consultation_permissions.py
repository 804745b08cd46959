"""Sales answer online consultations: view and change them in the admin, and see
subscriptions. Re-running is harmless (get_or_create)."""

from django.db import migrations

CODENAMES = {
    "consultation": ["view_consultation", "change_consultation"],
    "subscription": ["view_subscription"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    sales, _ = Group.objects.get_or_create(name="Sales")
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
            sales.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("members", "0007_consultations_subscriptions")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
