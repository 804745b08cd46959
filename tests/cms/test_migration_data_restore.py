"""The browser tests' safety net: after a flush (what a transactional test leaves),
replaying our data migrations puts back the roots, locales, home pages and staff
groups with their permissions. It flushes the database, so it runs after the browser
tests (``after_browser``, see tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from tests.e2e.migration_data import migration_data_missing, migration_data_restore


@pytest.mark.after_browser
@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_its_migration_data_back():
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert migration_data_missing()

    migration_data_restore()

    assert not migration_data_missing()
    assert {"zh-hans", "en"} <= set(
        Locale.objects.values_list("language_code", flat=True)
    )
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert Page.objects.filter(depth=1).count() == 1
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="access_admin").exists()
    assert (
        Group.objects.get(name="Sales")
        .permissions.filter(codename="change_procurementrequest")
        .exists()
    )
    migration_data_restore()  # idempotent
    assert Group.objects.filter(name="Editors").count() == 1
    assert HomePage.objects.filter(locale__language_code="zh-hans").count() == 1
