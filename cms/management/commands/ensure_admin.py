"""Create the first admin account once; print its password only when generated.

``LUBPUR_ADMIN_EMAIL`` and ``LUBPUR_ADMIN_PASSWORD`` set them; otherwise the e-mail
is admin@lubpur.local and a random password is printed the one time it is made.
Running it again changes nothing. With ``--site-url`` it ends with where to go: the
admin, the API and its docs, and the admin's credentials last (``make run``).
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile


class Command(BaseCommand):
    help = "Create the admin account if there is none (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            help="Also print where to go on this site, e.g. http://127.0.0.1:8000",
        )

    def handle(self, *args, **options):
        site = (options.get("site_url") or "").rstrip("/")
        if site:
            self.stdout.write(
                "\nLubpur CMS is ready:\n"
                f"  admin      {site}/admin/\n"
                f"  API        {site}/api/v1/\n"
                f"  API docs   {site}/api/docs/"
            )
        User = get_user_model()
        email = os.environ.get("LUBPUR_ADMIN_EMAIL", "admin@lubpur.local")
        password = os.environ.get("LUBPUR_ADMIN_PASSWORD", "")
        if User.objects.filter(email__iexact=email).exists():
            self.stdout.write(
                f"Admin account {email} already exists; unchanged (its password was "
                "shown when it was made; `manage.py changepassword` sets a new one)."
            )
            return
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(
            email=email,
            password=password,
            first_name=os.environ.get("LUBPUR_ADMIN_FIRST_NAME", "Lubpur"),
            last_name=os.environ.get("LUBPUR_ADMIN_LAST_NAME", "管理员"),
        )
        # The admin speaks Chinese until the account picks another language.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])
        self.stdout.write(self.style.SUCCESS(f"Created admin account {email}"))
        if generated:
            self.stdout.write(f"  password: {password}   (shown once; change it)")
