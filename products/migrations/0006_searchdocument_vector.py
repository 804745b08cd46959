"""PostgreSQL only: a full-text vector of each search document, GIN-indexed
(``products.search.fulltext``), filled from the term table. Nothing on SQLite,
which keeps matching on the term table alone."""

from django.db import migrations

ADD = [
    "ALTER TABLE products_searchdocument ADD COLUMN search_vector tsvector",
    "CREATE INDEX products_searchdocument_vector"
    " ON products_searchdocument USING gin (search_vector)",
]
DROP = [
    "DROP INDEX IF EXISTS products_searchdocument_vector",
    "ALTER TABLE products_searchdocument DROP COLUMN IF EXISTS search_vector",
]


class PostgreSQLOnly(migrations.RunSQL):
    """SQL run on PostgreSQL and skipped elsewhere: a schema change, not data
    (``RunPython`` is for data, and data migrations are replayed after a flush by
    tests/e2e/migration_data.py)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def fill_sql() -> str:
    from products.search.fulltext import VECTOR_FROM_TERMS

    return VECTOR_FROM_TERMS.format(where="TRUE")


class Migration(migrations.Migration):
    dependencies = [("products", "0005_package_sizes_structured")]

    operations = [
        PostgreSQLOnly(ADD, reverse_sql=DROP),
        PostgreSQLOnly(fill_sql(), reverse_sql=migrations.RunSQL.noop),
    ]
