"""Test factories (factory-boy, wagtail-factories) and the test page tree."""

from .catalogue import (
    BrandFactory,
    CategoryFactory,
    DocumentFactory,
    GuidePageFactory,
    ImageFactory,
    ProductPageFactory,
    translate,
    translate_snippet,
)
from .tree import Tree, site_tree

__all__ = [
    "BrandFactory",
    "CategoryFactory",
    "DocumentFactory",
    "GuidePageFactory",
    "ImageFactory",
    "ProductPageFactory",
    "Tree",
    "site_tree",
    "translate",
    "translate_snippet",
]
