"""Privacy requests are due after 15 Chinese working days."""

import datetime

import pytest

from members.privacy.workdays import add_working_days, is_working_day


def test_national_day_holidays_are_skipped_and_make_up_days_count():
    # 2026: Mid-Autumn (25 Sep) and National Day (1–7 Oct) off; Sun 20 Sep and
    # Sat 10 Oct are 调休 working days.
    assert add_working_days(datetime.date(2026, 9, 18), 15) == datetime.date(
        2026, 10, 15
    )


def test_a_make_up_saturday_is_a_working_day_and_a_holiday_monday_is_not():
    assert is_working_day(datetime.date(2026, 10, 10))
    assert not is_working_day(datetime.date(2026, 10, 5))


def test_a_year_the_calendar_does_not_cover_counts_weekdays():
    assert add_working_days(datetime.date(2030, 1, 4), 5) == datetime.date(2030, 1, 11)


@pytest.mark.django_db
def test_the_number_of_working_days_is_a_setting(settings):
    from django.utils import timezone

    from members.privacy.services import privacy_request_due_on

    settings.PRIVACY_REQUEST_DUE_WORKING_DAYS = 1
    received = timezone.make_aware(datetime.datetime(2026, 9, 30, 10, 0))
    assert privacy_request_due_on(received=received) == datetime.date(2026, 10, 8)
