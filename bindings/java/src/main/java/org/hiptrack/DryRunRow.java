package org.hiptrack;

/** One row of a {@link RuleSet#dryRun dry run} ({@code hip_progression_row}): one exercise, one week. */
public final class DryRunRow {
    /** The 1-based program week; the decision is as of its last day. */
    public final int week;
    /** The decision for the exercise at the end of that week. */
    public final Decision decision;

    DryRunRow(int week, Decision decision) {
        this.week = week;
        this.decision = decision;
    }

    @Override
    public String toString() {
        return "DryRunRow[week " + week + ", " + decision + "]";
    }
}
