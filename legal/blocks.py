"""StreamField blocks of a policy's body: numbered sections, sub-sections and items.

Numbers are integers (not text) so wagtail-localize keeps them in step with the
Chinese source and translators only ever see words; each locale renders its own
numbering style (``一、`` / ``1.``, ``（一）`` / ``(1)``, ``1、`` / ``1.``) in
``legal.rendering``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

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


def _paragraph() -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph")
    )


class SubsectionContentBlock(blocks.StreamBlock):
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


class SectionContentBlock(blocks.StreamBlock):
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


class PolicyBodyBlock(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        block_counts = {"section": {"min_num": 1}}
