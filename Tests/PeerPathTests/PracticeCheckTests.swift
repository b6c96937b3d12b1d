import Foundation
@testable import PeerPath
@testable import PeerPathModel
import Testing

@Suite("Practice checks from the briefing paper, and the trace")
struct PracticeCheckTests {
    let pipeline = TestSupport.fixturePipeline
    static let folder = TestSupport.fixture("practice")

    func assessment(_ name: String) throws -> Assessment {
        let file = (Self.folder as NSString).appendingPathComponent("\(name).yaml")
        return pipeline.assess(try pipeline.load(file), file: file)
    }

    func codes(_ assessment: Assessment) -> [FindingCode] {
        assessment.findings.map(\.code).filter { $0.family == .practice || $0.family == .trace }
    }

    @Test func theCleanFixtureRaisesNoPracticeOrTraceFinding() throws {
        #expect(codes(try assessment("clean")).isEmpty)
    }

    @Test(arguments: FindingCode.allCases.filter { $0.family == .practice || $0.family == .trace })
    func eachCodeHasAFixtureThatRaisesItAlone(_ code: FindingCode) throws {
        let raised = codes(try assessment(code.rawValue))
        #expect(raised == [code])
        let finding = try #require(try assessment(code.rawValue).findings.first { $0.code == code })
        #expect(finding.location?.file.hasSuffix("\(code.rawValue).yaml") == true)
        #expect((finding.location?.line ?? 0) > 1)
    }

    @Test func severities() throws {
        let errors: Set<FindingCode> = [.noProgression, .livedExperienceMissing, .degreeOrRegistration]
        for code in FindingCode.allCases where code.family == .practice || code.family == .trace {
            let finding = try #require(try assessment(code.rawValue).findings.first { $0.code == code })
            #expect(finding.severity == (errors.contains(code) ? .error : .warning), "\(code)")
        }
    }

    @Test(arguments: [
        ("A degree in psychology.", "degree"),
        ("Registered with the NMC.", "Registered with"),
        ("Professional registration with the HCPC.", "Professional registration"),
        ("A BSc in nursing.", "BSc"),
    ])
    func credentialWordingIsFound(text: String, match: String) {
        #expect(PracticeChecks.credentialWording(in: text) == match)
    }

    @Test(arguments: ["A degree, or equivalent experience of peer work.", "Can explain what a care plan is.",
                      "Basic maths and English."])
    func credentialWordingIsNotFoundWhereAbsentOrEquivalentCounts(_ text: String) {
        #expect(PracticeChecks.credentialWording(in: text) == nil)
    }

    @Test func traceJoinsDutiesToCriteriaByDomain() throws {
        let trace = try #require(try assessment("clean").trace(of: "worker"))
        #expect(trace.entries.map(\.number.description) == ["1.1", "1.2", "2.1"])
        let first = trace.entries[0]
        #expect(first.duty.catalogueID == "one-to-one")
        #expect(first.domains.map(\.id) == ["relational-skills", "supporting-people"])
        #expect(first.criteria.map(\.number) == [1, 3])
        #expect(first.evidence.map(\.setsLevel) == [true, true])
        let rights = trace.entries[1]
        #expect(rights.criteria.map(\.number) == [2])
    }

    @Test func catalogueItemsAreResolvedAndMayBeAdjusted() throws {
        let pathway = try pipeline.load(Self.folder + "/clean.yaml")
        let worker = try #require(pathway.role("worker"))
        #expect(worker.duties[0].text == "Meet people one to one and share parts of their own story when it helps.")
        #expect(worker.criteria[0].livedExperience)
        #expect(worker.waysIn.map { $0.requirements.map(\.kind) } == [[.training], [.apprenticeship]])
        let lived = try #require(pathway.role("senior")).criteria[0]
        #expect(lived.need == .essential)
        let adjusted = try pipeline.load(Self.folder + "/lived-experience-missing.yaml")
        #expect(adjusted.role("senior")?.criteria[0].need == .desirable)
        #expect(pathway.routes[1].requirements.first?.id == "peer-support-training")
    }

    @Test func anUnknownCatalogueIdIsLocated() throws {
        let text = TestSupport.read(Self.folder + "/clean.yaml").replacingOccurrences(of: "  - id: senior\n", with: "  - id: senior\n")
            .replacingOccurrences(of: "      - use: one-to-one\n      - area: Working alongside people", with: "      - use: one-to-won\n      - area: Working alongside people")
        let path = Self.folder + "/.unknown-id.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try pipeline.load(path)
            Issue.record("an unknown catalogue id loaded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message == "\(path):23:14: error: no duty 'one-to-won' in the catalogue; did you mean 'one-to-one'?")
        }
    }

    /// A pathway in a new folder naming `catalogue` as its own catalogue; returns its path.
    func pathwayNaming(_ catalogue: String) -> String {
        let text = TestSupport.read(Self.folder + "/clean.yaml")
            .replacingOccurrences(of: "  # catalogue: named by the tests, as --catalogue ../catalogue would", with: "  catalogue: \(catalogue)")
        return TestSupport.write(text)
    }

    @Test func aMissingCatalogueFolderIsLocatedWithTheAbsolutePathLookedIn() throws {
        let path = pathwayNaming("nowhere")
        let folder = (path as NSString).deletingLastPathComponent
        do {
            _ = try TestSupport.pipeline.load(path)
            Issue.record("a missing catalogue loaded")
        } catch {
            #expect(error.message == "\(path):8:14: error: catalogue folder 'nowhere' not found beside the pathway (looked in \(folder)/nowhere)")
        }
    }

    @Test func aCatalogueInThePathwaysFolderLoads() throws {
        let path = pathwayNaming("catalogue")
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.copyItem(atPath: TestSupport.fixture("catalogue"), toPath: folder + "/catalogue")
        #expect(try TestSupport.pipeline.load(path).role("worker")?.duties.first?.catalogueID == "one-to-one")
    }

    @Test(arguments: ["dotdot", "symlink", "absolute"])
    func aCatalogueOutsideThePathwaysFolderIsRefused(_ how: String) throws {
        let outside = TestSupport.fixture("catalogue")
        let named: String
        switch how {
        case "dotdot": named = "placeholder"
        case "absolute": named = outside
        default: named = "linked"
        }
        let path = pathwayNaming(named)
        let folder = (path as NSString).deletingLastPathComponent
        if how == "dotdot" {
            // Climb from the temporary folder to the root, then down to the fixtures.
            let depth = (folder as NSString).pathComponents.count - 1
            let climbing = String(repeating: "../", count: depth) + String(outside.dropFirst())
            try TestSupport.read(path).replacingOccurrences(of: "catalogue: \(named)", with: "catalogue: \(climbing)")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        if how == "symlink" { try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: outside) }
        do {
            _ = try TestSupport.pipeline.load(path)
            Issue.record("a catalogue outside the pathway's folder loaded (\(how))")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message.hasPrefix("\(path):8:14: error: catalogue folder"))
            #expect(error.message.contains("is outside the pathway's folder"))
        }
        // Named on the command line, the same folder is read.
        let explicit = try Pipeline(installation: TestSupport.installation, catalogue: outside)
        #expect(try explicit.load(path).role("worker")?.duties.first?.catalogueID == "one-to-one")
    }

    @Test func aCatalogueFileLinkedFromOutsideIsRefused() throws {
        let path = pathwayNaming("catalogue")
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder + "/catalogue", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/catalogue/duties.yaml", withDestinationPath: "/etc/passwd")
        do {
            _ = try TestSupport.pipeline.load(path)
            Issue.record("a linked catalogue file loaded")
        } catch {
            #expect(error.message.contains("is a link to /etc/passwd, outside the catalogue folder"))
            #expect(!error.message.contains("root:"))
        }
    }

    @Test func aCatalogueFileThatIsAPipeIsRefusedWithoutWaiting() throws {
        let path = pathwayNaming("catalogue")
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder + "/catalogue", withIntermediateDirectories: false)
        #expect(mkfifo(folder + "/catalogue/duties.yaml", 0o600) == 0)
        do {
            _ = try TestSupport.pipeline.load(path)
            Issue.record("a FIFO catalogue file loaded")
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.message == "\(folder)/catalogue/duties.yaml: error: is not a regular file (a device, pipe or socket); give a file")
        }
    }

    @Test func anUnknownDomainIsLocated() throws {
        let text = TestSupport.read(Self.folder + "/clean.yaml").replacingOccurrences(of: "domains: [teams-and-rights, knowledge]", with: "domains: [teams-and-rights, wisdom]")
        let path = Self.folder + "/.unknown-domain.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try pipeline.load(path)
            Issue.record("an unknown domain loaded")
        } catch {
            #expect(error.message.contains("'wisdom' is not a competence domain"))
        }
    }
}
