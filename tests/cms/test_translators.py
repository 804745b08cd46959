"""Translators translate; they cannot delete, unpublish or convert a translation
to an alias (cms.wagtail_hooks)."""

import pytest
from django.contrib.auth.models import Group

from products.models import ProductPage
from tests.factories import ProductPageFactory, site_tree, translate
from tests.factories.catalogue import sizes
from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(db):
    tree = site_tree()
    source = ProductPageFactory(
        parent=tree.products["zh-hans"], sku="LP-HM46", title="抗磨液压油 L-HM 46"
    )
    return translate(source, tree.locales["en"], title="Anti-wear hydraulic oil")


def staff_in(client, *groups):
    user = StaffFactory()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    client.force_login(user)
    return user


def test_a_translator_is_offered_no_delete_unpublish_or_alias(client, translation):
    staff_in(client, "Translators")
    edit = client.get(f"/admin/pages/{translation.pk}/edit/")
    assert edit.status_code == 200
    html = edit.text
    assert "action-unpublish" not in html and "localize-convert-to-alias" not in html
    assert f"/admin/pages/{translation.pk}/delete/" not in html


def test_a_translator_cannot_delete_unpublish_or_alias_by_url(client, translation):
    staff_in(client, "Translators")
    client.post(f"/admin/pages/{translation.pk}/delete/")
    client.post(f"/admin/pages/{translation.pk}/unpublish/")
    alias = client.post(f"/admin/localize/page/{translation.pk}/convert_to_alias/")
    # refused (the admin turns PermissionDenied into a redirect with a message),
    # not wagtail-localize's own view, which answers 404 for this page
    assert alias.status_code == 302 and alias.url == "/admin/"
    page = ProductPage.objects.get(pk=translation.pk)
    assert page.live and page.alias_of_id is None


def test_an_editor_still_reaches_wagtail_localizes_convert_view(client, translation):
    staff_in(client, "Translators", "Editors")
    response = client.get(f"/admin/localize/page/{translation.pk}/convert_to_alias/")
    assert response.status_code == 404  # wagtail-localize's view: no source


def test_codes_and_numbers_are_synchronised_not_offered_for_translation(db):
    from wagtail_localize.models import StringSegment, TranslationSource

    tree = site_tree()
    product = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="LP-HM46",
        title="抗磨液压油 L-HM 46",
        viscosity_grade="ISO VG 46",
        package_sizes=sizes("18L", "200L"),
    )
    source, _created = TranslationSource.get_or_create_from_instance(product)
    offered = set(
        StringSegment.objects.filter(source=source).values_list(
            "string__data", flat=True
        )
    )
    assert "抗磨液压油 L-HM 46" in offered
    assert not offered & {"LP-HM46", "ISO VG 46", "18L", "200L", "18L\n200L"}


def test_translators_cannot_override_codes_and_numbers(db):
    from wagtail_localize.models import OverridableSegment, TranslationSource

    tree = site_tree()
    product = ProductPageFactory(
        parent=tree.products["zh-hans"], sku="LP-HM46", viscosity_grade="ISO VG 46"
    )
    source, _created = TranslationSource.get_or_create_from_instance(product)
    overridable = set(
        OverridableSegment.objects.filter(source=source).values_list(
            "context__path", flat=True
        )
    )
    assert not overridable & {"sku", "viscosity_grade", "base_oil", "package_sizes"}
