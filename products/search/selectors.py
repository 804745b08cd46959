"""Search reads: ranked hits, their result rows, prefix suggestions.

``search_hits`` returns something the API paginates (counted and sliced in the
database); ``search_results`` turns one page of hits into rows with a frontend
path and a highlighted snippet (one query); ``search_suggest`` completes what a
search box holds from titles, SKUs, brands and grades (one query).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import Length
from wagtail.models import Locale

from .analysis import prefix_terms
from .engine import Hit, parse_query, search_engine
from .highlight import highlight
from .models import SearchDocument, SearchKind
from .query import ParsedQuery

MAX_QUERY_LENGTH = 200
SUGGEST_LIMIT = 10
ADMIN_LIMIT = 200  # per language: an editor narrows a longer list by typing more


@dataclass
class SearchResult:
    page_id: int
    kind: str
    title: str
    url_path: str
    language: str
    snippet: str
    score: float
    sku: str


@dataclass
class Suggestion:
    text: str
    kind: str  # product, guide, brand, grade
    page_id: int | None = None
    url_path: str = ""
    language: str = ""


def search_hits(
    *, text: str, locale: Locale, kinds: list[str] | None = None
) -> tuple[ParsedQuery, list[Hit]]:
    """The ranked hits of ``text`` (``parsed`` for highlighting) in ``locale``."""
    parsed = parse_query(text, locale)
    kinds = kinds or [SearchKind.PRODUCT, SearchKind.GUIDE]
    return parsed, search_engine().hits(parsed, locale=locale, kinds=kinds)


def search_results(*, hits: list[Hit], parsed: ParsedQuery) -> list[SearchResult]:
    """Result rows for one page of hits, in hit order."""
    documents = {
        document.pk: document
        for document in SearchDocument.objects.filter(
            page_id__in=[hit.page_id for hit in hits]
        )
        .select_related("page", "locale")
        .only(
            "page_id",
            "kind",
            "title",
            "sku",
            "snippet_text",
            "page__url_path",
            "locale__language_code",
        )
    }
    terms = set(parsed.terms)
    rows = []
    for hit in hits:
        document = documents.get(hit.page_id)
        if document is None:  # unpublished between the two queries
            continue
        rows.append(
            SearchResult(
                page_id=document.pk,
                kind=document.kind,
                title=document.title,
                url_path=document.page.url_path,
                language=document.locale.language_code,
                snippet=highlight(document.snippet_text, terms),
                score=hit.score,
                sku=document.sku,
            )
        )
    return rows


def pages_matching(
    *, queryset: QuerySet, text: str, locale: Locale, kind: str
) -> QuerySet:
    """``queryset`` narrowed to pages matching ``text``, annotated ``search_rank``
    (higher is better); the list endpoints' ``q``."""
    parsed = parse_query(text, locale)
    return search_engine().filter_pages(queryset, parsed, locale=locale, kind=kind)


def search_suggest(
    *, text: str, locale: Locale, limit: int = SUGGEST_LIMIT
) -> list[Suggestion]:
    """Brands, grades, then product and guide titles (shortest first) with a word
    starting with what was typed; the earlier words of ``text`` must be whole
    words."""
    terms = prefix_terms(text)
    if not terms:
        return []
    *whole, last = terms
    documents = SearchDocument.objects.filter(locale=locale)
    for term in whole:
        documents = documents.filter(suggest_text__contains=f" {term} ")
    documents = documents.filter(suggest_text__contains=f" {last}")
    rows = (
        documents.select_related("page", "locale")
        .only(
            "page_id",
            "kind",
            "title",
            "brand",
            "grade",
            "page__url_path",
            "locale__language_code",
        )
        .order_by("-kind", Length("title"), "title")[: limit * 5]
    )
    words: dict[str, Suggestion] = {}
    titles: list[Suggestion] = []
    for document in rows:
        for kind, value in (("brand", document.brand), ("grade", document.grade)):
            if value and _starts_a_word(value, terms):
                words.setdefault(value.lower(), Suggestion(value, kind))
        titles.append(
            Suggestion(
                document.title,
                document.kind,
                page_id=document.pk,
                url_path=document.page.url_path,
                language=document.locale.language_code,
            )
        )
    return [*words.values(), *titles][:limit]


def _starts_a_word(value: str, terms: list[str]) -> bool:
    surface = prefix_terms(value)
    *whole, last = terms
    return all(term in surface for term in whole) and any(
        word.startswith(last) for word in surface
    )


def admin_page_ids(*, text: str, kinds: list[str] | None = None) -> list[int]:
    """Pages (published, in any language) the project's engine finds for ``text``,
    best first: what the admin's listings and page search add to Wagtail's own
    matches, so 液压油 or HM46 find the products an editor means."""
    ids: list[int] = []
    for locale in Locale.objects.all():
        _parsed, hits = search_hits(text=text, locale=locale, kinds=kinds)
        ids += [hit.page_id for hit in hits[:ADMIN_LIMIT]]
    return list(dict.fromkeys(ids))
