"""The catalogue sidebar: filter conditions and facet counts.

Filters (``ProductFilter`` in the API and ``product_facets`` here share them):

* every filter takes several values (``category=a&category=b``): a product
  matches when it matches any of them; different filters must all match;
* grades and specifications are compared as search compares them
  (``products.search.analysis``): ``VG46``, ``iso vg 46`` and ``ISO VG 46`` are
  one grade, ``CK4`` finds ``API CK-4``. The distinct values of the catalogue
  are read (one query) and matched in Python, then filtered exactly, so the
  same SQL runs on SQLite and PostgreSQL.

Facets count, for each value of brand, category (the tree, a product counting
in its categories and their ancestors), base oil, viscosity grade and
specification, the products matching the query and every *other* filter (so a
chosen brand still shows how many products the other brands would give). The
number of queries is fixed: the values' look-ups, the search, and one per facet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from wagtail.models import Locale

from .models import (
    BaseOil,
    Brand,
    ProductCategory,
    ProductCategoryLink,
    ProductPage,
    ProductSpecification,
)
from .search.analysis import index_terms, query_words
from .search.models import SearchKind
from .search.selectors import pages_matching

FACET_NAMES = ("brand", "category", "base_oil", "viscosity_grade", "specification")


# --- Normalising values ------------------------------------------------------------


def code_key(value: str) -> tuple[str, ...]:
    """What a grade or specification means to search: its query terms
    (``ISO VG 46`` and ``vg46`` → ``("vg46",)``; ``API CK-4`` → ``("api",
    "ck4")``)."""
    return tuple(word.term for word in query_words(value))


def matching_values(wanted: Iterable[str], values: Iterable[str]) -> set[str]:
    """The stored ``values`` a filter for any of ``wanted`` means: the same
    terms, or (for a shorter filter such as ``CK-4``) all of the filter's terms
    among the value's (``API CK-4``)."""
    keys = [key for key in (code_key(w) for w in wanted) if key]
    found = set()
    for value in values:
        own = code_key(value)
        terms = index_terms(value) | set(own)
        if any(key == own or set(key) <= terms for key in keys):
            found.add(value)
    return found


# --- Conditions ----------------------------------------------------------------------


def category_condition(slugs: Sequence[str]):
    """Products in any of the categories ``slugs`` or their sub-categories
    (paths are the same in every language). One query (the paths)."""
    paths = set(
        ProductCategory.objects.filter(slug__in=list(slugs)).values_list(
            "path", flat=True
        )
    )
    if not paths:
        return Q(pk__in=[])
    match = Q()
    for path in sorted(paths):
        match |= Q(category__path=path) | Q(category__path__startswith=f"{path}/")
    return Exists(ProductCategoryLink.objects.filter(match, page=OuterRef("pk")))


def brand_condition(slugs: Sequence[str]) -> Q:
    return Q(brand__slug__in=[slug.strip().lower() for slug in slugs])


def base_oil_condition(values: Sequence[str]) -> Q:
    return Q(base_oil__in=list(values))


def grade_condition(values: Sequence[str], *, locale: Locale) -> Q:
    """One query: the grades products of ``locale`` carry."""
    grades = (
        ProductPage.objects.filter(locale=locale)
        .exclude(viscosity_grade="")
        .values_list("viscosity_grade", flat=True)
        .distinct()
    )
    return Q(viscosity_grade__in=sorted(matching_values(values, grades)))


def specification_condition(values: Sequence[str], *, locale: Locale):
    """One query: the specification codes of ``locale``'s products."""
    codes = (
        ProductSpecification.objects.filter(page__locale=locale)
        .values_list("code", flat=True)
        .distinct()
    )
    matching = sorted(matching_values(values, codes))
    return Exists(
        ProductSpecification.objects.filter(page=OuterRef("pk"), code__in=matching)
    )


def search_condition(*, queryset: QuerySet, text: str, locale: Locale) -> Q:
    matched = pages_matching(
        queryset=queryset, text=text, locale=locale, kind=SearchKind.PRODUCT
    )
    return Q(pk__in=matched.values("pk"))


def product_conditions(
    *, filters: dict[str, list[str]], locale: Locale, queryset: QuerySet
) -> dict[str, Any]:
    """A condition per filter given (``q`` too), to ``.filter()`` a product
    queryset with."""
    builders = {
        "brand": brand_condition,
        "category": category_condition,
        "base_oil": base_oil_condition,
        "viscosity_grade": lambda v: grade_condition(v, locale=locale),
        "specification": lambda v: specification_condition(v, locale=locale),
    }
    conditions: dict[str, Any] = {}
    for name, values in filters.items():
        values = [value for value in values if value.strip()]
        if not values:
            continue
        if name == "q":
            conditions[name] = search_condition(
                queryset=queryset, text=values[0].strip(), locale=locale
            )
        elif name in builders:
            conditions[name] = builders[name](values)
    return conditions


# --- Facets --------------------------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    children: list[FacetValue] = field(default_factory=list)
    path: str = ""


def _without(base: QuerySet, conditions: dict[str, Any], name: str) -> QuerySet:
    return base.filter(*[c for key, c in conditions.items() if key != name])


@dataclass
class Facets:
    count: int  # products matching every filter
    facets: dict[str, list[FacetValue]]


def product_facets(
    *, base: QuerySet, filters: dict[str, list[str]], locale: Locale
) -> Facets:
    """Counts for every facet of ``FACET_NAMES``: the products of ``base``
    matching ``filters`` except the facet's own; and the count with all of
    them. A fixed number of queries (at most 14 with every filter and ``q``)."""
    base = base.order_by()
    conditions = product_conditions(filters=filters, locale=locale, queryset=base)
    chosen = {name: set(filters.get(name, [])) for name in FACET_NAMES}
    facets = {
        "brand": _brand_facet(
            _without(base, conditions, "brand"), locale, chosen["brand"]
        ),
        "category": _category_facet(
            _without(base, conditions, "category"), locale, chosen["category"]
        ),
        "base_oil": _base_oil_facet(
            _without(base, conditions, "base_oil"), chosen["base_oil"]
        ),
        "viscosity_grade": _code_facet(
            _without(base, conditions, "viscosity_grade")
            .exclude(viscosity_grade="")
            .values(value=F("viscosity_grade"))
            .annotate(count=Count("pk", distinct=True))
            .order_by(),
            chosen["viscosity_grade"],
        ),
        "specification": _code_facet(
            ProductSpecification.objects.filter(
                page__in=_without(base, conditions, "specification").values("pk")
            )
            .values(value=F("code"))
            .annotate(count=Count("page", distinct=True))
            .order_by(),
            chosen["specification"],
        ),
    }
    return Facets(count=base.filter(*conditions.values()).count(), facets=facets)


def _brand_facet(products: QuerySet, locale: Locale, chosen: set[str]) -> list:
    """Two queries: the counts, the brands' names in ``locale``."""
    rows = (
        products.exclude(brand=None)
        .values("brand__slug", "brand__translation_key", "brand__name")
        .annotate(count=Count("pk"))
        .order_by()
    )
    rows = list(rows)
    local = dict(
        Brand.objects.filter(
            locale=locale,
            translation_key__in={r["brand__translation_key"] for r in rows},
        ).values_list("translation_key", "name")
    )
    merged: dict[str, FacetValue] = {}
    for row in rows:
        slug = row["brand__slug"]
        name = local.get(row["brand__translation_key"], row["brand__name"])
        if slug in merged:
            merged[slug].count += row["count"]
        else:
            merged[slug] = FacetValue(slug, name, row["count"])
    values = sorted(merged.values(), key=lambda v: (-v.count, v.label))
    return _mark(values, chosen)


def _base_oil_facet(products: QuerySet, chosen: set[str]) -> list:
    labels = dict(BaseOil.choices)
    rows = (
        products.exclude(base_oil="")
        .values("base_oil")
        .annotate(count=Count("pk"))
        .order_by()
    )
    values = [
        FacetValue(row["base_oil"], str(labels.get(row["base_oil"], "")), row["count"])
        for row in rows
    ]
    return _mark(sorted(values, key=lambda v: (-v.count, v.value)), chosen)


def _code_facet(rows: QuerySet, chosen: set[str]) -> list[FacetValue]:
    """Values that mean the same (``ISO VG 46``, ``VG46``) counted as one, under
    the most common spelling."""
    merged: dict[tuple[str, ...], FacetValue] = {}
    for row in sorted(rows, key=lambda r: (-r["count"], r["value"])):
        key = code_key(row["value"]) or (row["value"].lower(),)
        if key in merged:
            merged[key].count += row["count"]
        else:
            merged[key] = FacetValue(row["value"], row["value"], row["count"])
    chosen_keys = {code_key(value) for value in chosen}
    values = sorted(merged.values(), key=lambda v: (-v.count, v.value))
    for item in values:
        item.selected = code_key(item.value) in chosen_keys
    return values


def _category_facet(products: QuerySet, locale: Locale, chosen: set[str]) -> list:
    """The category tree of ``locale`` with, per node, the products linked to
    it or to a category below it (each product once); empty branches left out.
    Two queries: the (product, category path) pairs, the locale's categories."""
    pairs = set(
        ProductCategoryLink.objects.filter(page__in=products.values("pk"))
        .values_list("page_id", "category__path")
        .distinct()
    )
    members: dict[str, set[int]] = {}
    for page_id, path in pairs:
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            members.setdefault("/".join(parts[:depth]), set()).add(page_id)
    categories = ProductCategory.objects.filter(locale=locale).order_by(
        "sort_order", "path", "pk"
    )
    nodes: dict[str, FacetValue] = {}
    roots: list[FacetValue] = []
    for category in categories.values("slug", "name", "path"):
        count = len(members.get(category["path"], ()))
        if not count and category["slug"] not in chosen:
            continue
        node = FacetValue(
            category["slug"],
            category["name"],
            count,
            selected=category["slug"] in chosen,
            path=category["path"],
        )
        nodes[category["path"]] = node
        parent = category["path"].rpartition("/")[0]
        (nodes[parent].children if parent in nodes else roots).append(node)
    return roots


def _mark(values: list[FacetValue], chosen: set[str]) -> list[FacetValue]:
    for item in values:
        item.selected = item.value in chosen
    return values
