"""StreamFields in the API: each block's own ``get_api_representation``, fed by
one prefetch pass per page.

Nothing here knows a block type. ``stream_data`` walks the stored JSON
(``raw_data``) along the field's block definitions and collects what the blocks
reference, by Wagtail's block kinds: rich-text sources (their links resolved in
two queries), images (with their renditions, in two) and pages (product
references, resolved to the product in the reader's locale with the product
list's queries). The lookups go to the blocks through ``context``; the top
block's representation is the field's API value (see ``products.blocks``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rest_framework.request import Request
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

from products import selectors
from products.models import DETAIL_IMAGE_SPECS

from .media import image_set
from .richtext import RichTextRenderer


@dataclass
class References:
    """What a stream's blocks point at, collected before anything is fetched."""

    richtext: list[str] = field(default_factory=list)
    images: set[int] = field(default_factory=set)
    pages: set[int] = field(default_factory=set)

    def collect(self, block: blocks.Block, value: Any) -> None:
        if isinstance(block, blocks.StreamBlock):
            for item in value or []:
                if isinstance(item, dict) and item.get("type") in block.child_blocks:
                    self.collect(block.child_blocks[item["type"]], item.get("value"))
        elif isinstance(block, blocks.ListBlock):
            for item in value or []:
                # Stored list items are {"type": "item", "value", "id"} (or bare).
                is_item = isinstance(item, dict) and item.get("type") == "item"
                self.collect(block.child_block, item["value"] if is_item else item)
        elif isinstance(block, blocks.StructBlock):
            value = value if isinstance(value, dict) else {}
            for name, child in block.child_blocks.items():
                self.collect(child, value.get(name))
        elif isinstance(block, blocks.RichTextBlock):
            self.richtext.append(value or "")
        elif isinstance(block, ImageChooserBlock):
            if value is not None:
                self.images.add(value)
        elif isinstance(block, blocks.PageChooserBlock) and value is not None:
            self.pages.add(value)


def raw_text(block: blocks.Block, value: Any) -> str:
    """The words a reader reads in a stored stream (rich text without its
    tags, text fields, table cells), for the reading time without rendering
    the blocks (which would fetch what they reference)."""
    from django.utils.html import strip_tags

    texts: list[str] = []

    def walk(block: blocks.Block, value: Any) -> None:
        if isinstance(block, blocks.StreamBlock):
            for item in value or []:
                if isinstance(item, dict) and item.get("type") in block.child_blocks:
                    walk(block.child_blocks[item["type"]], item.get("value"))
        elif isinstance(block, blocks.ListBlock):
            for item in value or []:
                is_item = isinstance(item, dict) and item.get("type") == "item"
                walk(block.child_block, item["value"] if is_item else item)
        elif isinstance(block, blocks.StructBlock):
            value = value if isinstance(value, dict) else {}
            for name, child in block.child_blocks.items():
                walk(child, value.get(name))
        elif isinstance(block, blocks.RichTextBlock):
            texts.append(strip_tags(value or ""))
        elif isinstance(value, str) and not isinstance(block, blocks.ChooserBlock):
            texts.append(value)
        elif isinstance(value, dict) and isinstance(value.get("data"), list):
            texts.extend(  # a table's cells
                str(cell) for row in value["data"] for cell in row or [] if cell
            )

    walk(block, value)
    return " ".join(texts)


def stream_data(
    request: Request,
    stream_block: blocks.StreamBlock,
    raw,
    locale: Locale,
    product_context: dict,
) -> Any:
    """The API value of a StreamField (``field.stream_block``, ``raw_data``)."""
    from .serializers import ProductListItemSerializer

    raw = [item for item in raw or [] if isinstance(item, dict)]
    refs = References()
    refs.collect(stream_block, raw)
    richtext = RichTextRenderer(refs.richtext, locale, request)
    images = {
        image.pk: image
        for image in get_image_model()
        .objects.filter(pk__in=refs.images)
        .prefetch_renditions(*DETAIL_IMAGE_SPECS)
    }
    keys = dict(
        Page.objects.filter(pk__in=refs.pages).values_list("pk", "translation_key")
    )
    products = selectors.products_by_translation_keys(
        locale=locale, keys=set(keys.values())
    )

    def image(pk):
        found = images.get(pk)
        return None if found is None else image_set(request, found)

    def product(pk):
        found = products.get(keys.get(pk))
        if found is None:
            return None
        return ProductListItemSerializer(found, context=product_context).data

    context = {"richtext": richtext, "image": image, "product": product}
    return stream_block.get_api_representation(raw, context)
