"""Chinese working days: public holidays skipped, 调休 make-up days counted.

The calendar comes from the ``chinese-calendar`` package, which the State Council's
yearly notice updates. For a year it does not cover yet (the notice is published in
November for the next year), weekdays count as working days, which errs towards an
earlier due date rather than a late answer.
"""

from __future__ import annotations

import datetime
import logging

import chinese_calendar

logger = logging.getLogger(__name__)


def is_working_day(day: datetime.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        logger.warning("No holiday calendar for %s; counting weekdays.", day.year)
        return day.weekday() < 5


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
