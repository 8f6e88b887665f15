import XCTest
import Foundation
import CHiptrack
@testable import Hiptrack

final class AssessmentTests: XCTestCase {
    static let g = 9.80665

    /// A standing thigh abducted by `angle` degrees (sensor = thigh frame), 50 Hz.
    func stream(_ angle: Double) -> [(Int64, [Float])] {
        var out: [(Int64, [Float])] = []
        var prev = 0.0
        for i in 0..<400 {
            let s = Double(i) / 50
            let u = 0.5 - 0.5 * cos(Double.pi * min(max((s - 2) / 2, 0), 1))
            let d = 0.5 - 0.5 * cos(Double.pi * min(max((s - 5) / 2, 0), 1))
            let th = angle * Double.pi / 180 * (u - d)
            let w = i == 0 ? 0 : (th - prev) * 50
            prev = th
            out.append((Int64(i) * 20_000_000, [0, Float(Self.g * sin(th)), Float(Self.g * cos(th)), Float(w), 0, 0]))
        }
        return out
    }

    func testImuKnownAbduction() throws {
        let day = try CivilDate("2026-11-02")
        let a = try Assessment(motion: .abduction, side: .right, day: day)
        XCTAssertEqual(a.state, .waiting)
        XCTAssertNil(a.currentDegrees)
        XCTAssertNil(try a.result())
        var seen: [AssessState] = []
        for (t, x) in stream(35) where a.state < .done {
            try a.push(time: t, imu: x)
            if seen.last != a.state { seen.append(a.state) }
        }
        XCTAssertEqual(seen, [.waiting, .calibrating, .ready, .moving, .held, .done])
        let r = try XCTUnwrap(try a.result())
        XCTAssertEqual(r.rangeDegrees, 35, accuracy: 1)
        XCTAssertEqual(r.day, day)
        XCTAssertEqual(r.compensations, [])
        XCTAssertEqual(try r.compare(to: .aaos).band, .reduced)
        assertHipError(.state, "reset") { try a.push(time: 9_000_000_000, imu: [0, 0, 9.8, 0, 0, 0]) }
    }

    func testErrors() throws {
        assertHipError(.invalid, "move_deg: expected 2..30") {
            try Assessment(motion: .flexion, side: .left) { $0.move_deg = 1 }
        }
        let a = try Assessment(motion: .flexion, side: .left)
        try a.push(time: 100, imu: [0, 0, 9.8, 0, 0, 0])
        assertHipError(.range, "t_ns") { try a.push(time: 100, imu: [0, 0, 9.8, 0, 0, 0]) }
        assertHipError(.range, "sample[2]") { try a.push(time: 200, imu: [0, 0, .nan, 0, 0, 0]) }
        assertHipError(.invalid, "6 values") { try a.push(time: 300, imu: [0, 0, 9.8]) }
        assertHipError(.state, "IMU samples") { try a.push(time: 400, angles: AssessAngles(hipFlexion: 3)) }
        try a.finish()
        XCTAssertEqual(a.failure, .noStillness)
        assertHipError(.state, "no_stillness") { try a.result() }
        try a.reset()
        XCTAssertEqual(a.state, .waiting)
    }

    func testPoseAnglesAndKeypoints() throws {
        let a = try Assessment(motion: .flexion, side: .left, source: .pose)
        for i in 0..<240 where a.state < .done {
            let s = Double(i) / 30
            let u = 0.5 - 0.5 * cos(Double.pi * min(max((s - 2) / 2, 0), 1))
            let d = 0.5 - 0.5 * cos(Double.pi * min(max((s - 5) / 2, 0), 1))
            try a.push(time: Int64(i) * 33_333_333,
                       angles: AssessAngles(hipFlexion: 4 + 70 * (u - d), trunkLeanSagittal: -12 * (u - d) * (u - d)))
        }
        let r = try XCTUnwrap(try a.result())
        XCTAssertEqual(r.startDegrees, 4, accuracy: 0.5)
        XCTAssertEqual(r.rangeDegrees, 70, accuracy: 1.5)
        XCTAssertEqual(r.compensations, .trunkLean)
        // Keypoints go through hip_pose: a skeleton without joints is a frame without angles.
        let b = try Assessment(motion: .flexion, side: .left, source: .pose)
        var pc = hip_pose_angles_config()
        hip_pose_angles_config_init(&pc, HIP_SKELETON_HIPTRACK, 3)
        let empty = [hip_keypoint](repeating: hip_keypoint(), count: Int(HIPTRACK_JOINT_COUNT))
        try b.push(time: 0, keypoints: empty, poseConfig: pc)
        XCTAssertEqual(b.state, .waiting)
        assertHipError(.invalid, "count: expected 18") { try b.push(time: 1, keypoints: Array(empty.prefix(3)), poseConfig: pc) }
    }

    func testNormalsHistoryJSON() throws {
        let day = try CivilDate("2026-11-02")
        let ir = AssessResult(motion: .internalRotation, side: .left, day: day, rangeDegrees: 30)
        XCTAssertEqual(try ir.compare().band, .markedlyReduced)
        XCTAssertEqual(try ir.compare(to: .conservative).percentOfNormal, 100, accuracy: 1e-9)
        var mine = RomNormals.aaos
        mine.normalDegrees[.internalRotation] = 35
        mine.source = "clinic"
        XCTAssertEqual(try ir.compare(to: mine).band, .reduced)
        mine.normalDegrees[.internalRotation] = 0
        assertHipError(.range) { try ir.compare(to: mine) }
        let later = AssessResult(motion: .internalRotation, side: .left, day: try day.adding(days: 30), rangeDegrees: 38)
        XCTAssertEqual(try later.change(since: ir), 8, accuracy: 1e-9)
        assertHipError(.invalid) { try later.change(since: AssessResult(motion: .flexion, side: .left, day: day, rangeDegrees: 1)) }

        let h = try AssessmentHistory()
        try h.add(later)
        try h.add(ir)
        XCTAssertEqual(Array(h), [ir, later])
        XCTAssertEqual(h.latest(.internalRotation, side: .left), later)
        XCTAssertNil(h.latest(.internalRotation, side: .right))
        XCTAssertEqual(try XCTUnwrap(h.change(.internalRotation, side: .left)), 8, accuracy: 1e-9)
        XCTAssertNil(h.change(.flexion, side: .left))
        var bad = ir
        bad.quality = 3
        assertHipError(.invalid, "result.quality") { try h.add(bad) }
        let json = try h.exportJSON()
        XCTAssertTrue(json.contains("\"format\": \"hiptrack.assessment\""))
        let g = try AssessmentHistory(json: json)
        XCTAssertEqual(Array(g), Array(h))
        assertHipError(.format, "assessments[0].range_deg") {
            try g.importJSON(json.replacingOccurrences(of: "\"range_deg\": 30", with: "\"range_deg\": 31"))
        }
        XCTAssertEqual(g.count, 2)
    }

    func testProgressionRuleOnRom() throws {
        let d0 = try CivilDate("2026-11-02")
        let program = try Program()
        try program.begin(effective: d0, sessionsPerWeek: 3)
        var rx = Prescription(exerciseId: "standing_march")
        rx.side = .left
        try program.add(rx)
        try program.commit()
        let rules = try RuleSet(text: "rule rom_ready when rom_flexion_pct >= 75 then reps +2 max 15 say \"flexion is back\"\n")
        let h = try AssessmentHistory()
        try h.add(AssessResult(motion: .flexion, side: .left, day: try d0.adding(days: 3), rangeDegrees: 84))
        var hist = ProgressionHistory(program: program, assessments: h)
        XCTAssertNil(try rules.evaluate(hist, on: try d0.adding(days: 4), exercise: 0).ruleId)
        try h.add(AssessResult(motion: .flexion, side: .left, day: try d0.adding(days: 10), rangeDegrees: 96))
        let d = try rules.evaluate(hist, on: try d0.adding(days: 10), exercise: 0)
        XCTAssertEqual(d.ruleId, "rom_ready")
        XCTAssertEqual(d.after.reps, 12)
        XCTAssertEqual(d.inputs.first?.metric, "rom_flexion_pct")
        XCTAssertEqual(try XCTUnwrap(d.inputs.first?.value), 80, accuracy: 1e-9)
        var normals = RomNormals.aaos
        normals.normalDegrees[.flexion] = 140
        hist.romNormals = normals
        XCTAssertNil(try rules.evaluate(hist, on: try d0.adding(days: 10), exercise: 0).ruleId)
    }
}
