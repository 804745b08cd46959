"""Read serializers of the content API, one module per content type.

``items`` holds the cards reused everywhere (product, guide); ``products`` and
``guides`` the details; ``common`` the shared shapes of docs/architecture.md.
"""

from .common import (
    BrandRefSerializer,
    CategoryRefSerializer,
    DocumentSerializer,
    ImageSetSerializer,
    RenditionSerializer,
    TranslationSerializer,
    translations_data,
)
from .guides import GuideDetailSerializer
from .items import (
    GuideListItemSerializer,
    ProductListItemSerializer,
    guide_cards,
    product_cards,
)
from .pages import (
    FoundPageSerializer,
    HomePageContentSerializer,
    IndexPageContentSerializer,
    NavItemSerializer,
    PageContentSerializer,
    RedirectSerializer,
    SitemapSerializer,
)
from .products import ProductDetailSerializer
from .taxonomy import (
    BrandContentSerializer,
    BrandDetailSerializer,
    BrandSerializer,
    CategoryContentSerializer,
    CategoryDetailSerializer,
    CategoryNodeSerializer,
    category_tree,
)

__all__ = [
    "BrandContentSerializer",
    "CategoryContentSerializer",
    "BrandDetailSerializer",
    "BrandSerializer",
    "CategoryDetailSerializer",
    "CategoryNodeSerializer",
    "FoundPageSerializer",
    "HomePageContentSerializer",
    "IndexPageContentSerializer",
    "PageContentSerializer",
    "RedirectSerializer",
    "SitemapSerializer",
    "GuideDetailSerializer",
    "NavItemSerializer",
    "category_tree",
    "BrandRefSerializer",
    "CategoryRefSerializer",
    "DocumentSerializer",
    "GuideListItemSerializer",
    "ImageSetSerializer",
    "ProductDetailSerializer",
    "ProductListItemSerializer",
    "guide_cards",
    "product_cards",
    "RenditionSerializer",
    "TranslationSerializer",
    "translations_data",
]
