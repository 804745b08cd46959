"""``manage.py move_private_files``: move documents, procurement attachments and
avatars still in the public media storage into the private one (``core.files``),
as migration ``members.0016`` does on upgrade. Idempotent: run it again after
copying old media onto a server that had migrated already; files already
private are left alone."""

from django.apps import apps
from django.core.management.base import BaseCommand

from core.files import private_files_move

MOVES = [
    ("cms", "CustomDocument", "file", "documents"),
    ("members", "ProcurementAttachment", "file", None),
    ("members", "User", "avatar", None),
    ("members", "User", "avatar_medium", None),
    ("members", "User", "avatar_small", None),
]


class Command(BaseCommand):
    help = "Move documents, attachments and avatars into the private storage."

    def handle(self, *args, **options):
        for app_label, model_name, field, folder in MOVES:
            model = apps.get_model(app_label, model_name)
            counts = private_files_move(model, field, folder=folder)
            self.stdout.write(
                f"{model_name}.{field}: moved {counts['moved']}, "
                f"already private {counts['private']}, missing {counts['missing']}"
            )
