"""Read-only content endpoints, one module per area; ``urls`` wires them."""

from .guides import GuideViewSet
from .pages import PageContentView, PageFindView
from .preview import PreviewView
from .products import ProductViewSet
from .site import SiteView
from .sitemap import SitemapView, SitemapXmlView
from .taxonomy import BrandViewSet, CategoryDetailView, CategoryTreeView

__all__ = [
    "BrandViewSet",
    "CategoryDetailView",
    "CategoryTreeView",
    "GuideViewSet",
    "PageContentView",
    "PageFindView",
    "PreviewView",
    "ProductViewSet",
    "SitemapView",
    "SitemapXmlView",
    "SiteView",
]
