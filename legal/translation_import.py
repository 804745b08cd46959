"""The English half of ``policy_import``: fill wagtail-localize's translation.

The English page is not written directly: the English text is stored as the
translation of each Chinese segment (``StringTranslation``, by segment path),
and wagtail-localize saves the page from them. So translators later open the
translation editor and find every segment translated, and the next sync of the
Chinese source keeps them.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from core.errors import ValidationFailed

from .models import PolicyPage
from .parsing import ParsedPolicy
from .policy_body import paragraph_html, translated_body


def _english_instance(source: PolicyPage, parsed: ParsedPolicy) -> PolicyPage:
    if len(parsed.intro) != len(_paragraphs(source.intro)):
        raise ValidationFailed(
            "The translation does not line up with the source: "
            f"{len(parsed.intro)} introduction paragraphs in the file, "
            f"{len(_paragraphs(source.intro))} on the source page.",
            code="unreadable_policy",
        )
    english = PolicyPage.objects.get(pk=source.pk).get_latest_revision_as_object()
    english.title = parsed.title
    english.intro = "".join(paragraph_html(line) for line in parsed.intro)
    english.body = translated_body(list(source.body.raw_data), parsed)
    english.contact = "\n".join(parsed.contact)
    english.change_summary = ""
    return english


def _paragraphs(html: str) -> list[str]:
    return [part for part in html.split("</p>") if part.strip()]


def _translations_by_source(source: PolicyPage, english: PolicyPage) -> dict:
    """(segment path, source string) → English string, pairing the two pages'
    segments in order (a rich text field's paragraphs share one path)."""
    pairs = [
        [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]
        for instance in (source, english)
    ]
    mapping = {}
    for chinese, translated in zip(*pairs, strict=True):
        if chinese.path != translated.path:
            raise ValidationFailed(
                f"The translation does not line up with the source at {chinese.path}.",
                code="unreadable_policy",
            )
        mapping[(chinese.path, chinese.string.data)] = translated.string
    return mapping


def import_translation(
    parsed: ParsedPolicy, *, slug: str, user
) -> tuple[PolicyPage, bool]:
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    target_locale, _ = Locale.objects.get_or_create(language_code=parsed.locale)
    live_source = PolicyPage.objects.filter(locale=source_locale, slug=slug).first()
    if live_source is None:
        raise ValidationFailed(
            f"No Chinese policy {slug!r}; import the Chinese text first.",
            code="unreadable_policy",
        )
    source = live_source.get_latest_revision_as_object()
    english_values = _translations_by_source(source, _english_instance(source, parsed))
    translation_source, _ = TranslationSource.update_or_create_from_instance(source)
    translation, _ = Translation.objects.get_or_create(
        source=translation_source,
        target_locale=target_locale,
        defaults={"enabled": True},
    )
    for segment in translation_source.stringsegment_set.select_related(
        "string", "context"
    ):
        english = english_values.get((segment.context.path, segment.string.data))
        if english is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={
                "data": english.data,
                "translation_type": "manual",
                "tool_name": "import_policy",
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    existed = live_source.get_translation_or_none(target_locale) is not None
    translation.save_target(user=user, publish=False)
    page = live_source.get_translation(target_locale).specific
    return page, not existed
