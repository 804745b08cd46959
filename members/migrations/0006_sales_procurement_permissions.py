"""Sales work the procurement inbox: view and change procurement requests.
Re-running is harmless (get_or_create)."""

from django.db import migrations

CODENAMES = ["view_procurementrequest", "change_procurementrequest"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="members", model="procurementrequest"
    )
    sales, _ = Group.objects.get_or_create(name="Sales")
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        sales.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("members", "0005_procurement_requests")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
