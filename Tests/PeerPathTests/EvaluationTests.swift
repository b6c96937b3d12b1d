import PeerPathLoading
import PeerPathModel
import Testing

@Suite("Evaluating a role from its duties and environment")
struct EvaluationTests {
    let scheme = TestSupport.scheme
    let pathway = try! PathwayLoader(scheme: TestSupport.scheme).load(file: TestSupport.fixture("two-roles.yaml"))

    @Test func levelIsTheHighestEvidencedAndKeepsTheSubLevel() throws {
        let evaluation = scheme.evaluate(try #require(pathway.role("peer-worker")))
        let communication = try #require(evaluation.factor(1))
        #expect(communication.level.high == 4)
        #expect(communication.level.subLevel == "a")
        #expect(communication.points == 32)
        #expect(communication.evidence == [.duty(DutyNumber(area: 1, item: 1))])
    }

    @Test func evidenceListsEveryDutyReachingTheLevel() throws {
        let evaluation = scheme.evaluate(try #require(pathway.role("peer-worker")))
        #expect(evaluation.factor(6)?.evidence == [.duty(DutyNumber(area: 1, item: 1)), .duty(DutyNumber(area: 1, item: 2))])
        #expect(evaluation.factor(4)?.evidence == [.duty(DutyNumber(area: 2, item: 1))])
    }

    @Test func environmentFactsEvidenceLevels() throws {
        let evaluation = scheme.evaluate(try #require(pathway.role("peer-worker")))
        #expect(evaluation.factor(15)?.level.high == 3)
        #expect(evaluation.factor(15)?.evidence == [.environment(1)])
    }

    @Test func nothingEvidencedMeansLevelOne() throws {
        let evaluation = scheme.evaluate(try #require(pathway.role("peer-worker")))
        let research = try #require(evaluation.factor(11))
        #expect(research.level.high == 1)
        #expect(research.points == 5)
        #expect(research.evidence.isEmpty)
    }

    @Test func totalIsTheSumOfFactorPoints() throws {
        // Level 1 everywhere is 86; F1 4a +27, F4 2 +9, F6 2 +5, F10 2 +5, F15 3 +13.
        let evaluation = scheme.evaluate(try #require(pathway.role("peer-worker")))
        #expect(evaluation.points == 145)
        #expect(evaluation.points == evaluation.factors.reduce(0) { $0 + $1.points })
        #expect(evaluation.placement.band?.name == "1")
    }

    @Test func aRangeCountsAtItsUpperEndAndIsKept() throws {
        let evaluation = scheme.evaluate(try #require(pathway.role("lead")))
        let freedom = try #require(evaluation.factor(12))
        #expect(freedom.level == LevelClaim(low: 2, high: 3))
        #expect(freedom.points == 21)
    }

    @Test func dutiesAreNumberedByAreaInOrderOfFirstAppearance() throws {
        let areas = try #require(pathway.role("peer-worker")).dutyAreas
        #expect(areas.map(\.name) == ["Working alongside people", "Groups"])
        #expect(areas.flatMap(\.duties).map(\.number.description) == ["1.1", "1.2", "2.1"])
    }

    @Test(arguments: ["3", "4a", "2-3"])
    func levelClaimsReadBack(_ text: String) throws {
        #expect(try #require(LevelClaim(parsing: text)).description == text)
    }

    @Test(arguments: ["", "a", "4ab", "3-2", "0", "4A", "2-", "-3", "x-y"])
    func malformedLevelClaimsAreRefused(_ text: String) {
        #expect(LevelClaim(parsing: text) == nil)
    }
}
