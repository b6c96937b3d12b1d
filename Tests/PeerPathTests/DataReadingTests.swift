import Foundation
import Testing
@testable import PeerPath
import PeerPathModel

/// peerpath's data read on a thread of its own, started before the command line is parsed for the
/// commands run by hand: the same pipeline, the same findings, the same errors, and a reading taken
/// only by a pipeline built for what it was started for.
@Suite("Reading peerpath's data early and beside the pathway")
struct DataReadingTests {
    static let everyCheck: Set<FindingCode.Family> = [.evaluation, .evidence, .practice, .trace, .language]

    /// What a pipeline makes of a file, as the evaluation and the checks report it, or its error.
    static func report(_ file: String, installation: Installation = TestSupport.installation, early: Bool) -> String {
        TestSupport.reports(file) { () throws(PeerPathError) in
            if early { Pipeline.readEarly(installation: installation, needs: .language, checks: everyCheck) }
            return try Pipeline(installation: installation, needs: .language, checks: everyCheck, readingAhead: file)
        }
    }

    @Test(arguments: TestSupport.shippedPathways)
    func readEarlyTheReportsAreTheSame(file: String) {
        let early = Self.report(file, early: true)
        #expect(early.contains("Band"))
        #expect(early == Self.report(file, early: false))
    }

    /// A reading is handed over once, and only for the purpose it was started for. (Its data folder
    /// is one no other test uses, so no pipeline built meanwhile takes it.)
    @Test func aReadingIsTakenOnlyForItsPurposeAndOnce() {
        let installation = Installation(root: TestSupport.temporaryFolder())
        let purpose = DataReading.Purpose(root: installation.root, needs: .language, checks: [.language])
        let early = DataReading.startEarly(installation, purpose: purpose)
        for other in [DataReading.Purpose(root: installation.root, needs: [], checks: [.language]),
                      DataReading.Purpose(root: installation.root, needs: .language, checks: Self.everyCheck),
                      DataReading.Purpose(root: installation.root + "/", needs: .language, checks: [.language])] {
            #expect(DataReading.take(installation, purpose: other) !== early)
        }
        #expect(DataReading.take(installation, purpose: purpose) === early)
        #expect(DataReading.take(installation, purpose: purpose) !== early)
    }

    /// A data folder with a broken file: the same message whether its data was read early or not,
    /// and before the pathway's own errors.
    @Test(arguments: ["data/agenda-for-change.yaml", "data/evidence-cues.yaml", "data/language/stigmatising.yaml"])
    func aBrokenDataFileGivesTheSameErrorReadEarly(broken: String) throws {
        let root = TestSupport.temporaryFolder()
        for folder in ["data", "templates"] {
            try FileManager.default.copyItem(atPath: "\(TestSupport.repository)/\(folder)", toPath: "\(root)/\(folder)")
        }
        try "roles: [\n".write(toFile: "\(root)/\(broken)", atomically: true, encoding: .utf8)
        let pathway = TestSupport.write("pathway: [\n")
        let installation = Installation(root: root)
        let early = Self.report(pathway, installation: installation, early: true)
        #expect(early.hasPrefix("error 70: "))
        #expect(early.contains(broken.split(separator: "/").last.map(String.init) ?? broken))
        #expect(early == Self.report(pathway, installation: installation, early: false))
    }

    /// The word lists are read a file at a time by either thread; with two broken, the error is the
    /// one reading them in their named order meets first (stigmatising, gender-coded, factor plan,
    /// criteria), whichever thread read which.
    @Test func twoBrokenWordListsGiveTheFirstInTheirOrder() throws {
        let root = TestSupport.temporaryFolder()
        for folder in ["data", "templates"] {
            try FileManager.default.copyItem(atPath: "\(TestSupport.repository)/\(folder)", toPath: "\(root)/\(folder)")
        }
        for broken in ["criteria.yaml", "factor-plan.yaml"] {
            try "phrases: [\n".write(toFile: "\(root)/data/language/\(broken)", atomically: true, encoding: .utf8)
        }
        for _ in 0..<5 {
            let report = Self.report(TestSupport.shippedPathways[0], installation: Installation(root: root), early: false)
            #expect(report.hasPrefix("error 70: "))
            #expect(report.contains("factor-plan.yaml"))
            #expect(!report.contains("criteria.yaml"))
        }
    }

    /// The pathway loaded beside the word lists is handed over for its own file only.
    @Test func thePathwayLoadedAheadIsHandedOverForItsOwnFileOnly() throws {
        let files = TestSupport.shippedPathways
        try #require(files.count >= 2)
        let pipeline = try Pipeline(installation: TestSupport.installation, needs: [], checks: [.trace], readingAhead: files[0])
        #expect(pipeline.preloaded?.file == files[0])
        #expect(try pipeline.load(files[1]).id != pipeline.load(files[0]).id)
        #expect(try pipeline.load(files[1]).id == Pipeline(installation: TestSupport.installation, needs: []).load(files[1]).id)
    }

    /// Margins are worked out with the evaluation when the command reports them, else when first
    /// asked for: the same either way.
    @Test(arguments: TestSupport.shippedPathways)
    func marginsAreTheSameWorkedOutLater(file: String) throws {
        let now = try Pipeline(installation: TestSupport.installation, needs: .margins)
        let later = try Pipeline(installation: TestSupport.installation, needs: [])
        let a = now.assess(try now.load(file), file: file)
        let b = later.assess(try later.load(file), file: file)
        for (x, y) in zip(a.roles, b.roles) {
            #expect(x.sensitivity.marginBelow == y.sensitivity.marginBelow)
            #expect(x.sensitivity.marginAbove == y.sensitivity.marginAbove)
            #expect(x.sensitivity.pointsToNextBand == y.sensitivity.pointsToNextBand)
            #expect(x.sensitivity.pointsToLoseBand == y.sensitivity.pointsToLoseBand)
            #expect(x.sensitivity.bandLosingFactors == y.sensitivity.bandLosingFactors)
            #expect(x.sensitivity.factors.count == y.sensitivity.factors.count)
        }
        #expect(a.roles.count == b.roles.count)
    }
}

/// The data folder is picked out of the command line to start reading early: however `--share`
/// is written, and wherever it stands, the output and the exit code are those of the usual form.
@Suite("Reading early from the command line", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct EarlyReadingCommandLineTests {
    @Test(arguments: [["check"], ["lint"], ["evaluate"], ["trace", "--role", "peer-leader"]])
    func theDataFolderWrittenAnyWayGivesTheSameOutput(command: [String]) throws {
        let file = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"
        let usual = try PeerPathProcess(command + [file])
        #expect(!usual.stdout.isEmpty)
        for share in [["--share=\(TestSupport.repository)"], ["--share", TestSupport.repository],
                      ["--share", "/nowhere", "--share", TestSupport.repository]] {
            let run = try PeerPathProcess([command[0]] + share + Array(command.dropFirst()) + [file], share: false)
            #expect(run.stdout == usual.stdout, "\(share)")
            #expect(run.status == usual.status)
            #expect(run.stderr == usual.stderr)
        }
    }
}
