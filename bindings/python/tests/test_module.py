"""Import-time contract: version check, enums and status mapping against the C constants."""
import re

import pytest

import hiptrack
from hiptrack import _enums, capi


def test_version_matches_library():
    assert hiptrack.__version__ == capi.hip_version_string() == capi.HIPTRACK_VERSION_STRING
    assert hiptrack.version_info == (capi.HIPTRACK_VERSION_MAJOR, capi.HIPTRACK_VERSION_MINOR,
                                     capi.HIPTRACK_VERSION_PATCH)


@pytest.mark.parametrize("enum_cls,prefix", list(_enums.C_PREFIXES.items()))
def test_enums_match_c_constants(enum_cls, prefix):
    others = [p for p in _enums.C_PREFIXES.values() if p != prefix and p.startswith(prefix)]
    # record layouts (HIP_REP_EVENT_OFF_*, HIP_PAIN_FLARE_SIZE, ...) are not enum constants
    names = [n for n in dir(capi) if n.startswith(prefix) and not any(n.startswith(o) for o in others)
             and not n.startswith("HIP_REP_EVENT_") and "_OFF_" not in n and not n.endswith("_SIZE")]
    assert names, prefix
    c_values = {n[len(prefix):]: getattr(capi, n) for n in names}
    # enums whose C constants share one prefix (hip_change and hip_change_criterion: HIP_CHANGE_)
    same = [e for e, p in _enums.C_PREFIXES.items() if p == prefix]
    py_values = {m.name: int(m) for e in same for m in e}
    assert c_values == py_values


def test_every_status_has_an_exception():
    names = [n for n in dir(capi) if re.fullmatch(r"HIP_(OK|DONE|ERR_[A-Z_]+)", n)]
    assert {n[4:]: getattr(capi, n) for n in names} == {s.name: int(s) for s in hiptrack.Status}
    for s in hiptrack.Status:
        if s < 0:
            err = capi.hip_py_error(int(s), "msg")
            assert isinstance(err, hiptrack.HipError)
            assert err.code == s and err.message == "msg" and str(err) == "msg"
            assert err.status_name == capi.hip_status_name(int(s))
            if type(err) is not hiptrack.HipError:
                assert type(err).default_code == s
    assert hiptrack.status_name(-3) == "HIP_ERR_RANGE"
    assert hiptrack.status_str(-2)


def test_exception_hierarchy():
    assert issubclass(hiptrack.InvalidArgumentError, ValueError)
    assert issubclass(hiptrack.OutOfRangeError, ValueError)
    assert issubclass(hiptrack.NotFoundError, LookupError)
    assert issubclass(hiptrack.OutOfMemoryError, MemoryError)
    assert issubclass(hiptrack.StateError, RuntimeError)
    assert issubclass(hiptrack.UnsupportedError, NotImplementedError)
    e = hiptrack.FormatError("bad")
    assert e.code == hiptrack.Status.ERR_FORMAT and "FormatError" in repr(e)
    assert hiptrack.HipError("x", -99).code == -99


def test_dates():
    d = hiptrack.dates
    day = d.from_ymd(2026, 11, 2)
    assert d.to_ymd(day) == (2026, 11, 2)
    assert d.format(day) == "2026-11-02" and d.parse("2026-11-02") == day
    assert d.weekday(day) == 1
    import datetime
    assert d.to_date(day) == datetime.date(2026, 11, 2) and d.to_day(datetime.date(2026, 11, 2)) == day
    assert d.to_day(day) == day and d.to_day("1970-01-01") == 0
    with pytest.raises(hiptrack.OutOfRangeError):
        d.from_ymd(2026, 2, 29)
    with pytest.raises(hiptrack.FormatError):
        d.parse("2026/11/02")
    with pytest.raises(hiptrack.InvalidArgumentError):
        d.to_day(1.5)


def test_raw_typemaps_refuse_wrong_buffers():
    det = capi.hip_reps(capi.hip_reps_config(0))
    import numpy as np
    out = np.empty(4, hiptrack.REP_DTYPE)
    t = np.arange(1, 3, dtype=np.int64)
    with pytest.raises(TypeError, match="float32"):
        det.push_collect(t, np.zeros((2, 6), np.float64), out)
    with pytest.raises(TypeError, match="int64"):
        det.push_collect(t.astype(np.int32), np.zeros((2, 6), np.float32), out)
    with pytest.raises(TypeError, match="C-contiguous"):
        det.push_collect(t, np.zeros((2, 12), np.float32)[:, ::2], out)
    with pytest.raises(TypeError, match="writable"):
        ro = np.empty(4, hiptrack.REP_DTYPE)
        ro.flags.writeable = False
        det.push_collect(t, np.zeros((2, 6), np.float32), ro)
    # lengths are checked by the adapter before the library reads anything
    with pytest.raises(hiptrack.InvalidArgumentError, match="expected 12"):
        det.push_collect(t, np.zeros((2, 3), np.float32), out)
    with pytest.raises(hiptrack.InvalidArgumentError):
        det.push_sample(1, np.zeros(5, np.float32))
