"""``policy_import``: a plain-text policy becomes a policy page or its translation.

The Chinese text becomes (a new draft of) the source ``PolicyPage``. The English
text becomes its wagtail-localize translation: each Chinese segment gets the
English text found at the same place in the English file (same section,
same sub-section, same position), stored as the translator's
``StringTranslation`` so the translation editor shows it, and the English page is
saved from those translations. ``manage.py import_policy`` is the command line.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from dataclasses import dataclass
from html import escape
from typing import Any

from django.db import transaction
from wagtail.models import Locale

from cms.errors import ValidationFailed
from core.i18n import source_language

from .models import PolicyPage, PolicyVersion
from .parsing import ParsedPolicy, PolicyParseError, Section, Unit, parse_policy

DEFAULT_SLUG = "legal-privacy"


@dataclass
class ImportResult:
    page: PolicyPage
    parsed: ParsedPolicy
    created: bool
    version: PolicyVersion | None


def _p(text: str) -> str:
    return f"<p>{escape(text, quote=False)}</p>"


def _block(block_type: str, value: Any, old_id: str | None = None) -> dict[str, Any]:
    return {"type": block_type, "value": value, "id": old_id or str(uuid.uuid4())}


def _unit_raw(unit: Unit, old: dict[str, Any] | None) -> dict[str, Any]:
    if unit.is_item:
        value = {"number": unit.number, "marker": unit.marker, "text": _p(unit.text)}
        return _block(
            "item", value, old["id"] if old and old["type"] == "item" else None
        )
    return _block("paragraph", _p(unit.text), old["id"] if old else None)


def _old(children: list[dict[str, Any]], index: int) -> dict[str, Any] | None:
    return children[index] if index < len(children) else None


def _section_raw(section: Section, old: dict[str, Any] | None) -> dict[str, Any]:
    """Raw StreamField data; block ids are kept by position so that an import of
    a new edition diffs (and keeps its translations) block by block."""
    old_children = old["value"]["content"] if old else []
    old_units = [c for c in old_children if c["type"] != "subsection"]
    old_subs = [c for c in old_children if c["type"] == "subsection"]
    content = [_unit_raw(u, _old(old_units, i)) for i, u in enumerate(section.units)]
    for index, sub in enumerate(section.subsections):
        old_sub = _old(old_subs, index)
        old_sub_units = old_sub["value"]["content"] if old_sub else []
        value = {
            "number": sub.number,
            "heading": sub.heading,
            "content": [
                _unit_raw(u, _old(old_sub_units, i)) for i, u in enumerate(sub.units)
            ],
        }
        content.append(_block("subsection", value, old_sub["id"] if old_sub else None))
    value = {"number": section.number, "heading": section.heading, "content": content}
    return _block("section", value, old["id"] if old else None)


def _fill_source(page: PolicyPage, parsed: ParsedPolicy, updated_on: dt.date) -> None:
    old_sections = list(page.body.raw_data) if page.pk and page.body else []
    page.title = page.draft_title = parsed.title
    page.updated_on = updated_on
    page.intro = "".join(_p(line) for line in parsed.intro)
    page.body = [
        _section_raw(section, _old(old_sections, index))
        for index, section in enumerate(parsed.sections)
    ]
    page.contact = "\n".join(parsed.contact)
    page.material_change = True


def _import_source(
    parsed: ParsedPolicy, *, slug: str, updated_on: dt.date, user
) -> tuple[PolicyPage, bool]:
    from cms.services import site_tree_ensure

    home = site_tree_ensure()[source_language()]
    page = PolicyPage.objects.filter(locale=home.locale, slug=slug).first()
    created = page is None
    if page is None:
        page = PolicyPage(slug=slug, locale=home.locale, live=False, owner=user)
        _fill_source(page, parsed, updated_on)
        home.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        _fill_source(page, parsed, updated_on)
    page.change_summary = ""
    page.save_revision(user=user, log_action=True)
    return page, created


def policy_import(
    *,
    text: str,
    locale: str,
    slug: str = DEFAULT_SLUG,
    updated_on: dt.date | None = None,
    publish: bool = False,
    user=None,
) -> ImportResult:
    """Import ``text`` in ``locale``; ``publish`` freezes a new version.

    Raises ``ValidationFailed`` (code ``unreadable_policy``) for a file it cannot
    read, or an English file that does not line up with the Chinese page.
    """
    try:
        parsed = parse_policy(text, locale)
    except PolicyParseError as exc:
        raise ValidationFailed(str(exc), code="unreadable_policy") from exc
    date = updated_on or parsed.updated_on
    if date is None:
        raise ValidationFailed(
            "The file has no 'updated on' line; pass --updated-on.",
            code="unreadable_policy",
        )
    with transaction.atomic():
        if locale == source_language():
            page, created = _import_source(
                parsed, slug=slug, updated_on=date, user=user
            )
        else:
            from .translation_import import import_translation

            page, created = import_translation(parsed, slug=slug, user=user)
        version = None
        if publish:
            page.get_latest_revision().publish(user=user)
            page.refresh_from_db()
            version = PolicyVersion.objects.filter(policy=_source_of(page)).first()
    return ImportResult(page=page, parsed=parsed, created=created, version=version)


def _source_of(page: PolicyPage) -> PolicyPage:
    if page.locale.language_code == source_language():
        return page
    source_locale = Locale.objects.get(language_code=source_language())
    return page.get_translation(source_locale).specific


def translated_body(
    source_raw: list[dict[str, Any]], parsed: ParsedPolicy
) -> list[dict[str, Any]]:
    """The source's raw body with every text replaced by ``parsed``'s text at the
    same place; raises ``ValidationFailed`` naming the first place that differs."""
    if len(source_raw) != len(parsed.sections):
        raise _mismatch(
            f"{len(parsed.sections)} sections in the file, "
            f"{len(source_raw)} on the source page"
        )
    body = copy.deepcopy(source_raw)
    for position, (block, section) in enumerate(
        zip(body, parsed.sections, strict=True)
    ):
        where = f"section {position + 1} ({section.heading})"
        value = block["value"]
        value["heading"] = section.heading
        units = [c for c in value["content"] if c["type"] != "subsection"]
        subs = [c for c in value["content"] if c["type"] == "subsection"]
        _replace_units(units, section.units, where)
        if len(subs) != len(section.subsections):
            raise _mismatch(
                f"{where}: {len(section.subsections)} sub-sections in the file, "
                f"{len(subs)} on the source page"
            )
        for sub_block, sub in zip(subs, section.subsections, strict=True):
            sub_block["value"]["heading"] = sub.heading
            _replace_units(
                sub_block["value"]["content"], sub.units, f"{where} › {sub.heading}"
            )
    return body


def _replace_units(blocks: list[dict[str, Any]], units: list[Unit], where: str) -> None:
    if len(blocks) != len(units):
        raise _mismatch(
            f"{where}: {len(units)} paragraphs and items in the file, "
            f"{len(blocks)} on the source page"
        )
    for block, unit in zip(blocks, units, strict=True):
        if block["type"] == "item":
            block["value"]["text"] = _p(unit.text)
        else:
            block["value"] = _p(unit.text)


def _mismatch(detail: str) -> ValidationFailed:
    return ValidationFailed(
        f"The translation does not line up with the source: {detail}.",
        code="unreadable_policy",
    )
