"""products_import: the whole file validated first, translations linked, no churn."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Revision

from products.importer import ImportFailed, products_import
from products.models import Brand, ProductCategory, ProductIndexPage, ProductPage
from products.packaging import PackageSize

from .conftest import csv_bytes, product_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages in English, as ``import_products`` prints them (the admin's
    import screen shows them in the staff member's language)."""
    with translation.override("en"):
        yield


def revisions_of_products() -> dict[int, int]:
    return {page.pk: page.revisions.count() for page in ProductPage.objects.all()}


def test_a_good_csv_creates_the_source_page_and_its_english_translation(tree):
    report = products_import(data=csv_bytes(product_rows()), filename="p.csv")

    zh = ProductPage.objects.get(locale__language_code="zh-hans", sku="LP-HM46")
    en = ProductPage.objects.get(locale__language_code="en", sku="LP-HM46")
    assert len(report.created) == 2
    assert en.translation_key == zh.translation_key
    assert en.get_parent().specific == ProductIndexPage.objects.get(
        locale__language_code="en"
    )
    assert (zh.slug, en.slug) == ("lp-hm46", "lp-hm46")
    assert zh.live and en.live
    assert [s.code for s in en.specifications.all()] == [
        "DIN 51524-2 HLP",
        "GB 11118.1 L-HM",
    ]
    assert en.application_list == ["Injection moulding", "Hydraulic units"]
    assert [(s["amount"], s["unit"]) for s in zh.package_size_data()] == [
        ("18", "L"),
        ("200", "L"),
    ]
    # Synchronised: the translation has the source's sizes, ids included.
    assert sizes_with_ids(en) == sizes_with_ids(zh)


def sizes_with_ids(page):
    return [
        (item["id"], PackageSize.from_data(item["value"]))
        for item in page.package_sizes.raw_data
    ]


def test_package_sizes_come_from_the_source_row_and_keep_their_ids(tree):
    products_import(data=csv_bytes(product_rows()), filename="p.csv")
    zh = ProductPage.objects.get(locale__language_code="zh-hans", sku="LP-HM46")
    first = [item["id"] for item in zh.package_sizes.raw_data]

    rows = product_rows(
        zh={"package_sizes": "4L×6;18L 桶;200L;按需定制"},
        en={"package_sizes": "1L"},  # ignored: sizes are not translated
    )
    products_import(data=csv_bytes(rows), filename="p.csv")
    zh.refresh_from_db()
    en = ProductPage.objects.get(locale__language_code="en", sku="LP-HM46")
    labels = [size["label"] for size in en.package_size_data("en")]
    assert labels == ["4 L × 6 case", "18 L drum", "200 L", "按需定制"]
    assert sizes_with_ids(en) == sizes_with_ids(zh)
    ids = [item["id"] for item in zh.package_sizes.raw_data]
    assert ids[2] == first[1]  # 200L unchanged keeps its id


def test_brands_and_categories_are_created_in_both_languages_as_translations(
    tree,
):
    products_import(data=csv_bytes(product_rows()), filename="p.csv")

    zh_brand = Brand.objects.get(locale__language_code="zh-hans")
    en_brand = Brand.objects.get(locale__language_code="en")
    assert (zh_brand.name, en_brand.name) == ("超润", "Lubpur")
    assert zh_brand.translation_key == en_brand.translation_key
    zh_leaf = ProductCategory.objects.get(
        locale__language_code="zh-hans", parent__isnull=False
    )
    en_leaf = ProductCategory.objects.get(
        locale__language_code="en", parent__isnull=False
    )
    assert zh_leaf.translation_key == en_leaf.translation_key
    assert zh_leaf.path == en_leaf.path == "industrial-oils/hydraulic-oils"
    assert en_leaf.parent.name == "Industrial oils"
    en_page = ProductPage.objects.get(locale__language_code="en")
    assert en_page.brand == en_brand
    assert [link.category for link in en_page.category_links.all()] == [en_leaf]


def test_a_json_list_with_list_values_imports_like_csv(tree):
    rows = product_rows("LP-GL5")
    rows[0]["specifications"] = ["API GL-5", "MIL-PRF-2105E"]
    data = json.dumps(rows, ensure_ascii=False, indent=2).encode()

    products_import(data=data, filename="p.json")

    page = ProductPage.objects.get(locale__language_code="zh-hans", sku="LP-GL5")
    assert [s.code for s in page.specifications.all()] == ["API GL-5", "MIL-PRF-2105E"]
    assert ProductPage.objects.filter(sku="LP-GL5").count() == 2


def test_a_bad_file_reports_every_bad_row_by_line_and_writes_nothing(tree):
    rows = [
        *product_rows("LP-OK1"),
        {**product_rows("LP-BAD")[0], "base_oil": "whale"},
        {**product_rows("LP-X")[0], "locale": "fr"},
        {**product_rows("LP-Y")[0], "title": ""},
    ]

    with pytest.raises(ImportFailed) as caught:
        products_import(data=csv_bytes(rows), filename="p.csv")

    messages = [str(error) for error in caught.value.row_errors]
    assert messages[0].startswith("line 4: base_oil 'whale'")
    assert messages[1].startswith("line 5: locale 'fr'")
    assert messages[2] == "line 6: title is required."
    assert ProductPage.objects.count() == 0
    assert Brand.objects.count() == 0
    assert ProductCategory.objects.count() == 0


def test_json_errors_name_the_line_where_the_object_starts(tree):
    rows = product_rows()
    rows[1]["locale"] = "de"
    data = json.dumps(rows, ensure_ascii=False, indent=2).encode()

    with pytest.raises(ImportFailed) as caught:
        products_import(data=data, filename="p.json")

    [error] = caught.value.row_errors
    assert error.line == 15  # "[" + 13 lines of the first object + ", {"
    assert "locale 'de'" in error.message


def test_an_english_row_without_a_chinese_product_is_rejected(tree):
    with pytest.raises(ImportFailed) as caught:
        products_import(data=csv_bytes(product_rows()[1:]), filename="p.csv")

    assert "no zh-hans row for sku 'LP-HM46'" in str(caught.value.row_errors[0])


def test_unknown_columns_are_reported_on_the_header_line(tree):
    data = b"sku,locale,title,colour\nA1,zh-hans,T,red\n"

    with pytest.raises(ImportFailed) as caught:
        products_import(data=data, filename="p.csv")

    message = str(caught.value.row_errors[0])
    assert message.startswith("line 1: unknown column(s): colour")


def test_importing_the_same_file_again_changes_nothing(tree):
    data = csv_bytes(product_rows("A-1") + product_rows("B-2"))
    products_import(data=data, filename="p.csv")
    before = revisions_of_products()
    revision_total = Revision.objects.count()

    report = products_import(data=data, filename="p.csv")

    assert report.created == report.updated == []
    assert len(report.unchanged) == 4
    assert revisions_of_products() == before
    assert Revision.objects.count() == revision_total


def test_a_changed_row_publishes_a_new_revision_of_that_page_only(tree):
    products_import(data=csv_bytes(product_rows("A-1")), filename="p.csv")
    before = revisions_of_products()
    changed = product_rows("A-1", en={"summary": "Now with better oxidation life."})

    report = products_import(data=csv_bytes(changed), filename="p.csv")

    en = ProductPage.objects.get(locale__language_code="en")
    zh = ProductPage.objects.get(locale__language_code="zh-hans")
    assert report.updated == ["A-1 (en)"]
    assert en.summary == "Now with better oxidation life."
    assert en.revisions.count() == before[en.pk] + 1
    assert en.live_revision == en.latest_revision
    assert zh.revisions.count() == before[zh.pk]


def test_a_dry_run_reports_what_would_happen_without_writing(tree):
    report = products_import(
        data=csv_bytes(product_rows()), filename="p.csv", dry_run=True
    )

    assert len(report.created) == 2
    assert "would be created" in report.summary()
    assert ProductPage.objects.count() == 0
    assert Brand.objects.count() == 0


def test_the_command_exits_with_an_error_listing_bad_rows(tree, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([{**product_rows()[0], "sku": "", "title": ""}]))

    with pytest.raises(CommandError) as caught:
        call_command("import_products", str(path))

    assert "line 2: sku is required." in str(caught.value)
    assert "line 2: title is required." in str(caught.value)


def test_the_command_imports_and_dry_runs(tree, tmp_path, capsys):
    path = tmp_path / "p.csv"
    path.write_bytes(csv_bytes(product_rows()))

    call_command("import_products", str(path), "--dry-run")
    assert "Dry run: 2 page(s) would be created" in capsys.readouterr().out
    assert ProductPage.objects.count() == 0

    call_command("import_products", str(path))
    assert ProductPage.objects.count() == 2
