"""StreamField blocks of the catalogue: product property tables and guide bodies.

Every block has a typed schema in the OpenAPI document (``frontend_api``), so the
frontends get typed StreamField content rather than "a list of anything".
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "hr"]


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


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")


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


class GuideBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageWithCaptionBlock()
    table = TableBlock(label=_("Table"))
    callout = CalloutBlock()
    product_reference = ProductReferenceBlock()
