import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Export for clinicians and research scripts (`hip_export.h`): FHIR R4 JSON and CSV, and the pain
/// entries back from both (docs/export.md).
///
/// FHIR: a pain entry is an Observation (LOINC 72514-3), a finished session an Observation with
/// the per-exercise dose in components, an outcome administration a QuestionnaireResponse plus one
/// score Observation per scored scale, a movement assessment result an Observation (category exam,
/// code `urn:libhip:observation` `hip-rom-<motion>`, the range in degrees); ``fhirBundle(_:from:to:options:)`` collects the records of a
/// date range. Ids derive from the content, so the same input gives the same text. CSV: RFC 4180
/// with a header row; free text that starts like a spreadsheet formula gets a leading `'`, which
/// the pain import removes again. Date ranges are local days, both ends included; `nil` leaves an
/// end open.
public enum Export {
    /// The kind of Bundle (`hip_fhir_bundle_type`).
    public enum BundleType: Sendable, CEnumMirror {
        /// A set of resources (default).
        case collection
        /// Each entry gets `request {PUT Type/id}`: re-sending the export updates, not duplicates.
        case transaction
    }

    /// How the 0-10 value is written (`hip_fhir_pain_value`).
    public enum PainValue: Sendable, CEnumMirror {
        /// `valueInteger` (default).
        case integer
        /// `valueQuantity` with UCUM unit "1".
        case quantity
        /// `valueCodeableConcept` with the LOINC answer code (LA6111-4 ... LA13942-0).
        case answer
    }

    /// The options of `hip_fhir_config`.
    public struct FHIROptions: Sendable {
        /// Required: `"Patient/<id>"` or `"urn:uuid:<uuid>"`.
        public var patient: String
        public var bundleType: BundleType = .collection
        public var painValue: PainValue = .integer
        /// Adds the SNOMED CT body-site coding (needs a SNOMED licence in most countries).
        public var snomedBodySite = false
        /// Indented JSON.
        public var pretty = false

        public init(patient: String) { self.patient = patient }

        func cValue() throws -> hip_fhir_config {
            var c = hip_fhir_config()
            hip_fhir_config_init(&c)
            try storeCChars(patient, into: &c.patient, field: "patient")
            c.bundle_type = hip_fhir_bundle_type(rawValue: bundleType.cValue)
            c.pain_value = hip_fhir_pain_value(rawValue: painValue.cValue)
            c.snomed_body_site = snomedBodySite ? 1 : 0
            c.pretty = pretty ? 1 : 0
            return c
        }
    }

    /// What a Bundle or CSV export reads; every part is optional.
    public struct Sources {
        public var painLog: PainLog?
        /// Finished sessions.
        public var sessions: [Session]
        /// Dated outcome administrations.
        public var outcomes: [OutcomeResponse]
        /// Exercise names for sessions.
        public var catalog: Catalog?
        /// Whether each outcome also gets its score Observations.
        public var scores: Bool
        /// Movement assessment results.
        public var assessments: [AssessResult]

        public init(painLog: PainLog? = nil, sessions: [Session] = [], outcomes: [OutcomeResponse] = [],
                    catalog: Catalog? = nil, scores: Bool = true, assessments: [AssessResult] = []) {
            self.painLog = painLog
            self.sessions = sessions
            self.outcomes = outcomes
            self.catalog = catalog
            self.scores = scores
            self.assessments = assessments
        }

        func withC<R>(_ body: (UnsafePointer<hip_export_input>) throws -> R) throws -> R {
            var results: [hip_outcome_result] = []
            var anyScored = false
            for r in outcomes {
                var res = hip_outcome_result()
                let ins = hip_outcome_response_instrument(r.handle)
                res.instrument = ins
                if scores && hip_outcome_instrument_available(ins) != 0 {
                    try hipCheck(hip_outcome_score(r.handle, &res), r.lastError)
                    anyScored = true
                }
                results.append(res)
            }
            let sessionHandles: [OpaquePointer?] = sessions.map { $0.handle }
            let outcomeHandles: [OpaquePointer?] = outcomes.map { $0.handle }
            let assessmentValues: [hip_assess_result] = assessments.map { $0.cValue }
            return try withExtendedLifetime((painLog, sessions, outcomes, catalog)) {
                try sessionHandles.withUnsafeBufferPointer { s in
                    try outcomeHandles.withUnsafeBufferPointer { o in
                      try assessmentValues.withUnsafeBufferPointer { a in
                        try results.withUnsafeBufferPointer { r in
                            var input = hip_export_input()
                            hip_export_input_init(&input)
                            input.painlog = painLog?.handle
                            input.catalog = catalog?.handle
                            input.sessions = s.baseAddress
                            input.session_count = s.count
                            input.outcomes = o.baseAddress
                            input.outcome_count = o.count
                            input.outcome_results = anyScored ? r.baseAddress : nil
                            input.assessments = a.baseAddress
                            input.assessment_count = a.count
                            return try body(&input)
                        }
                      }
                    }
                }
            }
        }
    }

    static let far: Int32 = 3_000_000   // beyond every representable day

    static func message(_ status: hip_status, _ what: String) -> String {
        switch status {
        case HIP_ERR_INVALID:
            return "\(what): invalid argument (patient must be \"Patient/<id>\" or \"urn:uuid:<uuid>\"; "
                + "from must not be after to; outcomes need a date; an assessment result must be one "
                + "AssessmentHistory.add accepts)"
        case HIP_ERR_STATE: return "\(what): a session is not finished"
        default: return "\(what) failed"
        }
    }

    /// One pain entry as an Observation.
    public static func fhirPain(_ entry: PainEntry, options: FHIROptions) throws -> String {
        var e = try entry.cValue()
        var c = try options.cValue()
        return try exportChecked("fhirPain") { buf, cap, len in hip_export_fhir_pain(&e, &c, buf, cap, len) }
    }

    /// The id the exports give an entry (a UUID; the fullUrl is `urn:uuid:` + id).
    public static func fhirPainID(_ entry: PainEntry, patient: String) throws -> String {
        var e = try entry.cValue()
        var c = try FHIROptions(patient: patient).cValue()
        var buf = [CChar](repeating: 0, count: Int(HIPTRACK_FHIR_ID_CAP))
        let status = buf.withUnsafeMutableBufferPointer { hip_export_fhir_pain_id(&e, &c, $0.baseAddress, $0.count) }
        try hipCheck(status, message(status, "fhirPainID"))
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// One finished session as an Observation (``HipError/Code/state`` while it runs).
    public static func fhirSession(_ session: Session, catalog: Catalog? = nil, options: FHIROptions) throws -> String {
        var c = try options.cValue()
        return try withExtendedLifetime((session, catalog)) {
            try exportChecked("fhirSession") { buf, cap, len in
                hip_export_fhir_session(session.handle, catalog?.handle, &c, buf, cap, len)
            }
        }
    }

    /// One dated administration as a QuestionnaireResponse (linkIds are the item ids).
    public static func fhirQuestionnaire(_ response: OutcomeResponse, options: FHIROptions) throws -> String {
        var c = try options.cValue()
        return try withExtendedLifetime(response) {
            try exportChecked("fhirQuestionnaire") { buf, cap, len in
                hip_export_fhir_questionnaire(response.handle, &c, buf, cap, len)
            }
        }
    }

    /// One movement assessment result as an Observation (``HipError/Code/invalid`` for a result
    /// that ``AssessmentHistory/add(_:)`` would refuse).
    public static func fhirAssessment(_ result: AssessResult, options: FHIROptions) throws -> String {
        var r = result.cValue
        var c = try options.cValue()
        return try exportChecked("fhirAssessment") { buf, cap, len in hip_export_fhir_assessment(&r, &c, buf, cap, len) }
    }

    /// A Bundle of the records whose local day is in `from ... to`.
    public static func fhirBundle(_ sources: Sources, from: CivilDate? = nil, to: CivilDate? = nil,
                                  options: FHIROptions) throws -> String {
        var c = try options.cValue()
        let lo = from?.dayNumber ?? -far, hi = to?.dayNumber ?? far
        return try sources.withC { input in
            try exportChecked("fhirBundle") { buf, cap, len in hip_export_fhir_bundle(input, lo, hi, &c, buf, cap, len) }
        }
    }

    /// The pain entries of the range as CSV, one row per entry.
    public static func csvPain(_ log: PainLog, from: CivilDate? = nil, to: CivilDate? = nil) throws -> String {
        let lo = from?.dayNumber ?? -far, hi = to?.dayNumber ?? far
        return try Sources(painLog: log).withC { input in
            try exportChecked("csvPain") { buf, cap, len in hip_export_csv_pain(input, lo, hi, buf, cap, len) }
        }
    }

    /// The finished sessions of the range as CSV, one row per set (FitNotes/Strong-like columns).
    public static func csvSessions(_ sessions: [Session], catalog: Catalog? = nil, from: CivilDate? = nil,
                                   to: CivilDate? = nil) throws -> String {
        let lo = from?.dayNumber ?? -far, hi = to?.dayNumber ?? far
        return try Sources(sessions: sessions, catalog: catalog).withC { input in
            try exportChecked("csvSessions") { buf, cap, len in hip_export_csv_sessions(input, lo, hi, buf, cap, len) }
        }
    }

    /// Replaces the log's entries with the pain Observations of an Observation or Bundle (other
    /// resources are skipped); all or nothing, ``HipError/Code/format`` naming the field path.
    public static func importFHIRPain(into log: PainLog, _ json: String) throws {
        let status = withJSONBytes(Data(json.utf8)) { hip_export_import_fhir_pain(log.handle, $0, $1) }
        try hipCheck(status, log.lastError)
    }

    /// Replaces the log's entries with the rows of a pain CSV; all or nothing,
    /// ``HipError/Code/format`` naming line and column.
    public static func importCSVPain(into log: PainLog, _ csv: String) throws {
        let status = withJSONBytes(Data(csv.utf8)) { hip_export_import_csv_pain(log.handle, $0, $1) }
        try hipCheck(status, log.lastError)
    }

    static func exportChecked(_ what: String,
                              _ call: (UnsafeMutablePointer<CChar>?, Int, UnsafeMutablePointer<Int>) -> hip_status) throws -> String {
        var length = 0
        let first = call(nil, 0, &length)
        try hipCheck(first, message(first, what))
        var buffer = [CChar](repeating: 0, count: length + 1)
        let second = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress, $0.count, &length) }
        try hipCheck(second, message(second, what))
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
