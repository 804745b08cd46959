"""Groups for policies (names exact, docs/architecture.md) and what they may do.

* Legal: admin access; may add policy pages under each Chinese home (editing and
  publishing policies is decided by ``legal.groups``, not the tree); reads
  consent records.
* Translators: admin access (their translation rights come from ``legal.groups``).
* Privacy Officer: reads consent records (filters, CSV export).
The members app's migration creates the same groups; get_or_create keeps both
orders working.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Legal", "Translators", "Privacy Officer"]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def forwards(apps, schema_editor):
    for app_label in ("legal", "wagtailcore"):
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    HomePage = apps.get_model("cms", "HomePage")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    view_records = _permission(apps, "legal", "view_consentrecord")
    for name in ("Legal", "Translators"):
        groups[name].permissions.add(access_admin)
    for name in ("Legal", "Privacy Officer"):
        groups[name].permissions.add(access_admin, view_records)
    add_page = _permission(apps, "wagtailcore", "add_page")
    for home in HomePage.objects.filter(locale__language_code="zh-hans"):
        GroupPagePermission.objects.get_or_create(
            group=groups["Legal"], page_id=home.pk, permission=add_page
        )


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0001_initial"),
        ("cms", "0003_locales_and_home"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
