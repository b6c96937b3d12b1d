import Foundation
import Testing
@testable import PeerPath
import PeerPathModel

@Suite("Side by side: pieces of work shared between two cores, the same results as one after the other")
struct SideBySideTests {
    /// Every piece runs once, whatever the number of pieces and however uneven, and its result
    /// comes back in its place.
    @Test func everyPieceRunsOnceAndItsResultComesBackInItsPlace() {
        for count in [0, 1, 2, 3, 17, 200] {
            let runs = RunCount(count)
            let pieces: [@Sendable () -> String] = (0..<count).map { index in
                {
                    runs.ran(index)
                    // Uneven work: every seventh piece costs far more than the others.
                    let size = index % 7 == 0 ? 20_000 : 10
                    return "\(index):\((0..<size).reduce(0, +))"
                }
            }
            let results = SideBySide.all(pieces)
            #expect(results == (0..<count).map { "\($0):\((0..<($0 % 7 == 0 ? 20_000 : 10)).reduce(0, +))" })
            #expect(runs.counts == Array(repeating: 1, count: count))
        }
    }

    /// Many callers at once, as a batch or the tests build pipelines: the second core's one thread
    /// takes their shares in turn, each caller finishes whatever is left, and every result is right.
    @Test func manyCallersAtOnceEachGetTheirOwnResults() async {
        await withTaskGroup(of: Bool.self) { group in
            for caller in 0..<16 {
                group.addTask {
                    let pieces: [@Sendable () -> Int] = (0..<50).map { index in { caller * 1_000 + index } }
                    return SideBySide.all(pieces) == (0..<50).map { caller * 1_000 + $0 }
                }
            }
            for await right in group { #expect(right) }
        }
    }

    /// The second core's jobs run one at a time, in the order given.
    @Test func theSecondCoresJobsRunInTheOrderGiven() {
        let runs = RunCount(1)
        let order = JobOrder()
        let done = DispatchSemaphore(value: 0)
        for index in 0..<100 {
            SecondCore.shared.run {
                order.add(index)
                runs.ran(0)
                if index == 99 { done.signal() }
            }
        }
        done.wait()
        #expect(order.values == Array(0..<100))
        #expect(runs.counts == [100])
    }

    private final class JobOrder: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int] = []
        func add(_ value: Int) { lock.withLock { list.append(value) } }
        var values: [Int] { lock.withLock { list } }
    }

    private final class RunCount: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int]
        init(_ count: Int) { values = Array(repeating: 0, count: count) }
        func ran(_ index: Int) { lock.withLock { values[index] += 1 } }
        var counts: [Int] { lock.withLock { values } }
    }

    /// `assess` runs the language checks beside the others: its findings must be exactly the
    /// findings of each check run in turn, in the same order (every other check, then the language).
    @Test(arguments: ["exclusionary-requirement", "factor-plan-wording", "gender-coded", "readability", "stigmatising-language"])
    func assessmentFindingsAreThoseOfTheChecksInTurn(name: String) throws {
        let file = TestSupport.fixture("language/\(name).yaml")
        let pipeline = try Pipeline(installation: TestSupport.installation, needs: .language, catalogue: TestSupport.fixture("catalogue"))
        let pathway = try pipeline.load(file)
        let assessment = pipeline.assess(pathway, file: file)
        let evaluations = Dictionary(uniqueKeysWithValues: assessment.roles.map { ($0.role.id, $0.evaluation) })
        let inTurn = LadderChecks(scheme: pipeline.scheme).findings(for: pathway, evaluations: evaluations)
            + EvidenceChecks(scheme: pipeline.scheme, cues: pipeline.cues).findings(for: pathway, evaluations: evaluations)
            + PracticeChecks().findings(for: pathway)
            + ContextChecks(defaultContext: pipeline.nationalContext).findings(for: pathway)
            + TraceChecks().findings(for: pathway, evaluations: evaluations)
            + (pipeline.language?.findings(for: pathway) ?? [])
        #expect(pipeline.language != nil)
        #expect(assessment.findings.map(\.message) == inTurn.map(\.message))
        #expect(assessment.findings.map(\.code) == inTurn.map(\.code))
        #expect(assessment.findings.contains { $0.code.family == .language })
        #expect(assessment.findings.contains { $0.code.family != .language })
    }

    /// Without the language lists there is nothing to run beside the checks: the same findings, no
    /// language ones.
    @Test func withoutTheLanguageListsNoLanguageFindings() throws {
        let file = try #require(TestSupport.shippedPathways.first)
        let pipeline = try Pipeline(installation: TestSupport.installation, needs: [])
        #expect(pipeline.language == nil)
        let findings = pipeline.assess(try pipeline.load(file), file: file).findings
        #expect(!findings.contains { $0.code.family == .language })
    }

    /// The language checks are shared out by roles: any split of the roles, the routes with the
    /// second share, gives the findings of the whole.
    @Test(arguments: ["exclusionary-requirement", "gender-coded", "stigmatising-language"])
    func languageFindingsSplitByRolesAreTheWhole(name: String) throws {
        let file = TestSupport.fixture("language/\(name).yaml")
        let pipeline = try Pipeline(installation: TestSupport.installation, needs: .language, catalogue: TestSupport.fixture("catalogue"))
        let pathway = try pipeline.load(file)
        let language = try #require(pipeline.language)
        let whole = language.findings(for: pathway).map(\.message)
        #expect(!whole.isEmpty)
        let count = pathway.roles.count
        for first in 0...count {
            let split = language.findings(for: pathway, roles: 0..<first, routes: false)
                + language.findings(for: pathway, roles: first..<count, routes: true)
            #expect(split.map(\.message) == whole, "split at \(first)")
        }
        #expect(language.findings(for: pathway, roles: 0..<count, routes: false).count <= whole.count)
    }
}
