"""Every string the project adds has a zh-hans translation, and the committed
catalogue (``locale/zh_Hans/LC_MESSAGES/django.po`` and its compiled ``.mo``) is
what ``makemessages`` and ``compilemessages`` make of the code today.

The test runs ``makemessages`` with the project's settings into a temporary folder
(it needs GNU ``xgettext``: Debian's ``gettext`` package) and compares the msgids
with the committed catalogue. When it fails: ``make messages``, translate every
empty ``msgstr`` it lists, ``make messages`` again (it compiles the ``.mo``), commit.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

LOCALE = "zh_Hans"
CATALOGUE = Path(django_settings.BASE_DIR) / "locale" / LOCALE / "LC_MESSAGES"
# The same list as the Makefile's ``messages`` target.
IGNORE = ["tests/*", "bench/*", "tools/*", "*/migrations/*", "node_modules/*"]


def _key(entry: polib.POEntry | polib.MOEntry) -> str:
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    plural = f" / {entry.msgid_plural!r}" if entry.msgid_plural else ""
    return f"{context}{entry.msgid!r}{plural}"


def _translated(entry: polib.POEntry) -> bool:
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _listing(title: str, keys: list[str]) -> str:
    return f"{title} ({len(keys)}):\n" + "\n".join(f"  msgid {k}" for k in keys)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> polib.POFile:
    """The catalogue ``makemessages`` makes of the code now (msgstrs empty).

    makemessages writes next to any ``locale`` folder it meets, so it runs in a
    folder of symlinks to the project's top-level entries (all but ``locale``)
    and writes to a temporary LOCALE_PATHS; the committed catalogue is untouched.
    """
    root = tmp_path_factory.mktemp("i18n")
    source, out = root / "src", root / "out"
    source.mkdir()
    for entry in Path(django_settings.BASE_DIR).iterdir():
        if entry.name != "locale" and not entry.name.startswith("."):
            (source / entry.name).symlink_to(entry)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(source)
    monkeypatch.setattr(django_settings, "LOCALE_PATHS", [str(out)])
    try:
        call_command(
            "makemessages",
            locale=[LOCALE],
            ignore_patterns=IGNORE,
            symlinks=True,
            no_location=True,
            no_obsolete=True,
            verbosity=0,
        )
    finally:
        monkeypatch.undo()
    return polib.pofile(str(out / LOCALE / "LC_MESSAGES" / "django.po"))


@pytest.fixture(scope="module")
def committed() -> polib.POFile:
    return polib.pofile(str(CATALOGUE / "django.po"))


def test_every_project_string_has_a_chinese_translation(fresh, committed):
    assert len(fresh) > 500, "makemessages found too few strings; is it run right?"
    translations = {_key(entry): entry for entry in committed}
    missing = [_key(e) for e in fresh if _key(e) not in translations]
    untranslated = [
        _key(e)
        for e in fresh
        if _key(e) in translations and not _translated(translations[_key(e)])
    ]
    assert not (missing or untranslated), (
        "Project strings without a zh-hans translation in "
        f"locale/{LOCALE}/LC_MESSAGES/django.po. Run `make messages`, translate "
        "each empty (or fuzzy) msgstr, run `make messages` again and commit.\n"
        + "\n".join(
            _listing(title, keys)
            for title, keys in [
                ("Not in the catalogue", missing),
                ("Empty or fuzzy msgstr", untranslated),
            ]
            if keys
        )
    )


def test_the_catalogue_holds_no_strings_the_code_lost(fresh, committed):
    current = {_key(entry) for entry in fresh}
    stale = [_key(e) for e in committed if _key(e) not in current]
    obsolete = [_key(e) for e in committed.obsolete_entries()]
    assert not (stale or obsolete), (
        "The committed catalogue is stale against makemessages: run `make messages` "
        "and commit.\n" + _listing("No longer in the code", stale + obsolete)
    )


def test_the_compiled_catalogue_matches_the_po_file(committed):
    """The ``.mo`` Django reads is the ``.po`` compiled (``make messages``)."""
    compiled = polib.mofile(str(CATALOGUE / "django.mo"))
    as_compiled = {
        _key(e): (e.msgstr, dict(sorted(e.msgstr_plural.items()))) for e in compiled
    }
    expected = {
        _key(e): (e.msgstr, dict(sorted(e.msgstr_plural.items())))
        for e in committed
        if _translated(e)
    }
    differ = sorted(
        key
        for key in expected.keys() | as_compiled.keys()
        if key != "''" and expected.get(key) != as_compiled.get(key)
    )
    assert not differ, (
        f"locale/{LOCALE}/LC_MESSAGES/django.mo is older than django.po: run "
        "`make messages` (or compilemessages) and commit.\n"
        + _listing("Compiled differently", differ)
    )


def test_project_strings_render_in_chinese():
    """The catalogue is on LOCALE_PATHS and Django reads it."""
    from django.utils import translation

    from products.models import Brand

    with translation.override("zh-hans"):
        assert str(Brand._meta.verbose_name_plural) == "品牌"
        assert translation.gettext("Search synonyms") == "搜索同义词"
    with translation.override("en"):
        assert str(Brand._meta.verbose_name_plural) == "brands"


@pytest.mark.django_db
def test_the_admin_javascript_speaks_chinese_too(admin_client):
    """Wagtail's own zh_Hans JavaScript catalogue misses strings the editor shows
    (the rich-text placeholder, autosave, the sidebar's "new items"); ours
    (``locale/zh_Hans/LC_MESSAGES/djangojs.po``) fills every one, and Django
    merges LOCALE_PATHS into Wagtail's catalogue view."""
    import json

    import wagtail
    from django.urls import reverse
    from django.utils.translation.trans_real import DjangoTranslation

    admin_locale = Path(wagtail.__file__).parent / "admin" / "locale"
    catalogue = DjangoTranslation(
        "zh-hans", domain="djangojs", localedirs=[str(admin_locale)]
    )
    english = polib.pofile(str(admin_locale / "en" / "LC_MESSAGES" / "djangojs.po"))
    untranslated = [
        entry.msgid
        for entry in english
        if catalogue.gettext(entry.msgid) == entry.msgid
        and not entry.msgid_plural
        or entry.msgid_plural
        and catalogue.ngettext(entry.msgid, entry.msgid_plural, 2) == entry.msgid_plural
    ]
    assert untranslated == []
    response = admin_client.get(
        reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 200
    assert json.dumps("插入区块") in response.content.decode()  # \\u-escaped
