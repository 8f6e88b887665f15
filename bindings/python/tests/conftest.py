import numpy as np
import pytest

import hiptrack


@pytest.fixture(scope="session")
def catalog():
    cat = hiptrack.Catalog()
    yield cat
    cat.close()


@pytest.fixture(scope="session")
def squat_recording():
    """(t_ns, samples, truth) of two sets of 8 squats."""
    return hiptrack.simulate("squat", seed=7, sets=2, reps_per_set=8, rest_s=5.0)
