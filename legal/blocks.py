"""StreamField blocks of a policy's body: numbered sections, sub-sections and items.

Numbers are integers (not text) so wagtail-localize keeps them in step with the
Chinese source and translators only ever see words; each locale renders its own
numbering style (``一、`` / ``1.``, ``（一）`` / ``(1)``, ``1、`` / ``1.``) in
``legal.rendering``.

Each block says its own shape in the frozen content (what a version keeps and the
API serves as ``sections``) in ``get_api_representation(value, context)``, with
``context["locale"]`` the page's language; streams give each child as
``{"type", "id", **its representation}``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .rendering import number_label, rich_text_html

RICH_TEXT_FEATURES = ["bold", "italic", "link"]

MARKER_CHOICES = [
    ("arabic", _("1、 / 1.")),
    ("paren", _("(1)")),
    ("paren_cjk", _("（一） (Chinese) / (1) (English)")),
]


class ItemBlock(blocks.StructBlock):
    """A numbered item: 1、… in Chinese, 1. … in English."""

    number = blocks.IntegerBlock(
        min_value=1, help_text=_("The item's number; translations keep it.")
    )
    marker = blocks.ChoiceBlock(
        choices=MARKER_CHOICES,
        default="arabic",
        help_text=_("How the number is written."),
    )
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        label = _("Numbered item")

    def get_api_representation(self, value, context=None):
        number, locale = value["number"], context["locale"]
        return {
            "number": number,
            "label": number_label("item", number, locale, value["marker"]),
            "html": rich_text_html(value["text"]),
        }


class ParagraphBlock(blocks.RichTextBlock):
    def get_api_representation(self, value, context=None):
        return {"html": rich_text_html(value)}


def _paragraph() -> ParagraphBlock:
    return ParagraphBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph")
    )


class PolicyStreamBlock(blocks.StreamBlock):
    """The content of a section or sub-section: each child with its type and id."""

    def get_api_representation(self, value, context=None):
        return [
            {
                "type": child.block_type,
                "id": child.id,
                **child.block.get_api_representation(child.value, context),
            }
            for child in value or []
        ]


def _numbered(kind: str, value, context) -> dict:
    """What a section and a sub-section share: number, label, heading, blocks."""
    content = value["content"]
    return {
        "number": value["number"],
        "label": number_label(kind, value["number"], context["locale"]),
        "heading": value["heading"],
        "blocks": content.stream_block.get_api_representation(content, context)
        if content
        else [],
    }


class SubsectionContentBlock(PolicyStreamBlock):
    paragraph = _paragraph()
    item = ItemBlock()


class SubsectionBlock(blocks.StructBlock):
    """（一）标题 / (1) Heading, followed by paragraphs and items."""

    number = blocks.IntegerBlock(
        min_value=1,
        required=False,
        help_text=_("Leave empty for an unnumbered sub-heading."),
    )
    heading = blocks.CharBlock(max_length=200)
    content = SubsectionContentBlock(required=False)

    class Meta:
        icon = "title"
        label = _("Sub-section")

    def get_api_representation(self, value, context=None):
        return _numbered("subsection", value, context)


class SectionContentBlock(PolicyStreamBlock):
    paragraph = _paragraph()
    item = ItemBlock()
    subsection = SubsectionBlock()


class SectionBlock(blocks.StructBlock):
    """一、标题 / 1. Heading; unnumbered for the legal statement's parts."""

    number = blocks.IntegerBlock(
        min_value=1,
        required=False,
        help_text=_(
            "Leave empty for the legal statement's unnumbered parts "
            "(使用服务基本规则, 版权声明 …)."
        ),
    )
    heading = blocks.CharBlock(max_length=200)
    content = SectionContentBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = _("Section")

    def get_api_representation(self, value, context=None):
        return _numbered("section", value, context)


class PolicyBodyBlock(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        block_counts = {"section": {"min_num": 1}}

    def get_api_representation(self, value, context=None):
        """The ``sections`` of the frozen content, each with an ``anchor``."""
        return [
            {
                "id": child.id,
                "anchor": f"section-{index + 1}",
                **child.block.get_api_representation(child.value, context),
            }
            for index, child in enumerate(value or [])
        ]
