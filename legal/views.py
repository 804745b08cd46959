"""Admin views: policies and their translation status, version history, diffs.

Registered by ``wagtail_hooks`` (Legal → Policies / Awaiting translation). Every
admin user may read them: the texts are published documents; editing stays
with the page permissions (``legal.groups``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.i18n import source_language

from . import selectors
from .diff import content_diff
from .models import PolicyPage, PolicyVersion

LANGUAGE_NAMES = dict(settings.WAGTAIL_CONTENT_LANGUAGES)


@dataclass
class TranslationState:
    locale: str
    name: str
    status: str  # "current", "outdated", "missing"
    version: str | None
    edit_url: str | None


@dataclass
class PolicyRow:
    page: PolicyPage
    current: PolicyVersion | None
    count: int
    translations: list[TranslationState]

    @property
    def awaiting(self) -> bool:
        return any(state.status != "current" for state in self.translations)


def policy_rows() -> list[PolicyRow]:
    """Every source policy with its current version and each translation's state."""
    pages = list(
        PolicyPage.objects.filter(locale__language_code=source_language()).order_by(
            "path"
        )
    )
    histories = selectors.version_histories(policies=pages)
    translated = {
        (page.translation_key, page.locale.language_code): page
        for page in PolicyPage.objects.exclude(
            locale__language_code=source_language()
        ).select_related("locale")
    }
    rows = []
    for page in pages:
        history = histories.get(page.pk, [])
        current = history[0] if history else None
        states = []
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if code == source_language():
                continue
            found = selectors.latest_text(versions=history, locale=code)
            status = "missing"
            if found is not None:
                status = "current" if found[0].pk == history[0].pk else "outdated"
            target = translated.get((page.translation_key, code))
            states.append(
                TranslationState(
                    locale=code,
                    name=str(name),
                    status=status,
                    version=found[0].label if found else None,
                    edit_url=reverse("wagtailadmin_pages:edit", args=[target.pk])
                    if target
                    else None,
                )
            )
        rows.append(PolicyRow(page, current, len(history), states))
    return rows


class LegalAdminMixin(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = [*self.breadcrumbs_items]
        if getattr(self, "policy", None) is not None:
            items.append(
                {"url": reverse("legal_policies:index"), "label": _("Policies")}
            )
        return [*items, {"url": "", "label": self.get_header_title()}]


class PolicyIndexView(LegalAdminMixin, TemplateView):
    template_name = "legal/admin/policies.html"
    page_title = _("Policies")
    header_icon = "doc-full"
    awaiting_only = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rows = policy_rows()
        if self.awaiting_only:
            rows = [row for row in rows if row.awaiting]
        return super().get_context_data(
            rows=rows, awaiting_only=self.awaiting_only, **kwargs
        )


class AwaitingTranslationView(PolicyIndexView):
    page_title = _("Policies awaiting translation")
    header_icon = "globe"
    awaiting_only = True


def _source_policy(pk: int) -> PolicyPage:
    page = PolicyPage.objects.filter(
        pk=pk, locale__language_code=source_language()
    ).first()
    if page is None:
        raise Http404
    return page


class VersionHistoryView(LegalAdminMixin, TemplateView):
    template_name = "legal/admin/history.html"
    page_title = _("Version history")
    header_icon = "history"

    def get_page_subtitle(self) -> str:
        return self.policy.title

    def get(self, request, *args, **kwargs):
        self.policy = _source_policy(kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        versions = selectors.version_histories(policies=[self.policy])[self.policy.pk]
        return super().get_context_data(
            policy=self.policy,
            versions=versions,
            languages=settings.WAGTAIL_CONTENT_LANGUAGES,
            **kwargs,
        )


def side_by_side(ops: list[dict[str, str]]) -> tuple[SafeString, SafeString]:
    """The old text with deletions marked and the new with insertions marked."""
    old: list[str] = []
    new: list[str] = []
    for op in ops:
        text = escape(op["text"])
        if op["op"] == "equal":
            old.append(text)
            new.append(text)
        elif op["op"] == "delete":
            old.append(f"<del>{text}</del>")
        else:
            new.append(f"<ins>{text}</ins>")
    return mark_safe("".join(old)), mark_safe("".join(new))  # noqa: S308 (escaped)


def _rows(changes: list[dict[str, Any]]) -> list[tuple[SafeString, SafeString]]:
    rows = []
    for change in changes:
        if change["op"] == "changed":
            rows.append(side_by_side(change["inline"]))
        elif change["op"] == "removed":
            rows.append(side_by_side([{"op": "delete", "text": change["old"]}]))
        else:
            rows.append(side_by_side([{"op": "insert", "text": change["new"]}]))
    return rows


class VersionDiffView(VersionHistoryView):
    template_name = "legal/admin/diff.html"
    page_title = _("Compare versions")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        locale = params.get("locale", source_language())
        labels = [params.get("from", ""), params.get("to", "")]
        versions = {v.label: v for v in context["versions"]}
        if locale not in LANGUAGE_NAMES or not all(lb in versions for lb in labels):
            context["error"] = _("Choose two versions and a language.")
            return context
        texts = [
            selectors.text_in(version=versions[label], locale=locale)
            for label in labels
        ]
        if None in texts:
            context["error"] = _("One of these versions has no text in that language.")
            return context
        full = [selectors.full_text(text=text) for text in texts if text is not None]
        diff = content_diff(full[0].content, full[1].content, locale)
        context.update(
            {
                "from_label": labels[0],
                "to_label": labels[1],
                "diff_locale": locale,
                "locale_name": LANGUAGE_NAMES[locale],
                "summary": diff["summary"],
                "fields": [
                    (f["field"], *side_by_side(f["inline"])) for f in diff["fields"]
                ],
                "sections": [
                    {**section, "rows": _rows(section["changes"])}
                    for section in diff["sections"]
                ],
                "contact_rows": _rows(diff["contact"]),
            }
        )
        return context
