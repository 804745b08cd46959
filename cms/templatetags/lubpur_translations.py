"""``{% translation_review_panel %}``: the panel above wagtail-localize's editor
(cms.admin_translations)."""

from __future__ import annotations

import json
import re
from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("cms/admin/translation_review_panel.html", takes_context=True)
def translation_review_panel(context: template.Context) -> dict[str, Any]:
    from cms.admin_translations import review_panel

    request = context["request"]
    panel = review_panel(request, context["translation"], context["instance"])
    panel["csrf_token"] = context.get("csrf_token")
    return panel


LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@register.filter
def segment_lines(props: str) -> str:
    """The editor's props with multi-line text as lines: wagtail-localize stores
    a text field's newlines as ``<br/>`` in segments, and its editor printed the
    tag. Sources and existing translations get newlines back (shown as lines by
    the editor's stylesheet in the template); a saved translation keeps its
    newlines, which wagtail-localize writes back as line breaks."""
    data = json.loads(props)
    for segment in data.get("segments", []):
        if segment.get("type") == "string" and isinstance(segment.get("source"), str):
            segment["source"] = LINE_BREAK.sub("\n", segment["source"])
    for translation in data.get("initialStringTranslations", []):
        if isinstance(translation.get("data"), str):
            translation["data"] = LINE_BREAK.sub("\n", translation["data"])
    return json.dumps(data)
