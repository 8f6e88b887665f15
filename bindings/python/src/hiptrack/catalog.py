"""The exercise catalog (``hip_catalog.h``)."""
from __future__ import annotations

from typing import Iterator, List, Optional, Union

from . import capi as _c
from ._enums import Change
from ._errors import NotFoundError, Status
from ._handle import Handle, fill, export_text
from ._values import Exercise, ProgressionEdge, from_c


class Catalog(Handle):
    """Exercises with stable string ids, their default dose and motion profile, and the
    progression graph.

    ``Catalog()`` starts with the built-in hip catalog; ``Catalog(builtin=False)`` is empty. It is
    a mapping-like container: ``len(cat)``, ``"squat" in cat``, ``cat["squat"]`` (an
    :class:`Exercise`; :class:`NotFoundError`, a ``LookupError``, for an unknown id) and iteration
    over the exercises in insertion order. Values are copies: changing one changes nothing here.
    """

    _kind = "catalog"

    def __init__(self, builtin: bool = True) -> None:
        cfg = _c.hip_catalog_config()
        cfg.include_builtin = 1 if builtin else 0
        self._c = _c.hip_catalog(cfg)

    @classmethod
    def from_json(cls, text: Union[str, bytes], builtin: bool = False) -> "Catalog":
        """A catalog of the exercises and edges of a ``hiptrack.catalog`` document."""
        cat = cls(builtin=builtin)
        cat.import_json(text)
        return cat

    def __len__(self) -> int:
        return int(self._live().count())

    def __iter__(self) -> Iterator[Exercise]:
        c = self._live()
        out = _c.hip_exercise()
        for i in range(c.count()):
            c.at(i, out)
            yield from_c(Exercise, out)

    def __contains__(self, exercise_id: object) -> bool:
        if not isinstance(exercise_id, str):
            return False
        try:
            self.find(exercise_id)
        except NotFoundError:
            return False
        return True

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.find(exercise_id)

    @property
    def ids(self) -> List[str]:
        """Every exercise id, in insertion order."""
        return [e.id for e in self]

    def find(self, exercise_id: str) -> Exercise:
        """The exercise with this id; :class:`NotFoundError` when there is none."""
        out = _c.hip_exercise()
        try:
            self._live().find(exercise_id, out)
        except NotFoundError:
            raise NotFoundError(f"no exercise {exercise_id!r} in the catalog") from None
        return from_c(Exercise, out)

    def get(self, exercise_id: str, default: Optional[Exercise] = None) -> Optional[Exercise]:
        """The exercise with this id, or ``default``."""
        try:
            return self.find(exercise_id)
        except NotFoundError:
            return default

    def _step(self, harder: bool, exercise_id: str, k: int) -> Optional[Exercise]:
        out = _c.hip_exercise()
        c = self._live()
        try:
            st = (c.harder if harder else c.easier)(exercise_id, k, out)
        except NotFoundError:
            raise NotFoundError(f"no exercise {exercise_id!r} in the catalog") from None
        return None if st == Status.DONE else from_c(Exercise, out)

    def harder(self, exercise_id: str, k: int = 0) -> Optional[Exercise]:
        """The k-th (0-based) next harder variant, or None when there is no k-th."""
        return self._step(True, exercise_id, k)

    def easier(self, exercise_id: str, k: int = 0) -> Optional[Exercise]:
        """The k-th (0-based) next easier variant, or None when there is no k-th."""
        return self._step(False, exercise_id, k)

    def add(self, exercise: Exercise) -> None:
        """Adds a custom exercise after validating every field (:class:`InvalidArgumentError`
        naming the field; :class:`AlreadyExistsError` when the id is taken)."""
        self._live().add(fill(exercise, _c.hip_exercise(), "exercise"))

    def add_edge(self, easier_id: str, harder_id: str, change: Change = Change.LEVEL) -> None:
        """Adds a progression edge (both ids must exist; the graph stays acyclic)."""
        self._live().add_edge(easier_id, harder_id, int(change))

    @property
    def edges(self) -> List[ProgressionEdge]:
        """Every progression edge, in insertion order."""
        c = self._live()
        out = _c.hip_progression_edge()
        edges = []
        for i in range(c.edge_count()):
            c.edge_at(i, out)
            edges.append(from_c(ProgressionEdge, out))
        return edges

    def import_json(self, text: Union[str, bytes]) -> None:
        """Imports a ``hiptrack.catalog`` document; all or nothing (:class:`FormatError` with
        line and column or field path, :class:`VersionError`)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._live().import_json(data)

    def export_json(self, custom_only: bool = False) -> str:
        """The catalog as an indented ``hiptrack.catalog`` document."""
        return export_text(self._live().export_json, int(custom_only))

    def __repr__(self) -> str:
        return "<hiptrack.Catalog closed>" if self.closed else f"<hiptrack.Catalog {len(self)} exercises>"


_default: Optional[Catalog] = None


def builtin_catalog() -> Catalog:
    """A shared catalog of the built-in exercises (do not add to it; make your own for that)."""
    global _default
    if _default is None:
        _default = Catalog()
    return _default
