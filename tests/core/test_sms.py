"""core.sms: the Django-mail-like API and the local backends."""

from __future__ import annotations

import io

import pytest

from core import sms
from core.sms import (
    SmsImproperlyConfigured,
    SmsInvalidRecipient,
    SmsMessage,
    get_connection,
    send_sms,
)
from core.sms.backends import console, filebased, locmem

NUMBER = "+8613812345678"


def test_short_names_and_dotted_paths_choose_the_backend(settings):
    assert isinstance(get_connection("console"), console.SmsBackend)
    assert isinstance(get_connection("locmem"), locmem.SmsBackend)
    settings.SMS_BACKEND = "core.sms.backends.locmem.SmsBackend"
    assert isinstance(get_connection(), locmem.SmsBackend)
    with pytest.raises(ImportError):
        get_connection("no.such.Backend")


def test_a_template_message_lands_in_the_outbox_rendered_in_its_language(settings):
    settings.SMS_BACKEND = "locmem"
    sent = send_sms(
        NUMBER,
        template="verification_code",
        params={"code": "482913", "minutes": 10},
        language="en",
    )
    assert sent == 1
    [message] = sms.outbox
    assert message.to == [NUMBER]
    assert message.language == "en"
    assert message.params == {"code": "482913", "minutes": 10}
    assert "482913" in message.rendered_body
    assert "10 minutes" in message.rendered_body


def test_a_plain_text_message_is_sent_as_written(settings):
    settings.SMS_BACKEND = "locmem"
    send_sms([NUMBER, "+8613912345678"], "您好")
    assert sms.outbox[0].to == [NUMBER, "+8613912345678"]
    assert sms.outbox[0].rendered_body == "您好"


def test_the_language_defaults_to_the_site_language(settings):
    settings.SMS_BACKEND = "locmem"
    send_sms(NUMBER, "x")
    assert sms.outbox[0].language == settings.LANGUAGE_CODE


@pytest.mark.parametrize("number", ["13812345678", "138 1234 5678", "0086138", ""])
def test_only_e164_numbers_are_accepted_and_never_echoed(number):
    with pytest.raises(SmsInvalidRecipient) as caught:
        SmsMessage(number, "x")
    assert not number or number not in str(caught.value)


def test_a_message_needs_text_or_a_template_but_not_both():
    with pytest.raises(ValueError):
        SmsMessage(NUMBER)
    with pytest.raises(ValueError):
        SmsMessage(NUMBER, "x", template="verification_code")


def test_the_console_backend_prints_number_and_text():
    stream = io.StringIO()
    backend = console.SmsBackend(stream=stream)
    send_sms(
        NUMBER,
        template="verification_code",
        params={"code": "1", "minutes": 5},
        language="en",
        connection=backend,
    )
    out = stream.getvalue()
    assert NUMBER in out
    assert "verification_code" in out
    assert "expires in 5 minutes" in out


def test_the_file_backend_writes_one_file_per_message(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms")
    send_sms(NUMBER, "first")
    send_sms(
        "+8613912345678",
        template="verification_code",
        params={"code": "777111", "minutes": 10},
    )
    files = sorted((tmp_path / "sms").iterdir())
    assert len(files) == 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert any(NUMBER in t and "first" in t for t in texts)
    assert any("+8613912345678" in t and "777111" in t for t in texts)


def test_the_file_backend_needs_a_directory(settings, tmp_path):
    settings.SMS_FILE_PATH = None
    with pytest.raises(SmsImproperlyConfigured):
        filebased.SmsBackend()
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("")
    with pytest.raises(SmsImproperlyConfigured):
        filebased.SmsBackend(file_path=str(not_a_dir))


def test_an_unknown_template_purpose_has_no_local_text(settings):
    settings.SMS_BACKEND = "locmem"
    with pytest.raises(sms.SmsRejected):
        send_sms(NUMBER, template="no_such_purpose")
    assert send_sms(NUMBER, template="no_such_purpose", fail_silently=True) == 0


def test_apps_register_the_local_text_of_their_own_purposes(settings):
    settings.SMS_BACKEND = "locmem"
    sms.register_text("test_purpose", "Order %(ref)s shipped")
    try:
        send_sms(NUMBER, template="test_purpose", params={"ref": "A1"})
    finally:
        del sms.message.TEXTS["test_purpose"]
    assert sms.outbox[0].rendered_body == "Order A1 shipped"
