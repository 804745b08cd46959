"""Snippets: a short, HTML-escaped extract with the matched words in ``<mark>``.

The text is analysed the way the index analyses it, so a query for ``oils``
marks "oil", 液压油 marks 液压油 inside 抗磨液压油, and 5W30 marks "SAE 5W-30".
"""

from __future__ import annotations

from django.utils.html import escape

from .analysis import index_spans

SNIPPET_WIDTH = 160
LEAD = 30


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def highlight(text: str, terms: set[str], *, width: int = SNIPPET_WIDTH) -> str:
    """The part of ``text`` around the first match, ``terms`` marked."""
    text = " ".join(text.split())
    spans = _merged(
        [(span.start, span.end) for span in index_spans(text) if span.term in terms]
    )
    start = max(0, spans[0][0] - LEAD) if spans else 0
    end = min(len(text), start + width)
    parts = ["…"] if start else []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)
