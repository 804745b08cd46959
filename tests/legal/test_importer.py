"""``import_policy``: Chinese pages, English translations, drafts and refusals."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from core.errors import ValidationFailed
from legal.importer import policy_import
from legal.models import PolicyPage, PolicyVersion

from .fixtures import BILINGUAL, EN, ZH

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages in English, as the command line prints them with LANG=en."""
    with translation.override("en"):
        yield


def _headings(page):
    return [(b.value["number"], b.value["heading"]) for b in page.body]


def test_chinese_import_creates_a_draft_policy_under_the_chinese_home(tree):
    result = policy_import(text=ZH, locale="zh-hans", slug="privacy")
    page = result.page
    assert result.created and result.version is None
    assert page.get_parent().pk == tree.homes["zh-hans"].pk
    assert not page.live and page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert _headings(draft) == [
        (None, "基本规则"),
        (None, "版权声明"),
        (1, "我们如何收集信息"),
        (2, "如何联系我们"),
    ]
    assert str(draft.updated_on) == "2024-03-01"
    assert draft.contact == "邮箱:help@example.com\n电话:021-12345678"


def test_english_import_is_a_localize_translation_with_every_segment(policy):
    english = policy.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.translation_key == policy.translation_key and english.live
    assert english.title == "Test Statement and Privacy Policy"
    assert _headings(english) == [
        (None, "Basic rules"),
        (None, "Copyright notice"),
        (1, "How we collect information"),
        (2, "How to contact us"),
    ]
    assert "help@example.com" in english.contact and "电话" not in english.contact
    assert (
        StringTranslation.objects.filter(
            locale__language_code="en", tool_name="import_policy"
        ).count()
        >= 20
    )
    # Block ids are shared with the source, so later syncs keep translations.
    assert [b.id for b in english.body] == [b.id for b in policy.body]


def test_reimporting_makes_a_new_draft_and_keeps_block_ids(policy):
    edited = ZH.replace("您应当遵守法律。", "您应当遵守全部法律。")
    result = policy_import(text=edited, locale="zh-hans", slug="privacy")
    assert not result.created
    page = PolicyPage.objects.get(pk=policy.pk)
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert [b.id for b in draft.body] == [b.id for b in policy.body]
    assert PolicyVersion.objects.filter(policy=page).count() == 1


def test_updated_on_option_overrides_the_file(tree):
    import datetime as dt

    result = policy_import(
        text=ZH,
        locale="zh-hans",
        slug="privacy",
        updated_on=dt.date(2025, 1, 2),
        publish=True,
    )
    assert result.version.label == "2025-01-02"


def test_english_that_does_not_line_up_is_refused(policy):
    broken = EN.replace("2. You shall not abuse the service.\n", "")
    with pytest.raises(
        ValidationFailed, match="Basic rules.: 2 paragraphs and items in the file, 3"
    ):
        policy_import(text=broken, locale="en", slug="privacy")


def test_english_without_its_chinese_page_is_refused(tree):
    with pytest.raises(ValidationFailed, match="import the Chinese text first"):
        policy_import(text=EN, locale="en", slug="privacy")


def test_command_prints_what_it_found_and_refuses_unreadable_files(
    tree, tmp_path, capsys
):
    path = tmp_path / "policy.txt"
    path.write_text(BILINGUAL, encoding="utf-8")
    call_command(
        "import_policy", str(path), "--locale", "zh-hans", "--page", "p", "--publish"
    )
    call_command(
        "import_policy", str(path), "--locale", "en", "--page", "p", "--publish"
    )
    out = capsys.readouterr().out
    assert "4 sections (2 unnumbered parts, 2 numbered)" in out
    assert "Published: version 2024-03-01 (material)." in out
    path.write_bytes("标题".encode("gbk"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_policy", str(path), "--locale", "zh-hans")
    path.write_text("Title\n1、 A section\nSome words.", encoding="utf-8")
    with pytest.raises(CommandError, match="no 'updated on' line"):
        call_command("import_policy", str(path), "--locale", "en")
    path.write_text("just some words", encoding="utf-8")
    with pytest.raises(CommandError, match="No section headings found"):
        call_command("import_policy", str(path), "--locale", "en")
