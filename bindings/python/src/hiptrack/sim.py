"""The motion simulator (``hip_sim.h``): seeded, deterministic IMU streams with the true reps."""
from __future__ import annotations

from typing import Any, Iterator, List, Optional, Tuple, Union

import numpy as np

from . import capi as _c
from ._enums import Segment
from ._errors import InvalidArgumentError
from ._handle import Handle, fill, set_fields
from ._values import Exercise, SimRep, from_c
from .catalog import Catalog, builtin_catalog

#: Values per simulated sample: ax ay az (m/s^2) gx gy gz (rad/s).
COLUMNS: int = _c.HIPTRACK_SIM_COLUMNS


class Simulator(Handle):
    """A simulated recording of an exercise: ``Simulator("squat", seed=1, sets=2)``.

    ``exercise`` is an :class:`Exercise` or an id of ``catalog`` (the built-in catalog by default).
    Keyword arguments set ``hip_sim_config`` fields: ``sets``, ``reps_per_set``, ``rate_hz``,
    ``rate_jitter``, ``lead_in_s``, ``rest_s``, ``tempo_variation``, ``excursion_variation``,
    ``pause_probability``, ``partial_fraction``, ``fast_fraction``, ``fidget``, ``accel_noise``,
    ``gyro_noise``, ``accel_bias``, ``gyro_bias``, ``random_mounting`` and ``placement`` (a
    :class:`Segment`; the sensor then sits there instead of on the exercise's segment).

    Reading is chunk-independent: the same seed gives the same samples however they are read.
    Iterating yields (t_ns, samples) chunks of ``chunk`` samples from the current position.
    """

    _kind = "simulator"

    def __init__(self, exercise: Union[Exercise, str], *, seed: int = 0,
                 catalog: Optional[Catalog] = None, placement: Optional[Segment] = None,
                 chunk: int = 4096, **config: Any) -> None:
        if isinstance(exercise, str):
            exercise = (catalog or builtin_catalog()).find(exercise)
        cfg = _c.hip_sim_config()
        fill(exercise, cfg.exercise, "exercise")
        cfg.seed = seed
        if placement is not None:
            cfg.placement_from_exercise = 0
            cfg.placement = int(placement)
        set_fields(cfg, config, "config")
        if chunk < 1:
            raise InvalidArgumentError("chunk: must be at least 1")
        self._chunk = chunk
        self.exercise = exercise
        self._c = _c.hip_sim(cfg)

    @property
    def sample_count(self) -> int:
        """Samples in the whole stream."""
        return int(self._live().sample_count())

    def __len__(self) -> int:
        return self.sample_count

    @property
    def duration_s(self) -> float:
        """Length of the stream in seconds."""
        return float(self._live().duration_s())

    def read(self, max_samples: Optional[int] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Reads up to max_samples (default: the rest): int64 t_ns (N,) and float32 samples (N, 6),
        written by the C code straight into the returned arrays. Empty at the end."""
        c = self._live()
        if max_samples is None:
            max_samples = c.sample_count()
        if max_samples < 0:
            raise InvalidArgumentError("max_samples: must not be negative")
        t = np.empty(max_samples, np.int64)
        x = np.empty((max_samples, COLUMNS), np.float32)
        _, n = c.read_into(t, x)
        if n < max_samples:
            return t[:n], x[:n]
        return t, x

    def read_into(self, t_ns: np.ndarray, samples: np.ndarray) -> int:
        """Reads into caller arrays (int64 (N,), float32 (N, 6)); returns how many samples."""
        _, n = self._live().read_into(t_ns, samples)
        return int(n)

    def rewind(self) -> None:
        """Back to the first sample."""
        self._live().rewind()

    def __iter__(self) -> Iterator[Tuple[np.ndarray, np.ndarray]]:
        while True:
            t, x = self.read(self._chunk)
            if t.shape[0] == 0:
                return
            yield t, x

    @property
    def reps(self) -> List[SimRep]:
        """The truth: every simulated rep."""
        c = self._live()
        out = _c.hip_sim_rep()
        reps = []
        for i in range(c.rep_count()):
            c.rep_at(i, out)
            reps.append(from_c(SimRep, out))
        return reps

    def __repr__(self) -> str:
        if self.closed:
            return "<hiptrack.Simulator closed>"
        return f"<hiptrack.Simulator {self.exercise.id} {self.sample_count} samples>"


def simulate(exercise: Union[Exercise, str], **kwargs: Any) -> Tuple[np.ndarray, np.ndarray, List[SimRep]]:
    """A whole simulated recording in one call: (t_ns, samples, truth)."""
    with Simulator(exercise, **kwargs) as sim:
        t, x = sim.read()
        return t, x, sim.reps
