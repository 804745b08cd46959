"""Cache tag names (``core.cache``): what a content response registers under, and
what a change to a page, snippet or medium invalidates (``delivery.cache_signals``).

A response registers under the tags of every row it read, so editing any of them
invalidates it and nothing else: brands and categories by translation key (a
product names them in the reader's language), images and documents by id.
"""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Page, TranslatableMixin

PRODUCTS = "type:products.productpage:{locale}"
GUIDES = "type:products.guidepage:{locale}"
BRANDS = "snippet:products.brand"
CATEGORIES = "snippet:products.productcategory"
TREE = "tree"


def product_card_tags(products: Iterable) -> set[str]:
    tags: set[str] = set()
    for product in products:
        if product.brand_id:
            tags.add(f"{BRANDS}:{product.brand.translation_key}")
        for link in product.category_links.all():
            tags.add(f"{CATEGORIES}:{link.category.translation_key}")
        if product.main_image_id:
            tags.add(f"image:{product.main_image_id}")
    return tags


def product_row_tags(rows, categories: dict[int, list[dict]]) -> set[str]:
    """``product_card_tags`` for a listing read as rows (``product_card_values``)."""
    tags: set[str] = set()
    for row in rows:
        if row["brand_key"]:
            tags.add(f"{BRANDS}:{row['brand_key']}")
        if row["main_image_id"]:
            tags.add(f"image:{row['main_image_id']}")
        for ref in categories.get(row["id"], ()):
            tags.add(f"{CATEGORIES}:{ref['key']}")
    return tags


def product_detail_tags(product) -> set[str]:
    tags = product_card_tags([product]) | {f"tk:{product.translation_key}"}
    tags |= {f"image:{item.image_id}" for item in product.gallery_images.all()}
    tags |= {f"document:{item.document_id}" for item in product.documents.all()}
    return tags


def product_parts_tags(product, parts) -> set[str]:
    """``product_detail_tags`` of a product read with its ``DetailParts``."""
    tags = {f"tk:{product.translation_key}"}
    if product.brand_id:
        tags.add(f"{BRANDS}:{product.brand.translation_key}")
    if product.main_image_id:
        tags.add(f"image:{product.main_image_id}")
    tags |= {f"{CATEGORIES}:{ref['key']}" for ref in parts.categories}
    tags |= {f"image:{image_id}" for image_id, _caption in parts.images}
    tags |= {f"document:{document.pk}" for document, _kind in parts.documents}
    return tags


def guide_card_tags(guides: Iterable) -> set[str]:
    return {f"image:{guide.cover_image_id}" for guide in guides if guide.cover_image_id}


def guide_detail_tags(guide, raw_body) -> set[str]:
    tags = guide_card_tags([guide]) | {f"tk:{guide.translation_key}"}
    for block in raw_body or []:
        value = block.get("value") or {}
        if block.get("type") == "image" and isinstance(value, dict):
            tags.add(f"image:{value.get('image')}")
    return tags


# --- What a change invalidates -------------------------------------------------

# Site-wide and section pages (root 1, home 2, sections 3) make the navigation.
NAV_MAX_DEPTH = 3


def page_tags(page: Page) -> list[str]:
    label = (page.specific_class or type(page))._meta.label_lower
    language = page.locale.language_code if page.locale_id else ""
    tags = [
        f"page:{page.pk}",
        f"tk:{page.translation_key}",
        f"type:{label}",
        f"type:{label}:{language}",
    ]
    if page.depth <= NAV_MAX_DEPTH:
        tags.append(f"nav:{language}")
    if page.numchild:  # the URLs of the pages below it may have changed
        tags.append("tree")
    return tags


def snippet_tags(instance) -> list[str]:
    label = instance._meta.label_lower
    if label == "cms.customimage":
        return [f"image:{instance.pk}"]
    if label == "cms.customdocument":
        return [f"document:{instance.pk}"]
    if label == "legal.policyversiontext":
        label = "legal.policyversion"
    key = (
        instance.translation_key
        if isinstance(instance, TranslatableMixin)
        else instance.pk
    )
    return [f"snippet:{label}", f"snippet:{label}:{key}"]
