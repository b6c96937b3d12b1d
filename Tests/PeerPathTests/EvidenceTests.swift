import Foundation
@testable import PeerPath
@testable import PeerPathDocuments
@testable import PeerPathModel
import Testing

@Suite("Evidence a panel can trust: claims against words, the person specification, honest sensitivity")
struct EvidenceTests {
    let pipeline = TestSupport.pipeline
    let fixture = TestSupport.fixture("evidence/over-claimed.yaml")
    var assessment: Assessment { pipeline.assess(try! pipeline.load(fixture), file: fixture) }
    var scheme: Scheme { pipeline.scheme }

    func shipped() -> [Assessment] {
        TestSupport.shippedPathways.map { pipeline.assess(try! pipeline.load($0), file: $0) }
    }

    // MARK: evidence-unsupported: calibration

    @Test func overClaimedDutiesAreCaughtAtTheMeasuredRate() throws {
        let assessment = self.assessment
        let role = try #require(assessment.role("over-claimer")).role
        let duties = role.dutyAreas.flatMap(\.duties)
        #expect(duties.count == 27)
        let flagged = Set(assessment.findings.filter { $0.code == .evidenceUnsupported && $0.roleID == role.id }.compactMap { $0.location?.line })
        let hits = duties.map { duty in duty.duty.evidence.contains { flagged.contains($0.location?.line ?? -1) } }
        // 21 of 27 (78%); 21 of the 23 on factors with cues (91%); none of the 4 on factors without cues.
        #expect(hits.prefix(21).allSatisfy { $0 })
        #expect(hits.suffix(6).allSatisfy { !$0 })
        #expect(hits.filter { $0 }.count == 21)
    }

    @Test func noShippedClaimIsUnsupported() {
        var claims = 0
        for assessment in shipped() {
            for entry in assessment.roles {
                claims += entry.role.duties.reduce(0) { $0 + $1.evidence.count } + entry.role.environment.reduce(0) { $0 + $1.evidence.count }
            }
            #expect(assessment.findings.filter { $0.code == .evidenceUnsupported }.isEmpty)
        }
        #expect(claims > 300)
    }

    @Test func theUnsupportedMessageQuotesTheDutyAndSaysWhatTheLevelNeeds() throws {
        let finding = try #require(assessment.findings.first { $0.code == .evidenceUnsupported && $0.message.contains("petty cash") })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("duty 1.1 ('Look after the petty cash tin for the team's tea fund.') claims factor 8 (Responsibilities for financial and physical resources) level 3d"))
        #expect(finding.message.contains("that the budget is delegated to the job holder"))
        #expect(finding.message.hasSuffix("claim the level the words show"))
    }

    @Test func aManagedBudgetIsNotADelegatedOneButTheCorrectedWordsAre() {
        let cues = pipeline.cues
        let before = "Manage the peer training and lived experience payments budget of about £60,000 a year. Approve spending and check it with the finance manager each month."
        let after = "Hold the peer training and lived experience payments budget of about £60,000 a year, delegated from the peer support budget. Approve spending and check it with the finance manager each month."
        #expect(!cues.verdict(on: LevelClaim(3, subLevel: "d"), factor: 8, text: CueText(before)).isSupported)
        #expect(cues.verdict(on: LevelClaim(3, subLevel: "d"), factor: 8, text: CueText(after)).isSupported)
        // A delegated budget is not the budget holder's level.
        #expect(!cues.verdict(on: LevelClaim(4), factor: 8, text: CueText(after)).isSupported)
        #expect(cues.verdict(on: LevelClaim(4), factor: 8, text: CueText("Set and hold the peer support budget of about £450,000 a year.")).isSupported)
    }

    @Test func managingStaffNeedsNumbersFromLevelFourAndEffortNeedsHowOften() {
        let cues = pipeline.cues
        #expect(!cues.verdict(on: LevelClaim(4, subLevel: "a"), factor: 9, text: CueText("Manage the peer team.")).isSupported)
        #expect(cues.verdict(on: LevelClaim(4, subLevel: "a"), factor: 9, text: CueText("Manage the perinatal peer team of about ten staff.")).isSupported)
        #expect(!cues.verdict(on: LevelClaim(3), factor: 15, text: CueText("Hears painful accounts of abuse.")).isSupported)
        #expect(cues.verdict(on: LevelClaim(3), factor: 15, text: CueText("Hears painful accounts of abuse most weeks.")).isSupported)
        #expect(!cues.verdict(on: LevelClaim(3), factor: 10, text: CueText("Write a narrative report every three months.")).isSupported)
        #expect(cues.verdict(on: LevelClaim(3, subLevel: "a"), factor: 10, text: CueText("Take and write up the formal minutes of the board.")).isSupported)
        // Factors without cues are not judged.
        #expect(cues.verdict(on: LevelClaim(6), factor: 1, text: CueText("Chat.")).isSupported)
    }

    // MARK: consistency across the documents

    func codes(_ role: String) -> [FindingCode] { assessment.findings.filter { $0.roleID == role }.map(\.code) }

    @Test func knowledgeMustBeMatchedByAnEssentialCriterion() {
        #expect(codes("knowledge-gap").contains(.knowledgeUnmatched))
        for assessment in shipped() { #expect(!assessment.findings.contains { $0.code == .knowledgeUnmatched }) }
    }

    @Test func managingStaffNeedsAnEssentialCriterionNotADesirableOne() throws {
        let finding = try #require(assessment.findings.first { $0.code == .essentialCriterionMissing && $0.roleID == "knowledge-gap" })
        #expect(finding.message.contains("sets factor 9 (Responsibilities for human resources) at level 4a"))
        #expect(finding.message.contains("only as desirable"))
        for assessment in shipped() { #expect(!assessment.findings.contains { $0.code == .essentialCriterionMissing }) }
    }

    @Test func noCriterionAsksForMoreThanTheDutiesNeed() {
        let beyond = assessment.findings.filter { $0.code == .criterionBeyondDuties && $0.roleID == "asks-too-much" }
        #expect(beyond.count == 2)
        #expect(beyond.contains { $0.message.contains("experience of managing staff") })
        #expect(beyond.contains { $0.message.contains("managing, holding or tracking a budget") })
        for assessment in shipped() { #expect(!assessment.findings.contains { $0.code == .criterionBeyondDuties }) }
    }

    @Test func theSameDutyWordsScoreTheSameAcrossRolesUnlessAReasonIsGiven() throws {
        let finding = try #require(assessment.findings.first { $0.code == .scoringInconsistent })
        #expect(finding.roleID == "asks-too-much")
        #expect(finding.message.contains("{F1: 3a} here and {F1: 4a} there"))
        for assessment in shipped() { #expect(!assessment.findings.contains { $0.code == .scoringInconsistent }) }
    }

    @Test func aScoringReasonSilencesTheDifference() throws {
        let folder = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways/catalogue", toPath: folder + "/catalogue")
        let base = TestSupport.read(TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml")
        // The Peer Support Worker's group-cash scored one level higher than the catalogue scores it elsewhere.
        let apprentice = base.replacingOccurrences(of: "      - use: plan-group-outing\n", with: "      - use: plan-group-outing\n      - use: group-cash\n        evidence: {F8: 3a}\n")
        let unexplained = folder + "/unexplained.yaml"
        try apprentice.write(toFile: unexplained, atomically: true, encoding: .utf8)
        let without = pipeline.assess(try pipeline.load(unexplained), file: unexplained)
        #expect(without.findings.contains { $0.code == .scoringInconsistent && $0.roleID == "peer-support-worker" })
        let explained = apprentice.replacingOccurrences(of: "    expected-band: \"4\"\n", with: "    expected-band: \"4\"\n    scoring-reasons:\n      group-cash: Here the worker looks after the cash, where the apprentice also signs off its payments.\n")
        let withReason = folder + "/explained.yaml"
        try explained.write(toFile: withReason, atomically: true, encoding: .utf8)
        let with = pipeline.assess(try pipeline.load(withReason), file: withReason)
        #expect(!with.findings.contains { $0.code == .scoringInconsistent })
    }

    @Test func aBandCarryingFactorOnOneDutyIsThinEvidence() throws {
        let finding = try #require(assessment.findings.first { $0.code == .thinEvidence && $0.roleID == "knowledge-gap" })
        #expect(finding.message.contains("factor 2 (Knowledge, training and experience) carries the band"))
        #expect(finding.message.contains("rests on duty 1.1 alone"))
        // Shipped: every factor that carries a band rests on more than one duty (or, for knowledge,
        // on a duty and an essential criterion of its depth).
        #expect(shipped().flatMap(\.findings).filter { $0.code == .thinEvidence }.isEmpty)
    }

    // MARK: honest sensitivity

    /// Every subset of one-level moves, for checking the search.
    func bruteForce(_ levels: [Int: Int], total: Int, step: Int, needed: Int) -> (size: Int?, count: Int) {
        let moves = scheme.moves(from: levels, step: step)
        var best: Int?
        var count = 0
        for mask in 1..<(1 << moves.count) {
            let picked = moves.indices.filter { mask & (1 << $0) != 0 }
            let sum = picked.reduce(0) { $0 + abs(moves[$1].delta) }
            guard sum >= needed else { continue }
            if best == nil || picked.count < best! { best = picked.count; count = 0 }
            if picked.count == best { count += 1 }
        }
        return (best, count)
    }

    @Test func theSmallestSetsAreMinimalAndComplete() throws {
        let leader = try #require(shipped().flatMap(\.roles).first { $0.role.id == "peer-leader" })
        let sensitivity = leader.sensitivity
        #expect(sensitivity.bandLosingFactors == [2])
        #expect(sensitivity.drops.size == 1)
        #expect(sensitivity.dropsBesideSingles.size == 2)
        #expect(sensitivity.dropsBesideSingles.sets.map(\.factors) == [[3, 4]])
        let levels = Dictionary(uniqueKeysWithValues: leader.evaluation.factors.map { ($0.factor, $0.level.high) })
        let rises = bruteForce(levels, total: leader.evaluation.points, step: 1, needed: try #require(sensitivity.pointsToNextBand))
        #expect(sensitivity.rises.size == rises.size)
        #expect(sensitivity.rises.count == rises.count)
    }

    @Test func theSearchStaysSmallOnATwoHundredRolePathway() {
        var seed: UInt64 = 42
        func next(_ range: ClosedRange<Int>) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Int((seed >> 33) % UInt64(range.count))
        }
        var examined = 0
        for index in 0..<200 {
            let levels = scheme.factors.map { next(1...$0.levels.upperBound) }
            let evaluation = scheme.evaluate(levels: levels, roleID: "role-\(index)")
            let sensitivity = scheme.sensitivity(of: evaluation, expectedBand: "5")
            for search in [sensitivity.drops, sensitivity.dropsBesideSingles, sensitivity.rises, sensitivity.toExpectedSets] {
                examined += search.examined
            }
            if index < 20, let needed = sensitivity.pointsToLoseBand {
                let map = Dictionary(uniqueKeysWithValues: zip(scheme.factors.map(\.number), levels))
                let brute = bruteForce(map, total: evaluation.points, step: -1, needed: needed)
                #expect(sensitivity.drops.size == brute.size)
                #expect(sensitivity.drops.count == brute.count)
            }
        }
        // All 2^16 subsets of 16 factors, four searches, 200 roles would be over 52 million.
        #expect(examined < 200 * 4 * 13_000)
        #expect(examined < 2_000_000)
    }

    @Test func pointsToTheNextBandAreCountedToItsFirstPoint() throws {
        var evaluation = scheme.evaluate(levels: Array(repeating: 1, count: 16))
        evaluation.points = 507
        evaluation.placement = scheme.placement(ofPoints: 507)
        let sensitivity = scheme.sensitivity(of: evaluation, expectedBand: nil)
        #expect(sensitivity.marginAbove == 32)
        #expect(sensitivity.pointsToNextBand == 33)
        #expect(sensitivity.nextPlacement?.band?.name == "8a")
        #expect(sensitivity.marginBelow == 41)
        #expect(sensitivity.pointsToLoseBand == 42)
    }

    @Test func theBandingJustificationNeverClaimsMoreSafetyThanTheNumbersGive() throws {
        for assessment in shipped() {
            for entry in assessment.roles {
                let writers = try pipeline.documentWriters()
                let facts = pipeline.roleCase(entry, in: assessment, payScale: writers.payScale)
                let text = BandingReasoning(facts: facts, wording: writers.bandingJustifications.wording).losingText
                if entry.sensitivity.drops.size != nil {
                    #expect(!text.hasPrefix("No single factor dropping one level would take the job out of its band.") || text.contains(" but "))
                }
                #expect(!text.contains("would add"))
            }
        }
    }

    // MARK: guidance and the optional expected band

    @Test func bandMismatchGivesBothWaysOutInOrder() throws {
        let finding = try #require(assessment.findings.first { $0.code == .bandMismatch && $0.roleID == "asks-too-much" })
        let first = try #require(finding.message.range(of: "First, the job as described may truly be Band 1"))
        let second = try #require(finding.message.range(of: "Second, the description may leave out work the job really does"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(finding.message.contains("no small omission, so check the expected band first"))
    }

    @Test func smallRisesAreLedByTheFactorsLowestAgainstComparableRoles() throws {
        let folder = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways/catalogue", toPath: folder + "/catalogue")
        let base = TestSupport.read(TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml")
        let text = base.replacingOccurrences(of: "    tier: 2\n    expected-band: \"4\"\n", with: "    tier: 2\n    expected-band: \"5\"\n")
        let file = folder + "/higher.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let assessment = pipeline.assess(try pipeline.load(file), file: file)
        let finding = try #require(assessment.findings.first { $0.code == .bandMismatch && $0.roleID == "peer-support-worker" })
        #expect(finding.message.contains("First, the job as described may truly be Band 4"))
        #expect(finding.message.contains("against comparable roles in Band 5 (Senior Peer Support Worker) it sits lowest on factor 2 (level 4 against 5)"))
        #expect(finding.message.contains("Only if the job truly does such work, and the duties say so, would one level more on each of 2 factors reach Band 5"))
        let sets = try #require(assessment.role("peer-support-worker")).sensitivity.toExpectedSets
        #expect(sets.sets.allSatisfy { $0.changes.allSatisfy { $0.steps == 1 } })
    }

    @Test func withoutAnExpectedBandTheEvidenceLandsWhereItLands() throws {
        let assessment = self.assessment
        let role = try #require(assessment.role("over-claimer"))
        #expect(role.role.expectedBand == nil)
        #expect(!assessment.findings.contains { $0.code == .bandMismatch && $0.roleID == "over-claimer" })
        let text = EvaluationReport(assessment: assessment, scheme: scheme, roleID: "over-claimer").text()
        #expect(text.contains("Over-claimer (over-claimer): no expected band"))
        #expect(EvaluationReport(assessment: assessment, scheme: scheme, roleID: "over-claimer").json().contains("\"expectedBand\" : null"))
    }
}

@Suite("Cue words: the ASCII fast path reads as the scalar path does")
struct CueTextTests {
    @Test func everyShippedDutyAndCriterionGivesTheSameWordsBothWays() throws {
        var texts: [String] = ["Hold a £60,000 budget; 1,200 people a year, 3-4 times.", "It's the team's 10,000th visit."]
        for file in TestSupport.shippedPathways {
            let pathway = try TestSupport.pipeline.load(file)
            for role in pathway.roles {
                texts += role.duties.map(\.text) + role.criteria.map(\.text) + role.environment.map(\.text)
            }
        }
        for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(CueText.asciiWords(text) == CueText.scalarWords(text), "\(text)")
        }
        #expect(CueText.asciiWords("£60,000") == nil)
        #expect(CueText("Hold a £60,000 budget").sums == [60000])
    }
}
