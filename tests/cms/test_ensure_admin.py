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
    assert "already exists" in second and password not in second
    assert User.objects.count() == 1


def test_ensure_admin_takes_credentials_from_the_environment(monkeypatch):
    monkeypatch.setenv("LUBPUR_ADMIN_EMAIL", "boss@example.com")
    monkeypatch.setenv("LUBPUR_ADMIN_PASSWORD", "s3cret-pass-word")
    call_command("ensure_admin")
    admin = get_user_model().objects.get(email="boss@example.com")
    assert admin.check_password("s3cret-pass-word")


def test_make_runs_summary_names_the_admin_api_and_docs_and_ends_with_credentials(
    capsys,
):
    call_command("ensure_admin", site_url="http://127.0.0.1:8000/")
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]

    assert any(
        line.split() == ["admin", "http://127.0.0.1:8000/admin/"] for line in lines
    )
    assert any("http://127.0.0.1:8000/api/v1/" in line for line in lines)
    assert any("http://127.0.0.1:8000/api/docs/" in line for line in lines)
    assert lines[-1].strip().startswith("password:")
