"""The search engines behind the public search: ours, or Wagtail's backend.

``LUBPUR_SEARCH_BACKEND`` picks one:

* ``"database"`` (default): ``DatabaseEngine`` matches the analysed query against
  ``SearchTerm`` with one grouped query. Each term's best weight in a document
  is aggregated; a group (a query word and its synonyms) scores the best of its
  alternatives, an alternative the worst of its terms (all must occur); a
  document matches when every group scores above zero and ranks by the sum, so
  a word in the title (8) outweighs one in the SKU, grade or specifications (4),
  brand or categories (2), or the text (1). The same SQL on SQLite and
  PostgreSQL.
* ``"wagtail"``: ``WagtailEngine`` asks Wagtail's search backend named by
  ``LUBPUR_WAGTAIL_SEARCH_BACKEND`` (an Elasticsearch/OpenSearch backend in
  ``WAGTAILSEARCH_BACKENDS``) with every word required; synonyms become
  alternative queries. Chinese segmentation is then the search server's analyser
  (see README "Search").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import add

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    F,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest, Least
from wagtail.models import Locale

from ..models import GuidePage, ProductPage
from . import fulltext, typos
from .analysis import QueryWord
from .lexicon import built_in_groups, merged_groups
from .models import (
    SearchDocument,
    SearchKind,
    SearchSynonym,
    SearchTerm,
    split_synonym_terms,
)
from .query import ParsedQuery, parse

WAGTAIL_RESULT_LIMIT = 1000
MODELS: dict[str, type[ProductPage] | type[GuidePage]] = {
    SearchKind.PRODUCT: ProductPage,
    SearchKind.GUIDE: GuidePage,
}


@dataclass(frozen=True)
class Hit:
    page_id: int
    score: float


def synonym_groups(locale: Locale) -> list[list[str]]:
    """The built-in lexicon of ``locale``'s language extended by the editors'
    synonym groups (one query); groups sharing a term are one group."""
    rows = SearchSynonym.objects.filter(locale=locale).values_list("terms", flat=True)
    return merged_groups(
        built_in_groups(locale.language_code),
        [split_synonym_terms(terms) for terms in rows],
    )


def typo_corrector(locale: Locale):
    """Corrections for the misspelt Latin words of a query, looked up in
    ``locale``'s index with one query (none when no word can be misspelt)."""

    def correct(words: list[QueryWord]) -> dict[int, list[str]]:
        wanted = {
            position: word
            for position, word in enumerate(words)
            if typos.correctable(word)
        }
        wanted = dict(list(wanted.items())[: typos.MAX_WORDS])
        if not wanted:
            return {}
        variants = {position: typos.candidates(w) for position, w in wanted.items()}
        lookup = {w.term for w in wanted.values()}.union(*variants.values())
        known = set(
            SearchTerm.objects.filter(locale=locale, term__in=sorted(lookup))
            .values_list("term", flat=True)
            .distinct()
        )
        return {
            position: sorted(variants[position] & known)
            for position, word in wanted.items()
            if word.term not in known
        }

    return correct


def parse_query(text: str, locale: Locale) -> ParsedQuery:
    return parse(text, synonym_groups(locale), correct=typo_corrector(locale))


# --- Ours ----------------------------------------------------------------------------


def _least(expressions: list):
    return expressions[0] if len(expressions) == 1 else Least(*expressions)


def _greatest(expressions: list):
    return expressions[0] if len(expressions) == 1 else Greatest(*expressions)


def scored(terms: QuerySet[SearchTerm], parsed: ParsedQuery) -> QuerySet:
    """``terms`` grouped by document: rows ``{document_id, score}`` of the documents
    matching every group of ``parsed``."""
    names = {term: f"t{index}" for index, term in enumerate(parsed.terms)}
    per_term = {
        name: Coalesce(
            Max(
                Case(
                    When(term=term, then=F("weight")),
                    output_field=IntegerField(),
                )
            ),
            Value(0),
        )
        for term, name in names.items()
    }
    per_group = {
        f"g{index}": _greatest(
            [_least([F(names[term]) for term in alt]) for alt in group]
        )
        for index, group in enumerate(parsed.groups)
    }
    return (
        terms.filter(term__in=list(names))
        .values("document_id")
        .annotate(**per_term)
        .annotate(**per_group)
        .filter(**{f"{name}__gt": 0 for name in per_group})
        .annotate(score=reduce(add, [F(name) for name in per_group]))
    )


class DatabaseHits:
    """The ranked matches, counted and sliced in the database (for pagination)."""

    def __init__(self, rows: QuerySet) -> None:
        self.rows = rows.order_by("-score", "document_id")

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        rows = self.rows[item]
        if isinstance(item, slice):
            return [Hit(row["document_id"], row["score"]) for row in rows]
        return Hit(rows["document_id"], rows["score"])


def vector_scored(documents: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """PostgreSQL: ``documents`` matching ``parsed`` through the GIN index of
    ``search_vector``, rows ``{document_id, score}`` scored like ``scored``
    (``products.search.fulltext``)."""
    groups = [[list(alt) for alt in group] for group in parsed.groups]
    column = '"search_vector"'  # unqualified: Django aliases it in subqueries
    score, params = fulltext.score_sql(groups, column)
    # Fixed SQL; the query's terms are parameters.
    match = RawSQL(  # noqa: S611
        f"{column} @@ %s::tsquery", [fulltext.tsquery(groups)], BooleanField()
    )
    return (
        documents.filter(match)
        .annotate(document_id=F("page_id"), score=RawSQL(score, params, IntegerField()))  # noqa: S611
        .values("document_id", "score")
    )


class DatabaseEngine:
    name = "database"

    def hits(self, parsed: ParsedQuery, *, locale: Locale, kinds: list[str]):
        if not parsed:
            return []
        if fulltext.enabled():
            documents = SearchDocument.objects.filter(locale=locale, kind__in=kinds)
            return DatabaseHits(vector_scored(documents, parsed))
        terms = SearchTerm.objects.filter(locale=locale, kind__in=kinds)
        return DatabaseHits(scored(terms, parsed))

    def filter_pages(
        self, queryset: QuerySet, parsed: ParsedQuery, *, locale: Locale, kind: str
    ) -> QuerySet:
        """``queryset`` narrowed to matching pages, annotated with
        ``search_rank`` (higher is better): two subqueries, whatever the size."""
        if not parsed:  # nothing searchable in the text (e.g. only symbols)
            return queryset.annotate(search_rank=Value(0)).none()
        if fulltext.enabled():
            documents = vector_scored(
                SearchDocument.objects.filter(locale=locale, kind=kind), parsed
            )
            rank = vector_scored(
                SearchDocument.objects.filter(page_id=OuterRef("pk")), parsed
            )
            return queryset.filter(
                pk__in=Subquery(documents.values("document_id"))
            ).annotate(search_rank=Subquery(rank.values("score")[:1]))
        matching = scored(
            SearchTerm.objects.filter(locale=locale, kind=kind), parsed
        ).values("document_id")
        rank = scored(SearchTerm.objects.filter(document_id=OuterRef("pk")), parsed)
        return queryset.filter(pk__in=Subquery(matching)).annotate(
            search_rank=Subquery(rank.values("score")[:1])
        )


# --- Wagtail's backend (Elasticsearch / OpenSearch) -----------------------------------


class WagtailEngine:
    """Adapter to a Wagtail search backend, for sites that outgrow the database."""

    name = "wagtail"

    def __init__(self, backend_name: str) -> None:
        self.backend_name = backend_name

    def _query(self, text: str, locale: Locale):
        from wagtail.search.query import Or, PlainText

        variants = [text]
        lowered = text.lower()
        for group in synonym_groups(locale):
            for term in group:
                if term.lower() in lowered:
                    variants += [
                        lowered.replace(term.lower(), other.lower())
                        for other in group
                        if other != term
                    ]
        queries = [PlainText(v, operator="and") for v in dict.fromkeys(variants)]
        return queries[0] if len(queries) == 1 else Or(queries)

    def _search(self, text: str, model, locale: Locale) -> list[Hit]:
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend(self.backend_name)
        queryset = model.objects.live().public().filter(locale=locale)
        query = self._query(text, locale)
        results = backend.search(query, queryset).annotate_score("_score")
        return [
            Hit(page.pk, float(getattr(page, "_score", 0) or 0))
            for page in results[:WAGTAIL_RESULT_LIMIT]
        ]

    def hits(self, parsed: ParsedQuery, *, locale: Locale, kinds: list[str]):
        hits: list[Hit] = []
        for kind in kinds:
            hits += self._search(parsed.text, MODELS[kind], locale)
        return sorted(hits, key=lambda hit: -hit.score)

    def filter_pages(
        self, queryset: QuerySet, parsed: ParsedQuery, *, locale: Locale, kind: str
    ) -> QuerySet:
        hits = self._search(parsed.text, MODELS[kind], locale)
        rank = Case(
            *[
                When(pk=hit.page_id, then=len(hits) - position)
                for position, hit in enumerate(hits)
            ],
            default=0,
            output_field=IntegerField(),
        )
        ids = [hit.page_id for hit in hits]
        return queryset.filter(pk__in=ids).annotate(search_rank=rank)


def search_engine() -> DatabaseEngine | WagtailEngine:
    choice = getattr(settings, "LUBPUR_SEARCH_BACKEND", "database")
    if choice == "wagtail":
        return WagtailEngine(
            getattr(settings, "LUBPUR_WAGTAIL_SEARCH_BACKEND", "default")
        )
    if choice != "database":
        raise ValueError(
            f"LUBPUR_SEARCH_BACKEND must be 'database' or 'wagtail', not {choice!r}"
        )
    return DatabaseEngine()
