"""The member's durable store (``hip_store.h``, libhiptrack_store): program versions, sessions,
pain entries, questionnaire results and progression decisions in one SQLite file, append-only and
time-versioned (docs/store.md).

>>> with Store("member.db") as store:                          # doctest: +SKIP
...     store.put_pain("pain_am", PainEntry.at(when, 4, context=PainContext.AVG_24H))
...     log = store.load_painlog(from_day="2026-11-01", to_day="2026-11-30")
...     log.rolling_mean("2026-11-30", PainContext.AVG_24H)

Putting an id again appends a new version (a correction); reads give the newest version, or the
newest as of an earlier sequence number (``as_of``: the store as it was right after that write);
:meth:`Store.delete` appends a tombstone. The store is linked into the extension when SQLite was
found at build time (:data:`AVAILABLE`); otherwise :class:`Store` raises
:class:`UnsupportedError`.
"""
from __future__ import annotations

import dataclasses
import enum
from typing import Any, List, Optional, Union

import numpy as np

from . import capi as _c
from . import dates
from ._errors import InvalidArgumentError, UnsupportedError
from ._handle import Handle, export_text, fill
from .assess import AssessmentHistory, AssessResult
from .outcomes import OutcomeResponse, _CLASSES
from ._enums import Instrument
from .painlog import PainEntry, PainLog
from .program import Program
from .progression import Decision, _decision, _decision_to_c
from .session import Session

_DAY_MIN = -(2 ** 31)      # HIPTRACK_STORE_DAY_MIN: the whole day range
_DAY_MAX = 2 ** 31 - 1

#: True when this build of the extension includes the store.
AVAILABLE: bool = hasattr(_c, "hip_store")


class StoreKind(enum.IntEnum):
    """``hip_store_kind``: what a record holds."""

    ANY = 0
    PROGRAM = 1
    SESSION = 2
    PAIN = 3
    OUTCOME = 4
    DECISION = 5
    ASSESSMENT = 6


class StoreSync(enum.IntEnum):
    """``hip_store_sync``: FULL fsyncs every commit (an acknowledged write survives power loss);
    NORMAL only at checkpoints (survives a crash of the process; faster)."""

    FULL = 0
    NORMAL = 1


@dataclasses.dataclass(frozen=True)
class StoreRecord:
    """``hip_store_record``: the indexed columns of one stored version."""

    kind: StoreKind
    record_id: str
    version: int
    seq: int
    day: int
    t_ns: int
    deleted: bool
    json_len: int

    @classmethod
    def _from_c(cls, c: Any) -> "StoreRecord":
        return cls(kind=StoreKind(c.kind), record_id=c.record_id, version=int(c.version),
                   seq=int(c.seq), day=int(c.day), t_ns=int(c.t_ns), deleted=bool(c.deleted),
                   json_len=int(c.json_len))


def _kind(kind: Union[StoreKind, str, int]) -> int:
    if isinstance(kind, str):
        try:
            return int(StoreKind[kind.upper()])
        except KeyError:
            raise InvalidArgumentError(f"kind: no store kind {kind!r}") from None
    return int(StoreKind(kind))


def _day(value: Optional[dates.DateLike], default: int) -> int:
    return default if value is None else dates.to_day(value)


class Store(Handle):
    """One store file. ``Store(path, read_only=False, create_if_missing=True,
    busy_timeout_ms=5000, sync=StoreSync.FULL)``; a context manager (closing the file at the end).
    Not a file of ours: :class:`FormatError`; damaged: :class:`CorruptError`; a newer schema:
    :class:`VersionError` (a refused file is never modified); missing without
    ``create_if_missing``: :class:`NotFoundError`. One object per thread."""

    _kind = "store"

    def __init__(self, path: str, *, read_only: bool = False, create_if_missing: bool = True,
                 busy_timeout_ms: int = 5000, sync: StoreSync = StoreSync.FULL) -> None:
        if not AVAILABLE:
            raise UnsupportedError("this build of hiptrack has no store (SQLite was not found "
                                   "when the extension was built)")
        cfg = _c.hip_store_config()
        cfg.read_only = int(read_only)
        cfg.create_if_missing = int(create_if_missing)
        cfg.busy_timeout_ms = int(busy_timeout_ms)
        cfg.sync = int(StoreSync(sync))
        self._c = _c.hip_store(str(path), cfg)

    # ---- the file
    @property
    def schema_version(self) -> int:
        _, v = self._live().schema_version()
        return int(v)

    @property
    def last_seq(self) -> int:
        """The sequence number of the last write (0 when empty)."""
        _, v = self._live().last_seq_value()
        return int(v)

    def check(self) -> None:
        """PRAGMA integrity_check and every record's checksum (:class:`CorruptError`)."""
        self._live().check()

    # ---- writes (each one transaction, returned after COMMIT)
    def _put(self, call: Any, *args: Any) -> StoreRecord:
        out = _c.hip_store_record()
        call(*args, out)
        return StoreRecord._from_c(out)

    def put_json(self, kind: Union[StoreKind, str], record_id: str,
                 text: Union[str, bytes]) -> StoreRecord:
        """Stores a document of the kind, validated by the module's reader."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return self._put(self._live().put_json, _kind(kind), record_id, data)

    def put_pain(self, record_id: str, entry: PainEntry) -> StoreRecord:
        return self._put(self._live().put_pain, record_id, fill(entry, _c.hip_pain_entry(), "entry"))

    def put_program(self, record_id: str, program: Program) -> StoreRecord:
        return self._put(self._live().put_program, record_id, program._live())

    def put_session(self, record_id: str, session: Session) -> StoreRecord:
        """A finished session (:class:`StateError` otherwise)."""
        return self._put(self._live().put_session, record_id, session._live())

    def put_outcome(self, record_id: str, response: OutcomeResponse) -> StoreRecord:
        """A response with its date set (:class:`StateError` otherwise)."""
        return self._put(self._live().put_outcome, record_id, response._live())

    def put_decision(self, record_id: str, decision: Decision) -> StoreRecord:
        c = _decision_to_c(decision)
        for i, inp in enumerate(decision.inputs):
            value = 0.0 if inp.value is None else inp.value
            c.set_input_at(i, fill(dataclasses.replace(inp, value=value),
                                   _c.hip_progression_input(), "input"))
        return self._put(self._live().put_decision, record_id, c)

    def put_assessment(self, record_id: str, result: AssessResult) -> StoreRecord:
        """A movement assessment result (validated as :meth:`AssessmentHistory.add` does)."""
        return self._put(self._live().put_assessment, record_id,
                         fill(result, _c.hip_assess_result(), "result"))

    def delete(self, kind: Union[StoreKind, str], record_id: str) -> StoreRecord:
        """Appends a tombstone (:class:`NotFoundError` when absent or already deleted)."""
        return self._put(self._live().delete_record, _kind(kind), record_id)

    # ---- reads
    def get(self, kind: Union[StoreKind, str], record_id: str, as_of: int = 0) -> StoreRecord:
        """The newest version as of ``as_of`` (0: now); :class:`NotFoundError` if none/deleted."""
        out = _c.hip_store_record()
        self._live().get_record(_kind(kind), record_id, int(as_of), out)
        return StoreRecord._from_c(out)

    def record(self, seq: int) -> StoreRecord:
        """The version written at ``seq``."""
        out = _c.hip_store_record()
        self._live().record_of_seq(int(seq), out)
        return StoreRecord._from_c(out)

    def read_json(self, seq: int) -> str:
        """The JSON of the version written at ``seq``."""
        return export_text(self._live().json_of_seq, int(seq))

    def list(self, kind: Union[StoreKind, str] = StoreKind.ANY,
             from_day: Optional[dates.DateLike] = None, to_day: Optional[dates.DateLike] = None,
             as_of: Optional[int] = None, all_versions: bool = False,
             include_deleted: bool = False) -> List[StoreRecord]:
        """Records by day, t_ns, id and version: the newest version of each (or every version),
        of one kind or all, in a day range (inclusive), as of a sequence number (default: one
        snapshot of now)."""
        q = _c.hip_store_query()
        q.kind = _kind(kind)
        q.from_day = _day(from_day, _DAY_MIN)
        q.to_day = _day(to_day, _DAY_MAX)
        s = self._live()
        q.as_of_seq = self.last_seq if as_of is None else int(as_of)
        if as_of is None and q.as_of_seq == 0:
            return []          # empty now (as_of_seq 0 would mean "now" for the next call)
        q.all_versions = int(all_versions)
        q.include_deleted = int(include_deleted)
        _, n = s.list_count(q)
        seqs = np.zeros(max(n, 1), dtype=np.int64)
        _, n = s.list_seqs(q, seqs)
        return [self.record(int(x)) for x in seqs[:n]]

    # ---- loading into the modules' objects
    def load_painlog(self, from_day: Optional[dates.DateLike] = None,
                     to_day: Optional[dates.DateLike] = None, as_of: int = 0,
                     into: Optional[PainLog] = None, **config: Any) -> PainLog:
        """A :class:`PainLog` of the stored pain entries of the day range (``into``'s entries are
        replaced when given; otherwise a new log with ``config``)."""
        log = into if into is not None else PainLog(**config)
        self._live().load_painlog_into(_day(from_day, _DAY_MIN),
                                       _day(to_day, _DAY_MAX), int(as_of),
                                       log._live())
        return log

    def load_assessments(self, from_day: Optional[dates.DateLike] = None,
                         to_day: Optional[dates.DateLike] = None, as_of: int = 0,
                         into: Optional[AssessmentHistory] = None) -> AssessmentHistory:
        """An :class:`AssessmentHistory` of the stored assessments of the day range (``into``'s
        results are replaced when given); all or nothing."""
        h = into if into is not None else AssessmentHistory()
        self._live().load_assessments_into(_day(from_day, _DAY_MIN), _day(to_day, _DAY_MAX),
                                           int(as_of), h._live())
        return h

    def load_program(self, record_id: str = "program", as_of: int = 0) -> Program:
        p = Program()
        self._live().load_program_into(record_id, int(as_of), p._live())
        return p

    def load_session(self, record_id: str, as_of: int = 0, **config: Any) -> Session:
        s = Session(**config)
        self._live().load_session_into(record_id, int(as_of), s._live())
        return s

    def load_outcome(self, record_id: str, as_of: int = 0) -> OutcomeResponse:
        """The response as the class of its instrument."""
        r = OutcomeResponse()
        self._live().load_outcome_into(record_id, int(as_of), r._live())
        cls = _CLASSES[Instrument(r._live().instrument())]
        obj = cls.__new__(cls)
        obj._c, r._c = r._c, None
        return obj

    def load_decision(self, record_id: str, as_of: int = 0) -> Decision:
        c = _c.hip_progression_decision()
        self._live().load_decision_into(record_id, int(as_of), c)
        return _decision(c)
