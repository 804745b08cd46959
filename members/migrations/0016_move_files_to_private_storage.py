"""Files uploaded before the private storage existed move out of the public media
storage: documents (under a new unguessable name), procurement attachments and
avatars (their names were random already). Idempotent; ``manage.py
move_private_files`` runs the same move again (e.g. after copying old media onto
a server that had migrated already)."""

from django.db import migrations

from core.files import private_files_move

MOVES = [
    ("cms", "CustomDocument", "file", "documents"),
    ("members", "ProcurementAttachment", "file", None),
    ("members", "User", "avatar", None),
    ("members", "User", "avatar_medium", None),
    ("members", "User", "avatar_small", None),
]


def move(apps, schema_editor):
    for app_label, model_name, field, folder in MOVES:
        private_files_move(apps.get_model(app_label, model_name), field, folder=folder)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_documents_in_private_storage"),
        ("members", "0015_attachments_and_avatars_in_private_storage"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
