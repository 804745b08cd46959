"""The app's URLs plus the two baselines of ``bench/api.py``:

* ``/bench/v2/pages/`` — Wagtail's own API v2 over the same pages, with product
  fields comparable to our list item (declared here, for the bench only);
* ``/bench/bytes/`` — the bytes of our product list, pre-rendered: the limit of
  what any Django view can do on this stack.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from config.urls import urlpatterns as app_urlpatterns
from products.models import ProductPage

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

router = WagtailAPIRouter("bench-wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)

_BYTES_FILE = os.environ.get("BENCH_BYTES_FILE", "")


def prerendered(request):
    body = prerendered.body
    if body is None:
        body = prerendered.body = Path(_BYTES_FILE).read_bytes()
    return HttpResponse(body, content_type="application/json")


prerendered.body = None

urlpatterns = [
    path("bench/v2/", router.urls),
    path("bench/bytes/", prerendered),
    *app_urlpatterns,
]
