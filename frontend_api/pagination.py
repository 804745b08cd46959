"""Page-number pagination: ``{"count", "next", "previous", "results"}``, ≤ 100."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from rest_framework import pagination

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView

Row = TypeVar("Row")


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(
        self,
        queryset: QuerySet[Any, Row] | Sequence[Row],
        request: Request,
        view: APIView | None = None,
    ) -> list[Row]:
        """DRF's page, typed as always present: DRF returns ``None`` only when no
        page size is set, and ``page_size`` is."""
        page = super().paginate_queryset(queryset, request, view)
        assert page is not None  # noqa: S101 - page_size is set above
        return page
