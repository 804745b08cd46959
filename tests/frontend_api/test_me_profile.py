"""``GET/PATCH /api/v1/me/``: a member reads and corrects their own profile."""

import pytest
from django.core.cache import cache

from members.models import OutgoingSms
from tests.factories.members import MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def member():
    return MemberFactory(display_name="王经理", company_name="上海润滑采购有限公司")


@pytest.fixture
def client_for(api_client):
    def sign_in(user):
        api_client.force_authenticate(user)
        return api_client

    return sign_in


def test_anonymous_callers_are_asked_to_sign_in(api_client):
    response = api_client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_member_reads_their_profile_with_their_customer_service(client_for, member):
    staff = StaffFactory(first_name="Li", last_name="Na", phone="+862161234567")
    member.customer_service = staff
    member.save()
    body = client_for(member).get("/api/v1/me/").json()
    assert body["display_name"] == "王经理"
    assert body["company_name"] == "上海润滑采购有限公司"
    assert body["customer_service"] == {
        "name": "Li Na",
        "email": staff.email,
        "phone": "+862161234567",
    }
    assert body["avatar"] is None


def test_a_new_mainland_number_is_texted_a_code_in_e164(client_for, member):
    old = member.phone
    response = client_for(member).patch(
        "/api/v1/me/", {"phone": "138 0013 8000", "qq": "123456"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["phone_code_sent_to"] == "+8613800138000"
    assert response.json()["phone"] == old  # until the code confirms it
    member.refresh_from_db()
    assert member.phone == old and member.qq == "123456"
    assert OutgoingSms.objects.get().phone == "+8613800138000"


def test_an_international_number_keeps_its_country_code(client_for, member):
    response = client_for(member).patch(
        "/api/v1/me/", {"phone": "+44 7911 123456"}, format="json"
    )
    assert response.json()["phone_code_sent_to"] == "+447911123456"


def test_an_invalid_phone_is_a_400_naming_the_field(client_for, member):
    response = client_for(member).patch(
        "/api/v1/me/", {"phone": "12345"}, format="json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["attr"] == "phone"


def test_an_invalid_qq_number_is_a_400(client_for, member):
    response = client_for(member).patch("/api/v1/me/", {"qq": "abc"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "qq"


def test_the_customer_service_and_email_cannot_be_set_by_the_member(client_for, member):
    staff = StaffFactory()
    response = client_for(member).patch(
        "/api/v1/me/",
        {"customer_service": staff.pk, "email": "x@example.com", "position": "总监"},
        format="json",
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.customer_service is None
    assert member.email != "x@example.com"
    assert member.position == "总监"


def test_removing_the_phone_leaves_it_empty(client_for, member):
    response = client_for(member).patch("/api/v1/me/", {"phone": ""}, format="json")
    assert response.json()["phone"] is None


def test_writes_are_throttled_but_reads_are_not(client_for, member, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"write": "2/min"},
    }
    client = client_for(member)
    codes = [
        client.patch("/api/v1/me/", {"position": "x"}, format="json").status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 429]
    assert client.get("/api/v1/me/").status_code == 200


def test_the_same_phone_typed_differently_stays_verified(client_for, member):
    typed = member.phone.removeprefix("+86")
    response = client_for(member).patch("/api/v1/me/", {"phone": typed}, format="json")
    assert response.json()["phone_code_sent_to"] is None
    member.refresh_from_db()
    assert member.phone_verified
    assert not OutgoingSms.objects.exists()
