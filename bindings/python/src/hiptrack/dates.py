"""Civil dates as day numbers (``hip_date.h``): days since 1970-01-01, proleptic Gregorian,
years 1..9999. Every function that takes a day also accepts a :class:`datetime.date` or an ISO
``"YYYY-MM-DD"`` string."""
from __future__ import annotations

import datetime
from typing import Tuple, Union

from . import capi as _c
from ._errors import InvalidArgumentError

DateLike = Union[int, str, datetime.date]


def from_ymd(year: int, month: int, day: int) -> int:
    """The day number of a date (:class:`OutOfRangeError` for one that does not exist)."""
    return int(_c.hip_date_from_ymd(year, month, day)[1])


def to_ymd(day: int) -> Tuple[int, int, int]:
    """(year, month, day) of a day number."""
    _, y, m, d = _c.hip_date_to_ymd(day)
    return int(y), int(m), int(d)


def parse(text: str) -> int:
    """Parses exactly ``"YYYY-MM-DD"`` (:class:`FormatError`, :class:`OutOfRangeError`)."""
    return int(_c.hip_date_parse(text)[1])


def format(day: int) -> str:
    """``"YYYY-MM-DD"`` of a day number."""
    buf = bytearray(_c.HIPTRACK_DATE_CAP)
    _c.hip_date_format(day, buf)
    return buf.split(b"\0", 1)[0].decode("ascii")


def weekday(day: int) -> int:
    """ISO weekday: 1 = Monday ... 7 = Sunday."""
    return int(_c.hip_date_weekday(day))


def to_date(day: int) -> datetime.date:
    """A day number as a :class:`datetime.date`."""
    return datetime.date(*to_ymd(day))


def to_day(value: DateLike) -> int:
    """A day number from an int, a :class:`datetime.date` or an ISO date string."""
    if isinstance(value, bool):
        raise InvalidArgumentError("a date: expected an int day number, a datetime.date or a str")
    if isinstance(value, int):
        return value
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return from_ymd(value.year, value.month, value.day)
    if isinstance(value, str):
        return parse(value)
    raise InvalidArgumentError("a date: expected an int day number, a datetime.date or a str")
