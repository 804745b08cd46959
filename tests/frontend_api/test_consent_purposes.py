"""Optional purposes (``/api/v1/me/consents/purposes/``): each granted and
withdrawn on its own, recorded, only ever the requesting member's."""

import pytest

from legal.models import ConsentRecord
from legal.selectors import purpose_granted
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/me/consents/purposes/"
OPTIONAL = ["marketing_email", "email_tracking", "personalised_recommendations"]


@pytest.fixture
def member():
    return MemberFactory()


@pytest.fixture
def member_client(api_client, member):
    api_client.force_authenticate(member)
    return api_client


def put(client, purpose, granted, **extra):
    return client.put(
        f"{LIST}{purpose}/",
        {"granted": granted, **extra},
        format="json",
        HTTP_USER_AGENT="TestApp/2.0",
        REMOTE_ADDR="203.0.113.77",
    )


def states(client):
    response = client.get(LIST)
    assert response.status_code == 200
    return {item["purpose"]: item for item in response.json()}


def test_nothing_is_granted_until_chosen(member_client):
    listed = states(member_client)
    assert list(listed) == OPTIONAL
    assert all(
        item == {"purpose": name, "granted": False, "since": None, "receipt_id": None}
        for name, item in listed.items()
    )


def test_granting_one_purpose_records_it_and_leaves_the_others(member_client, member):
    response = put(member_client, "marketing_email", True, channel="app")
    assert response.status_code == 200
    body = response.json()
    assert body["granted"] is True and body["since"]
    record = ConsentRecord.objects.get(receipt_id=body["receipt_id"])
    assert (record.user, record.purpose, record.action, record.channel) == (
        member,
        "marketing_email",
        ConsentRecord.Action.ACCEPTED,
        "app",
    )
    assert record.ip_address == "203.0.113.0"
    listed = states(member_client)
    assert listed["marketing_email"]["granted"] is True
    assert listed["email_tracking"]["granted"] is False
    assert purpose_granted(member, "marketing_email") is True
    assert purpose_granted(member, "email_tracking") is False


def test_withdrawing_is_recorded_on_its_own(member_client, member):
    put(member_client, "marketing_email", True)
    put(member_client, "email_tracking", True)
    response = put(member_client, "email_tracking", False)
    assert response.json()["granted"] is False
    assert ConsentRecord.objects.filter(
        user=member, purpose="email_tracking", action="withdrawn"
    ).exists()
    assert purpose_granted(member, "email_tracking") is False
    assert purpose_granted(member, "marketing_email") is True


def test_repeating_the_same_choice_writes_no_new_record(member_client, member):
    first = put(member_client, "personalised_recommendations", True).json()
    again = put(member_client, "personalised_recommendations", True).json()
    assert again == first
    assert ConsentRecord.objects.filter(user=member).count() == 1
    put(member_client, "marketing_email", False)  # never granted: nothing to record
    assert ConsentRecord.objects.filter(user=member).count() == 1


@pytest.mark.parametrize("purpose", ["guardian", "newsletter"])
def test_the_guardian_consent_and_unknown_purposes_are_not_settable(
    member_client, member, purpose
):
    response = put(member_client, purpose, True)
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_purpose"
    assert not ConsentRecord.objects.filter(user=member).exists()


def test_a_choice_must_be_a_boolean(member_client):
    response = member_client.put(f"{LIST}marketing_email/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "granted"


def test_another_member_does_not_see_my_choices(member_client, api_client):
    put(member_client, "marketing_email", True)
    other = MemberFactory()
    api_client.force_authenticate(other)
    assert states(api_client)["marketing_email"]["granted"] is False
    assert purpose_granted(other, "marketing_email") is False


def test_anonymous_callers_must_sign_in(client):
    assert client.get(LIST).status_code == 401
    assert client.put(f"{LIST}marketing_email/").status_code == 401


def test_purpose_granted_refuses_unknown_purposes_and_anonymous_users(member):
    from django.contrib.auth.models import AnonymousUser

    assert purpose_granted(AnonymousUser(), "marketing_email") is False
    assert purpose_granted(None, "email_tracking") is False
    with pytest.raises(ValueError, match="newsletter"):
        purpose_granted(member, "newsletter")
