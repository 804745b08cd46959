"""Blocks carry their API shape: every block type a page model's StreamFields
expose implements ``get_api_representation`` itself (Wagtail's default would dump
stored JSON; the API's old if/elif chain silently dropped unknown types)."""

from __future__ import annotations

from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

# Containers whose children the API shows one by one: each child needs its own
# representation. Leaf blocks inside a struct are the struct's business.
CONTAINERS = (blocks.StreamBlock, blocks.ListBlock)
OURS = ("cms", "products", "legal", "members")


def _own(block: blocks.Block) -> bool:
    """Whether a class of ours defines the hook (not Wagtail's default)."""
    for cls in type(block).__mro__:
        if "get_api_representation" in cls.__dict__:
            return cls.__module__.split(".")[0] in OURS
    return False


def _exposed(block: blocks.Block, where: str):
    """``(where, block)`` for the block and every block it exposes."""
    yield where, block
    if isinstance(block, blocks.StreamBlock):
        children = block.child_blocks.items()
    elif isinstance(block, blocks.ListBlock):
        children = [("item", block.child_block)]
    elif isinstance(block, blocks.StructBlock):
        children = [
            (name, child)
            for name, child in block.child_blocks.items()
            if isinstance(child, CONTAINERS + (blocks.StructBlock,))
        ]
    else:
        children = []
    for name, child in children:
        yield from _exposed(child, f"{where}.{name}")


def _stream_fields():
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.app_label not in OURS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                yield f"{model._meta.label}.{field.name}", field


def test_page_models_have_stream_fields_to_check():
    names = {name for name, _field in _stream_fields()}
    assert names >= {
        "products.ProductPage.typical_properties",
        "products.GuidePage.body",
        "legal.PolicyPage.body",
    }


def test_every_exposed_block_type_has_its_own_api_representation():
    checked, missing = [], []
    for name, field in _stream_fields():
        for where, block in _exposed(field.stream_block, name):
            checked.append(where)
            if not _own(block):
                missing.append(f"{where} ({type(block).__name__})")
    assert not missing, "blocks without get_api_representation: " + ", ".join(missing)
    # The walk reaches into nested streams (policy sections → sub-sections).
    assert "legal.PolicyPage.body.section.content.subsection.content.item" in checked
    assert "products.GuidePage.body.table" in checked


def test_the_check_catches_a_block_without_a_representation():
    class Body(blocks.StreamBlock):
        text = blocks.RichTextBlock()

    flagged = [where for where, block in _exposed(Body(), "x") if not _own(block)]
    assert flagged == ["x", "x.text"]
