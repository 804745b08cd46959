"""What changed between two frozen texts of a policy, readable in both languages.

Sections are matched by their block id (stable across edits and imports), then by
number and heading. Inside a changed section the lines (headings, paragraphs,
items) are aligned; a changed line gets an inline diff: Chinese character by
character within the sentences that changed (a sentence ends with 。！？；), English
word by word. ``version_diff`` returns plain data for the API and the admin.
"""

from __future__ import annotations

import difflib
import re
from html import unescape
from typing import Any

from django.utils.html import strip_tags

_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")
_WORD = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(strip_tags(html))).strip()


def section_lines(section: dict[str, Any]) -> list[str]:
    """A frozen section as text lines: its blocks, sub-headings included."""
    lines: list[str] = []

    def walk(blocks: list[dict[str, Any]]) -> None:
        for block in blocks:
            if block["type"] == "subsection":
                lines.append(f"{block['label']}{block['heading']}".strip())
                walk(block["blocks"])
            else:
                lines.append(f"{block.get('label', '')}{_plain(block['html'])}".strip())

    walk(section["blocks"])
    return lines


def _merge(ops: list[dict[str, str]]) -> list[dict[str, str]]:
    merged: list[dict[str, str]] = []
    for op in ops:
        if op["text"] == "":
            continue
        if merged and merged[-1]["op"] == op["op"]:
            merged[-1] = {"op": op["op"], "text": merged[-1]["text"] + op["text"]}
        else:
            merged.append(op)
    return merged


def _token_diff(old: list[str], new: list[str]) -> list[dict[str, str]]:
    ops: list[dict[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append({"op": "equal", "text": "".join(old[i1:i2])})
            continue
        ops.append({"op": "delete", "text": "".join(old[i1:i2])})
        ops.append({"op": "insert", "text": "".join(new[j1:j2])})
    return ops


def inline_diff(old: str, new: str, locale: str) -> list[dict[str, str]]:
    """Ops (``equal``/``delete``/``insert`` + text) turning ``old`` into ``new``."""
    if not locale.startswith("zh"):
        return _merge(_token_diff(_WORD.findall(old), _WORD.findall(new)))
    old_sentences = [s for s in _SENTENCE.findall(old) if s]
    new_sentences = [s for s in _SENTENCE.findall(new) if s]
    ops: list[dict[str, str]] = []
    matcher = difflib.SequenceMatcher(
        None, old_sentences, new_sentences, autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_sentences[i1:i2]), "".join(new_sentences[j1:j2])
        if tag == "equal":
            ops.append({"op": "equal", "text": before})
        elif tag == "replace":
            ops += _token_diff(list(before), list(after))
        else:
            ops += [{"op": "delete", "text": before}, {"op": "insert", "text": after}]
    return _merge(ops)


def _line_changes(old: list[str], new: list[str], locale: str) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = (
            list(zip(old[i1:i2], new[j1:j2], strict=False)) if tag == "replace" else []
        )
        for before, after in pairs:
            changes.append(
                {
                    "op": "changed",
                    "old": before,
                    "new": after,
                    "inline": inline_diff(before, after, locale),
                }
            )
        for before in old[i1 + len(pairs) : i2]:
            changes.append({"op": "removed", "old": before, "new": "", "inline": []})
        for after in new[j1 + len(pairs) : j2]:
            changes.append({"op": "added", "old": "", "new": after, "inline": []})
    return changes


def _match_sections(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Pairs in the new order; removed sections follow where they were."""
    unmatched = list(old)
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    keys = (
        lambda s: s["id"],
        lambda s: (s["number"], s["heading"]),
        lambda s: s["heading"],
    )
    matched: dict[int, dict[str, Any]] = {}
    for key in keys:
        for index, section in enumerate(new):
            if index in matched:
                continue
            found = next((o for o in unmatched if key(o) == key(section)), None)
            if found is not None:
                matched[index] = found
                unmatched.remove(found)
    for index, section in enumerate(new):
        pairs.append((matched.get(index), section))
    for section in unmatched:
        position = old.index(section)
        pairs.insert(min(position, len(pairs)), (section, None))
    return pairs


def _section_entry(section: dict[str, Any], status: str) -> dict[str, Any]:
    return {
        "id": section["id"],
        "number": section["number"],
        "label": section["label"],
        "heading": section["heading"],
        "status": status,
    }


def content_diff(
    old: dict[str, Any], new: dict[str, Any], locale: str
) -> dict[str, Any]:
    """Sections added, removed and changed between two frozen contents."""
    sections = []
    counts = {"added": 0, "removed": 0, "changed": 0}
    for before, after in _match_sections(old["sections"], new["sections"]):
        if after is None and before is not None:
            entry = _section_entry(before, "removed")
            entry["changes"] = _line_changes(section_lines(before), [], locale)
        elif before is None and after is not None:
            entry = _section_entry(after, "added")
            entry["changes"] = _line_changes([], section_lines(after), locale)
        elif before is not None and after is not None:
            old_lines = [
                f"{before['label']}{before['heading']}",
                *section_lines(before),
            ]
            new_lines = [f"{after['label']}{after['heading']}", *section_lines(after)]
            changes = _line_changes(old_lines, new_lines, locale)
            if not changes:
                continue
            entry = _section_entry(after, "changed")
            entry["changes"] = changes
        else:
            continue
        counts[entry["status"]] += 1
        sections.append(entry)
    other = []
    for name in ("title", "intro_html"):
        old_text, new_text = _plain(old.get(name, "")), _plain(new.get(name, ""))
        if old_text != new_text:
            other.append(
                {
                    "field": name.removesuffix("_html"),
                    "old": old_text,
                    "new": new_text,
                    "inline": inline_diff(old_text, new_text, locale),
                }
            )
    contact = _line_changes(old.get("contact", []), new.get("contact", []), locale)
    return {
        "summary": counts,
        "sections": sections,
        "fields": other,
        "contact": contact,
    }
