"""hiptrack.Store: the SQLite store from Python (docs/store.md)."""
from __future__ import annotations

import datetime
import hashlib
import pathlib
import sqlite3

import pytest

import hiptrack
from hiptrack import (CorruptError, FormatError, NotFoundError, PainContext, PainEntry, StateError,
                      Store, StoreKind, StoreSync, VersionError)

pytestmark = pytest.mark.skipif(not hiptrack.STORE_AVAILABLE, reason="built without the store")

PROGRAM = ('{"format": "hiptrack.program", "version": 1, "versions": [{"effective": "2026-11-02", '
           '"sessions_per_week": 3, "exercises": [{"exercise": "bridge", "sets": 3, "reps": 10}]}]}')
SESSION = ('{"format": "hiptrack.session", "version": 1, "start_ns": 1772440200000000000, '
           '"utc_offset_min": 60, "end_ns": 1772442000000000000, "pain_during": 3, "exercises": '
           '[{"exercise": "bridge", "prescribed": {"sets": 1, "reps": 5}, "sets": [{"reps": '
           '[{"origin": "manual"}]}]}]}')
OUTCOME = ('{"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "date": '
           '"2026-11-02", "answers": {"P5": 1, "P10": 2, "A3": 1, "A5": 2, "A12": 2, "A14": 2}}')


def entry(day: int, nrs: int) -> PainEntry:
    when = datetime.datetime(2026, 3, 1, 20, tzinfo=datetime.timezone.utc) + datetime.timedelta(days=day)
    return PainEntry.at(when, nrs, context=PainContext.AVG_24H)


def sha(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_versions_and_history(tmp_path: pathlib.Path) -> None:
    with Store(str(tmp_path / "m.db")) as store:
        assert store.schema_version == 3 and store.last_seq == 0
        r1 = store.put_pain("morning", entry(0, 4))
        r2 = store.put_pain("morning", entry(0, 5))
        assert (r1.version, r2.version) == (1, 2) and r2.seq > r1.seq
        assert r1.kind is StoreKind.PAIN and r1.day == hiptrack.dates.to_day("2026-03-01")
        assert store.load_painlog()[0].nrs == 5
        assert store.load_painlog(as_of=r1.seq)[0].nrs == 4
        gone = store.delete("pain", "morning")
        assert gone.deleted and gone.version == 3
        with pytest.raises(NotFoundError, match="deleted"):
            store.get(StoreKind.PAIN, "morning")
        assert store.get(StoreKind.PAIN, "morning", as_of=r2.seq).version == 2
        assert [r.version for r in store.list(all_versions=True, include_deleted=True)] == [1, 2, 3]
        assert store.list() == []
        assert '"nrs":4' in store.read_json(r1.seq).replace(" ", "")
        store.check()


def test_every_kind_and_analytics(tmp_path: pathlib.Path) -> None:
    with Store(str(tmp_path / "k.db"), sync=StoreSync.NORMAL) as store:
        for d in range(14):
            store.put_pain(f"p{d}", entry(d, 6 if d < 7 else 3))
        log = store.load_painlog("2026-03-01", "2026-03-14")
        assert len(log) == 14
        change = log.change_on("2026-03-14", PainContext.AVG_24H)
        assert change.is_responder
        assert len(store.load_painlog("2026-03-02", "2026-03-03")) == 2
        store.put_json("program", "program", PROGRAM)
        assert len(store.load_program()) == 1
        store.put_json(StoreKind.SESSION, "s1", SESSION)
        session = store.load_session("s1")
        assert session.info.pain_during == 3
        store.put_session("s2", session)
        store.put_json("outcome", "visit", OUTCOME)
        response = store.load_outcome("visit")
        assert isinstance(response, hiptrack.HoosJrResponse)
        assert store.put_outcome("visit", response).version == 2
        kinds = [r.kind for r in store.list(from_day="2026-11-02", to_day="2026-11-02")]
        assert sorted(kinds) == [StoreKind.PROGRAM, StoreKind.OUTCOME]
        assert len(store.list(StoreKind.PAIN, from_day="2026-03-10")) == 5
        with pytest.raises(hiptrack.FormatError, match="reps"):
            store.put_json("program", "bad", PROGRAM.replace('"reps": 10', '"reps": 500'))
        with pytest.raises(StateError):
            store.put_session("s3", hiptrack.Session())


def test_decisions_round_trip(tmp_path: pathlib.Path) -> None:
    program = hiptrack.Program.from_json(PROGRAM)
    rules = hiptrack.RuleSet.builtin()
    history = hiptrack.History(program=program, catalog=hiptrack.Catalog())
    decision = rules.evaluate(history, "2026-11-08")[0]
    with Store(str(tmp_path / "d.db")) as store:
        store.put_decision("dec_1", decision)
        back = store.load_decision("dec_1")
        assert back == decision


def test_assessments(tmp_path: pathlib.Path) -> None:
    from hiptrack import AssessComp, AssessmentHistory, AssessPosture, AssessResult, AssessSide, AssessSource, RomMotion

    def res(day: str, rng: float) -> AssessResult:
        return AssessResult(RomMotion.ABDUCTION, AssessSide.LEFT, AssessSource.IMU, AssessPosture.STANDING,
                            hiptrack.dates.to_day(day), 0.0, rng, rng, 1.5, AssessComp(0), 0.0, 0.0, 0.0, 0.0, 0.8)

    with Store(str(tmp_path / "a.db")) as s:
        rec = s.put_assessment("rom_1", res("2026-11-02", 30.0))
        assert rec.kind == StoreKind.ASSESSMENT and rec.day == hiptrack.dates.to_day("2026-11-02")
        s.put_assessment("rom_2", res("2026-11-09", 36.5))
        h = s.load_assessments()
        assert isinstance(h, AssessmentHistory) and len(h) == 2
        assert h[1].range_deg == 36.5
        assert h.change(RomMotion.ABDUCTION, AssessSide.LEFT) == 6.5
        assert len(s.load_assessments("2026-11-03", "2026-11-30")) == 1
        into = AssessmentHistory()
        assert s.load_assessments(as_of=rec.seq, into=into) is into and len(into) == 1
        assert [r.record_id for r in s.list(StoreKind.ASSESSMENT)] == ["rom_1", "rom_2"]
        with pytest.raises(hiptrack.InvalidArgumentError, match="range_deg"):
            s.put_assessment("rom_3", AssessResult(**{**res("2026-11-02", 30.0).__dict__, "range_deg": 1.0}))


def test_refuses_foreign_and_newer_files(tmp_path: pathlib.Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_bytes(b"not a database" * 10)
    before = sha(text)
    with pytest.raises(FormatError, match="not an SQLite database"):
        Store(str(text))
    assert sha(text) == before
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    before = sha(foreign)
    with pytest.raises(FormatError, match="application_id"):
        Store(str(foreign))
    assert sha(foreign) == before
    newer = tmp_path / "newer.db"
    Store(str(newer)).close()
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 9")
    con.close()
    with pytest.raises(VersionError, match="newer"):
        Store(str(newer))
    with pytest.raises(NotFoundError):
        Store(str(tmp_path / "missing.db"), create_if_missing=False)


def test_read_only_and_corruption(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ro.db"
    with Store(str(path)) as store:
        store.put_pain("a", entry(1, 2))
    with Store(str(path), read_only=True) as ro:
        with pytest.raises(StateError, match="read-only"):
            ro.put_pain("b", entry(1, 3))
        assert len(ro.list()) == 1
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER records_no_update")
    con.execute("UPDATE records SET body = replace(body, '\"nrs\": 2', '\"nrs\": 3')")
    con.commit()
    con.close()
    with Store(str(path)) as store:
        with pytest.raises(CorruptError, match="checksum"):
            store.load_painlog()
        with pytest.raises(CorruptError):
            store.check()
    closed = Store(str(path))
    closed.close()
    with pytest.raises(StateError):
        closed.list()
