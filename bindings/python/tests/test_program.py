import datetime
import json

import pytest

import hiptrack
from hiptrack import Prescription, Side


def make():
    p = hiptrack.Program()
    with p.draft(datetime.date(2026, 11, 2), 3, "initial prescription"):
        p.add(Prescription.for_exercise("bridge", hold_s=2))
        p.add(Prescription.for_exercise("squat", side=Side.BOTH))
    return p


def test_versions():
    p = make()
    assert len(p) == 1
    v = p[0]
    assert v.number == 1 and v.note == "initial prescription" and v.sessions_per_week == 3
    assert v.effective_date == datetime.date(2026, 11, 2)
    assert [e.exercise_id for e in v.exercises] == ["bridge", "squat"]
    assert v.exercises[0].hold_s == 2 and v.exercises[0].sets == 3
    with p.draft("2026-11-16", 4) as _:
        assert [e.exercise_id for e in p.draft_exercises] == ["bridge", "squat"]
        p.replace(0, Prescription.for_exercise("marching_bridge"))
        p.remove(1)
    assert len(p) == 2 and p[-1].exercises[0].exercise_id == "marching_bridge"
    assert p.version_on("2026-11-10").number == 1 and p.version_on("2027-01-01").number == 2
    assert [v.number for v in p] == [1, 2] and len(p.versions) == 2
    with pytest.raises(hiptrack.NotFoundError, match="2026-01-01"):
        p.version_on("2026-01-01")
    with pytest.raises(IndexError):
        p[5]


def test_draft_discarded_on_error():
    p = make()
    with pytest.raises(RuntimeError):
        with p.draft("2026-12-01", 3):
            p.add(Prescription.for_exercise("clamshell"))
            raise RuntimeError("boom")
    assert len(p) == 1
    with pytest.raises(hiptrack.StateError):
        p.draft_exercises


def test_errors():
    p = make()
    with pytest.raises(hiptrack.StateError, match="begin"):
        p.add(Prescription("bridge"))
    p.begin("2026-12-01", 3)
    with pytest.raises(hiptrack.StateError):
        p.begin("2026-12-01", 3)
    with pytest.raises(hiptrack.InvalidArgumentError, match="sets") as ei:
        p.add(Prescription("clamshell", sets=99))
    assert "sets" in p.last_error and ei.value.code == hiptrack.Status.ERR_INVALID
    with pytest.raises(hiptrack.AlreadyExistsError):
        p.add(Prescription.for_exercise("bridge"))
    with pytest.raises(hiptrack.InvalidArgumentError):
        p.add(Prescription("clamshell", sets=-1))      # not representable in C (uint32)
    p.discard()
    with pytest.raises(hiptrack.HipError):
        p.begin("2026-01-01", 3)                       # before the latest version
    with pytest.raises(hiptrack.InvalidArgumentError):
        p.begin(2.5, 3)


def test_check_against_catalog(catalog):
    p = make()
    p.check(catalog)
    with p.draft("2026-12-01", 3):
        p.add(Prescription.for_exercise("no_such_exercise"))
    with pytest.raises(hiptrack.NotFoundError, match="no_such_exercise"):
        p.check(catalog)


def test_json_round_trip():
    p = make()
    text = p.export_json()
    assert json.loads(text)["format"] == "hiptrack.program"
    q = hiptrack.Program.from_json(text)
    assert q.versions == p.versions
    assert q.export_json() == text
    with pytest.raises(hiptrack.FormatError):
        q.import_json(text.replace('"sets": 3', '"sets": "three"', 1))
    assert q.versions == p.versions      # all or nothing
    q.close()
    with pytest.raises(hiptrack.StateError):
        q.export_json()
