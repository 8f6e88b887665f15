"""Adherence through Python, with CLINICAL.md §5 test vectors."""
import pytest

import hiptrack
from hiptrack import Adherence, AdherencePlan, AdherenceSession, AdherenceUnit, Pause, dates

D = dates.parse


def done(days, **kw):
    return [AdherenceSession(d, True, **kw) for d in days]


@pytest.mark.parametrize("n,days_elapsed,expected", [(35, 84, 35 / 12), (9, 20, 3.0), (3, 6, 3.0)])
def test_adh2_sessions_per_week(n, days_elapsed, expected):
    a = Adherence(0, sessions=done(range(n)[: n] if n <= days_elapsed else []))
    assert a.sessions_per_week(days_elapsed - 1) == pytest.approx(expected)


@pytest.mark.parametrize("d,p,pct", [(17, 20, 85.0), (15, 20, 75.0), (0, 0, None)])
def test_adh3_completion_pct(d, p, pct):
    assert hiptrack.completion_pct(d, p) == pct
    with pytest.raises(hiptrack.OutOfRangeError):
        hiptrack.completion_pct(21, 20)


def weekly(pcts):
    """One session a week prescribed 100 reps, done pct reps."""
    return [AdherenceSession(7 * w, True, prescribed_reps=100, done_reps=p) for w, p in enumerate(pcts)]


def test_adh4_adh5_poor_adherence():
    plan = [AdherencePlan(0, 1, 100)]
    a = Adherence(0, sessions=weekly([90, 78, 76]), plan=plan)
    assert a.poor_adherence(21) == 3
    w1, w2 = a.week(1), a.week(2)
    assert w1.adherent and w1.completion_pct == 90.0 and not w2.adherent and w2.evaluable
    assert a.report(21).poor_adherence_week == 3
    a.set_sessions(weekly([90, 78, 85, 79]))
    assert a.poor_adherence(28) is None and a.report(28).poor_adherence_week is None
    assert [w.week for w in a.weeks(27)] == [1, 2, 3, 4]


def test_adh6_final_month():
    assert Adherence(0, sessions=done([10, 60])).final_month()
    assert not Adherence(0, sessions=done([10, 50])).final_month()


def test_adh7_habit_point():
    days = [D(x) for x in ("2024-01-01", "2024-01-02", "2024-01-04", "2024-01-06", "2024-01-09", "2024-01-14")]
    a = Adherence("2024-01-01", sessions=done(days))
    assert a.habit_point("2024-02-01") == D("2024-01-14")
    a.set_sessions(done(days[:-1] + [D("2024-01-15")]))
    assert a.habit_point("2024-02-01") is None and a.report("2024-02-01").habit_day is None


@pytest.mark.parametrize("sessions,today,streak", [
    (["03-01", "03-02", "03-03"], "03-03", 3),
    (["03-01", "03-02", "03-03"], "03-04", 3),
    (["03-01", "03-02", "03-03"], "03-05", 0),
    (["03-01", "03-03"], "03-03", 1),
])
def test_adh8_day_streak(sessions, today, streak):
    a = Adherence("2024-02-01", sessions=done([D("2024-" + s) for s in sessions]))
    assert a.day_streak("2024-" + today) == streak


def test_adh8_rest_days_are_excused():
    # Mon 2024-03-04, Tue, Thu; Wednesday a rest day
    sessions = done([D("2024-03-04"), D("2024-03-05"), D("2024-03-07")])
    assert Adherence("2024-03-04", sessions=sessions).day_streak("2024-03-07") == 1
    assert Adherence("2024-03-04", sessions=sessions, rest_weekdays=[3]).day_streak("2024-03-07") == 3
    assert Adherence("2024-03-04", sessions=sessions, rest_weekdays=1 << 3).day_streak("2024-03-07") == 3
    assert Adherence("2024-03-04", sessions=sessions, rest_days=["2024-03-06"]).day_streak("2024-03-07") == 3
    assert Adherence("2024-03-04", sessions=sessions, pauses=[("2024-03-06", "2024-03-06")]).day_streak("2024-03-07") == 3


@pytest.mark.parametrize("counts,streak", [([3, 4, 2, 3, 3], 2), ([3, 4, 2, 3, 1], 1)])
def test_adh9_week_streak(counts, streak):
    sessions = [AdherenceSession(7 * w + k, True) for w, n in enumerate(counts) for k in range(n)]
    a = Adherence(0, sessions=sessions, weekly_session_target=3)
    assert a.week_streak(34) == streak
    assert a.week(3).sessions_completed == 2 and not a.week(3).target_met


def test_counts_and_report():
    sessions = done([0, 1, 2, 9], minutes=30) + [AdherenceSession(3, False, minutes=10)]
    a = Adherence(0, sessions=sessions, plan=[AdherencePlan(0, 3, 30)], unit=AdherenceUnit.SESSIONS)
    assert a.exercise_days_last_14(13) == 4 and a.active_weeks(13) == 2
    assert a.cumulative_minutes(13) == 130.0
    r = a.range_stats(0, 6)
    assert (r.sessions_logged, r.sessions_completed, r.exercise_days, r.minutes) == (4, 3, 3, 100.0)
    rep = a.report(13)
    assert rep.current_week == 2 and rep.sessions_completed == 4 and rep.active_weeks == 2
    assert rep.day_streak == 0 and rep.cumulative_minutes == 130.0
    w = a.week(1)
    assert w.session_target == 3 and w.target_met and w.completion_pct == 100.0
    a.set_pauses([Pause(0, 6)])
    w = a.week(1)
    assert w.excused and w.paused_days == 7 and not w.evaluable and w.completion_pct is None
    assert repr(a).startswith("<hiptrack.Adherence from 1970-01-01")


def test_from_session_and_program():
    p = hiptrack.Program()
    with p.draft("2026-03-02", 3):
        p.add(hiptrack.Prescription.for_exercise("bridge", sets=2, reps=5))
    plan = AdherencePlan.from_program(p)
    assert plan == AdherencePlan(dates.parse("2026-03-02"), 3, 10)
    s = hiptrack.Session()
    s.start(1772440200000000000, 0)
    s.plan_program(p)
    with pytest.raises(hiptrack.StateError):
        AdherenceSession.from_session(s)            # not finished
    s.add_set(0)
    for _ in range(5):
        s.add_rep()
    s.add_set(0)
    for _ in range(5):
        s.add_rep()
    s.finish(1772440200000000000 + 20 * 60_000_000_000)
    got = AdherenceSession.from_session(s)
    assert got == AdherenceSession(s.day, True, 20.0, 10, 10)
    a = Adherence("2026-03-02", sessions=[s], plan=[plan])
    assert a.week(1).completion_pct == pytest.approx(100 / 3)


def test_errors_name_fields():
    with pytest.raises(hiptrack.InvalidArgumentError, match=r"sessions\[1\]\.minutes"):
        Adherence(0, sessions=[AdherenceSession(0, True), AdherenceSession(1, True, minutes=2000)])
    with pytest.raises(hiptrack.InvalidArgumentError, match=r"sessions\[0\]\.done_reps"):
        Adherence(0, sessions=[AdherenceSession(0, True, done_reps=-1)])
    with pytest.raises(hiptrack.InvalidArgumentError, match=r"plan\[0\]\.sessions_per_week"):
        Adherence(0, plan=[AdherencePlan(0, 99, 10)])
    with pytest.raises(hiptrack.InvalidArgumentError, match=r"rest_weekdays"):
        Adherence(0, rest_weekdays=[8])
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        Adherence(0, nope=1)
    a = Adherence(10, sessions=done([10]))
    before = a.report(12)
    with pytest.raises(hiptrack.HipError):
        a.set_sessions([AdherenceSession(11, True, minutes=-1)])
    assert a.report(12) == before                      # all or nothing
    with pytest.raises(hiptrack.OutOfRangeError):
        a.sessions_per_week(9)                         # today before start_day
    with pytest.raises(hiptrack.OutOfRangeError):
        a.report(9)
    # hip_adherence.h promises HIP_ERR_STATE here; the library gives a week that is not evaluable
    w = a.week(1)
    assert not w.evaluable and w.completion_pct is None and w.sessions_completed == 1
    with pytest.raises(hiptrack.OutOfRangeError, match="week 0"):
        a.week(0)
    with pytest.raises(hiptrack.StateError):
        a.week_streak(12)                              # no target, no plan
    a.close()
    with pytest.raises(hiptrack.StateError, match="closed"):
        a.final_month()
