"""No growth of the process's memory over 100,000 create/destroy cycles of each handle."""
import gc
import os

import numpy as np
import pytest

import hiptrack

CYCLES = 100_000


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cycles(make, n):
    for _ in range(n):
        h = make()
        h.close()


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
@pytest.mark.parametrize("name", ["RepDetector", "Catalog", "Program", "Simulator", "push", "Session",
                                  "Adherence", "HoosResponse", "PainLog", "session_json"])
def test_no_growth_over_create_destroy_cycles(name):
    squat = hiptrack.builtin_catalog()["squat"]
    t = np.arange(1, 51, dtype=np.int64) * 20_000_000
    x = np.zeros((50, 6), np.float32)
    x[:, 2] = 9.81

    def pushed():
        d = hiptrack.RepDetector()
        d.push(t, x)
        d.finish()
        d.snapshot()
        return d

    def session_json():
        s = hiptrack.Session()
        s.start(1772440200000000000, 60)
        s.add_set(s.add_exercise("bridge", prescribed_sets=1), pain=2)
        s.add_rep()
        s.finish(1772440300000000000)
        hiptrack.Session.from_json(s.export_json()).close()
        return s

    make = {
        "Session": hiptrack.Session,
        "Adherence": lambda: hiptrack.Adherence(0, sessions=[hiptrack.AdherenceSession(1, True)]),
        "HoosResponse": lambda: hiptrack.HoosResponse({"P1": 2}),
        "PainLog": lambda: hiptrack.PainLog([hiptrack.PainEntry(t_ns=1, nrs=3)]),
        "session_json": session_json,
        "RepDetector": hiptrack.RepDetector,
        "Catalog": hiptrack.Catalog,
        "Program": hiptrack.Program,
        "Simulator": lambda: hiptrack.Simulator(squat, reps_per_set=1, lead_in_s=0.5, rate_hz=10),
        "push": pushed,
    }[name]
    n = CYCLES if name not in ("push", "session_json", "Adherence", "PainLog") else CYCLES // 4
    cycles(make, n // 10)   # warm up allocator pools
    gc.collect()
    before = rss_bytes()
    cycles(make, n)
    gc.collect()
    grown = rss_bytes() - before
    # A leak of even 64 bytes per cycle would show as > 6 MB.
    assert grown < 2 * 1024 * 1024, f"{name}: RSS grew by {grown} bytes over {n} cycles"
