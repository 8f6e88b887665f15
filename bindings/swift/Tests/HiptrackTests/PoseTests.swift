import XCTest
import Foundation
@testable import Hiptrack
import CHiptrack

final class PoseTests: XCTestCase {
    /// A side-view squat frame in the hiptrack layout, 2-D (x forwards, y up); depth 0...1.
    static func squatFrame(_ depth: Double) -> [Keypoint] {
        let hip = 95 * depth * .pi / 180, knee = 105 * depth * .pi / 180, lean = (10 + 25 * depth) * .pi / 180
        let ax = 0.0, ay = 0.08, shank = knee - hip
        let kx = ax + 0.42 * sin(shank), ky = ay + 0.42 * cos(shank)
        let a = hip - lean
        let hx = kx - 0.45 * sin(a), hy = ky + 0.45 * cos(a)
        let sx = hx + 0.5 * sin(lean), sy = hy + 0.5 * cos(lean)
        var p = [(Double, Double)](repeating: (0, 0), count: 18)
        p[0] = (hx, hy)
        p[1] = ((hx + sx) / 2, (hy + sy) / 2)
        p[2] = (sx, sy)
        p[3] = (sx + 0.2 * sin(lean), sy + 0.2 * cos(lean))
        for s in 0..<2 {
            let off = Double(s) * 0.01
            p[4 + s] = (sx - off, sy)
            p[6 + s] = (sx + 0.05, sy - 0.28)
            p[8 + s] = (sx + 0.3, sy - 0.28)
            p[10 + s] = (hx - off, hy)
            p[12 + s] = (kx - off, ky)
            p[14 + s] = (ax - off, ay)
            p[16 + s] = (ax + 0.13 - off, ay - 0.02)
        }
        return p.map { Keypoint(x: Float($0.0), y: Float($0.1)) }
    }

    static func stream(reps: Int) -> ([Int64], [Keypoint]) {
        let fps = 30.0
        let n = Int((1.5 + Double(reps) * 4) * fps)
        var t: [Int64] = []
        var k: [Keypoint] = []
        for i in 0..<n {
            let u = Double(i) / fps - 1.5
            var depth = 0.0
            if u > 0, u < Double(reps) * 4, u.truncatingRemainder(dividingBy: 4) < 2.5 {
                depth = 0.5 - 0.5 * cos(2 * .pi * u.truncatingRemainder(dividingBy: 4) / 2.5)
            }
            t.append(1_000_000_000 + Int64(i) * 1_000_000_000 / 30)
            k += squatFrame(depth)
        }
        return (t, k)
    }

    func testTables() throws {
        XCTAssertEqual(Skeleton.mediapipePose33.jointCount, 33)
        XCTAssertEqual(Skeleton.hiptrack.jointNames[10], "hip_l")
        XCTAssertEqual(Skeleton.coco17.index(of: .kneeR), 14)
        XCTAssertNil(Skeleton.coco17.index(of: .pelvis))
        XCTAssertEqual(Skeleton.appleVision2D.jointNames[Skeleton.appleVision2D.index(of: .pelvis)!], "root")
        for s in Skeleton.allCases {
            XCTAssertEqual(String(cString: hip_pose_skeleton_name(hip_skeleton(rawValue: s.cValue))), s.rawValue)
        }
        for a in PoseAngle.allCases {
            XCTAssertEqual(String(cString: hip_pose_angle_name(hip_pose_angle(rawValue: a.cValue))), a.rawValue)
        }
        for n in PoseNeed.allCases {
            XCTAssertEqual(String(cString: hip_pose_need_name(hip_pose_need(rawValue: n.cValue))), n.rawValue)
        }
        XCTAssertEqual(PoseFlags([.kneeValgus, .asymmetry]).names, ["knee_valgus", "asymmetry"])
        let catalog = try Catalog()
        XCTAssertEqual(try PoseNeed(exercise: catalog.require("squat")), .side)
        XCTAssertEqual(try PoseNeed(exercise: catalog.require("standing_hip_abduction")), .front)
        XCTAssertEqual(try PoseNeed(exercise: catalog.require("clamshell")), .threeD)
        XCTAssertEqual(try PoseNeed(exercise: catalog.require("walking")), .untrackable)
    }

    func testAngles() throws {
        var config = PoseAnglesConfiguration(skeleton: .hiptrack, dimensions: 2)
        config.view = .side
        let a = try config.angles(Self.squatFrame(1))
        XCTAssertEqual(a[.hipFlexionL]!, 95, accuracy: 0.5)
        XCTAssertEqual(a[.kneeFlexionL]!, 70, accuracy: 0.5)   // 105 - 35 of trunk lean in this chain
        XCTAssertEqual(a[.trunkLeanSagittal]!, 35, accuracy: 0.5)
        XCTAssertNil(a[.pelvicObliquity])
        XCTAssertEqual(a.view, .side)
        assertHipError(.invalid) { try config.angles(Array(Self.squatFrame(0).prefix(17))) }
        config.xScale = 0
        assertHipError(.invalid, "x_scale") { try config.angles(Self.squatFrame(0)) }
    }

    func testCounterCountsAndChunks() throws {
        let (t, k) = Self.stream(reps: 4)
        let counter = try PoseRepCounter(skeleton: .hiptrack, dimensions: 2)
        XCTAssertNil(counter.lastAngles())
        var all = try counter.push(times: t, keypoints: k)
        all += try counter.finish()
        XCTAssertEqual(all.count, 4)
        XCTAssertEqual(all[0].poseFlags, [])
        XCTAssertEqual(all[0].trunkLeanMaxDegrees!, 35, accuracy: 3)
        XCTAssertNil(all[0].pelvicChangeMaxDegrees)
        XCTAssertNotNil(counter.lastAngles()?.signal)

        let squat = try Catalog().require("squat")
        let chunked = try PoseRepCounter(skeleton: .hiptrack, dimensions: 2, exercise: squat)
        var got: [PoseRepEvent] = []
        var i = 0
        while i < t.count {
            let n = min(13, t.count - i)
            got += try chunked.push(times: Array(t[i..<i + n]), keypoints: Array(k[i * 18..<(i + n) * 18]))
            i += n
        }
        got += try chunked.finish()
        XCTAssertEqual(got.map(\.rep.endNs), all.map(\.rep.endNs))
        try chunked.reset()
        XCTAssertNil(chunked.lastAngles())
    }

    func testErrors() throws {
        let walking = try Catalog().require("walking")
        assertHipError(.unsupported) { try PoseRepCounter(skeleton: .coco17, dimensions: 2, exercise: walking) }
        assertHipError(.invalid, "dims") { try PoseRepCounter(skeleton: .hiptrack, dimensions: 5) }
        let counter = try PoseRepCounter(skeleton: .hiptrack, dimensions: 2)
        assertHipError(.invalid) { try counter.push(times: [1, 2], keypoints: Self.squatFrame(0)) }
        _ = try counter.push(times: [5], keypoints: Self.squatFrame(0))
        assertHipError(.range, "t_ns") { try counter.push(times: [5], keypoints: Self.squatFrame(0)) }
    }
}
