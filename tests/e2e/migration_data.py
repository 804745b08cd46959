"""Put back the data the migrations make (root page and collection, locales, the
home pages, staff groups and their permissions) when an earlier transactional test
flushed it, by running our apps' data migrations again (after Wagtail's "access
admin" permission migration, which they rely on).

The browser tests need that data and their live server uses a transactional
database; serialized rollback normally restores it, but a transactional test that
ran earlier without it leaves empty tables. Every data migration of ours is
idempotent (``get_or_create``), so running them again is harmless, and a new one
is picked up without a change here.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from wagtail.models import Collection, Locale, Page

# Data our migrations rely on that other apps' data migrations make (Wagtail's
# roots are made above; its other data migrations are not safe to replay).
THIRD_PARTY_DATA_MIGRATIONS = [("wagtailadmin", "0001_create_admin_access_permissions")]


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
    """Recreate content types and permissions (as after ``migrate``), Wagtail's
    roots, then replay our data migrations in order. When the test database kept a
    snapshot (serialized rollback) and the flush emptied it, the snapshot is loaded
    instead, so ids match what Django's caches and later tests expect."""
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot and not ContentType.objects.exists():
        connection.creation.deserialize_db_from_string(snapshot)
        return
    # A flush leaves cached content-type ids and cached pages pointing at nothing.
    ContentType.objects.clear_cache()
    cache.clear()
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    zh, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        root = Page(
            title="Root",
            slug="root",
            locale=zh,
            content_type=ContentType.objects.get_for_model(Page),
        )
        Page.add_root(instance=root)
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    for key in THIRD_PARTY_DATA_MIGRATIONS:
        _replay(loader.graph.nodes[key])
    ours = _our_apps()
    done: set[tuple[str, str]] = set()
    for leaf in sorted(loader.graph.leaf_nodes()):
        for node in loader.graph.forwards_plan(leaf):
            if node[0] in ours and node not in done:
                _replay(loader.graph.nodes[node])
                done.add(node)


def _replay(migration) -> None:
    # Data migrations only read ``schema_editor.connection``.
    schema_editor = SimpleNamespace(connection=connection)
    for operation in migration.operations:
        if isinstance(operation, RunPython):
            operation.code(apps, schema_editor)
