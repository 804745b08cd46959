"""The catalogue's own search index and the synonyms editors manage.

``SearchDocument`` is one row per live, public product or guide page (a page has
one locale, so one row per page per locale); ``SearchTerm`` holds its analysed
terms, one row per (document, term) with the weight of the best field the term
occurs in. Matching is ``term IN (…)`` on an index of (locale, term), grouped by
document, so it costs the same on SQLite and PostgreSQL and stays fast as the
catalogue grows. Both are written only by ``products.search.services`` (signals
on publishing, ``manage.py search_reindex``); editors do not edit them.

``SearchSynonym`` is a snippet (*Products → Search synonyms*): a group of terms
that mean the same thing in one language, applied when querying. It extends
the built-in lubricant lexicon (``products.search.lexicon``: 黄油 = 润滑脂,
机油 = 发动机油 …): a group sharing a term with a built-in one joins it.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page


class SearchKind(models.TextChoices):
    PRODUCT = "product", _("Product")
    GUIDE = "guide", _("Guide")


class Weight(models.IntegerChoices):
    """How much a matching term counts, by the field it occurs in."""

    TEXT = 1, _("Summary, applications, body")
    TAXONOMY = 2, _("Brand and categories")
    CODE = 4, _("SKU, grade and specifications")
    TITLE = 8, _("Title")


class SearchDocument(models.Model):
    """A page as search sees it: its analysed fields and what results show."""

    page = models.OneToOneField(
        Page,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=SearchKind.choices)
    title = models.CharField(_("title"), max_length=255)
    sku = models.CharField(_("SKU"), max_length=64, blank=True)
    brand = models.CharField(_("brand"), max_length=100, blank=True)
    grade = models.CharField(_("grade"), max_length=40, blank=True)
    title_terms = models.TextField(
        _("title terms"), blank=True, help_text=_("The title's terms, space-separated.")
    )
    other_terms = models.TextField(
        _("other terms"),
        blank=True,
        help_text=_("The other fields' terms, space-separated."),
    )
    suggest_text = models.TextField(
        _("suggestion text"),
        blank=True,
        help_text=_(
            "Unstemmed terms of title, SKU, brand and grade between spaces, "
            "for prefix suggestions."
        ),
    )
    snippet_text = models.TextField(
        _("snippet text"), blank=True, help_text=_("Plain text results quote from.")
    )
    updated_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [models.Index(fields=["locale", "kind"])]

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """One analysed term of a document (locale and kind copied for matching)."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="terms"
    )
    term = models.CharField(max_length=64)
    weight = models.PositiveSmallIntegerField(choices=Weight.choices)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=SearchKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "term"], name="products_searchterm_document_term"
            )
        ]
        indexes = [models.Index(fields=["locale", "term"])]

    def __str__(self) -> str:
        return self.term


SYNONYM_SEPARATORS = re.compile(r"[\n,，;；=、]+")


class SearchSynonym(models.Model):
    """A group of terms buyers use for the same thing, in one language.

    A query containing any of the terms finds items containing any other one
    (牛脂 = 黄油 makes 牛脂 find 润滑脂). Edited under *Products → Search
    synonyms*; takes effect on the next search. The built-in lexicon
    (``products.search.lexicon``) already knows the common trade names.
    """

    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "Two or more terms that mean the same, one per line (or separated by "
            "commas or =). A term may have several words. Common trade names "
            "(黄油 = 润滑脂, 机油 = 发动机油, 透平油 = 汽轮机油, HM = 抗磨液压油 …) "
            "are built in; a group that shares a term with a built-in one extends "
            "it, e.g. 牛脂 = 黄油."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Why, for other editors.")
    )

    panels = [FieldPanel("locale"), FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["locale", "terms"]

    def __str__(self) -> str:
        return " = ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return split_synonym_terms(self.terms)

    def clean(self) -> None:
        super().clean()
        if len(self.term_list) < 2:
            raise ValidationError(
                {"terms": _("Give at least two terms that mean the same.")}
            )


def split_synonym_terms(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for term in SYNONYM_SEPARATORS.split(text or ""):
        if term.strip():
            seen.setdefault(term.strip(), None)
    return list(seen)
