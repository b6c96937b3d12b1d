import Foundation
@testable import PeerPath
@testable import PeerPathModel
import Testing

@Suite("Pathway rules: the same for YAML and XML, linear in the pathway's size")
struct PathwayRulesTests {
    /// The two-role fixture as a model, to vary.
    static let base: Pathway = try! TestSupport.pipeline.load(TestSupport.fixture("two-roles.yaml"))

    /// `count` roles, each reporting to the next; the last to a post outside the pathway.
    static func chain(_ count: Int) -> Pathway {
        var pathway = base
        let template = base.roles[0]
        pathway.roles = (0..<count).map { number in
            var role = template
            role.id = "r\(number)"
            role.reportsTo = number == count - 1 ? .post("Director") : .role("r\(number + 1)")
            return role
        }
        pathway.routes = []
        return pathway
    }

    func violation(_ pathway: Pathway) -> RuleViolation? {
        do {
            try PathwayRules.check(pathway)
            return nil
        } catch {
            return error
        }
    }

    @Test func theFixtureKeepsTheRules() {
        #expect(violation(Self.base) == nil)
    }

    @Test func aChainOfTheMostRolesAllowedPasses() {
        #expect(violation(Self.chain(PathwayRules.maximumRoles)) == nil)
    }

    @Test func oneRoleMoreThanAllowedIsRefused() {
        let found = violation(Self.chain(PathwayRules.maximumRoles + 1))
        #expect(found?.place == .pathway("roles"))
        #expect(found?.message == "more than 200 roles; a pathway this large is not a career ladder")
    }

    @Test func aLoopAtTheEndOfALongChainIsNamedWholeAndOnce() {
        var pathway = Self.chain(5)
        pathway.roles[4].reportsTo = .role("r2")
        let found = violation(pathway)
        #expect(found?.message == "reporting lines form a loop: r2 → r3 → r4 → r2")
        #expect(found?.place == .role(2, "reports-to"))
    }

    @Test(arguments: [0.0, 0.5, 1e-300, 48.5, 9e15, Double.infinity, Double.nan])
    func hoursOutsideOneToFortyEightAreRefused(_ hours: Double) {
        var pathway = Self.base
        pathway.roles[1].hours = hours
        #expect(violation(pathway)?.place == .role(1, "hours"))
    }

    @Test(arguments: [0, -1, 51, Int.max])
    func tiersOutsideTheLadderAreRefused(_ tier: Int) {
        var pathway = Self.base
        pathway.roles[0].tier = tier
        #expect(violation(pathway)?.message == "'tier' must be from 1 (the entry role) to 50")
    }

    @Test(arguments: [" lead", "lead ", "le ad", "", "Lead", "-lead", String(repeating: "a", count: 65)])
    func idsAreTakenAsWrittenAndRefusedWhenNotIds(_ id: String) {
        var pathway = Self.base
        pathway.roles[1].id = id
        pathway.roles[0].reportsTo = .role(id)
        pathway.routes = []
        #expect(violation(pathway)?.place == .role(0, "reports-to") || violation(pathway)?.place == .role(1, "id"))
        #expect(Identifier.problem(id, for: "x") != nil)
    }

    @Test func anIdOfSixtyFourCharactersIsAnId() {
        #expect(Identifier.problem(String(repeating: "a", count: 64), for: "x") == nil)
    }

    @Test func theReadersShareTheRules() throws {
        // The XML export of a pathway whose role has 9e15 hours is refused by the same rule as YAML.
        let out = TestSupport.temporaryFolder()
        let pathway = TestSupport.fixture("two-roles.yaml")
        _ = try Batch(pipeline: TestSupport.pipeline, files: [pathway], folder: out, jobs: 1).run()
        let xml = out + "/two-roles/pathway.xml"
        try TestSupport.read(xml).replacingOccurrences(of: "hours=\"30.0\"", with: "hours=\"9000000000000000\"")
            .write(toFile: xml, atomically: true, encoding: .utf8)
        #expect(throws: PeerPathError.self) { try TestSupport.pipeline.load(xml) }
        do {
            _ = try TestSupport.pipeline.load(xml)
        } catch {
            #expect(error.message == "\(xml):2: error: 'hours' must be from 1 to 48 a week")
        }
    }
}

@Suite("A broken installation: one line, exit 70", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct BrokenInstallationTests {
    /// A copy of peerpath's data, templates and schema to break.
    static func share() throws -> String {
        let folder = TestSupport.temporaryFolder()
        for part in ["data", "templates", "schemas"] {
            try FileManager.default.copyItem(atPath: TestSupport.repository + "/" + part, toPath: folder + "/" + part)
        }
        return folder
    }

    func generate(share: String) throws -> BoundedRun {
        let out = TestSupport.temporaryFolder() + "/out"
        // --validate: the schema is compiled only when files are checked as they are written.
        let run = try BoundedRun(["generate", TestSupport.fixture("two-roles.yaml"), "--out", out, "--validate"], share: share)
        #expect(!FileManager.default.fileExists(atPath: out))
        return run
    }

    @Test(arguments: [
        ["job-description": "{{> job-description}}"],
        ["job-description": "{{>person-specification}}", "person-specification": "{{> panel-pack }}", "panel-pack": "{{> job-description}}"],
    ])
    func templatesThatIncludeEachOtherWithoutEndAreRefused(_ loops: [String: String]) throws {
        let share = try Self.share()
        for (name, tag) in loops {
            let file = "\(share)/templates/\(name).mustache"
            try (TestSupport.read(file) + "\n" + tag + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        let run = try generate(share: share)
        #expect(run.status == 70, "\(run.stderr.prefix(300))")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("error: templates include each other without end: "))
    }

    @Test(arguments: ["<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start>",
                      "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><ref name=\"nowhere\"/></start></grammar>"])
    func aBrokenSchemaGivesOneLine(_ text: String) throws {
        let share = try Self.share()
        try text.write(toFile: share + "/schemas/peerpath.rng", atomically: true, encoding: .utf8)
        let run = try generate(share: share)
        #expect(run.status == 70)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("\(share)/schemas/peerpath.rng:"))
    }

    @Test func anEmptyOutputFolderNameIsAUsageError() throws {
        let run = try PeerPathProcess(["generate", TestSupport.fixture("two-roles.yaml"), "--out", ""])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--out needs a folder"))
    }
}
