package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.hip_pain_entry;

/**
 * One 0-10 NRS pain entry ({@code hip_pain_entry}): a plain value. The entry's day is the local day
 * of {@code tNs + utcOffsetMin}. Two entries equal in every field are duplicates.
 */
public final class PainEntry {
    /** The instant, ns since 1970-01-01T00:00:00Z. */
    public long tNs;
    /** The member's UTC offset then, minutes, -1080..1080. */
    public int utcOffsetMin;
    /** 0..10; anything else is refused ({@link Status#RANGE}), never clamped. */
    public int nrs;
    /** The recall window. */
    public PainContext context;
    /** Where it hurts. */
    public PainLocation location;
    /** The side. */
    public PainSide side;
    /** Symptoms. */
    public Set<PainSymptom> symptoms;
    /** Time of day reported. */
    public PainTimeOfDay timeOfDay;
    /** What the member was doing. */
    public PainSetting setting;
    /** A note, valid UTF-8 of at most 255 bytes; "" if none. */
    public String note;

    /** t 0, offset 0, NRS 0, context CURRENT, the rest unspecified ({@code hip_pain_entry_init}). */
    public PainEntry() {
        try (hip_pain_entry e = new hip_pain_entry()) {
            copyFrom(e);
        }
    }

    /**
     * An entry with the defaults otherwise.
     *
     * @param tNs          the instant, ns since the epoch
     * @param utcOffsetMin the member's UTC offset, minutes
     * @param nrs          0..10
     * @param context      the recall window
     */
    public PainEntry(long tNs, int utcOffsetMin, int nrs, PainContext context) {
        this();
        this.tNs = tNs;
        this.utcOffsetMin = utcOffsetMin;
        this.nrs = nrs;
        this.context = context;
    }

    static PainEntry from(hip_pain_entry e) {
        PainEntry o = new PainEntry();
        o.copyFrom(e);
        return o;
    }

    private void copyFrom(hip_pain_entry e) {
        tNs = e.getT_ns();
        utcOffsetMin = e.getUtc_offset_min();
        nrs = e.getNrs();
        context = PainContext.fromValue(e.getContext());
        location = PainLocation.fromValue(e.getLocation());
        side = PainSide.fromValue(e.getSide());
        symptoms = PainSymptom.fromBits((int) e.getSymptoms());
        timeOfDay = PainTimeOfDay.fromValue(e.getTime_of_day());
        setting = PainSetting.fromValue(e.getSetting());
        note = e.getNote();
    }

    /** A new C value; the caller closes it. */
    hip_pain_entry toNative() {
        hip_pain_entry e = new hip_pain_entry();
        try {
            e.setT_ns(tNs);
            e.setUtc_offset_min(utcOffsetMin);
            e.setNrs(nrs);
            e.setContext(Values.nonNull(context, "context").value());
            e.setLocation(Values.nonNull(location, "location").value());
            e.setSide(Values.nonNull(side, "side").value());
            e.setSymptoms(Values.u32(PainSymptom.toBits(symptoms == null ? EnumSet.noneOf(PainSymptom.class) : symptoms)));
            e.setTime_of_day(Values.nonNull(timeOfDay, "timeOfDay").value());
            e.setSetting(Values.nonNull(setting, "setting").value());
            e.setNote(note == null ? "" : note);
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "PainEntry[" + nrs + "/10 " + context.id() + " at " + tNs + "]";
    }
}
