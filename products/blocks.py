"""StreamField blocks of the catalogue: product property tables and guide bodies.

Every block has a typed schema in the OpenAPI document (``frontend_api``), so the
frontends get typed StreamField content rather than "a list of anything", and
every block says its own API shape in ``get_api_representation`` (Wagtail's
hook). Those accept the stored JSON (what the API reads, ``raw_data``) as well as
Wagtail's values, and never query: what they reference is looked up in the
``context`` the API prepared for the whole page in one pass:

* ``context["richtext"](source)`` → HTML with links rewritten for frontends,
* ``context["image"](image_id)`` → the image's renditions, or ``None``,
* ``context["product"](page_id)`` → the product card in the reader's locale, or
  ``None`` when the product has no live version there.

A block whose representation is ``None`` is left out of the stream (a deleted
image, a product not translated), like list items.
"""

from typing import Any

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from .packaging import NOTE_MAX, PackageContainer, PackageSize, PackageUnit

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "hr"]
PROPERTY_FIELDS = ("property", "test_method", "unit", "value")


def _pk(value: Any) -> Any:
    """A chooser's value: a model instance (Wagtail) or its id (stored JSON)."""
    return getattr(value, "pk", value)


def _source(value: Any) -> str:
    """Rich text: a ``RichText`` (Wagtail) or its stored source."""
    return getattr(value, "source", value) or ""


def _stream_items(value: Any) -> list[dict[str, Any]]:
    raw = value.raw_data if isinstance(value, StreamValue) else value
    return [item for item in raw or [] if isinstance(item, dict)]


class ApiStreamBlock(blocks.StreamBlock):
    """A stream whose API shape is ``[{"type", "id", "value"}]``, each value its
    block's own representation (a block answering ``None`` is left out)."""

    def get_api_representation(self, value, context=None):
        out = []
        for item in _stream_items(value):
            child = self.child_blocks.get(item.get("type"))
            if child is None:  # a type since removed: Wagtail ignores it too
                continue
            data = child.get_api_representation(item.get("value"), context)
            if data is not None:
                out.append(
                    {"type": child.name, "id": item.get("id") or "", "value": data}
                )
        return out


class TypicalPropertyBlock(blocks.StructBlock):
    """One row of a product's typical properties table."""

    property = blocks.CharBlock(
        label=_("property"), help_text=_("e.g. 运动粘度 @40°C / Kinematic viscosity")
    )
    test_method = blocks.CharBlock(
        label=_("test method"), required=False, help_text=_("e.g. ASTM D445")
    )
    unit = blocks.CharBlock(label=_("unit"), required=False, help_text=_("e.g. mm²/s"))
    value = blocks.CharBlock(label=_("value"), help_text=_("e.g. 46.2"))

    class Meta:
        icon = "list-ul"
        label = _("Property")

    def get_api_representation(self, value, context=None):
        value = value or {}
        return {key: value.get(key) or "" for key in PROPERTY_FIELDS}

    # wagtail-localize: only the property's name is words. Test method, unit
    # and value (ASTM D445, mm²/s, 46.2) are the same in every language, so
    # they are copied from the source instead of offered for translation.
    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        name = (value or {}).get("property")
        return [StringSegmentValue("property", name)] if name else []

    def restore_translated_segments(self, value, segments):
        for segment in segments:
            field_name, inner = segment.unwrap()
            if field_name == "property":
                value["property"] = inner.render_text()
        return value


class TypicalPropertiesBlock(blocks.StreamBlock):
    """The typical properties table: in the API a plain list of rows."""

    property = TypicalPropertyBlock()

    def get_api_representation(self, value, context=None):
        return [
            self.child_blocks["property"].get_api_representation(
                item.get("value"), context
            )
            for item in _stream_items(value)
        ]


class PackageSizeBlock(blocks.StructBlock):
    """One package size: amount and unit, container, units per package, note
    (``products.packaging``). Codes and numbers only, so it is synchronised, not
    translated: the API labels it in the reader's language."""

    amount = blocks.DecimalBlock(
        label=_("amount"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=3,
        help_text=_("e.g. 18 (empty for bulk)"),
    )
    unit = blocks.ChoiceBlock(
        label=_("unit"), choices=PackageUnit.choices, required=False
    )
    container = blocks.ChoiceBlock(
        label=_("container"), choices=PackageContainer.choices, required=False
    )
    count = blocks.IntegerBlock(
        label=_("units per package"),
        required=False,
        min_value=1,
        help_text=_("e.g. 6 for a case of six 4 L bottles; empty for one."),
    )
    note = blocks.CharBlock(
        label=_("note"),
        required=False,
        max_length=NOTE_MAX,
        help_text=_("Anything the fields above cannot say."),
    )

    class Meta:
        icon = "tag"
        label = _("Package size")

    def clean(self, value):
        value = super().clean(value)
        size = PackageSize.from_data(dict(value))
        errors = {}
        if size.amount is not None and not size.unit:
            errors["unit"] = ErrorList([_("Choose the unit of the amount.")])
        if size.unit and size.amount is None:
            errors["amount"] = ErrorList([_("Give the amount in this unit.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        if size.amount is None and not size.container and not size.note:
            raise StructBlockValidationError(
                non_block_errors=ErrorList(
                    [_("Give an amount and unit, a container or a note.")]
                )
            )
        return value

    def get_api_representation(self, value, context=None):
        size = PackageSize.from_data(dict(value or {}))
        return {**size.to_data(), "label": size.label}


class PackageSizesBlock(blocks.StreamBlock):
    """A product's package sizes: in the API a list of sizes with their ids (a
    procurement item names one by its id; the ids are the same in every
    language, the field being synchronised)."""

    size = PackageSizeBlock()

    def get_api_representation(self, value, context=None):
        child = self.child_blocks["size"]
        return [
            {
                "id": item.get("id") or "",
                **child.get_api_representation(item.get("value"), context),
            }
            for item in _stream_items(value)
        ]


class GuideRichTextBlock(blocks.RichTextBlock):
    """Text of a guide: ``{html}`` with links rewritten for frontends."""

    def get_api_representation(self, value, context=None):
        return {"html": context["richtext"](_source(value))}


class GuideTableBlock(TableBlock):
    """A table: caption, header flags and rows of text cells."""

    def get_api_representation(self, value, context=None):
        value = value or {}
        return {
            "caption": value.get("table_caption") or "",
            "first_row_is_header": bool(value.get("first_row_is_table_header")),
            "first_col_is_header": bool(value.get("first_col_is_header")),
            "rows": [
                [None if cell is None else str(cell) for cell in row]
                for row in value.get("data") or []
            ],
        }


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")

    def get_api_representation(self, value, context=None):
        value = value or {}
        image = context["image"](_pk(value.get("image")))
        if image is None:
            return None
        return {"image": image, "caption": value.get("caption") or ""}


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a tip, a warning or a note."""

    style = blocks.ChoiceBlock(
        label=_("style"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("note", _("Note"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Callout")

    def get_api_representation(self, value, context=None):
        value = value or {}
        return {
            "style": value.get("style") or "tip",
            "title": value.get("title") or "",
            "html": context["richtext"](_source(value.get("text"))),
        }


class ProductReferenceBlock(blocks.StructBlock):
    """A product card inside a guide; the API resolves it to the reader's locale."""

    product = blocks.PageChooserBlock(
        label=_("product"), page_type="products.ProductPage"
    )
    note = blocks.CharBlock(
        label=_("note"), required=False, help_text=_("Why this product fits here.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Product reference")

    def get_api_representation(self, value, context=None):
        value = value or {}
        product = context["product"](_pk(value.get("product")))
        if product is None:
            return None
        return {"product": product, "note": value.get("note") or ""}


class GuideBodyBlock(ApiStreamBlock):
    rich_text = GuideRichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageWithCaptionBlock()
    table = GuideTableBlock(label=_("Table"))
    callout = CalloutBlock()
    product_reference = ProductReferenceBlock()
