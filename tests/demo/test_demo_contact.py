"""The demo site settings agree with the demo policy's contact block (issue 13):
the company, privacy e-mail, phone and address a visitor sees on the site are the
ones the policy names."""

from pathlib import Path

import pytest

from demo.seed import SITE_SETTINGS
from legal.parsing import parse_policy

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.mark.parametrize(
    ("locale", "company", "address"),
    [
        ("zh-hans", "company_name", "address"),
        ("en", "company_name_en", "address_en"),
    ],
)
def test_the_demo_settings_are_the_demo_policys_contact(locale, company, address):
    text = (DEMO / f"policy.{locale}.txt").read_text(encoding="utf-8")
    contact = "\n".join(parse_policy(text, locale).contact)
    for name in ("privacy_email", "phone", company, address):
        assert SITE_SETTINGS[name] in contact, (name, contact)
