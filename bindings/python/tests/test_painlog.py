"""The pain log through Python, with CLINICAL.md §1.1, §1.2, §1.3 and §3.5 vectors."""
import datetime
import json

import pytest

import hiptrack
from hiptrack import (FlareBaseline, PainBand, PainContext, PainCriterion, PainDuration, PainEntry,
                      PainLocation, PainLog, PainPattern, PainSetting, PainSide, PainSymptom,
                      PainTimeOfDay, PainVerdict)

TZ = datetime.timezone(datetime.timedelta(hours=1))
Y, N, NE = PainVerdict.YES, PainVerdict.NO, PainVerdict.NOT_EVALUABLE


def entry(day, nrs, hour=9, **kw):
    return PainEntry.at(datetime.datetime(2026, 3, 1, hour, tzinfo=TZ) + datetime.timedelta(days=day),
                        nrs, context=kw.pop("context", PainContext.AVG_24H), **kw)


def make_log(values, **config):
    return PainLog([entry(d, v) for d, v in enumerate(values)], **config)


def test_entries_in_time_order():
    log = PainLog()
    e2 = entry(1, 4, location=PainLocation.GROIN, side=PainSide.LEFT,
               symptoms=PainSymptom.STIFFNESS | PainSymptom.CLICKING,
               time_of_day=PainTimeOfDay.MORNING, setting=PainSetting.REST, note="stiff first thing")
    log.add(e2)
    log.add(t_ns=entry(0, 2).t_ns, nrs=2, utc_offset_min=60)       # earlier: placed first
    assert len(log) == 2 and log[0].nrs == 2 and log[1] == e2 and log[-1] == e2
    assert log[1].symptoms == PainSymptom.STIFFNESS | PainSymptom.CLICKING
    assert log[1].datetime == datetime.datetime(2026, 3, 2, 9, tzinfo=TZ)
    assert log[1].day == hiptrack.dates.parse("2026-03-02") and log[1].band == PainBand.MODERATE
    assert [e.nrs for e in log] == [2, 4] and log.entries == list(log)
    log.remove(0)
    assert log.entries == [e2]
    with pytest.raises(IndexError):
        log[5]
    with pytest.raises(hiptrack.OutOfRangeError):
        log.remove(3)
    assert repr(log) == "<hiptrack.PainLog 1 entries>"


def test_new_york_evening_is_that_local_day():
    ny = datetime.timezone(datetime.timedelta(hours=-5))
    e = PainEntry.at(datetime.datetime(2026, 3, 2, 23, 30, tzinfo=ny), 3)
    assert e.day == hiptrack.dates.parse("2026-03-02")
    assert hiptrack.local_day(e.t_ns, 0) == hiptrack.dates.parse("2026-03-03")


def test_entry_errors():
    log = make_log([3])
    for nrs in (11, -1):
        with pytest.raises(hiptrack.OutOfRangeError, match="nrs"):
            log.add(entry(2, nrs))
        with pytest.raises(ValueError):
            log.add(entry(2, nrs))
    with pytest.raises(hiptrack.OutOfRangeError, match="utc_offset_min"):
        log.add(t_ns=0, nrs=1, utc_offset_min=19 * 60)
    with pytest.raises(hiptrack.AlreadyExistsError, match="identical"):
        log.add(log[0])
    with pytest.raises(hiptrack.InvalidArgumentError, match="symptoms"):
        log.add(entry(3, 1, symptoms=PainSymptom(1 << 12)))
    with pytest.raises(hiptrack.InvalidArgumentError, match="note"):
        log.add(entry(3, 1, note="x" * hiptrack.painlog.NOTE_CAP))
    with pytest.raises(hiptrack.InvalidArgumentError, match="time zone"):
        PainEntry.at(datetime.datetime(2026, 3, 1), 3)
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        PainLog(nope=1)
    with pytest.raises(hiptrack.InvalidArgumentError):
        PainLog(resp_pct=-5.0)
    assert len(log) == 1                                    # refused adds changed nothing
    assert log.add(entry(0, 3, location=PainLocation.BUTTOCK)) is None   # differs: kept
    log.close()
    with pytest.raises(hiptrack.StateError, match="closed"):
        len(log)


@pytest.mark.parametrize("nrs,band,snomed", [(0, PainBand.NONE, None), (3, PainBand.MILD, "40196000"),
                                             (6, PainBand.MODERATE, None), (9, PainBand.SEVERE, None),
                                             (10, PainBand.EXCRUCIATING, None)])
def test_severity_band(nrs, band, snomed):
    assert hiptrack.pain_band(nrs) == band
    assert hiptrack.band_name(band) == band.name.lower()
    if snomed:
        assert hiptrack.band_snomed(band) == snomed


def test_band_errors():
    for bad in (11, -1):
        with pytest.raises(hiptrack.OutOfRangeError, match="nrs"):
            hiptrack.pain_band(bad)
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.pain_band(2.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("b,f,pct,rpct,rabs,worse", [
    (8, 5, 37.5, Y, Y, N), (6, 4, 100 / 3, Y, Y, N), (10, 7, 30.0, Y, Y, N), (7, 5, 200 / 7, N, Y, N),
    (4, 3, 25.0, N, N, N), (3, 2, 100 / 3, Y, N, N), (2, 0, 100.0, Y, Y, N), (5, 6, -20.0, N, N, N),
])
def test_change_vectors(b, f, pct, rpct, rabs, worse):
    c = hiptrack.pain_change(b, f)
    assert c.delta_abs == b - f and c.delta_pct == pytest.approx(pct)
    assert (c.resp_pct, c.resp_abs, c.worse_abs) == (rpct, rabs, worse)
    assert c.responder == rpct and c.criterion == PainCriterion.PCT and c.is_responder == (rpct == Y)


def test_change_at_baseline_zero_and_criteria():
    c = hiptrack.pain_change(0, 2)
    assert c.pct_status == NE and c.delta_pct is None and c.responder == NE and c.worse_abs == Y
    e = hiptrack.pain_change(7, 5, responder_criterion=PainCriterion.EITHER)
    assert e.responder == Y and e.criterion == PainCriterion.EITHER
    with pytest.raises(hiptrack.OutOfRangeError):
        hiptrack.pain_change(11, 2)
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.pain_change(5, 2, resp_pct=-1.0)


def test_duration_class():
    assert hiptrack.duration_class("2026-01-01", "2026-03-26") == (PainDuration.ACUTE, 84)
    assert hiptrack.duration_class("2026-01-01", "2026-03-27") == (PainDuration.CHRONIC, 85)
    assert hiptrack.duration_class(0, 50, duration_bands=3) == (PainDuration.SUBACUTE, 50)
    with pytest.raises(hiptrack.OutOfRangeError, match="after"):
        hiptrack.duration_class("2026-03-01", "2026-01-01")


@pytest.mark.parametrize("baseline,logs,on", [
    (3.0, [3, 5, 5, 4], 3), (3.0, [3, 5, 4, 5], None), (4.0, [4, 6, 6, 6], 3), (2.4, [2, 4, 4], None),
    (2.5, [2, 4, 5], None),
])
def test_flare_vectors(baseline, logs, on):
    flares = hiptrack.flares_scan(list(range(1, len(logs) + 1)), logs, baseline,
                                  flare_baseline=FlareBaseline.FIXED)
    assert [f.on_day for f in flares] == ([] if on is None else [on])
    for f in flares:
        assert f.ongoing and f.off_day is None and f.baseline == baseline


def test_flares_scan_errors():
    with pytest.raises(hiptrack.InvalidArgumentError, match="length"):
        hiptrack.flares_scan([1, 2], [3.0], 2.0)
    with pytest.raises(hiptrack.OutOfRangeError):
        hiptrack.flares_scan([2, 1], [3.0, 3.0], 2.0)
    with pytest.raises(hiptrack.OutOfRangeError):
        hiptrack.flares_scan([1, 2], [3.0, 12.0], 2.0)
    assert hiptrack.flares_scan([], [], 2.0) == []


def test_analytics():
    values = [6] * 7 + [5, 5, 5, 9, 9, 9, 3, 3, 3, 3, 3, 3, 3]
    log = make_log(values, flare_baseline=FlareBaseline.FIXED)
    ctx = PainContext.AVG_24H
    b = log.baseline(ctx)
    assert b.nrs == 6.0 and b.day_count == 7 and b.entry_count == 7
    w = log.rolling_mean("2026-03-20", ctx)
    assert w.mean_nrs == 3.0 and w.day_count == 7 and w.last_day == hiptrack.dates.parse("2026-03-20")
    c = log.change_on("2026-03-20", ctx)
    assert c.baseline == 6.0 and c.followup == 3.0 and c.delta_pct == 50.0 and c.responder == Y
    flares = log.flares(ctx)
    assert len(flares) == 1 and flares[0].start_day == hiptrack.dates.parse("2026-03-11")
    assert flares[0].peak_nrs == 9.0 and not flares[0].ongoing and flares[0].off_day is not None
    assert log.flares(PainContext.AVG_7D) == []
    with pytest.raises(hiptrack.NotFoundError, match="avg_7d"):
        log.baseline(PainContext.AVG_7D)
    with pytest.raises(LookupError):
        log.rolling_mean("2026-03-20", PainContext.CURRENT)


def test_morning_night_pattern():
    log = PainLog()
    for d in range(4):
        log.add(entry(d, 6, hour=7, context=PainContext.CURRENT))
        log.add(entry(d, 2, hour=23, context=PainContext.CURRENT))
    p = log.pattern("2026-03-01", "2026-03-10")
    assert p.pattern == PainPattern.MORNING and p.morning_count == 4 and p.night_count == 4
    assert (p.morning_mean, p.night_mean) == (6.0, 2.0)
    assert log.pattern("2026-03-01", "2026-03-02").pattern == PainPattern.UNDETERMINED


def test_cohort_both_ways():
    c = hiptrack.pain_cohort([6, 5, 0, 4], [3, None, 0, 1])
    assert c.enrolled == 4 and c.completers == 3 and c.pct_mean_excluded == 1
    assert c.pct_ratio == pytest.approx(100 * (10 / 3 - 4 / 3) / (10 / 3))
    assert c.pct_mean == pytest.approx((50.0 + 75.0) / 2)
    assert c.responders_pct == 2 and c.resp_pct_rate_itt == 50.0
    assert c.resp_pct_rate_completers == pytest.approx(200 / 3)
    none = hiptrack.pain_cohort([5], [None])
    assert none.completers == 0 and none.pct_ratio is None and none.pct_mean is None
    assert none.resp_pct_rate_completers is None
    with pytest.raises(hiptrack.OutOfRangeError):
        hiptrack.pain_cohort([11], [2])
    with pytest.raises(hiptrack.InvalidArgumentError, match="length"):
        hiptrack.pain_cohort([1, 2], [1])
    with pytest.raises(hiptrack.NotFoundError):
        hiptrack.pain_cohort([], [])


def test_json_round_trip_and_field_paths():
    log = make_log([3, 4, 5])
    log.add(entry(0, 2, symptoms=PainSymptom.LIMP, note="ünïcode"))
    text = log.export_json()
    doc = json.loads(text)
    assert doc["format"] == "hiptrack.painlog" and doc["entries"][0]["time"] == "2026-03-01T09:00:00+01:00"
    back = PainLog.from_json(text)
    assert back.entries == log.entries and back.export_json() == text
    assert any(e.note == "ünïcode" for e in back)
    doc["entries"][2]["nrs"] = 12
    with pytest.raises(hiptrack.FormatError, match=r"entries\[2\]\.nrs"):
        back.import_json(json.dumps(doc))
    doc["entries"][2]["nrs"] = 1
    doc["entries"][2]["symptoms"] = ["limp", "limp"]
    with pytest.raises(hiptrack.FormatError, match=r"entries\[2\]\.symptoms\[1\]"):
        back.import_json(json.dumps(doc))
    dup = json.loads(text)
    dup["entries"].append(dup["entries"][0])
    with pytest.raises(hiptrack.AlreadyExistsError, match="duplicate"):
        back.import_json(json.dumps(dup))
    assert back.entries == log.entries                      # all or nothing
