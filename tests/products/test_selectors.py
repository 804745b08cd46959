"""Category tree reads: descendants by path, the nested tree of one language."""

import pytest

from products.selectors import category_tree, category_with_descendants
from products.services import category_create

pytestmark = pytest.mark.django_db


def test_a_category_with_descendants_includes_children_but_not_lookalikes(locales):
    zh = locales["zh-hans"]
    engine = category_create(name="发动机油", slug="engine", locale=zh)
    diesel = category_create(name="柴油机油", slug="diesel", locale=zh, parent=engine)
    category_create(name="发动机清洗剂", slug="engine-cleaners", locale=zh)

    assert set(category_with_descendants(category=engine)) == {engine, diesel}


def test_the_category_tree_nests_children_under_their_parents(
    locales, django_assert_num_queries
):
    zh = locales["zh-hans"]
    engine = category_create(name="发动机油", slug="engine", locale=zh)
    category_create(name="柴油机油", slug="diesel", locale=zh, parent=engine)
    category_create(name="润滑脂", slug="grease", locale=zh)
    category_create(name="Greases", slug="grease", locale=locales["en"])

    with django_assert_num_queries(1):
        tree = category_tree(locale_id=zh.pk)

    assert [node["category"].slug for node in tree] == ["engine", "grease"]
    assert [node["category"].slug for node in tree[0]["children"]] == ["diesel"]
