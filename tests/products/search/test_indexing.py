"""The index follows publishing, once the transaction commits."""

from __future__ import annotations

import pytest
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from products.search.models import SearchDocument, SearchTerm
from products.search.selectors import search_hits
from products.search.services import _Batch, search_index_schedule
from tests.factories import ProductPageFactory, translate

pytestmark = pytest.mark.django_db


def found(text: str, locale) -> list[int]:
    return [hit.page_id for hit in search_hits(text=text, locale=locale)[1][:20]]


def test_publishing_indexes_the_new_content_on_commit(
    shop, django_capture_on_commit_callbacks
):
    page = shop.hv32
    page.title = "川野 低温液压油 L-HV 32 北极版"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page.save_revision().publish()
        assert found("北极版", shop.zh) == []  # not before the commit
    # one index batch for the whole publish (other features add their own hooks)
    assert sum(isinstance(callback, _Batch) for callback in callbacks) == 1
    assert found("北极版", shop.zh) == [page.pk]


def test_a_draft_is_not_searchable(shop, django_capture_on_commit_callbacks):
    page = shop.hv32
    page.title = "草稿标题"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert found("草稿标题", shop.zh) == []


def test_unpublishing_removes_the_page(shop, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        shop.hm46.unpublish()
    assert shop.hm46.pk not in found("液压油", shop.zh)
    assert not SearchDocument.objects.filter(page_id=shop.hm46.pk).exists()
    assert not SearchTerm.objects.filter(document_id=shop.hm46.pk).exists()


def test_deleting_removes_the_page(shop):
    pk = shop.hv32.pk
    Page.objects.get(pk=pk).delete()
    assert not SearchDocument.objects.filter(page_id=pk).exists()
    assert pk not in found("液压油", shop.zh)


def test_a_moved_page_keeps_being_found_at_its_new_url(
    shop, django_capture_on_commit_callbacks
):
    parent = shop.tree.products["zh-hans"]
    holder = ProductPageFactory(parent=parent, sku="HOLDER", title="占位")
    # A product moved below another page (the admin would refuse; the tree allows).
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Page.objects.get(pk=shop.hv32.pk).move(holder, pos="last-child")
    assert callbacks
    document = SearchDocument.objects.select_related("page").get(page_id=shop.hv32.pk)
    assert document.page.url_path.endswith("/holder/cy-hv32/")


def test_a_translation_published_is_found_in_its_language(
    shop, django_capture_on_commit_callbacks
):
    new = ProductPageFactory(
        parent=shop.tree.products["zh-hans"], sku="LP-TSA46", title="汽轮机油 46"
    )
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(new, shop.en, title="Turbine oil TSA 46")
    assert found("turbine", shop.en) == [english.pk]


def test_a_private_page_leaves_the_index(shop, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=shop.hm46, restriction_type=PageViewRestriction.LOGIN
        )
    assert shop.hm46.pk not in found("液压油", shop.zh)


def test_renaming_a_brand_reindexes_its_products(
    shop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        shop.lubpur.name = "超润新"
        shop.lubpur.save()
    assert shop.hm46.pk in found("超润新", shop.zh)


def test_a_rolled_back_transaction_schedules_nothing_and_the_next_one_works(
    shop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                search_index_schedule(page_ids=[shop.hm46.pk])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        assert callbacks == []
        search_index_schedule(page_ids=[shop.hv32.pk])
    # one index batch for the whole publish (other features add their own hooks)
    assert sum(isinstance(callback, _Batch) for callback in callbacks) == 1


def test_renaming_a_category_reindexes_the_products_below_it(
    shop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        shop.hydraulic.name = "液压传动油"
        shop.hydraulic.save()
    assert set(found("液压传动油", shop.zh)) == {shop.hm46.pk, shop.hv32.pk}
