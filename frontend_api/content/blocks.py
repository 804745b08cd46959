"""The guide body StreamField as typed blocks.

Each block becomes ``{"type", "id", "value"}`` with a value shape per type (see
``serializers.guides``). Everything the blocks reference is fetched up front
from the stored JSON (``raw_data``): rich-text links in two queries, images with
their renditions in two, product references (resolved to the product in the
reader's locale) with the product list's queries. A product reference whose
product has no live version in that locale is left out, like list items.
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from products import selectors
from products.models import RENDITION_SPECS

from .media import image_set
from .richtext import RichTextRenderer


def _blocks(raw) -> list[dict[str, Any]]:
    return [block for block in raw if isinstance(block, dict)]


def guide_body_data(
    request: Request, raw_body, locale: Locale, product_context: dict
) -> list[dict[str, Any]]:
    from .serializers import ProductListItemSerializer

    blocks = _blocks(raw_body)
    html_sources = [
        b["value"] if b["type"] == "rich_text" else (b["value"] or {}).get("text", "")
        for b in blocks
        if b["type"] in {"rich_text", "callout"}
    ]
    richtext = RichTextRenderer(html_sources, locale)
    image_ids = {
        (b["value"] or {}).get("image") for b in blocks if b["type"] == "image"
    } - {None}
    images = {
        image.pk: image
        for image in get_image_model()
        .objects.filter(pk__in=image_ids)
        .prefetch_renditions(*RENDITION_SPECS.values())
    }
    product_ids = {
        (b["value"] or {}).get("product")
        for b in blocks
        if b["type"] == "product_reference"
    } - {None}
    keys = dict(
        Page.objects.filter(pk__in=product_ids).values_list("pk", "translation_key")
    )
    products = selectors.products_by_translation_keys(
        locale=locale, keys=set(keys.values())
    )

    out = []
    for block in blocks:
        kind, value = block["type"], block.get("value")
        if kind == "rich_text":
            data = {"html": richtext(value)}
        elif kind == "callout":
            value = value or {}
            data = {
                "style": value.get("style") or "tip",
                "title": value.get("title") or "",
                "html": richtext(value.get("text") or ""),
            }
        elif kind == "image":
            image = images.get((value or {}).get("image"))
            if image is None:
                continue
            data = {
                "image": image_set(request, image),
                "caption": (value or {}).get("caption") or "",
            }
        elif kind == "table":
            data = _table(value or {})
        elif kind == "product_reference":
            product = products.get(keys.get((value or {}).get("product")))
            if product is None:
                continue
            data = {
                "product": ProductListItemSerializer(
                    product, context=product_context
                ).data,
                "note": (value or {}).get("note") or "",
            }
        else:
            continue
        out.append({"type": kind, "id": block.get("id") or "", "value": data})
    return out


def _table(value: dict) -> dict[str, Any]:
    return {
        "caption": value.get("table_caption") or "",
        "first_row_is_header": bool(value.get("first_row_is_table_header")),
        "first_col_is_header": bool(value.get("first_col_is_header")),
        "rows": [
            [None if cell is None else str(cell) for cell in row]
            for row in value.get("data") or []
        ],
    }
