"""A policy's StreamField body from parsed text, as raw data.

``source_body`` builds the Chinese source page's body (keeping block ids by
position, so a new edition diffs block by block and keeps its translations);
``translated_body`` puts the English text into a copy of the source's body, at
the same places. Used by ``legal.importer`` and ``legal.translation_import``.
"""

from __future__ import annotations

import copy
import uuid
from html import escape
from typing import Any

from core.errors import ValidationFailed

from .parsing import ParsedPolicy, Section, Unit


def paragraph_html(text: str) -> str:
    """One paragraph of a rich text field."""
    return f"<p>{escape(text, quote=False)}</p>"


def _block(block_type: str, value: Any, old_id: str | None = None) -> dict[str, Any]:
    return {"type": block_type, "value": value, "id": old_id or str(uuid.uuid4())}


def _unit_raw(unit: Unit, old: dict[str, Any] | None) -> dict[str, Any]:
    if unit.is_item:
        value = {
            "number": unit.number,
            "marker": unit.marker,
            "text": paragraph_html(unit.text),
        }
        return _block(
            "item", value, old["id"] if old and old["type"] == "item" else None
        )
    return _block("paragraph", paragraph_html(unit.text), old["id"] if old else None)


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


def source_body(
    parsed: ParsedPolicy, old_sections: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The raw body of the source page for ``parsed``; ``old_sections`` is the
    current raw body (its block ids are reused by position)."""
    return [
        _section_raw(section, _old(old_sections, index))
        for index, section in enumerate(parsed.sections)
    ]


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
            block["value"]["text"] = paragraph_html(unit.text)
        else:
            block["value"] = paragraph_html(unit.text)


def _mismatch(detail: str) -> ValidationFailed:
    return ValidationFailed(
        f"The translation does not line up with the source: {detail}.",
        code="unreadable_policy",
    )
