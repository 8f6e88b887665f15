package org.hiptrack;

import org.hiptrack.internal.hip_progression_edge;

/** "harder is the next harder variant of easier"; regression is the reverse ({@code hip_progression_edge}). */
public final class ProgressionEdge {
    /** The easier exercise's id. */
    public final String easierId;
    /** The harder exercise's id. */
    public final String harderId;
    /** The one attribute the step changes. */
    public final Change change;

    /**
     * An edge.
     *
     * @param easierId the easier exercise's id
     * @param harderId the harder exercise's id
     * @param change   the attribute the step changes
     */
    public ProgressionEdge(String easierId, String harderId, Change change) {
        this.easierId = easierId;
        this.harderId = harderId;
        this.change = change;
    }

    static ProgressionEdge from(hip_progression_edge e) {
        return new ProgressionEdge(e.getEasier_id(), e.getHarder_id(), Change.fromValue(e.getChange()));
    }

    @Override
    public String toString() {
        return easierId + " -> " + harderId + " (" + change.id() + ")";
    }
}
