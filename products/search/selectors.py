"""Search reads: ranked hits, their result rows, prefix suggestions.

``search_hits`` returns something the API paginates (counted and sliced in the
database); ``search_results`` turns one page of hits into rows with a frontend
path and a highlighted snippet (one query); ``search_suggest`` completes what a
search box holds from titles, SKUs, brands and grades (one query).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce, Length
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
    slug: str
    url_path: str
    language: str
    snippet: str
    score: float
    sku: str
    brand: str = ""  # named in the result's language
    brand_slug: str = ""
    image_id: int | None = None  # a product's main image, a guide's cover


@dataclass
class Suggestion:
    """A completion: a product or guide (its page), or a brand or grade (the
    catalogue listing filtered by it: ``url_path`` is the products section's,
    ``query`` the filter)."""

    text: str
    kind: str  # product, guide, brand, grade
    page_id: int | None = None
    slug: str = ""
    url_path: str = ""
    language: str = ""
    query: dict[str, str] | None = None


def search_hits(
    *, text: str, locale: Locale, kinds: list[str] | None = None
) -> tuple[ParsedQuery, list[Hit]]:
    """The ranked hits of ``text`` (``parsed`` for highlighting) in ``locale``."""
    parsed = parse_query(text, locale)
    kinds = kinds or [SearchKind.PRODUCT, SearchKind.GUIDE]
    return parsed, search_engine().hits(parsed, locale=locale, kinds=kinds)


def search_results(*, hits: list[Hit], parsed: ParsedQuery) -> list[SearchResult]:
    """Result rows for one page of hits, in hit order (one query: the documents
    with their page's slug, path, image and brand slug)."""
    documents = {
        row["page_id"]: row
        for row in SearchDocument.objects.filter(
            page_id__in=[hit.page_id for hit in hits]
        ).values(
            "page_id",
            "kind",
            "title",
            "sku",
            "brand",
            "snippet_text",
            slug=F("page__slug"),
            url_path=F("page__url_path"),
            language=F("locale__language_code"),
            brand_slug=F("page__productpage__brand__slug"),
            image_id=Coalesce(
                "page__productpage__main_image_id", "page__guidepage__cover_image_id"
            ),
        )
    }
    terms = set(parsed.terms)
    rows = []
    for hit in hits:
        row = documents.get(hit.page_id)
        if row is None:  # unpublished between the two queries
            continue
        rows.append(
            SearchResult(
                page_id=row["page_id"],
                kind=row["kind"],
                title=row["title"],
                slug=row["slug"],
                url_path=row["url_path"],
                language=row["language"],
                snippet=highlight(row["snippet_text"], terms),
                score=hit.score,
                sku=row["sku"],
                brand=row["brand"],
                brand_slug=row["brand_slug"] or "",
                image_id=row["image_id"],
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
    rows = documents.values(
        "page_id",
        "kind",
        "title",
        "brand",
        "grade",
        slug=F("page__slug"),
        url_path=F("page__url_path"),
        language=F("locale__language_code"),
        brand_slug=F("page__productpage__brand__slug"),
        viscosity_grade=F("page__productpage__viscosity_grade"),
    ).order_by("-kind", Length("title"), "title")[: limit * 5]
    words: dict[str, Suggestion] = {}
    titles: list[Suggestion] = []
    for row in rows:
        section = _parent_path(row["url_path"])
        for kind, value, slug, query in (
            ("brand", row["brand"], row["brand_slug"] or "", "brand"),
            ("grade", row["grade"], "", "viscosity_grade"),
        ):
            if value and _starts_a_word(value, terms):
                words.setdefault(
                    f"{kind}:{value.lower()}",
                    Suggestion(
                        value,
                        kind,
                        slug=slug,
                        url_path=section,
                        language=row["language"],
                        query={query: slug or row["viscosity_grade"] or value},
                    ),
                )
        titles.append(
            Suggestion(
                row["title"],
                row["kind"],
                page_id=row["page_id"],
                slug=row["slug"],
                url_path=row["url_path"],
                language=row["language"],
            )
        )
    return [*words.values(), *titles][:limit]


def _parent_path(url_path: str) -> str:
    """``/home/products/lp-hm46/`` → ``/home/products/``."""
    parts = [part for part in url_path.split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts[:-1])


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
