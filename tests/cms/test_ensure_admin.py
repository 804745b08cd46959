import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_one_superuser_and_prints_the_generated_password(capsys):
    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out

    User = get_user_model()
    admin = User.objects.get(email="admin@lubpur.local")
    password = first.split("password:")[1].split()[0]
    assert admin.is_superuser and admin.check_password(password)
    assert "already exists" in second and "password" not in second
    assert User.objects.count() == 1


def test_ensure_admin_takes_credentials_from_the_environment(monkeypatch):
    monkeypatch.setenv("LUBPUR_ADMIN_EMAIL", "boss@example.com")
    monkeypatch.setenv("LUBPUR_ADMIN_PASSWORD", "s3cret-pass-word")
    call_command("ensure_admin")
    admin = get_user_model().objects.get(email="boss@example.com")
    assert admin.check_password("s3cret-pass-word")
