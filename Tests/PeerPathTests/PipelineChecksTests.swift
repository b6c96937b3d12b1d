import Foundation
@testable import PeerPath
import PeerPathLoading
import PeerPathModel
import Testing

/// A pipeline runs, and reads the data of, only the checks whose findings its command reports:
/// `evaluate` the job evaluation's and the evidence's, `trace` the trace's, `lint` the language
/// checks'. What they report is what the full checks gave.
@Suite("Pipeline checks: only the families a command reports, with the same findings")
struct PipelineChecksTests {
    static let all: Set<FindingCode.Family> = [.evaluation, .evidence, .practice, .trace, .language]

    /// A share folder like the repository's whose evidence cues and national context cannot be read.
    static func shareWithBrokenCheckData() throws -> Installation {
        let root = TestSupport.temporaryFolder()
        let manager = FileManager.default
        for top in ["templates", "schemas", "pathways"] {
            try manager.createSymbolicLink(atPath: (root as NSString).appendingPathComponent(top),
                                           withDestinationPath: (TestSupport.repository as NSString).appendingPathComponent(top))
        }
        try manager.copyItem(atPath: (TestSupport.repository as NSString).appendingPathComponent("data"),
                             toPath: (root as NSString).appendingPathComponent("data"))
        try "factors: [\n".write(toFile: (root as NSString).appendingPathComponent("data/evidence-cues.yaml"), atomically: true, encoding: .utf8)
        return Installation(root: root)
    }

    @Test func traceAndLintReadNoEvidenceCues() throws {
        let installation = try Self.shareWithBrokenCheckData()
        #expect(throws: PeerPathError.self) { try Pipeline(installation: installation, needs: []) }
        let trace = try Pipeline(installation: installation, needs: [], checks: [.trace])
        #expect(trace.cues.levels.isEmpty && trace.nationalContext == nil)
        let lint = try Pipeline(installation: installation, needs: .language, checks: [.language])
        #expect(lint.cues.levels.isEmpty && lint.nationalContext == nil)
        let full = try Pipeline(installation: TestSupport.installation, needs: [])
        #expect(!full.cues.levels.isEmpty && full.nationalContext != nil)
    }

    /// Every fixture pathway: between them they have findings of every family.
    static var fixturePathways: [String] {
        let names = ["findings.yaml", "two-roles.yaml", "evidence/over-claimed.yaml"]
            + ["language", "practice"].flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture(folder))) ?? []).sorted().map { "\(folder)/\($0)" }
            }
        return names.filter { $0.hasSuffix(".yaml") }.map(TestSupport.fixture)
    }

    @Test func theReportedFamiliesGiveTheSameFindings() throws {
        let catalogue = TestSupport.fixture("catalogue")
        let full = try Pipeline(installation: TestSupport.installation, needs: .language, catalogue: catalogue, checks: Self.all)
        let language = try Pipeline(installation: TestSupport.installation, needs: .language, catalogue: catalogue, checks: [.language])
        let trace = try Pipeline(installation: TestSupport.installation, needs: [], catalogue: catalogue, checks: [.trace])
        let evaluation = try Pipeline(installation: TestSupport.installation, needs: [], catalogue: catalogue, checks: EvaluationReport.families)
        #expect(evaluation.nationalContext == nil && !evaluation.cues.levels.isEmpty)
        var families: Set<FindingCode.Family> = []
        for file in Self.fixturePathways {
            let all = full.assess(try full.load(file), file: file)
            families.formUnion(all.findings.map(\.code.family))
            let lint = language.assess(try language.load(file), file: file)
            #expect(lint.findings.map(\.lines) == all.findings.filter { $0.code.family == .language }.map(\.lines))
            #expect(CheckReport(assessment: lint, families: [.language]).json() == CheckReport(assessment: all, families: [.language]).json())
            let traced = trace.assess(try trace.load(file), file: file)
            #expect(traced.findings.map(\.lines) == all.findings.filter { $0.code.family == .trace }.map(\.lines))
            for role in all.roles.map(\.role.id) {
                #expect(TraceReport(assessment: traced, roleID: role).text() == TraceReport(assessment: all, roleID: role).text())
            }
            let evaluated = evaluation.assess(try evaluation.load(file), file: file)
            #expect(EvaluationReport(assessment: evaluated, scheme: evaluation.scheme, roleID: nil).text()
                    == EvaluationReport(assessment: all, scheme: full.scheme, roleID: nil).text())
            #expect(EvaluationReport(assessment: evaluated, scheme: evaluation.scheme, roleID: nil).json()
                    == EvaluationReport(assessment: all, scheme: full.scheme, roleID: nil).json())
        }
        // Findings of every family were among those compared, so the comparison could fail.
        #expect(families == Self.all)
        #expect(Self.fixturePathways.count > 20)
    }
}
