"""The app's URLs plus the baselines of ``bench/api.py``:

* ``/bench/v2/pages/`` — Wagtail's own API v2 over the same pages, with product
  and guide fields comparable to ours (declared here, for the bench only);
* ``/bench/bytes/<name>/`` — the bytes of our product list or detail
  (``$BENCH_BYTES_DIR/<name>.json``), returned by a bare view through the same
  middleware: the ceiling of what any Django view can do on this stack.
"""

import os
from pathlib import Path

from django.http import Http404, HttpResponse
from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from config.urls import urlpatterns as app_urlpatterns
from products.models import GuidePage, ProductPage

ProductPage.api_fields = [
    APIField("sku"),
    APIField("viscosity_grade"),
    APIField("base_oil"),
    APIField("summary"),
    APIField(
        "thumbnail",
        serializer=ImageRenditionField("fill-400x400", source="main_image"),
    ),
]
GuidePage.api_fields = [
    APIField("summary"),
    APIField("date"),
    APIField(
        "cover", serializer=ImageRenditionField("fill-1200x630", source="cover_image")
    ),
]

router = WagtailAPIRouter("bench-wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)

_BYTES_DIR = Path(os.environ.get("BENCH_BYTES_DIR", "."))
_bodies: dict[str, bytes] = {}


def prerendered(request, name: str):
    body = _bodies.get(name)
    if body is None:
        file = _BYTES_DIR / f"{name}.json"
        if name not in ("list", "detail") or not file.exists():
            raise Http404
        body = _bodies[name] = file.read_bytes()
    return HttpResponse(body, content_type="application/json")


urlpatterns = [
    path("bench/v2/", router.urls),
    path("bench/bytes/<str:name>/", prerendered),
    *app_urlpatterns,
]
