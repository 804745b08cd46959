"""``/api/v1/`` lists the API's entry points instead of answering 404."""

from django.urls import reverse


def test_the_api_root_lists_the_entry_points_with_absolute_urls(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "http://testserver" + reverse("api-schema")
    assert body["docs"] == "http://testserver" + reverse("api-docs")
    urls = {entry["name"]: entry["url"] for entry in body["endpoints"]}
    assert urls["api-products-list"] == "http://testserver/api/v1/products/"
    assert urls["api-me"] == "http://testserver/api/v1/me/"
    assert urls["api-search"] == "http://testserver/api/v1/search/"
    assert "api-root" not in urls
    # Routes with a path parameter (a product's detail) are not entry points.
    assert not any("{" in url or "<" in url for url in urls.values())
