"""Read-only content endpoints, one module per area; ``urls`` wires them."""

from .guides import GuideViewSet
from .pages import PageFindView
from .preview import PreviewView
from .products import ProductViewSet
from .site import SiteView
from .taxonomy import BrandViewSet, CategoryTreeView

__all__ = [
    "BrandViewSet",
    "CategoryTreeView",
    "GuideViewSet",
    "PageFindView",
    "PreviewView",
    "ProductViewSet",
    "SiteView",
]
