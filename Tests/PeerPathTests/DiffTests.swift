import Foundation
@testable import PeerPath
import PeerPathDocuments
import PeerPathFormats
import PeerPathModel
import Testing

/// Two revisions of a shipped pathway: `pathways/` copied twice into a temporary folder, each copy
/// then edited as a planner would edit it.
struct Revisions {
    let old: String
    let new: String
    static let file = "nhs-adult-mental-health.yaml"

    init() throws {
        let root = TestSupport.temporaryFolder()
        old = root + "/old"
        new = root + "/new"
        for folder in [old, new] {
            try FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways", toPath: folder)
        }
    }

    var oldFile: String { "\(old)/\(Self.file)" }
    var newFile: String { "\(new)/\(Self.file)" }

    /// Replaces the one place `text` occurs in a file of a copy.
    static func edit(_ folder: String, in name: String = file, _ text: String, with replacement: String) throws {
        let path = "\(folder)/\(name)"
        let content = TestSupport.read(path)
        try #require(content.components(separatedBy: text).count == 2, "'\(text)' is not in \(name) exactly once")
        try Data(content.replacingOccurrences(of: text, with: replacement).utf8).write(to: URL(fileURLWithPath: path))
    }

    func compare() throws -> PathwayComparison {
        try PathwayComparison.load(pipeline: TestSupport.pipeline, old: oldFile, revision: nil, new: newFile)
    }

    func comparedBackwards() throws -> PathwayComparison {
        try PathwayComparison.load(pipeline: TestSupport.pipeline, old: newFile, revision: nil, new: oldFile)
    }
}

@Suite("What changed between two versions of a pathway")
struct DiffTests {
    static let psw = "      - use: notes-with-the-person\n      - use: feedback-questionnaire\n"

    @Test func identicalVersionsReportNothing() throws {
        let revisions = try Revisions()
        let changes = try revisions.compare().changes
        #expect(changes.isEmpty)
        let text = DiffReport(comparison: try revisions.compare()).text()
        #expect(text.hasSuffix("no change that reaches a document\n"))
    }

    @Test func aPathwayAndItsXMLExportReportNothing() throws {
        let file = TestSupport.repository + "/pathways/nhs-perinatal.yaml"
        let pipeline = TestSupport.pipeline
        let export = try #require(try pipeline.outputs(for: pipeline.load(file), file: file).first { $0.path.hasSuffix("/pathway.xml") })
        let xml = TestSupport.temporaryFolder() + "/pathway.xml"
        try export.data.write(to: URL(fileURLWithPath: xml))
        let comparison = try PathwayComparison.load(pipeline: pipeline, old: file, revision: nil, new: xml)
        #expect(comparison.changes.isEmpty, "\(DiffReport(comparison: comparison).text())")
    }

    @Test func reorderedListsReportNothing() throws {
        let revisions = try Revisions()
        // Duties, criteria, environment facts and routes, each in another order.
        try Revisions.edit(revisions.new, "      - use: meet-people-with-guidance\n      - use: plans-in-own-words\n",
                           with: "      - use: plans-in-own-words\n      - use: meet-people-with-guidance\n")
        try Revisions.edit(revisions.new, "      - use: lived-experience-recovery\n      - use: has-supported-people\n",
                           with: "      - use: has-supported-people\n      - use: lived-experience-recovery\n")
        let pathway = TestSupport.read(revisions.newFile)
        let routes = try #require(pathway.range(of: "\nroutes:\n"))
        let entries = pathway[routes.upperBound...].components(separatedBy: "\n  - from: ")
        try #require(entries.count > 3)
        let reordered = ([entries[0]] + entries[1...].reversed().map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }).joined(separator: "\n  - from: ")
        try Data((pathway[..<routes.upperBound] + reordered).utf8).write(to: URL(fileURLWithPath: revisions.newFile))
        #expect(TestSupport.read(revisions.newFile) != TestSupport.read(revisions.oldFile))
        let changes = try revisions.compare().changes
        let report = DiffReport(comparison: try revisions.compare()).text()
        #expect(changes.isEmpty, "\(report)")
    }

    @Test func anAddedDutyIsTheCauseOfTheFactorItRaises() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, Self.psw, with: Self.psw + """
                  - area: Working with the team
                    text: Show new peer support workers round the service in their first weeks and answer their questions.
                    evidence: {F9: 2}
                    domains: [organisational]

            """)
        let role = try #require(try revisions.compare().changes.role("peer-support-worker"))
        #expect(role.duties.map(\.kind) == [.added])
        #expect(role.duties.first?.after?.text.hasPrefix("Show new peer support workers") == true)
        let factor = try #require(role.factors.first { $0.factor == 9 })
        #expect(factor.before == LevelClaim(1) && factor.after == LevelClaim(2))
        #expect(factor.causes == [.item(role.duties[0])])
        #expect(role.pointsAfter - role.pointsBefore == factor.pointsDelta)
        #expect(!role.bandChanged)
    }

    @Test func aRemovedDutyIsTheCauseOfTheFactorItLowers() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: group-cash\n      - use: peer-view-in-team\n", with: "      - use: peer-view-in-team\n")
        let role = try #require(try revisions.compare().changes.role("peer-support-worker"))
        let removed = try #require(role.duties.first)
        #expect(role.duties.count == 1 && removed.kind == .removed && removed.catalogueID == "group-cash")
        let factor = try #require(role.factors.first)
        #expect(role.factors.count == 1 && factor.factor == 8 && factor.before == LevelClaim(2) && factor.after == LevelClaim(1))
        #expect(factor.causes == [.item(removed)])
    }

    @Test func aRewordedDutyIsOneChangeNotARemovalAndAnAddition() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: one-to-one-peer-support\n", with: """
                  - use: one-to-one-peer-support
                    text: Meet people one to one on wards, in clinics, at home or in the community, and build relationships on shared experience.

            """)
        let role = try #require(try revisions.compare().changes.role("peer-support-worker"))
        let duty = try #require(role.duties.first)
        #expect(role.duties.count == 1 && duty.kind == .changed && duty.aspects == [.wording] && !duty.fromCatalogue)
        #expect(duty.before?.text.hasPrefix("Meet people one to one on wards") == true)
        #expect(role.factors.isEmpty && !role.bandChanged)
    }

    @Test func aPathwaysOwnDutyRewordedIsPairedByItsWords() throws {
        let old = TestSupport.write(TestSupport.read(TestSupport.fixture("two-roles.yaml")))
        let new = TestSupport.write(TestSupport.read(TestSupport.fixture("two-roles.yaml"))
            .replacingOccurrences(of: "text: Help people write their own recovery plans.", with: "text: Help people write and review their own recovery plans."))
        let comparison = try PathwayComparison.load(pipeline: TestSupport.pipeline, old: old, revision: nil, new: new)
        let duties = try #require(comparison.changes.role("peer-worker")).duties
        #expect(duties.count == 1 && duties.first?.kind == .changed && duties.first?.aspects == [.wording])
        #expect(duties.first?.before?.number == "1.2" && duties.first?.after?.number == "1.2")
    }

    @Test func aReScoredDutyIsTheCauseOfTheFactorItMoves() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: give-peer-supervision\n", with: "      - use: give-peer-supervision\n        evidence: {F9: 3}\n")
        let role = try #require(try revisions.compare().changes.role("senior-peer-support-worker"))
        let duty = try #require(role.duties.first)
        #expect(role.duties.count == 1 && duty.aspects == [.evidence] && !duty.fromCatalogue)
        let factor = try #require(role.factors.first)
        #expect(factor.factor == 9 && factor.before == LevelClaim(2) && factor.after == LevelClaim(3))
        #expect(factor.causes == [.item(duty)])
        #expect(duty.claims(for: 9) == (LevelClaim(2), LevelClaim(3)))
    }

    @Test func aCatalogueChangeUnderAnUnchangedPathwayFileIsNamedAsTheCatalogues() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, in: "catalogue/duties.yaml", """
              reflective approach that puts peer values and wellbeing first.
                evidence: {F9: 2}
            """, with: """
              reflective approach that puts peer values and wellbeing first.
                evidence: {F9: 3}
            """)
        #expect(TestSupport.read(revisions.newFile) == TestSupport.read(revisions.oldFile))
        let changes = try revisions.compare().changes
        let role = try #require(changes.role("senior-peer-support-worker"))
        let duty = try #require(role.duties.first)
        #expect(duty.catalogueID == "give-peer-supervision" && duty.fromCatalogue && duty.aspects == [.evidence])
        #expect(role.factors.first?.causes == [.item(duty)])
        let text = DiffReport(comparison: try revisions.compare()).text()
        #expect(text.contains("duty 2.1 re-scored: F9 2 → 3, from the catalogue item 'give-peer-supervision', which changed"), "\(text)")
    }

    @Test func criteriaAddedAndRemoved() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: uses-a-simple-tool\n", with: """
                  - category: knowledge
                    text: Knows where to find housing and benefits advice in the area.
                    need: desirable
                    assessed: [interview]

            """)
        try Revisions.edit(revisions.new, "      - use: has-set-up-a-group\n", with: "")
        let changes = try revisions.compare().changes
        let psw = try #require(changes.role("peer-support-worker")).criteria
        #expect(Set(psw.map(\.kind)) == [.added, .removed])
        #expect(psw.first { $0.kind == .removed }?.catalogueID == "uses-a-simple-tool")
        #expect(psw.first { $0.kind == .added }?.after?.need == .desirable)
        let senior = try #require(changes.role("senior-peer-support-worker")).criteria
        #expect(senior.map(\.kind) == [.removed] && senior.first?.catalogueID == "has-set-up-a-group")
    }

    @Test func routesAddedAndRemovedWithTheFindingsTheyRaiseAndSettle() throws {
        let revisions = try Revisions()
        // No route on from the apprentice (an error finding); a new route from the peer support worker.
        try Revisions.edit(revisions.new, """
              - from: apprentice-peer-support-worker
                to: peer-support-worker
            """, with: """
              - from: peer-support-worker
                to: peer-support-development-worker
            """)
        let changes = try revisions.compare().changes
        #expect(Set(changes.routes.map { "\($0.kind.rawValue) \($0.from) \($0.to)" })
            == ["removed apprentice-peer-support-worker peer-support-worker", "added peer-support-worker peer-support-development-worker"])
        let apprentice = try #require(changes.role("apprentice-peer-support-worker"))
        #expect(apprentice.routes.map(\.kind) == [.removed])
        #expect(apprentice.findings.new.map(\.code).contains(.noProgression))
        #expect(apprentice.findings.resolved.isEmpty)
        // The other way round, the same finding is resolved.
        let backwards = try #require(try revisions.comparedBackwards().changes.role("apprentice-peer-support-worker"))
        #expect(backwards.findings.resolved.map(\.code).contains(.noProgression))
        #expect(!backwards.findings.new.map(\.code).contains(.noProgression))
    }

    @Test func aFindingWhoseLineAndNumbersMoveIsTheSameFinding() {
        let before = Finding(.borderline, .warning, "Peer Worker is 3 points from Band 4 at 268", role: "peer-worker",
                             at: SourceLocation(file: "a.yaml", line: 10, column: 3))
        let after = Finding(.borderline, .warning, "Peer Worker is 2 points from Band 4 at 269", role: "peer-worker",
                            at: SourceLocation(file: "b.yaml", line: 40, column: 5))
        #expect(FindingChanges(from: [before], to: [after]).isEmpty)
        let other = Finding(.borderline, .warning, "Peer Worker is 2 points from Band 4 at 269", role: "lead", at: nil)
        let changes = FindingChanges(from: [before], to: [other])
        #expect(changes.new == [other] && changes.resolved == [before])
    }

    @Test func rolesAddedAndRemoved() throws {
        let fixture = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
        let third = """
              - id: volunteer
                title: Peer Volunteer Coordinator
                kind: peer-worker
                tier: 1
                reports-to: lead
                base: Community hub
                supervision: {kind: peer, detail: Monthly peer supervision.}
                contract: {kind: permanent}
                hours: 15
                purpose: Finds and supports peer volunteers.
                duties:
                  - {area: Volunteers, text: Welcome new volunteers., evidence: {F1: 3a}}
                criteria:
                  - {category: experience, text: Lived experience of mental health challenges., need: essential, assessed: [interview], lived-experience: true}

            """
        let old = TestSupport.write(fixture)
        let new = TestSupport.write(fixture.replacingOccurrences(of: "routes:\n", with: third + "routes:\n"))
        let added = try PathwayComparison.load(pipeline: TestSupport.pipeline, old: old, revision: nil, new: new).changes
        #expect(added.rolesAdded.map(\.id) == ["volunteer"] && added.rolesRemoved.isEmpty)
        #expect(added.rolesAdded.first?.placement.band != nil)
        let removed = try PathwayComparison.load(pipeline: TestSupport.pipeline, old: new, revision: nil, new: old).changes
        #expect(removed.rolesRemoved.map(\.id) == ["volunteer"] && removed.rolesAdded.isEmpty)
        #expect(!removed.isEmpty)
    }

    @Test func roleFieldsThatReachADocument() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "    title: Peer Leader\n", with: "    title: Lead Peer Support Worker\n")
        let role = try #require(try revisions.compare().changes.role("peer-leader"))
        #expect(role.fields == [FieldChange(field: "title", label: "Job title", before: "Peer Leader", after: "Lead Peer Support Worker")])
        // Roles that report to it see their manager's new title too.
        let development = try #require(try revisions.compare().changes.role("peer-support-development-worker"))
        #expect(development.fields.map(\.field).contains("reports-to"))
    }

    @Test func theJSONHasItsDocumentedKeys() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: give-peer-supervision\n", with: "      - use: give-peer-supervision\n        evidence: {F9: 3}\n")
        let json = DiffReport(comparison: try revisions.compare()).json()
        let top = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(top.keys) == ["old", "new", "changed", "fields", "rolesAdded", "rolesRemoved", "roles", "routes", "findings"])
        #expect(top["changed"] as? Bool == true)
        let role = try #require((top["roles"] as? [[String: Any]])?.first)
        #expect(Set(role.keys) == ["id", "title", "before", "after", "bandChanged", "fields", "factors", "duties", "environment",
                                   "criteria", "routes", "findings"])
        #expect(role["id"] as? String == "senior-peer-support-worker")
        let factor = try #require((role["factors"] as? [[String: Any]])?.first)
        #expect(factor["factor"] as? Int == 9 && factor["before"] as? String == "2" && factor["after"] as? String == "3")
        let cause = try #require((factor["causes"] as? [[String: Any]])?.first)
        #expect(Set(cause.keys) == ["kind", "change", "number", "levelBefore", "levelAfter", "catalogueID", "fromCatalogue", "reason"])
        #expect(cause["kind"] as? String == "duty" && cause["change"] as? String == "changed" && cause["levelAfter"] as? String == "3")
        let duty = try #require((role["duties"] as? [[String: Any]])?.first)
        #expect(Set(duty.keys) == ["change", "aspects", "catalogueID", "fromCatalogue", "before", "after"])
        #expect(duty["aspects"] as? [String] == ["evidence"])
        let findings = try #require(role["findings"] as? [String: Any])
        #expect(Set(findings.keys) == ["new", "resolved"])
    }

    /// The changes document of every role that changed, in every format, each valid as the other
    /// documents are: XML against the schema as it is written, the ODT by peerpath's own checks and
    /// (where ../shared/odf is) the OASIS schemas.
    @Test func generateSinceWritesAValidChangesDocumentForEachRoleThatChanged() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: give-peer-supervision\n", with: "      - use: give-peer-supervision\n        evidence: {F9: 3}\n")
        let pipeline = TestSupport.pipeline
        let assessment = pipeline.assess(try pipeline.load(revisions.newFile), file: revisions.newFile)
        let earlier = pipeline.assess(try pipeline.load(revisions.oldFile), file: revisions.oldFile)
        let outputs = try pipeline.outputs(for: assessment, since: earlier)
        let changes = outputs.filter { $0.path.contains("/changes.") }
        #expect(Set(changes.map(\.path)) == Set(["odt", "docx", "xml", "md"].map { "nhs-adult-mental-health/senior-peer-support-worker/changes.\($0)" }))
        #expect(outputs.count == (try pipeline.outputs(for: assessment)).count + 4)
        let markdown = String(decoding: try #require(changes.first { $0.path.hasSuffix(".md") }).data, as: UTF8.self)
        #expect(markdown.contains("# What has changed: Senior Peer Support Worker"))
        #expect(markdown.contains("### Factor 9: Responsibilities for human resources"))
        #expect(markdown.contains("Level 2 before, level 3 now"))
        #expect(markdown.contains("Duty 2.1 now shows level 3, where it showed level 2"))
        for word in ["TODO", "catalogue", "F9", "peerpath", "[evidence-"] { #expect(!markdown.contains(word), "\(word)") }
        let validator = try PackageValidator(projectSchema: RelaxNGSchema(path: TestSupport.installation.schemaFile),
                                             odfSchemas: TestSupport.shared.map { $0 + "/odf" })
        let folder = TestSupport.temporaryFolder()
        for output in changes where output.path.hasSuffix(".odt") || output.path.hasSuffix(".xml") {
            let path = folder + "/" + (output.path as NSString).lastPathComponent
            try output.data.write(to: URL(fileURLWithPath: path))
            #expect(validator.problems(in: path).isEmpty, "\(validator.problems(in: path))")
        }
        if DOCXCheck.tool != nil {
            let path = folder + "/changes.docx"
            try #require(changes.first { $0.path.hasSuffix(".docx") }).data.write(to: URL(fileURLWithPath: path))
            let (status, output) = try DOCXCheck.run([path])
            #expect(status == 0, "\(output)")
        }
    }
}

@Suite("peerpath diff and generate --since on the command line", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct DiffCommandLineTests {
    @Test func identicalFilesExit0() throws {
        let revisions = try Revisions()
        let run = try PeerPathProcess(["diff", revisions.oldFile, revisions.newFile])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout == "\(revisions.oldFile) → \(revisions.newFile) (nhs-adult-mental-health)\nno change that reaches a document\n")
        let json = try PeerPathProcess(["diff", revisions.oldFile, revisions.newFile, "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"changed\" : false"))
    }

    @Test func aChangeExits1AndAReorderExits0() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "      - use: meet-people-with-guidance\n      - use: plans-in-own-words\n",
                           with: "      - use: plans-in-own-words\n      - use: meet-people-with-guidance\n")
        #expect(try PeerPathProcess(["diff", revisions.oldFile, revisions.newFile]).status == 0)
        try Revisions.edit(revisions.new, "    hours: 37.5\n    reference: NDH-PL", with: "    hours: 30\n    reference: NDH-PL")
        let run = try PeerPathProcess(["diff", revisions.oldFile, revisions.newFile])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Peer Leader (peer-leader)\n  band: Band 7, 495 points, unchanged\n  Hours a week: 37.5 → 30\n"), "\(run.stdout)")
    }

    @Test func badInputKeepsItsExitCodes() throws {
        let revisions = try Revisions()
        #expect(try PeerPathProcess(["diff", revisions.oldFile, "/nonexistent/p.yaml"]).status == 66)
        #expect(try PeerPathProcess(["diff", revisions.oldFile]).status == 64)
        try Revisions.edit(revisions.new, "    hours: 37.5\n    reference: NDH-PL", with: "    hours: thirty\n    reference: NDH-PL")
        let bad = try PeerPathProcess(["diff", revisions.oldFile, revisions.newFile])
        #expect(bad.status == 65 && bad.stderr.hasPrefix(revisions.newFile + ":") && bad.stdout.isEmpty)
    }

    /// A temporary git repository: the shipped pathways committed, then the catalogue edited.
    @Test(.enabled(if: ExternalTool.path("git") != nil, "git is not installed, so --git cannot be tried"))
    func gitComparesWithTheCommittedVersionIncludingItsCatalogue() throws {
        let revisions = try Revisions()
        let repository = revisions.new
        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ExternalTool.path("git")!)
            process.arguments = ["-C", repository, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments)")
        }
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "The pathways as shipped"])
        #expect(try PeerPathProcess(["diff", revisions.newFile, "--git", "HEAD"]).status == 0)
        try Revisions.edit(repository, in: "catalogue/duties.yaml", """
              reflective approach that puts peer values and wellbeing first.
                evidence: {F9: 2}
            """, with: """
              reflective approach that puts peer values and wellbeing first.
                evidence: {F9: 3}
            """)
        let run = try PeerPathProcess(["diff", revisions.newFile, "--git", "HEAD"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("HEAD:\(Revisions.file) → \(revisions.newFile)"), "\(run.stdout)")
        #expect(run.stdout.contains("re-scored 2.1 (the catalogue item 'give-peer-supervision' changed; the pathway file did not)"), "\(run.stdout)")
        #expect(!run.stdout.contains("peerpath-diff-"), "the temporary folder's name leaked: \(run.stdout)")
        let unknown = try PeerPathProcess(["diff", revisions.newFile, "--git", "no-such-branch"])
        #expect(unknown.status == 64 && unknown.stderr.contains("'no-such-branch' is not a revision"))
        let outside = try PeerPathProcess(["diff", revisions.oldFile, "--git", "HEAD"])
        #expect(outside.status == 64 && outside.stderr.contains("not inside a git repository"))

        // generate --since-git writes the changes documents of the roles the catalogue change reached.
        let out = TestSupport.temporaryFolder()
        let generate = try PeerPathProcess(["generate", revisions.newFile, "--since-git", "HEAD", "--out", out, "--formats", "md"])
        #expect(generate.status == 0, "\(generate.stderr)")
        let written = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix("changes.md") }
        #expect(written == ["nhs-adult-mental-health/senior-peer-support-worker/changes.md"])
    }

    @Test func generateSinceWritesTheChangesDocumentsBesideTheOthers() throws {
        let revisions = try Revisions()
        try Revisions.edit(revisions.new, "    hours: 37.5\n    reference: NDH-PL", with: "    hours: 30\n    reference: NDH-PL")
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", revisions.newFile, "--since", revisions.oldFile, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        // Six roles × six documents × four formats, the overview in four, pathway.xml, and one changes document in four.
        #expect(run.stdout.hasPrefix("peerpath: wrote 153 files for 1 pathway"), "\(run.stdout)")
        for format in ["odt", "docx", "xml", "md"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/nhs-adult-mental-health/peer-leader/changes.\(format)"))
        }
        let markdown = TestSupport.read("\(out)/nhs-adult-mental-health/peer-leader/changes.md")
        #expect(markdown.contains("| Hours a week | 37.5 | 30 |"), "\(markdown)")
        let validate = try PeerPathProcess(["validate", "\(out)/nhs-adult-mental-health/peer-leader/changes.odt",
                                            "\(out)/nhs-adult-mental-health/peer-leader/changes.xml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let twoPathways = try PeerPathProcess(["generate", revisions.new, "--since", revisions.oldFile, "--out", out])
        #expect(twoPathways.status == 64)
    }
}
