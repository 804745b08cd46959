"""A policy page's content as frozen data: structured sections and one HTML document.

``policy_content(page)`` turns the StreamField into plain JSON (each block's
``get_api_representation``, see ``legal.blocks``) (what a version
freezes and the API returns as ``sections``); ``policy_html(content)`` renders it
with each locale's numbering (一、/（一）/1、 in Chinese, 1./(1)/1. in English).
"""

from __future__ import annotations

import hashlib
import json
from html import escape
from typing import Any

from wagtail.rich_text import RichText, expand_db_html

_CJK = "零一二三四五六七八九"


def cjk_numeral(number: int) -> str:
    if number < 10:
        return _CJK[number]
    tens, units = divmod(number, 10)
    return f"{_CJK[tens] if tens > 1 else ''}十{_CJK[units] if units else ''}"


def number_label(kind: str, number: int | None, locale: str, marker: str = "") -> str:
    """The printed number of a section, sub-section or item in ``locale``."""
    if number is None:
        return ""
    chinese = locale.startswith("zh")
    if kind == "section":
        return f"{cjk_numeral(number)}、" if chinese else f"{number}."
    if kind == "subsection" or marker == "paren_cjk":
        return f"（{cjk_numeral(number)}）" if chinese else f"({number})"
    if marker == "paren":
        return f"（{number}）" if chinese else f"({number})"
    return f"{number}、" if chinese else f"{number}."


def rich_text_html(value: Any) -> str:
    """Stored rich text (a ``RichText`` or its source) as HTML."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    return expand_db_html(source)


def policy_content(page) -> dict[str, Any]:
    """The page's content as JSON-ready data (the frozen ``content`` of a version)."""
    locale = page.locale.language_code
    # Each block's own representation (``legal.blocks``).
    sections = page.body.stream_block.get_api_representation(
        page.body, {"locale": locale}
    )
    return {
        "title": page.title,
        "locale": locale,
        "updated_on": page.updated_on.isoformat(),
        "intro_html": expand_db_html(page.intro or ""),
        "sections": sections,
        "contact": [line.strip() for line in page.contact.splitlines() if line.strip()],
    }


def _blocks_html(blocks: list[dict[str, Any]]) -> str:
    parts = []
    for block in blocks:
        if block["type"] == "paragraph":
            parts.append(block["html"])
        elif block["type"] == "item":
            inner = block["html"]
            if inner.startswith("<p>") and inner.endswith("</p>"):
                inner = inner[3:-4]
            parts.append(
                f'<p class="policy-item"><span class="policy-number">'
                f"{escape(block['label'])}</span>{inner}</p>"
            )
        else:
            parts.append(
                f"<h3>{_label_span(block['label'])}{escape(block['heading'])}</h3>"
                f"{_blocks_html(block['blocks'])}"
            )
    return "".join(parts)


def _label_span(label: str) -> str:
    return f'<span class="policy-number">{escape(label)}</span>' if label else ""


def policy_html(content: dict[str, Any]) -> str:
    """The whole policy as one HTML fragment (h1, intro, sections, contact)."""
    parts = [f"<h1>{escape(content['title'])}</h1>", content["intro_html"]]
    for section in content["sections"]:
        parts.append(
            f'<section id="{section["anchor"]}"><h2>{_label_span(section["label"])}'
            f"{escape(section['heading'])}</h2>{_blocks_html(section['blocks'])}"
            "</section>"
        )
    if content["contact"]:
        lines = "<br>".join(escape(line) for line in content["contact"])
        parts.append(f'<address class="policy-contact">{lines}</address>')
    return "".join(parts)


def content_sha256(content: dict[str, Any], html: str) -> str:
    """SHA-256 over the canonical JSON of the structured content and the HTML."""
    canonical = json.dumps(
        {"content": content, "html": html},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def policy_preview_data(request, page) -> dict[str, Any]:
    """The admin's preview of a policy draft (``core.preview``): the HTML a
    version of it would freeze and the API serve."""
    content = policy_content(page)
    return {
        "html": policy_html(content),
        "updated_on": page.updated_on,
        "effective_date": getattr(page, "effective_date", None),
    }
