package org.hiptrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hiptrack.internal.hip_assess_result;
import org.hiptrack.internal.hip_pain_entry;
import org.hiptrack.internal.hip_store;
import org.hiptrack.internal.hip_store_config;
import org.hiptrack.internal.hip_store_query;
import org.hiptrack.internal.hip_store_record;

/**
 * The member's durable store ({@code hip_store.h}): program versions, sessions, pain entries,
 * questionnaire results and progression decisions in one SQLite file, append-only and
 * time-versioned (docs/store.md). Compiled into the jar when the library is built with the store.
 *
 * <p>Putting an id again appends a new version (a correction); reads give the newest version, or
 * the newest as of an earlier sequence number ({@code asOf}: the store right after that write; 0
 * means now); {@link #delete} appends a tombstone. A refused file (not a store, damaged, newer
 * schema) is never modified. One {@code Store} per thread; close it (try-with-resources).
 */
public final class Store extends NativeHandle<hip_store> {
    /** What a record holds ({@code hip_store_kind}). */
    public enum Kind {
        /** A {@code hiptrack.program}. */
        PROGRAM(1),
        /** A finished {@code hiptrack.session}. */
        SESSION(2),
        /** One pain entry (a one-entry {@code hiptrack.painlog}). */
        PAIN(3),
        /** A dated {@code hiptrack.outcome}. */
        OUTCOME(4),
        /** A {@code hiptrack.decision}. */
        DECISION(5),
        /** One movement assessment result (a one-result {@code hiptrack.assessment}; schema v3). */
        ASSESSMENT(6);

        private final int value;

        Kind(int value) {
            this.value = value;
        }

        /**
         * The C value.
         *
         * @return the {@code hip_store_kind} constant
         */
        public int value() {
            return value;
        }

        static Kind fromValue(int v) {
            for (Kind k : values()) if (k.value == v) return k;
            throw new IllegalArgumentException("no store kind " + v);
        }
    }

    /** {@code hip_store_sync}: how often commits reach the disk. */
    public enum Sync {
        /** fsync at every commit: an acknowledged write survives power loss. */
        FULL,
        /** fsync at checkpoints: an acknowledged write survives a crash of the app. */
        NORMAL
    }

    /** {@code hip_store_record}: the indexed columns of one stored version. */
    public static final class Record {
        private final Kind kind;
        private final String recordId;
        private final int version;
        private final long seq;
        private final int day;
        private final long timeNs;
        private final boolean deleted;
        private final long jsonLength;

        Record(hip_store_record r) {
            kind = Kind.fromValue(r.getKind());
            recordId = r.getRecord_id();
            version = (int) r.getVersion();
            seq = r.getSeq();
            day = r.getDay();
            timeNs = r.getT_ns();
            deleted = r.getDeleted() != 0;
            jsonLength = r.getJson_len();
        }

        /** @return the kind */
        public Kind kind() { return kind; }
        /** @return the record id */
        public String recordId() { return recordId; }
        /** @return the version, 1, 2, ... */
        public int version() { return version; }
        /** @return the store-wide sequence number of the write */
        public long seq() { return seq; }
        /** @return the local day */
        public CivilDate day() { return CivilDate.ofDayNumber(day); }
        /** @return the instant (ns since 1970 UTC) when the kind has one, else 0 */
        public long timeNs() { return timeNs; }
        /** @return true for a tombstone */
        public boolean deleted() { return deleted; }
        /** @return bytes of the JSON (0 for a tombstone) */
        public long jsonLength() { return jsonLength; }

        @Override
        public String toString() {
            return kind + " '" + recordId + "' v" + version + " (seq " + seq + ", " + day() + ")"
                    + (deleted ? " deleted" : "");
        }
    }

    /**
     * Opens (or creates) the store at path with the defaults (writable, created if missing, sync
     * FULL, 5 s busy timeout).
     *
     * @param path the file
     */
    public Store(String path) {
        this(path, false, true, Sync.FULL);
    }

    /**
     * Opens a store.
     *
     * @param path the file
     * @param readOnly never write (an older schema is then {@link Status#VERSION})
     * @param createIfMissing create a missing file (else {@link Status#NOT_FOUND})
     * @param sync FULL or NORMAL
     */
    public Store(String path, boolean readOnly, boolean createIfMissing, Sync sync) {
        super(open(path, readOnly, createIfMissing, sync), "store");
    }

    private static hip_store open(String path, boolean readOnly, boolean createIfMissing, Sync sync) {
        try (hip_store_config c = new hip_store_config()) {
            c.setRead_only(readOnly ? 1 : 0);
            c.setCreate_if_missing(createIfMissing ? 1 : 0);
            c.setSync(Values.nonNull(sync, "sync") == Sync.FULL ? 0 : 1);
            return new hip_store(Values.nonNull(path, "path"), c);
        }
    }

    /**
     * The schema version of the file.
     *
     * @return the version (after migration: the library's)
     */
    public int schemaVersion() {
        long[] v = new long[1];
        proxy().schema_version(v);
        return (int) v[0];
    }

    /**
     * The sequence number of the last write.
     *
     * @return 0 for an empty store
     */
    public long lastSeq() {
        long[] v = new long[1];
        proxy().last_seq_value(v);
        return v[0];
    }

    /** PRAGMA integrity_check and every record's checksum ({@link Status#CORRUPT}). */
    public void check() {
        proxy().check();
    }

    /**
     * Stores a document of the kind, validated by the module's reader.
     *
     * @param kind what it is
     * @param recordId 1..47 of [a-z0-9_], letter first
     * @param json the document
     * @return the version written
     */
    public Record putJson(Kind kind, String recordId, String json) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().put_json(Values.nonNull(kind, "kind").value(), Values.nonNull(recordId, "recordId"),
                    Values.utf8(json, "json"), r);
            return new Record(r);
        }
    }

    /**
     * Stores one pain entry.
     *
     * @param recordId the record id
     * @param entry the entry
     * @return the version written
     */
    public Record putPain(String recordId, PainEntry entry) {
        try (hip_store_record r = new hip_store_record();
             hip_pain_entry e = Values.nonNull(entry, "entry").toNative()) {
            proxy().put_pain(Values.nonNull(recordId, "recordId"), e, r);
            return new Record(r);
        }
    }

    /**
     * Stores one movement assessment result (validated as {@link AssessmentHistory#add} does).
     *
     * @param recordId the record id
     * @param result the result
     * @return the version written
     * @throws HipException {@link Status#INVALID} naming the field of a bad result
     */
    public Record putAssessment(String recordId, AssessResult result) {
        try (hip_store_record r = new hip_store_record();
             hip_assess_result a = Values.nonNull(result, "result").toNative()) {
            proxy().put_assessment(Values.nonNull(recordId, "recordId"), a, r);
            return new Record(r);
        }
    }

    /**
     * Stores a program (all its versions).
     *
     * @param recordId the record id
     * @param program the program
     * @return the version written
     */
    public Record putProgram(String recordId, Program program) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().put_program(Values.nonNull(recordId, "recordId"), Values.nonNull(program, "program").proxy(), r);
            return new Record(r);
        }
    }

    /**
     * Stores a finished session.
     *
     * @param recordId the record id
     * @param session the session
     * @return the version written
     */
    public Record putSession(String recordId, Session session) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().put_session(Values.nonNull(recordId, "recordId"), Values.nonNull(session, "session").proxy(), r);
            return new Record(r);
        }
    }

    /**
     * Stores a questionnaire response (its date must be set).
     *
     * @param recordId the record id
     * @param response the response
     * @return the version written
     */
    public Record putOutcome(String recordId, OutcomeResponse response) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().put_outcome(Values.nonNull(recordId, "recordId"), Values.nonNull(response, "response").proxy(), r);
            return new Record(r);
        }
    }

    /**
     * Appends a tombstone ({@link Status#NOT_FOUND} when absent or already deleted).
     *
     * @param kind the kind
     * @param recordId the record id
     * @return the tombstone version
     */
    public Record delete(Kind kind, String recordId) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().delete_record(Values.nonNull(kind, "kind").value(), Values.nonNull(recordId, "recordId"), r);
            return new Record(r);
        }
    }

    /**
     * The newest version of a record.
     *
     * @param kind the kind
     * @param recordId the record id
     * @param asOf a sequence number, 0 for now
     * @return its columns ({@link Status#NOT_FOUND} when none or deleted)
     */
    public Record get(Kind kind, String recordId, long asOf) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().get_record(Values.nonNull(kind, "kind").value(), Values.nonNull(recordId, "recordId"), asOf, r);
            return new Record(r);
        }
    }

    /**
     * The version written at seq.
     *
     * @param seq a sequence number
     * @return its columns
     */
    public Record record(long seq) {
        try (hip_store_record r = new hip_store_record()) {
            proxy().record_of_seq(seq, r);
            return new Record(r);
        }
    }

    /**
     * The JSON of the version written at seq.
     *
     * @param seq a sequence number
     * @return the document
     */
    public String json(long seq) {
        final hip_store h = proxy();
        return Values.exportText((buf, len) -> h.json_of_seq(seq, buf, len));
    }

    /**
     * Records by day, time, id and version, as one snapshot of now.
     *
     * @param kind one kind, or null for all
     * @param from first day, or null
     * @param to last day (inclusive), or null
     * @param allVersions every version rather than the newest of each record
     * @param includeDeleted tombstones too
     * @return the records
     */
    public List<Record> list(Kind kind, CivilDate from, CivilDate to, boolean allVersions,
                             boolean includeDeleted) {
        hip_store h = proxy();
        try (hip_store_query q = new hip_store_query()) {
            q.setKind(kind == null ? 0 : kind.value());
            if (from != null) q.setFrom_day(from.dayNumber());
            if (to != null) q.setTo_day(to.dayNumber());
            long snapshot = lastSeq();
            if (snapshot == 0) return Collections.emptyList();  // 0 would mean "now" below
            q.setAs_of_seq(snapshot);
            q.setAll_versions(allVersions ? 1 : 0);
            q.setInclude_deleted(includeDeleted ? 1 : 0);
            long[] n = new long[1];
            h.list_count(q, n);
            if (n[0] == 0) return Collections.emptyList();
            java.nio.LongBuffer seqs = java.nio.ByteBuffer.allocateDirect((int) n[0] * 8)
                    .order(java.nio.ByteOrder.nativeOrder()).asLongBuffer();
            h.list_seqs(q, seqs, n);
            List<Record> out = new ArrayList<>();
            for (int i = 0; i < (int) n[0]; i++) out.add(record(seqs.get(i)));
            return out;
        }
    }

    /**
     * A pain log of the stored pain entries of a day range.
     *
     * @param from first day, or null
     * @param to last day (inclusive), or null
     * @param asOf a sequence number, 0 for now
     * @return a new log (close it)
     */
    public PainLog loadPainLog(CivilDate from, CivilDate to, long asOf) {
        PainLog log = new PainLog();
        try {
            proxy().load_painlog_into(from == null ? Integer.MIN_VALUE : from.dayNumber(),
                    to == null ? Integer.MAX_VALUE : to.dayNumber(), asOf, log.proxy());
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * The stored assessments of the local days from..to (newest versions as of asOf), in day order.
     *
     * @param from the first day, or null
     * @param to the last day, or null
     * @param asOf a sequence number, 0 for now
     * @return a new history (close it)
     */
    public AssessmentHistory loadAssessments(CivilDate from, CivilDate to, long asOf) {
        AssessmentHistory h = new AssessmentHistory();
        try {
            proxy().load_assessments_into(from == null ? Integer.MIN_VALUE : from.dayNumber(),
                    to == null ? Integer.MAX_VALUE : to.dayNumber(), asOf, h.proxy());
            return h;
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /**
     * A stored program.
     *
     * @param recordId the record id
     * @param asOf a sequence number, 0 for now
     * @return a new program (close it)
     */
    public Program loadProgram(String recordId, long asOf) {
        Program p = new Program();
        try {
            proxy().load_program_into(Values.nonNull(recordId, "recordId"), asOf, p.proxy());
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * A stored session.
     *
     * @param recordId the record id
     * @param asOf a sequence number, 0 for now
     * @return a new, finished session (close it)
     */
    public Session loadSession(String recordId, long asOf) {
        Session s = new Session();
        try {
            proxy().load_session_into(Values.nonNull(recordId, "recordId"), asOf, s.proxy());
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * A stored questionnaire response.
     *
     * @param recordId the record id
     * @param asOf a sequence number, 0 for now
     * @return a new response of its instrument (close it)
     */
    public OutcomeResponse loadOutcome(String recordId, long asOf) {
        return OutcomeResponse.fromJson(json(get(Kind.OUTCOME, recordId, asOf).seq()));
    }
}
