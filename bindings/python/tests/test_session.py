import dataclasses
import datetime
import json

import numpy as np
import pytest

import hiptrack
from hiptrack import (AbandonReason, PainMoment, Prescription, RepFlag, RepOrigin, Session,
                      SessionExercise, SessionRep, SessionSet, SessionState)

T0 = 1772440200000000000          # 2026-03-02T08:30:00Z
MIN = 60_000_000_000


def build(**config):
    s = Session(**config)
    s.start(T0, 60)
    i = s.add_exercise("bridge", prescribed_sets=2, prescribed_reps=3, prescribed_hold_s=2)
    s.set_pain(PainMoment.BEFORE, 2)
    s.add_set(i, load_kg=5.0)
    for k in range(3):
        s.add_rep(start_ns=k * 10, peak_ns=k * 10 + 5, end_ns=k * 10 + 9, concentric_s=1.0,
                  eccentric_s=1.25, hold_s=2.0, flags=RepFlag.PARTIAL if k == 2 else RepFlag(0))
    s.update_set(rpe=6, pain=3)
    return s


def test_live_build_and_summary():
    s = build()
    info = s.info
    assert info.state == SessionState.RUNNING and s.state == SessionState.RUNNING
    assert info.pain_before == 2 and info.pain_during is None and info.pain_after is None
    assert info.utc_offset_min == 60 and info.date == datetime.date(2026, 3, 2)
    assert s.sets(0) == [SessionSet(start_ns=0, load_kg=5.0, rpe=6, pain=3, rep_count=3)]
    assert s.current_set().rpe == 6
    reps = s.reps(0, 0)
    assert len(reps) == 3 and reps[0].origin == RepOrigin.MANUAL and reps[2].flags == RepFlag.PARTIAL
    running = s.summary
    assert not running.finished and running.active_s == 0
    summary = s.finish(T0 + 30 * MIN)
    assert summary.finished and summary.active_s == 1800.0
    assert (summary.prescribed_sets, summary.done_sets, summary.prescribed_reps, summary.done_reps) == (2, 1, 6, 3)
    assert summary.good_reps == 2 and summary.set_completion_pct == 50.0 and not summary.completed
    assert summary.good_rep_pct == pytest.approx(200 / 3)
    assert summary.time_under_tension_s == pytest.approx(3 * 4.25)
    assert summary.pain_max == 3 and summary.abandon_reason == AbandonReason.NONE
    assert s.state == SessionState.FINISHED
    assert s.exercises[0] == SessionExercise("bridge", prescribed_sets=2, prescribed_reps=3,
                                             prescribed_hold_s=2.0, set_count=1)
    assert "1 exercises" in repr(s)


def test_threshold_and_abandon():
    s = build(completion_threshold_pct=50)
    summary = s.finish(T0 + MIN, AbandonReason.PAIN)
    assert summary.completed and summary.abandon_reason == AbandonReason.PAIN
    assert s.info.abandon_reason == AbandonReason.PAIN
    assert hiptrack.abandon_reason_name(AbandonReason.FATIGUE) == "fatigue"
    with pytest.raises(hiptrack.InvalidArgumentError):
        Session(completion_threshold_pct=0)
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        Session(nope=1)


def test_empty_summary_percentages_are_none():
    s = Session()
    s.start(T0, 0)
    s.add_exercise("bridge")         # done but not prescribed
    sm = s.summary
    assert sm.set_completion_pct is None and sm.rep_completion_pct is None and sm.good_rep_pct is None
    assert sm.pain_max is None


def test_start_from_aware_datetime():
    s = Session()
    tz = datetime.timezone(datetime.timedelta(hours=-5))
    s.start(datetime.datetime(2026, 3, 1, 23, 30, tzinfo=tz))       # 04:30 UTC on 03-02
    assert s.info.utc_offset_min == -300 and s.info.date == datetime.date(2026, 3, 1)
    with pytest.raises(hiptrack.InvalidArgumentError, match="time zone"):
        Session().start(datetime.datetime(2026, 3, 1))
    with pytest.raises(hiptrack.InvalidArgumentError):
        Session().start(1.5)  # type: ignore[arg-type]


def test_state_errors():
    s = Session()
    with pytest.raises(hiptrack.StateError):
        s.add_exercise("bridge")                 # not started
    with pytest.raises(hiptrack.StateError):
        s.summary
    with pytest.raises(hiptrack.StateError):
        s.export_json()                          # not finished
    s.start(T0, 0)
    with pytest.raises(hiptrack.StateError):
        s.start(T0, 0)
    i = s.add_exercise("bridge")
    with pytest.raises(hiptrack.StateError):
        s.add_rep()                              # no current set
    with pytest.raises(hiptrack.StateError, match="add_set"):
        s.update_set(rpe=3)
    s.add_set(i)
    s.add_rep()
    s.finish(T0 + MIN)
    for edit in (lambda: s.add_set(i), lambda: s.add_rep(), lambda: s.set_pain(PainMoment.AFTER, 1),
                 lambda: s.finish(T0 + 2 * MIN), lambda: s.update_set(rpe=1)):
        with pytest.raises(hiptrack.StateError):
            edit()
    assert "finished" in s.last_error
    with pytest.raises(hiptrack.StateError):
        s.import_json(s.export_json())           # import only into a NEW session


def test_range_errors():
    s = Session()
    with pytest.raises(hiptrack.OutOfRangeError):
        s.start(T0, 19 * 60)                     # beyond 18 h
    s.start(T0, 0)
    i = s.add_exercise("bridge", prescribed_sets=3)
    for moment in PainMoment:
        with pytest.raises(hiptrack.OutOfRangeError, match="pain"):
            s.set_pain(moment, 11)
        with pytest.raises(ValueError):
            s.set_pain(moment, -1)               # not recorded is not a value to set
    with pytest.raises(hiptrack.OutOfRangeError, match="pain"):
        s.add_set(i, pain=11)
    with pytest.raises(hiptrack.HipError, match="rpe"):
        s.add_set(i, rpe=12)
    with pytest.raises(hiptrack.HipError, match="load"):
        s.add_set(i, load_kg=600)
    with pytest.raises(hiptrack.InvalidArgumentError, match="prescribed_sets"):
        s.add_exercise("squat", prescribed_sets=-1)          # not representable (uint32)
    with pytest.raises(hiptrack.HipError):
        s.add_set(99)
    with pytest.raises(hiptrack.HipError):
        s.finish(T0 - 1)                         # before the start
    assert s.info.exercise_count == 1            # refused calls changed nothing


def test_json_round_trip_and_field_paths():
    s = build()
    s.set_pain(PainMoment.AFTER, 4)
    s.finish(T0 + 20 * MIN)
    text = s.export_json()
    doc = json.loads(text)
    assert doc["format"] == "hiptrack.session" and doc["exercises"][0]["sets"][0]["pain"] == 3
    t = Session.from_json(text)
    assert t.state == SessionState.FINISHED and t.info == s.info and t.summary == s.summary
    assert t.reps(0, 0) == s.reps(0, 0) and t.export_json() == text
    bad = text.replace('"pain": 3', '"pain": 12', 1)
    with pytest.raises(hiptrack.FormatError, match=r"exercises\[0\]\.sets\[0\]\.pain"):
        Session.from_json(bad)
    doc["exercises"][0]["sets"][0]["reps"][0]["flags"] = ["partial", "partial"]
    with pytest.raises(hiptrack.FormatError, match=r"exercises\[0\]\.sets\[0\]\.reps\[0\]\.flags"):
        Session.from_json(json.dumps(doc))
    with pytest.raises(hiptrack.VersionError):
        Session.from_json(text.replace('"version": 1', '"version": 99', 1))
    u = Session()
    with pytest.raises(hiptrack.FormatError):
        u.import_json(b"{")
    assert u.state == SessionState.NEW           # all or nothing
    u.close()
    with pytest.raises(hiptrack.StateError, match="closed"):
        u.info


def test_plan_program_and_prescription():
    p = hiptrack.Program()
    with p.draft("2026-02-16", 3):
        p.add(Prescription.for_exercise("bridge", sets=2, reps=5))
        p.add(Prescription.for_exercise("clamshell"))
    ex = SessionExercise.from_prescription(p[0].exercises[0])
    assert ex.exercise_id == "bridge" and ex.prescribed_sets == 2 and ex.prescribed_reps == 5
    with Session() as s:
        s.start(T0, 0)
        s.plan_program(p)
        info = s.info
        assert info.program_version == 1 and info.program_effective_day == hiptrack.dates.parse("2026-02-16")
        assert [e.exercise_id for e in s.exercises] == ["bridge", "clamshell"]
        with pytest.raises(hiptrack.StateError):
            s.plan_program(p)                    # only before any exercise was added
        with pytest.raises(IndexError):
            s.plan_program(p, 5)
        i = s.add_exercise(Prescription.for_exercise("squat"), prescribed_sets=1)
        assert i == 2 and s.exercises[2].prescribed_sets == 1
    assert s.closed
    t = Session()
    t.start(T0, 0)
    t.set_program(2, "2026-02-16")
    assert t.info.program_version == 2


def test_session_from_simulator_and_detector(squat_recording, catalog):
    t, x, truth = squat_recording
    squat = catalog["squat"]
    events = hiptrack.RepDetector(exercise=squat).process(t, x)
    assert len(events) == len(truth) == 16
    # the sets: a rep belongs to set 2 from the first true rep of set 2 on
    boundary = min(r.start_ns for r in truth if r.set == 1)
    sets = [events[events["peak_ns"] < boundary], events[events["peak_ns"] >= boundary]]
    s = Session()
    s.start(int(t[0]), 60)
    i = s.add_exercise(Prescription.for_exercise("squat", sets=2, reps=8))
    first = next(hiptrack.iter_events(sets[0]))
    s.add_set(i, start_ns=int(t[0]))
    s.add_rep(first)                                     # a RepEvent
    assert s.add_reps(sets[0][1:]) == 7                  # a REP_DTYPE array
    s.add_set(i)
    assert s.add_reps(list(hiptrack.iter_events(sets[1]))) == 8
    summary = s.finish(int(t[-1]))
    assert summary.done_reps == 16 and summary.done_sets == 2 and summary.completed
    assert summary.rep_completion_pct == 100.0
    assert summary.time_under_tension_s > 0
    logged = s.reps(0, 0)[0]
    assert logged.origin == RepOrigin.DETECTOR and logged == SessionRep.from_event(first)
    assert logged.excursion_deg == pytest.approx(first.excursion_deg)
    assert summary.active_s == pytest.approx((int(t[-1]) - int(t[0])) * 1e-9)
    again = Session.from_json(s.export_json())
    assert again.summary == summary
    with pytest.raises(hiptrack.InvalidArgumentError, match="REP_DTYPE"):
        s.add_reps(np.zeros(3))
