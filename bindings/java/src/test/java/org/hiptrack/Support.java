package org.hiptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the tests. */
final class Support {
    private Support() {}

    /** Asserts that the call throws a HipException with this status, and returns it. */
    static HipException assertHip(Status expected, Executable call) {
        HipException e = assertThrows(HipException.class, call);
        assertEquals(expected, e.code(), () -> "message: " + e.getMessage());
        return e;
    }

    /** A simulated recording of an exercise. */
    static Simulator.Recording simulate(Catalog catalog, String exerciseId, int reps, long seed) {
        SimulatorConfig config = new SimulatorConfig(catalog.require(exerciseId));
        config.repsPerSet = reps;
        config.seed = seed;
        try (Simulator sim = new Simulator(config)) {
            return sim.readAll();
        }
    }
}
