import Foundation
@testable import PeerPath
@testable import PeerPathModel
import Testing

@Suite("Job evaluation a peer leader can defend: overrides, sensitivity, ladder checks")
struct LadderCheckTests {
    let pipeline = TestSupport.pipeline
    let fixture = TestSupport.fixture("findings.yaml")
    var assessment: Assessment { pipeline.assess(try! pipeline.load(fixture), file: fixture) }

    func findings(_ code: FindingCode, role: String) -> [Finding] {
        assessment.findings.filter { $0.code == code && $0.roleID == role }
    }

    @Test func everyEvaluationFindingCodeIsRaisedByTheFixture() {
        let raised = Set(assessment.findings.map(\.code).filter { $0.family == .evaluation })
        #expect(raised == Set(FindingCode.allCases.filter { $0.family == .evaluation }))
    }

    @Test func bandMismatchIsAnErrorAtTheExpectedBandLine() throws {
        let finding = try #require(findings(.bandMismatch, role: "mismatch").first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 37)
        #expect(finding.message == "Mismatched Role is expected at Band 5 but its duties evidence 197 points, Band 2 (161–215). First, the job as described may truly be Band 2: check the expected band against what the job is. Second, the description may leave out work the job really does. It would take one level more on each of 14 factors to reach Band 5: that is no small omission, so check the expected band first")
    }

    @Test func overridesCountAndAreCheckedAgainstTheEvidence() throws {
        let mismatch = try #require(assessment.role("mismatch"))
        let finance = try #require(mismatch.evaluation.factor(8))
        #expect(finance.level.high == 3)
        #expect(finance.evidencedLevel.high == 1)
        #expect(finance.points == 21)
        #expect(finance.override?.reason == "Signs off the training budget.")
        let above = try #require(findings(.overrideAboveEvidence, role: "mismatch").first)
        #expect(above.message.contains("factor 8 (Responsibilities for financial and physical resources) is set to level 3 but the duties evidence level 1; the override adds 16 points"))
        #expect(above.location?.line == 49)
        let below = try #require(findings(.overrideBelowEvidence, role: "mismatch").first)
        #expect(below.message.contains("factor 1 (Communication and relationship skills) is set to level 2 but the duties evidence level 3; the override gives up 9 points"))
        #expect(below.severity == .warning)
    }

    @Test func aRangeReportsBothEnds() throws {
        let mismatch = try #require(assessment.role("mismatch"))
        #expect(mismatch.evaluation.points == 197)
        #expect(mismatch.evaluation.lowestPoints == 188)
        #expect(mismatch.evaluation.lowestPlacement.band?.name == "2")
        let freedom = try #require(mismatch.evaluation.factor(12))
        #expect(freedom.level.low == 2 && freedom.level.high == 3)
        #expect(freedom.lowestPoints == 12 && freedom.points == 21)
    }

    @Test func outsideTheSchemeIsAnError() throws {
        let everything = try #require(assessment.role("everything"))
        #expect(everything.evaluation.points == 1000)
        let finding = try #require(findings(.outsideScheme, role: "everything").first)
        #expect(finding.severity == .error)
        #expect(finding.message == "Everything Role totals 1000 points, above 765, the top of Agenda for Change; no band applies")
        #expect(findings(.bandMismatch, role: "everything").isEmpty)
        #expect(everything.sensitivity.marginBelow == nil)
    }

    @Test func borderlineIsAWarningWithTheMargin() throws {
        let finding = try #require(findings(.borderline, role: "borderline").first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "Borderline Role totals 274 points, 3 above the bottom of Band 4 (271): losing 4 points drops the band")
        let entry = try #require(assessment.role("borderline"))
        #expect(entry.sensitivity.marginBelow == 3)
        #expect(entry.sensitivity.marginAbove == 51)
    }

    @Test func dropsUpTheLadderAreWarningsUnlessAReasonIsGiven() throws {
        let band = try #require(findings(.bandDrop, role: "dropper").first)
        #expect(band.message == "Dropping Role is Band 2 but Borderline Role, which leads to it, is Band 4; give the reason under 'ladder-reasons: band'")
        let factors = findings(.factorDrop, role: "dropper").map(\.message)
        #expect(factors.count == 3)
        #expect(factors.contains { $0.contains("factor 1 (Communication and relationship skills)") })
        #expect(factors.contains { $0.contains("factor 3 (") })
        #expect(factors.contains { $0.contains("factor 12 (") })
        // F16 drops too, but the pathway says why.
        #expect(!factors.contains { $0.contains("factor 16 (") })
    }

    @Test func sensitivityPerFactorAndTheFactorsWhoseDropLosesTheBand() throws {
        let entry = try #require(assessment.role("borderline"))
        // 274 with margin 3: every factor above level 1 loses the band one level down.
        #expect(entry.sensitivity.bandLosingFactors == [1, 2, 3, 12, 16])
        let knowledge = try #require(entry.sensitivity.factors.first { $0.factor == 2 })
        #expect(knowledge.down?.points == 274 - 32)
        #expect(knowledge.down?.placement.band?.name == "3")
        #expect(knowledge.up?.points == 274 + 36)
        #expect(knowledge.up?.placement.band?.name == "4")
        let physical = try #require(entry.sensitivity.factors.first { $0.factor == 5 })
        #expect(physical.down == nil)
    }

    @Test func smallestChangesToTheExpectedBand() throws {
        let entry = try #require(assessment.role("mismatch"))
        // No single change of one level reaches Band 5 (factor 2 from 4 to 8 would, but that is a
        // four-level jump the duties do not suggest); it would take one level up on 14 factors.
        #expect(entry.sensitivity.toExpected.isEmpty)
        #expect(entry.sensitivity.toExpectedSets.size == 14)
        #expect(entry.sensitivity.toExpectedSets.sets.allSatisfy { $0.placement.band?.name == "5" && $0.changes.allSatisfy { $0.steps == 1 } })
        #expect(try #require(assessment.role("borderline")).sensitivity.toExpected.isEmpty)
    }

    @Test func anOverrideWithoutAReasonIsRefused() throws {
        let text = TestSupport.read(fixture).replacingOccurrences(of: "F8: {level: 3, reason: Signs off the training budget.}", with: "F8: {level: 3}")
        do {
            _ = try pipeline.load(TestSupport.write(text))
            Issue.record("an override without a reason loaded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message.hasSuffix(":49:11: error: the override of F8 needs a written 'reason' for the panel"))
        }
    }
}

@Suite("Hand-computed cases on the shipped pathway")
struct ShippedPathwayEvaluationTests {
    let pipeline = TestSupport.pipeline
    let file = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"

    func levels(_ roleID: String) throws -> [Int] {
        let pathway = try pipeline.load(file)
        return pipeline.scheme.evaluate(try #require(pathway.role(roleID))).factors.map(\.level.high)
    }

    @Test func apprenticePeerSupportWorkerIsBand3() throws {
        // 21+60+15+15+15+9+12+12+5+9+5+12+3+12+18+7 = 230, Band 3 (216–270).
        #expect(try levels("apprentice-peer-support-worker") == [3, 3, 2, 2, 2, 2, 2, 2, 1, 2, 1, 2, 1, 3, 3, 2])
        let evaluation = pipeline.scheme.evaluate(levels: try levels("apprentice-peer-support-worker"))
        #expect(evaluation.points == 230)
        #expect(evaluation.placement.band?.name == "3")
    }

    @Test func peerSupportWorkerIsBand4() throws {
        // 32+88+27+15+15+9+12+12+5+9+5+21+3+12+18+7 = 290, Band 4 (271–325).
        #expect(try levels("peer-support-worker") == [4, 4, 3, 2, 2, 2, 2, 2, 1, 2, 1, 3, 1, 3, 3, 2])
        let evaluation = pipeline.scheme.evaluate(levels: try levels("peer-support-worker"))
        #expect(evaluation.points == 290)
        #expect(evaluation.placement.band?.name == "4")
    }

    @Test func peerLeaderIsBand7() throws {
        // 45+156+42+42+15+9+32+21+32+4+12+45+3+12+18+7 = 495, Band 7 (466–539). Factor 10 is at
        // level 1: the role writes narrative reports, which are not level 3 (formal minutes, regular
        // statistical or query reports, or keeping an information system).
        #expect(try levels("peer-leader") == [5, 6, 4, 4, 2, 2, 4, 3, 4, 1, 2, 5, 1, 3, 3, 2])
        let evaluation = pipeline.scheme.evaluate(levels: try levels("peer-leader"))
        #expect(evaluation.points == 495)
        #expect(evaluation.placement.band?.name == "7")
    }

    @Test func shippedPathwaysRaiseNoFindings() throws {
        for file in TestSupport.shippedPathways {
            let assessment = pipeline.assess(try pipeline.load(file), file: file)
            #expect(assessment.findings.isEmpty, "\(file): \(assessment.findings.map(\.line))")
            for entry in assessment.roles {
                #expect(entry.evaluation.placement.band?.name == entry.role.expectedBand)
            }
        }
    }
}
