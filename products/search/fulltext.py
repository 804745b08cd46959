"""PostgreSQL's own full-text index beside the term table (PostgreSQL only).

On PostgreSQL every ``SearchDocument`` also holds ``search_vector``: its terms
(``SearchTerm``) as a ``tsvector``, each lexeme labelled with its weight (title
A = 8, SKU/grade/specifications B = 4, brand/categories C = 2, text D = 1), with
a GIN index (migration ``0006_searchdocument_vector``, which adds neither on
SQLite). A query's groups become one ``tsquery`` (``(a & b) | c`` per group,
groups joined by ``&``), so matching is one GIN index scan instead of grouping
every term row of every candidate document; the score is the term table's (the
sum over groups of the best alternative's weakest term weight), read from the
lexemes' labels (``vector @@ 'term:A'``). The lexemes are the analysed terms
themselves (quoted, so PostgreSQL neither parses nor stems them): results are
the same as with the term table, which SQLite keeps using.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

LABELS = ((8, "A"), (4, "B"), (2, "C"))
VECTOR_FROM_TERMS = """
UPDATE products_searchdocument AS d SET search_vector = t.vector
FROM (
    SELECT document_id, string_agg(
        '''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || ''':1'
        || CASE weight WHEN 8 THEN 'A' WHEN 4 THEN 'B' WHEN 2 THEN 'C' ELSE 'D' END,
        ' '
    )::tsvector AS vector
    FROM products_searchterm
    WHERE {where}
    GROUP BY document_id
) AS t
WHERE d.page_id = t.document_id
"""


def enabled() -> bool:
    return connection.vendor == "postgresql"


def write_vectors(document_ids: Iterable[int] | None = None) -> None:
    """Set ``search_vector`` of these documents (all when None) from their
    term rows: one statement."""
    if not enabled():
        return
    with connection.cursor() as cursor:
        if document_ids is None:
            cursor.execute(VECTOR_FROM_TERMS.format(where="TRUE"))
        else:
            ids = list(document_ids)
            if ids:
                cursor.execute(
                    VECTOR_FROM_TERMS.format(where="document_id = ANY(%s)"), [ids]
                )


def lexeme(term: str, label: str = "") -> str:
    quoted = term.replace("\\", "\\\\").replace("'", "''")
    return f"'{quoted}'" + (f":{label}" if label else "")


def tsquery(groups: list[list[list[str]]]) -> str:
    """Every group must match: a group is any of its alternatives, an
    alternative all of its terms."""
    return " & ".join(
        "("
        + " | ".join("(" + " & ".join(map(lexeme, alt)) + ")" for alt in group)
        + ")"
        for group in groups
    )


def score_sql(groups: list[list[list[str]]], column: str) -> tuple[str, list[str]]:
    """SQL (and its parameters) for the term table's score of a document."""

    def weight(term: str) -> tuple[str, list[str]]:
        cases = [f"WHEN {column} @@ %s::tsquery THEN {v}" for v, _label in LABELS]
        params = [lexeme(term, label) for _value, label in LABELS]
        return (
            f"(CASE {' '.join(cases)} WHEN {column} @@ %s::tsquery THEN 1 ELSE 0 END)",
            [*params, lexeme(term)],
        )

    def combine(name: str, items: list[tuple[str, list[str]]]):
        if len(items) == 1:
            return items[0]
        params = [param for _sql, item_params in items for param in item_params]
        return f"{name}({', '.join(sql for sql, _params in items)})", params

    parts = [
        combine(
            "GREATEST", [combine("LEAST", [weight(t) for t in alt]) for alt in group]
        )
        for group in groups
    ]
    return (
        " + ".join(sql for sql, _params in parts),
        [param for _sql, params in parts for param in params],
    )
