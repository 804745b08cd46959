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


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from products.search.fulltext import VECTOR_FROM_TERMS

    for statement in ADD:
        schema_editor.execute(statement)
    schema_editor.execute(VECTOR_FROM_TERMS.format(where="TRUE"))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("products", "0005_package_sizes_structured")]

    operations = [migrations.RunPython(forwards, backwards)]
