import Foundation
import PeerPath
import PeerPathDocuments
import PeerPathLoading
import PeerPathModel
import Testing

/// The scheme as the handbook has it: levels, letters and points pinned factor by factor, the
/// wording of each level holding the threshold words it turns on, letters enforced on evidence, and
/// ranges raised for the panel to settle.
@Suite("Factor plan: levels, letters and points as the handbook has them")
struct FactorPlanTests {
    static let scheme = TestSupport.scheme
    static let wording: Wording = try! WordingLoader.load(folder: TestSupport.installation.wordingFolder, scheme: scheme)

    /// Pinned from the NHS Job Evaluation Handbook, chapter 5 (letters) and chapters 6 to 8 (points).
    struct Pinned: Sendable, CustomTestStringConvertible {
        let factor: Int
        let points: [Int]
        let letters: [Int: [String]]
        var testDescription: String { "factor \(factor)" }
    }

    static let pinned: [Pinned] = [
        Pinned(factor: 1, points: [5, 12, 21, 32, 45, 60], letters: [3: ["a", "b", "c"], 4: ["a", "b"], 5: ["a", "b", "c"]]),
        Pinned(factor: 2, points: [16, 36, 60, 88, 120, 156, 196, 240], letters: [8: ["a", "b"]]),
        Pinned(factor: 3, points: [6, 15, 27, 42, 60], letters: [:]),
        Pinned(factor: 4, points: [6, 15, 27, 42, 60], letters: [:]),
        Pinned(factor: 5, points: [6, 15, 27, 42, 60], letters: [3: ["a", "b"]]),
        Pinned(factor: 6, points: [4, 9, 15, 22, 30, 39, 49, 60],
               letters: [3: ["a", "b", "c"], 4: ["a", "b", "c"], 5: ["a", "b", "c"], 6: ["a", "b", "c", "d"]]),
        Pinned(factor: 7, points: [5, 12, 21, 32, 45, 60], letters: [:]),
        Pinned(factor: 8, points: [5, 12, 21, 32, 45, 60],
               letters: [2: ["a", "b", "c", "d", "e"], 3: ["a", "b", "c", "d", "e"], 4: ["a", "b", "c"], 5: ["a", "b", "c"]]),
        Pinned(factor: 9, points: [5, 12, 21, 32, 45, 60], letters: [2: ["a", "b", "c", "d"], 3: ["a", "b", "c", "d"], 4: ["a", "b"]]),
        Pinned(factor: 10, points: [4, 9, 16, 24, 34, 46, 60], letters: [2: ["a", "b"], 3: ["a", "b", "c"], 4: ["a", "b"], 5: ["a", "b"]]),
        Pinned(factor: 11, points: [5, 12, 21, 32, 45, 60], letters: [2: ["a", "b", "c"]]),
        Pinned(factor: 12, points: [5, 12, 21, 32, 45, 60], letters: [:]),
        Pinned(factor: 13, points: [3, 7, 12, 18, 25], letters: [:]),
        Pinned(factor: 14, points: [3, 7, 12, 18, 25], letters: [2: ["a", "b"], 3: ["a", "b"], 4: ["a", "b"]]),
        Pinned(factor: 15, points: [5, 11, 18, 25], letters: [1: ["a", "b"], 2: ["a", "b", "c"], 3: ["a", "b", "c"], 4: ["a", "b"]]),
        Pinned(factor: 16, points: [3, 7, 12, 18, 25], letters: [2: ["a", "b", "c", "d", "e"], 3: ["a", "b"], 4: ["a", "b"]]),
    ]

    @Test(arguments: pinned)
    func levelsLettersAndPointsAreAsPinned(_ expected: Pinned) throws {
        let factor = try #require(Self.scheme.factor(expected.factor))
        #expect(factor.levels == 1...expected.points.count)
        #expect(factor.points == expected.points)
        #expect(factor.letters == expected.letters)
        let page = try #require(factor.page, "factor \(expected.factor) names no handbook page")
        #expect(page.address.hasPrefix("https://www.nhsemployers.org/job-evaluation-handbook/chapter-5-factor-plan-and-guidance-notes/"))
        #expect(!page.title.isEmpty)
    }

    @Test func theSchemeNamesItsPublicSource() throws {
        let source = try #require(Self.scheme.source)
        #expect(source.publication.contains("NHS Job Evaluation Handbook"))
        #expect(source.address.hasPrefix("https://www.nhsemployers.org/"))
        #expect(source.section.contains("Chapter 5"))
    }

    @Test(arguments: 1...16)
    func everyLevelsWordingHoldsItsThresholdWords(_ number: Int) throws {
        let factor = try #require(Self.scheme.factor(number))
        let words = try #require(Self.wording.factors[number])
        for level in factor.levels {
            let text = try #require(words.levels[level], "factor \(number) level \(level) has no wording").lowercased()
            let needs = words.needs[level] ?? []
            #expect(!needs.isEmpty, "factor \(number) level \(level) lists no threshold words")
            for need in needs {
                #expect(text.contains(need.lowercased()), "factor \(number) level \(level) does not say '\(need)'")
            }
            #expect(Set(words.letters[level]?.keys.map { $0 } ?? []) == Set(factor.letters(atLevel: level)))
        }
    }

    @Test func thresholdsThePanelTurnsOnAreWordedAsTheHandbookHasThem() throws {
        let f8 = try #require(Self.wording.factors[8])
        #expect(f8.letters[3]?["d"]?.contains("delegated budget") == true)
        #expect(f8.letters[4]?["a"]?.contains("budget holder") == true)
        let f9 = try #require(Self.wording.factors[9])
        #expect(f9.letters[2]?["a"]?.contains("day to day") == true)
        #expect(f9.letters[4]?["a"]?.contains("line manager") == true)
        let f10 = try #require(Self.wording.factors[10])
        #expect(f10.letters[3]?["a"]?.contains("formal minutes") == true)
        #expect(f10.letters[3]?["b"]?.contains("regularly") == true)
        #expect(f10.letters[2]?["b"]?.contains("occasionally") == true)
        #expect(f10.levels[3]?.contains("writes regular reports") == false)
        let f16 = try #require(Self.wording.factors[16])
        #expect(f16.levels[1]?.contains("fewer than three times a month") == true)
    }

    @Test func nothingShippedSaysRecalled() throws {
        for file in ["templates/banding/factors.yaml", "templates/banding/national-context.yaml", "data/agenda-for-change.yaml",
                     "data/competence-domains.yaml", "data/language/factor-plan.yaml"] {
            let text = TestSupport.read(TestSupport.repository + "/" + file)
            #expect(!text.lowercased().contains("recalled"), "\(file) says 'recalled'")
            #expect(!text.contains("../shared"), "\(file) names a private path as its source")
        }
    }

    // MARK: Letters enforced

    func loadError(replacing old: String, with new: String) throws -> (path: String, message: String) {
        let text = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
        #expect(text.contains(old))
        let path = TestSupport.write(text.replacingOccurrences(of: old, with: new))
        do {
            _ = try TestSupport.pipeline.load(path)
            Issue.record("'\(new)' loaded")
            return (path, "")
        } catch {
            return (path, error.message)
        }
    }

    @Test func aLetterTheLevelDoesNotHaveIsALocatedError() throws {
        let (path, message) = try loadError(replacing: "{F1: 4a, F6: 2}", with: "{F1: 4z, F6: 2}")
        #expect(message.hasPrefix("\(path):26:24: error: "), "\(message)")
        #expect(message.contains("factor 1 (Communication and relationship skills) level 4 has no alternative (z); its letters are 4a, 4b"))
    }

    @Test func aLetterOnALevelWithoutLettersIsALocatedError() throws {
        let (path, message) = try loadError(replacing: "{F9: 2, F12: 2-3}", with: "{F9: 2, F2: 5a}")
        #expect(message.hasPrefix("\(path):60:"), "\(message)")
        #expect(message.contains("factor 2 (Knowledge, training and experience) level 5 has no lettered alternatives, so '5a' is not a level; write 5"))
    }

    @Test func everyLetterTheHandbookGivesIsAccepted() throws {
        for factor in Self.scheme.factors {
            for (level, letters) in factor.letters {
                for letter in letters {
                    #expect(factor.problem(with: LevelClaim(level, subLevel: letter)) == nil)
                }
            }
        }
    }

    @Test func aWrongLetterInPathwayXMLIsALocatedError() throws {
        let folder = TestSupport.temporaryFolder()
        try TestSupport.pipeline.generate([TestSupport.fixture("two-roles.yaml")], into: folder)
        let xml = TestSupport.read("\(folder)/two-roles/pathway.xml")
        #expect(xml.contains("level=\"4\" sub-level=\"a\""))
        let path = TestSupport.write(xml.replacingOccurrences(of: "level=\"4\" sub-level=\"a\"", with: "level=\"4\" sub-level=\"z\""),
                                     named: "pathway.xml")
        do {
            _ = try TestSupport.pipeline.load(path)
            Issue.record("a wrong letter loaded from XML")
        } catch {
            #expect(error.message.range(of: #"^.*pathway\.xml:\d+(:\d+)?: error: "#, options: .regularExpression) != nil, "\(error.message)")
            #expect(error.message.contains("its letters are 4a, 4b"), "\(error.message)")
        }
    }

    // MARK: Ranges

    @Test func aRangeRaisesAFindingWithTheBandAtEachEnd() throws {
        let file = TestSupport.fixture("two-roles.yaml")
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(file), file: file)
        let ranges = assessment.findings.filter { $0.code == .levelRange }
        let finding = try #require(ranges.first)
        #expect(ranges.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.code.family == .evaluation)
        #expect(finding.location?.line == 60)
        #expect(finding.message.contains("factor 12 (Freedom to act) as a range, levels 2 to 3 (12 to 21 points)"))
        #expect(finding.message.contains("the panel must settle this job on one level"))
        let evaluation = try #require(assessment.roles.first { $0.role.id == finding.roleID }?.evaluation)
        #expect(evaluation.hasRange)
        #expect(evaluation.points - evaluation.lowestPoints == 9)
        #expect(finding.message.contains("at its lower end the role totals \(evaluation.lowestPoints) points (\(evaluation.lowestPlacement))"))
        #expect(finding.message.contains("at its upper end \(evaluation.points) points (\(evaluation.placement))"))
        let report = EvaluationReport(assessment: assessment, scheme: TestSupport.scheme, roleID: nil).text()
        #expect(report.contains("with every range at its lower end: \(evaluation.lowestPoints) points"))
        #expect(report.contains("with every range at its upper end: \(evaluation.points) points"))
    }

    // MARK: peerpath factors

    @Test func theFactorsReportShowsEachLevelsMeaningLettersAndPoints() throws {
        let report = try FactorsReport(scheme: Self.scheme, wording: Self.wording, factor: 10)
        let text = report.text()
        #expect(text.hasPrefix("F10 Responsibilities for information resources (7 levels)\n"))
        #expect(text.contains("  level 3 (a, b, c), 16 points:\n    3a: The job holder takes and writes up formal minutes.\n"))
        #expect(text.contains("  level 7, 60 points:\n"))
        #expect(text.contains("checked against: Responsibilities for information resources, https://www.nhsemployers.org/"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let factors = try #require(json["factors"] as? [[String: Any]])
        #expect(factors.count == 1)
        let levels = try #require(factors[0]["levels"] as? [[String: Any]])
        #expect(levels.map { $0["points"] as? Int } == [4, 9, 16, 24, 34, 46, 60])
        let letters = try #require(levels[2]["letters"] as? [[String: Any]])
        #expect(letters.map { $0["letter"] as? String } == ["a", "b", "c"])
        #expect(try FactorsReport(scheme: Self.scheme, wording: Self.wording).factors.count == 16)
        #expect(throws: PeerPathError.self) { try FactorsReport(scheme: Self.scheme, wording: Self.wording, factor: 17) }
    }
}

@Suite("peerpath factors", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct FactorsCommandTests {
    @Test func oneFactorAsText() throws {
        let run = try PeerPathProcess(["factors", "F8"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("F8 Responsibilities for financial and physical resources (6 levels)\n"))
        #expect(run.stdout.contains("    3d: The job holder holds a delegated budget"))
        #expect(run.stdout.contains("    4a: The job holder is the budget holder for a department or service."))
    }

    @Test func allFactorsAsJSON() throws {
        let run = try PeerPathProcess(["factors", "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let factors = try #require(json["factors"] as? [[String: Any]])
        #expect(factors.map { $0["factor"] as? Int } == Array(1...16).map { Optional($0) })
        #expect((json["source"] as? [String: Any])?["checked"] as? String == "December 2026")
    }

    @Test func anUnknownFactorExits64() throws {
        #expect(try PeerPathProcess(["factors", "17"]).status == 64)
        #expect(try PeerPathProcess(["factors", "budget"]).status == 64)
    }
}
