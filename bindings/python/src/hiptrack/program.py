"""Versioned exercise programs (``hip_program.h``)."""
from __future__ import annotations

from typing import Any, Iterator, List, Optional, Union

from . import capi as _c
from . import dates
from ._errors import NotFoundError
from ._handle import Handle, fill, export_text
from ._values import Prescription, ProgramVersion, from_c
from .catalog import Catalog


class Program(Handle):
    """A prescription history: every change makes a new version; old versions stay queryable.

    A new version is built as a draft, best through the context manager::

        with program.draft("2026-11-02", sessions_per_week=3, note="initial") as d:
            d.add(Prescription.for_exercise("bridge", hold_s=2))
        # committed here; an exception inside the block discards the draft instead

    ``len(program)`` is the number of versions, ``program[i]`` the i-th :class:`ProgramVersion`
    (with its exercises) and iteration goes over the versions.
    """

    _kind = "program"

    def __init__(self) -> None:
        self._c = _c.hip_program(_c.hip_program_config())

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Program":
        """A program read from a ``hiptrack.program`` document."""
        p = cls()
        p.import_json(text)
        return p

    # ---- drafts
    def begin(self, effective: dates.DateLike, sessions_per_week: int, note: Optional[str] = None) -> None:
        """Opens a draft of a new version (a copy of the latest one's exercises)."""
        self._live().begin(dates.to_day(effective), sessions_per_week, note)

    def add(self, prescription: Prescription) -> None:
        """Adds an exercise to the draft."""
        self._live().add(fill(prescription, _c.hip_prescription(""), "prescription"))

    def replace(self, index: int, prescription: Prescription) -> None:
        """Replaces the draft's index-th exercise."""
        self._live().replace(index, fill(prescription, _c.hip_prescription(""), "prescription"))

    def remove(self, index: int) -> None:
        """Removes the draft's index-th exercise."""
        self._live().remove(index)

    @property
    def draft_exercises(self) -> List[Prescription]:
        """The open draft's exercises (:class:`StateError` without a draft)."""
        c = self._live()
        _, n = c.draft_count()
        out = _c.hip_prescription("")
        items = []
        for i in range(n):
            c.draft_at(i, out)
            items.append(from_c(Prescription, out))
        return items

    def commit(self) -> ProgramVersion:
        """Appends the draft as a new version and returns it."""
        self._live().commit()
        return self[len(self) - 1]

    def discard(self) -> None:
        """Drops the open draft."""
        self._live().discard()

    def draft(self, effective: dates.DateLike, sessions_per_week: int,
              note: Optional[str] = None) -> "_Draft":
        """A context manager: begin on entry, commit on a normal exit, discard on an exception."""
        return _Draft(self, effective, sessions_per_week, note)

    # ---- history
    def __len__(self) -> int:
        return int(self._live().version_count())

    def __getitem__(self, index: int) -> ProgramVersion:
        c = self._live()
        n = c.version_count()
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("program version index out of range")
        v = _c.hip_program_version()
        c.version_at(index, v)
        out = _c.hip_prescription("")
        exercises = []
        for i in range(v.exercise_count):
            c.exercise_at(index, i, out)
            exercises.append(from_c(Prescription, out))
        base = from_c(ProgramVersion, v)
        return ProgramVersion(base.number, base.effective_day, base.sessions_per_week,
                              base.exercise_count, base.note, tuple(exercises))

    def __iter__(self) -> Iterator[ProgramVersion]:
        for i in range(len(self)):
            yield self[i]

    @property
    def versions(self) -> List[ProgramVersion]:
        """Every version, oldest first."""
        return list(self)

    def version_on(self, day: dates.DateLike) -> ProgramVersion:
        """The version in force on a day (:class:`NotFoundError` before the first version)."""
        d = dates.to_day(day)
        try:
            _, index = self._live().version_on(d)
        except NotFoundError:
            raise NotFoundError(f"no program version in force on {dates.format(d)}") from None
        return self[index]

    def check(self, catalog: Catalog) -> None:
        """Checks every exercise id against a catalog (:class:`NotFoundError` naming the first
        unknown one)."""
        self._live().check(catalog._live())

    def import_json(self, text: Union[str, bytes]) -> None:
        """Replaces the whole history with a ``hiptrack.program`` document; all or nothing."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._live().import_json(data)

    def export_json(self) -> str:
        """The history as a ``hiptrack.program`` document."""
        return export_text(self._live().export_json)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        return "<hiptrack.Program closed>" if self.closed else f"<hiptrack.Program {len(self)} versions>"


class _Draft:
    def __init__(self, program: Program, effective: dates.DateLike, sessions_per_week: int,
                 note: Optional[str]) -> None:
        self._p = program
        self._args = (effective, sessions_per_week, note)
        self.version: Optional[ProgramVersion] = None

    def __enter__(self) -> Program:
        self._p.begin(*self._args)
        return self._p

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.version = self._p.commit()
        elif not self._p.closed:
            self._p.discard()
