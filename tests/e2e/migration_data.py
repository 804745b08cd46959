"""Put back the data the migrations make (root page and collection, locales, the
home pages, staff groups and their permissions) when an earlier transactional test
flushed it, by running our apps' own data migrations again.

The browser tests need that data and their live server uses a transactional
database; serialized rollback normally restores it, but a transactional test that
ran earlier without it leaves empty tables. Every data migration of ours is
idempotent (``get_or_create``), so running them again is harmless, and a new one
is picked up without a change here.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from wagtail.models import Collection, Locale, Page


def _our_apps() -> set[str]:
    base = Path(settings.BASE_DIR)
    return {
        config.label
        for config in apps.get_app_configs()
        if base in Path(config.path).parents and ".venv" not in config.path
    }


def migration_data_missing() -> bool:
    return not (
        Page.objects.filter(depth=1).exists()
        and Collection.objects.filter(depth=1).exists()
        and Group.objects.filter(name="Editors").exists()
        and Page.objects.filter(depth=2).exists()
    )


def migration_data_restore() -> None:
    """Recreate Wagtail's roots, then replay our data migrations in order."""
    zh, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=zh))
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    ours = _our_apps()
    plan = [
        loader.graph.nodes[node]
        for leaf in sorted(loader.graph.leaf_nodes())
        for node in loader.graph.forwards_plan(leaf)
        if node[0] in ours
    ]
    seen: set[tuple[str, str]] = set()
    for migration in plan:
        if (migration.app_label, migration.name) in seen:
            continue
        seen.add((migration.app_label, migration.name))
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)
