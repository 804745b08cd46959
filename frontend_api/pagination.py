"""Page-number pagination: ``{"count", "next", "previous", "results"}``, ≤ 100.

A ``page_size`` that is not a whole number from 1 to 100 is a 400 problem
(``invalid_page_size``), as Wagtail's API answers a bad ``limit``: silently
serving 20 would hide the client's bug."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.utils.translation import gettext
from rest_framework import pagination
from rest_framework.exceptions import ValidationError

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView

Row = TypeVar("Row")


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = int(raw) if raw.strip().isdigit() else 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        gettext("Use a whole number from 1 to {maximum}.").format(
                            maximum=self.max_page_size
                        )
                    ]
                },
                code="invalid_page_size",
            )
        return size

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
