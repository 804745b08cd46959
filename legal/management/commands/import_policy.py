"""``manage.py import_policy PATH --locale zh-hans|en``: a text file becomes a policy.

Examples::

    manage.py import_policy seed.txt --locale zh-hans --publish
    manage.py import_policy seed.txt --locale en --page legal-privacy --publish
    manage.py import_policy v2.txt --locale zh-hans --publish --material \
        --summary "新增未成年人保护条款。"
    manage.py import_policy v2-typo.txt --locale zh-hans --publish --minor

A material version asks every member to consent again and shows them
``--summary``; ``--minor`` is an editorial correction nobody re-consents to.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.errors import ValidationFailed
from legal.importer import DEFAULT_SLUG, policy_import


class Command(BaseCommand):
    help = (
        "Import a plain-text policy (法律声明及隐私政策 shape) as a policy page, a new "
        "draft of one, or (--locale en) its English translation."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--locale", required=True, choices=["zh-hans", "en"])
        parser.add_argument(
            "--updated-on",
            type=dt.date.fromisoformat,
            help="YYYY-MM-DD; overrides the file's 更新日期 / 'Updated on' line.",
        )
        parser.add_argument(
            "--page",
            default=DEFAULT_SLUG,
            help=f"Slug of the policy page to create or update ({DEFAULT_SLUG}).",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the result: a new version (or its English text).",
        )
        parser.add_argument(
            "--summary",
            default="",
            help="What changed in this version; members see it before they "
            "consent again (Chinese source only).",
        )
        kind = parser.add_mutually_exclusive_group()
        kind.add_argument(
            "--material",
            dest="material",
            action="store_true",
            default=True,
            help="A material change: every member consents again (the default).",
        )
        kind.add_argument(
            "--minor",
            dest="material",
            action="store_false",
            help="An editorial correction: nobody is asked again.",
        )

    def handle(self, *args, path: Path, locale: str, **options):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise CommandError(f"{path}: no such file.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}: not UTF-8 text ({exc.reason}).") from exc
        try:
            result = policy_import(
                text=text,
                locale=locale,
                slug=options["page"],
                updated_on=options["updated_on"],
                publish=options["publish"],
                summary=options["summary"],
                material=options["material"],
            )
        except ValidationFailed as exc:
            raise CommandError(f"{path}: {exc.detail}") from exc
        self.stdout.write(result.parsed.summary())
        action = "created" if result.created else "updated (new draft)"
        self.stdout.write(
            f"Page {result.page.pk} ({locale}, /{result.page.slug}/) {action}."
        )
        if (
            locale == "zh-hans"
            and options["material"]
            and not options["summary"].strip()
            and not result.created
        ):
            self.stderr.write(
                self.style.WARNING(
                    "A material version without --summary: members will consent "
                    "again without being told what changed."
                )
            )
        if result.version is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Published: version {result.version.label} "
                    f"({'material' if result.version.material else 'editorial'})."
                )
            )
