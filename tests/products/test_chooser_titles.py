"""The snippet choosers' modal titles follow the admin user's language (Wagtail's
default title is translated once, at import, in the server's language)."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from products.models import Brand, ProductCategory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Brand, ProductCategory])
@pytest.mark.parametrize(
    ("language", "title", "other"),
    [("en", "Choose", "选择"), ("zh-hans", "选择", "Choose")],
)
def test_a_chooser_is_titled_in_the_users_language(
    admin_client, admin_user, model, language, title, other
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    chooser = model.snippet_viewset.chooser_viewset
    response = admin_client.get(reverse(chooser.get_url_name("choose")))
    assert response.status_code == 200
    html = response.json()["html"]
    heading = html[html.index("<h1") : html.index("</h1>")]
    assert title in heading
    assert other not in heading
