"""Catalogue and site content: products, categories, brands, guides, pages,
the sitemap, site."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views
from .facets import ProductFacetsView

router = SimpleRouter()
router.register("products", views.ProductViewSet, basename="api-products")
router.register("guides", views.GuideViewSet, basename="api-guides")
router.register("brands", views.BrandViewSet, basename="api-brands")

urlpatterns = [
    path("site/", views.SiteView.as_view(), name="api-site"),
    path("categories/", views.CategoryTreeView.as_view(), name="api-categories"),
    path(
        "categories/<path:path>/",
        views.CategoryDetailView.as_view(),
        name="api-category-detail",
    ),
    path("pages/find/", views.PageFindView.as_view(), name="api-pages-find"),
    path("pages/content/", views.PageContentView.as_view(), name="api-pages-content"),
    path("sitemap/", views.SitemapView.as_view(), name="api-sitemap"),
    path("sitemap.xml", views.SitemapXmlView.as_view(), name="api-sitemap-xml"),
    path("preview/", views.PreviewView.as_view(), name="api-preview"),
    # before the router: "facets" is not a product slug
    path("products/facets/", ProductFacetsView.as_view(), name="api-products-facets"),
    *router.urls,
]
