package org.hiptrack;

import java.util.ArrayList;
import java.util.List;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_result;
import org.hiptrack.internal.hip_export_sources;
import org.hiptrack.internal.hip_fhir_config;
import org.hiptrack.internal.hip_outcome_response;
import org.hiptrack.internal.hip_outcome_result;
import org.hiptrack.internal.hip_pain_entry;

/**
 * Export for clinicians and research scripts ({@code hip_export.h}): FHIR R4 JSON and CSV, and the
 * pain entries back from both (docs/export.md).
 *
 * <p>FHIR: a pain entry is an Observation (LOINC 72514-3), a finished session an Observation with
 * the per-exercise dose in components, an outcome administration a QuestionnaireResponse plus one
 * score Observation per scored scale; {@link #fhirBundle} collects the records of a date range. Ids
 * derive from the content: the same input gives the same text. CSV: RFC 4180 with a header row;
 * free text that starts like a spreadsheet formula gets a leading {@code '}, which the pain import
 * removes again. Date ranges are local days, both ends included; {@code null} leaves an end open.
 */
public final class Export {
    private static final int FAR = 3_000_000;   // beyond every representable day

    private Export() {}

    /** The options of {@code hip_fhir_config}. */
    public static final class FhirOptions {
        /** Required: {@code "Patient/<id>"} or {@code "urn:uuid:<uuid>"}. */
        public String patient;
        /** Collection (default) or transaction (PUT Type/id per entry). */
        public FhirBundleType bundleType = FhirBundleType.COLLECTION;
        /** valueInteger (default), valueQuantity or the LOINC answer code. */
        public FhirPainValue painValue = FhirPainValue.INTEGER;
        /** Adds the SNOMED CT body-site coding (needs a SNOMED licence in most countries). */
        public boolean snomedBodySite;
        /** Indented JSON. */
        public boolean pretty;

        /**
         * Options with the defaults.
         *
         * @param patient the patient reference
         */
        public FhirOptions(String patient) {
            this.patient = patient;
        }

        hip_fhir_config toNative() {
            hip_fhir_config c = new hip_fhir_config();
            c.setPatient(Values.nonNull(patient, "patient"));
            c.setBundle_type(Values.nonNull(bundleType, "bundleType").value());
            c.setPain_value(Values.nonNull(painValue, "painValue").value());
            c.setSnomed_body_site(snomedBodySite ? 1 : 0);
            c.setPretty(pretty ? 1 : 0);
            return c;
        }
    }

    /** What a Bundle or CSV export reads; every part is optional. The objects must stay open. */
    public static final class Sources {
        /** The pain log, or null. */
        public PainLog painLog;
        /** Finished sessions. */
        public final List<Session> sessions = new ArrayList<>();
        /** Dated outcome administrations. */
        public final List<OutcomeResponse> outcomes = new ArrayList<>();
        /** Exercise names for sessions, or null. */
        public Catalog catalog;
        /** Whether each outcome also gets its score Observations (default true). */
        public boolean scores = true;
        /** Movement assessment results (values, copied at the export). */
        public final List<AssessResult> assessments = new ArrayList<>();

        /** Empty sources. */
        public Sources() {}
    }

    private static int lo(CivilDate d) {
        return d == null ? -FAR : d.dayNumber();
    }

    private static int hi(CivilDate d) {
        return d == null ? FAR : d.dayNumber();
    }

    private static hip_export_sources sources(Sources s, List<AutoCloseable> owned) {
        hip_export_sources src = new hip_export_sources();
        owned.add(src);
        if (s.painLog != null) src.set_painlog(s.painLog.proxy());
        if (s.catalog != null) src.set_catalog(s.catalog.proxy());
        for (Session session : s.sessions) src.add_session(Values.nonNull(session, "session").proxy());
        for (OutcomeResponse r : s.outcomes) {
            hip_outcome_response h = Values.nonNull(r, "outcome").proxy();
            hip_outcome_result result = null;
            if (s.scores && OutcomeResponse.available(r.instrument())) {
                result = new hip_outcome_result();
                owned.add(result);
                h.score(result);
            }
            src.add_outcome(h, result);
        }
        for (AssessResult a : s.assessments) {
            try (hip_assess_result r = Values.nonNull(a, "assessment").toNative()) {
                src.add_assessment(r);   /* copied */
            }
        }
        return src;
    }

    private static void closeAll(List<AutoCloseable> owned) {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * One pain entry as an Observation.
     *
     * @param entry   the entry
     * @param options the FHIR options
     * @return the JSON text
     * @throws HipException {@link Status#INVALID} for a bad patient or entry
     */
    public static String fhirPain(PainEntry entry, FhirOptions options) {
        try (hip_pain_entry e = Values.nonNull(entry, "entry").toNative();
             hip_fhir_config c = Values.nonNull(options, "options").toNative()) {
            return Values.exportText((buf, len) -> HiptrackNative.hip_export_fhir_pain(e, c, buf, len));
        }
    }

    /**
     * The id the exports give an entry (a UUID; the fullUrl is {@code urn:uuid:} + id).
     *
     * @param entry   the entry
     * @param patient the patient reference
     * @return the id
     */
    public static String fhirPainId(PainEntry entry, String patient) {
        try (hip_pain_entry e = Values.nonNull(entry, "entry").toNative();
             hip_fhir_config c = new FhirOptions(patient).toNative()) {
            byte[] buf = new byte[HiptrackNative.HIPTRACK_FHIR_ID_CAP];
            HiptrackNative.hip_export_fhir_pain_id(e, c, buf);
            int n = 0;
            while (buf[n] != 0) n++;
            return new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /**
     * One finished session as an Observation.
     *
     * @param session the session
     * @param catalog exercise names, or null
     * @param options the FHIR options
     * @return the JSON text
     * @throws HipException {@link Status#STATE} while the session runs
     */
    public static String fhirSession(Session session, Catalog catalog, FhirOptions options) {
        try (hip_fhir_config c = Values.nonNull(options, "options").toNative()) {
            return Values.exportText((buf, len) -> HiptrackNative.hip_export_fhir_session(
                    Values.nonNull(session, "session").proxy(), catalog == null ? null : catalog.proxy(), c, buf, len));
        }
    }

    /**
     * One dated administration as a QuestionnaireResponse (linkIds are the item ids).
     *
     * @param response the administration
     * @param options  the FHIR options
     * @return the JSON text
     * @throws HipException {@link Status#INVALID} without a date
     */
    public static String fhirQuestionnaire(OutcomeResponse response, FhirOptions options) {
        try (hip_fhir_config c = Values.nonNull(options, "options").toNative()) {
            return Values.exportText((buf, len) -> HiptrackNative.hip_export_fhir_questionnaire(
                    Values.nonNull(response, "response").proxy(), c, buf, len));
        }
    }

    /**
     * One movement assessment result as an Observation (category exam, code
     * {@code urn:libhip:observation} {@code hip-rom-<motion>}, the range in degrees).
     *
     * @param result  the result
     * @param options the FHIR options
     * @return the JSON text
     * @throws HipException {@link Status#INVALID} for a bad patient or a result that
     *     {@link AssessmentHistory#add} would refuse
     */
    public static String fhirAssessment(AssessResult result, FhirOptions options) {
        try (hip_assess_result r = Values.nonNull(result, "result").toNative();
             hip_fhir_config c = Values.nonNull(options, "options").toNative()) {
            return Values.exportText((buf, len) -> HiptrackNative.hip_export_fhir_assessment(r, c, buf, len));
        }
    }

    /**
     * A Bundle of the records whose local day is in from..to.
     *
     * @param sources what to export
     * @param from    the first day, or null
     * @param to      the last day, or null
     * @param options the FHIR options
     * @return the JSON text
     * @throws HipException {@link Status#INVALID} (bad patient, from after to, an undated outcome),
     *     {@link Status#STATE} for an unfinished session
     */
    public static String fhirBundle(Sources sources, CivilDate from, CivilDate to, FhirOptions options) {
        List<AutoCloseable> owned = new ArrayList<>();
        try (hip_fhir_config c = Values.nonNull(options, "options").toNative()) {
            hip_export_sources src = sources(Values.nonNull(sources, "sources"), owned);
            return Values.exportText((buf, len) -> src.fhir_bundle(lo(from), hi(to), c, buf, len));
        } finally {
            closeAll(owned);
        }
    }

    /**
     * The pain entries of the range as CSV, one row per entry.
     *
     * @param log  the pain log
     * @param from the first day, or null
     * @param to   the last day, or null
     * @return the CSV text
     */
    public static String csvPain(PainLog log, CivilDate from, CivilDate to) {
        Sources s = new Sources();
        s.painLog = Values.nonNull(log, "log");
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            hip_export_sources src = sources(s, owned);
            return Values.exportText((buf, len) -> src.csv_pain(lo(from), hi(to), buf, len));
        } finally {
            closeAll(owned);
        }
    }

    /**
     * The finished sessions of the range as CSV, one row per set (FitNotes/Strong-like columns).
     *
     * @param sessions the sessions
     * @param catalog  exercise names, or null
     * @param from     the first day, or null
     * @param to       the last day, or null
     * @return the CSV text
     * @throws HipException {@link Status#STATE} for an unfinished session
     */
    public static String csvSessions(List<Session> sessions, Catalog catalog, CivilDate from, CivilDate to) {
        Sources s = new Sources();
        s.sessions.addAll(Values.nonNull(sessions, "sessions"));
        s.catalog = catalog;
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            hip_export_sources src = sources(s, owned);
            return Values.exportText((buf, len) -> src.csv_sessions(lo(from), hi(to), buf, len));
        } finally {
            closeAll(owned);
        }
    }

    /**
     * Replaces the log's entries with the pain Observations of an Observation or Bundle (other
     * resources are skipped); all or nothing.
     *
     * @param log  the log to fill
     * @param json the FHIR JSON
     * @throws HipException {@link Status#FORMAT} naming the field path, {@link Status#EXISTS}
     */
    public static void importFhirPain(PainLog log, String json) {
        Values.nonNull(log, "log").proxy().import_fhir_pain(Values.utf8(json, "json"));
    }

    /**
     * Replaces the log's entries with the rows of a pain CSV; all or nothing.
     *
     * @param log the log to fill
     * @param csv the CSV text
     * @throws HipException {@link Status#FORMAT} naming line and column, {@link Status#EXISTS}
     */
    public static void importCsvPain(PainLog log, String csv) {
        Values.nonNull(log, "log").proxy().import_csv_pain(Values.utf8(csv, "csv"));
    }
}
