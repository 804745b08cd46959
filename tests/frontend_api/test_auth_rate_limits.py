"""allauth's rate limits answer 429 problem details with ``Retry-After``, and say
nothing about whether an e-mail or phone is registered."""

import pytest
from django.core.cache import cache
from django.test import Client

from members.accounts.ratelimits import action_window
from tests.abuse.ratelimit import assert_rate_limited
from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

BROWSER = "/api/v1/auth/browser/v1"
APP = "/api/v1/auth/app/v1"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def post(client, path, body, **headers):
    return client.post(
        f"{BROWSER}{path}", body, content_type="application/json", **headers
    )


def limit_of(action: str, per: str) -> int:
    """The configured number of attempts of ``action`` per ``per``."""
    from allauth.core.internal.ratelimit import get_rates

    return next(
        r.amount
        for r in get_rates(app="allauth.account", action=action)
        if r.per == per
    )


def test_failed_logins_lock_the_login_name_with_429_and_retry_after(client):
    member = MemberFactory()

    def wrong(_):
        return post(client, "/auth/login", {"email": member.email, "password": "no"})

    refused = assert_rate_limited(
        wrong, limit=limit_of("login_failed", "key"), window=300
    )
    assert refused.json()["code"] == "throttled"
    # Locked: even the right password waits.
    right = post(client, "/auth/login", {"email": member.email, "password": PASSWORD})
    assert right.status_code == 429


def test_a_lockout_looks_the_same_for_an_unregistered_email():
    member = MemberFactory()
    answers = []
    for email in (member.email, "nobody@example.com"):
        client = Client(REMOTE_ADDR=f"198.51.100.{len(answers) + 1}")
        for _ in range(limit_of("login_failed", "key")):
            post(client, "/auth/login", {"email": email, "password": "no"})
        answers.append(post(client, "/auth/login", {"email": email, "password": "no"}))
    registered, unknown = answers
    assert registered.status_code == unknown.status_code == 429
    assert registered.json() == unknown.json()


def test_phone_logins_are_locked_per_number(client):
    locked = MemberFactory(phone="+8613911111111")
    other = MemberFactory(phone="+8613922222222")
    app = Client()
    for _ in range(limit_of("login_failed", "key")):
        app.post(
            f"{APP}/auth/login",
            {"phone": locked.phone, "password": "no"},
            content_type="application/json",
        )
    refused = app.post(
        f"{APP}/auth/login",
        {"phone": locked.phone, "password": PASSWORD},
        content_type="application/json",
    )
    assert refused.status_code == 429
    assert 295 <= int(refused["Retry-After"]) <= 300
    fine = Client().post(
        f"{APP}/auth/login",
        {"phone": other.phone, "password": PASSWORD},
        content_type="application/json",
    )
    assert fine.status_code == 200


def test_logins_per_ip_answer_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    assert_rate_limited(
        lambda n: post(
            client, "/auth/login", {"email": f"x{n}@example.com", "password": "no"}
        ),
        limit=3,
        window=60,
    )


def test_sign_ups_per_ip_answer_429(client, django_capture_on_commit_callbacks):
    def sign_up(attempt):
        with django_capture_on_commit_callbacks(execute=True):
            return post(
                client,
                "/auth/signup",
                {
                    "email": f"new{attempt}@example.com",
                    "password": PASSWORD,
                    "age_group": "18_or_over",
                },
            )

    # "10/m/ip,50/h/ip": the per-minute limit is the one reached.
    assert_rate_limited(sign_up, limit=limit_of("signup", "ip"), window=60)
    assert action_window("signup") == 3600


def test_password_reset_requests_per_email_answer_429(
    client, django_capture_on_commit_callbacks
):
    member = MemberFactory()
    for email in (member.email, "nobody@example.com"):

        def request_reset(_, email=email):
            with django_capture_on_commit_callbacks(execute=True):
                return post(client, "/auth/password/request", {"email": email})

        refused = assert_rate_limited(
            request_reset, limit=limit_of("reset_password", "key"), window=60
        )
        assert refused.json()["code"] == "throttled"


def test_email_verification_keys_per_ip_answer_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "verify_email_key": "3/m/ip",
    }

    def verify(attempt):
        return post(client, "/auth/email/verify", {"key": f"not-a-key-{attempt}"})

    assert_rate_limited(verify, limit=3, window=60)
