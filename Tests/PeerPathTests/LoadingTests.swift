import PeerPathLoading
import PeerPathModel
import Testing

@Suite("Loading pathway files, and located errors for bad ones")
struct LoadingTests {
    let loader = PathwayLoader(scheme: TestSupport.scheme)
    let valid = TestSupport.read(TestSupport.fixture("two-roles.yaml"))

    /// Loads text with one replacement applied and returns the error's message line.
    func failure(replacing old: String, with new: String) -> LoadError? {
        precondition(valid.contains(old), "fixture does not contain \(old)")
        let path = TestSupport.write(valid.replacingOccurrences(of: old, with: new))
        do {
            _ = try loader.load(file: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func theFixtureLoads() throws {
        let pathway = try loader.load(file: TestSupport.fixture("two-roles.yaml"))
        #expect(pathway.roles.map(\.id) == ["peer-worker", "lead"])
        #expect(pathway.organisation.name == "Test & Sons <Community> \"Peer\" Trust 🌱")
        #expect(pathway.role("lead")?.reportsTo == .post("Service Manager"))
        #expect(pathway.role("lead")?.contract.kind == .fixedTerm)
        #expect(pathway.routes.first?.needs == ["A year in post."])
        #expect(pathway.role("peer-worker")?.criteria.first?.livedExperience == true)
    }

    @Test func aMissingFileIsMissingInput() {
        #expect(throws: LoadError.self) { try loader.load(file: "/nonexistent/pathway.yaml") }
        do {
            _ = try loader.load(file: "/nonexistent/pathway.yaml")
        } catch {
            #expect(error.kind == .missingInput)
            #expect(error.description == "/nonexistent/pathway.yaml: error: no such file")
        }
    }

    @Test func malformedYAMLIsLocated() throws {
        let error = try #require(failure(replacing: "    title: Peer Lead\n", with: "    title: [Peer Lead\n"))
        #expect(error.kind == .badData)
        // libyaml notices the unclosed list on the next line, and names where it opened.
        #expect(error.line == 44)
        #expect(error.message.hasPrefix("YAML syntax:"))
        #expect(error.message.contains("at line 43"))
    }

    @Test func aWrongTypeIsLocated() throws {
        let error = try #require(failure(replacing: "    hours: 30", with: "    hours: thirty"))
        #expect(error.line == 55)
        #expect(error.column == 12)
        #expect(error.message == "expected a number for 'roles[2].hours', found 'thirty'")
    }

    @Test func anUnknownRoleInReportsToIsLocated() throws {
        let error = try #require(failure(replacing: "reports-to: lead", with: "reports-to: leader"))
        #expect(error.line == 14)
        #expect(error.column == 17)
        #expect(error.message.contains("'reports-to' names 'leader', which is not a role in this pathway"))
    }

    @Test func anUnknownFactorIsLocated() throws {
        let error = try #require(failure(replacing: "{F1: 4a, F6: 2}", with: "{F1: 4a, F17: 2}"))
        #expect(error.line == 26)
        #expect(error.message.hasPrefix("unknown key 'F17' in 'roles[1].duties[1].evidence'"))
    }

    @Test func aLevelOutsideTheFactorIsLocated() throws {
        let error = try #require(failure(replacing: "{F15: 3}", with: "{F15: 5}"))
        #expect(error.line == 35)
        #expect(error.column == 25)
        #expect(error.message == "level 5 is outside factor 15 (Emotional effort), which has levels 1 to 4")
    }

    @Test func aMalformedLevelIsLocated() throws {
        let error = try #require(failure(replacing: "{F1: 3c, F4: 2}", with: "{F1: high, F4: 2}"))
        #expect(error.line == 32)
        #expect(error.message.hasPrefix("'high' is not a level for F1"))
    }

    @Test func aMissingRequiredKeyIsLocated() throws {
        let error = try #require(failure(replacing: "    base: Community hub\n    supervision:\n      kind: peer",
                                         with: "    supervision:\n      kind: peer"))
        #expect(error.line == 9)
        #expect(error.message == "'roles[1]' is missing the required key 'base'")
    }

    @Test func aDuplicateRoleIdIsLocated() throws {
        let error = try #require(failure(replacing: "  - id: lead\n", with: "  - id: peer-worker\n"))
        #expect(error.line == 42)
        #expect(error.message == "role id 'peer-worker' is used twice")
    }

    @Test func aReportingLoopIsRefused() throws {
        let error = try #require(failure(replacing: "reports-to: {post: Service Manager}", with: "reports-to: peer-worker"))
        #expect(error.message.contains("reporting lines form a loop"))
    }

    @Test func aRouteToAnUnknownRoleIsLocated() throws {
        let error = try #require(failure(replacing: "    to: lead", with: "    to: director"))
        #expect(error.line == 69)
        #expect(error.message == "route names 'director', which is not a role in this pathway")
    }

    @Test func aFixedTermContractNeedsAReason() throws {
        let error = try #require(failure(replacing: "      reason: Funded for two years by a grant.\n", with: ""))
        #expect(error.message == "a fixed-term contract needs a 'reason'")
    }

    @Test func controlCharactersAreRefusedWithTheirPlace() throws {
        let error = try #require(failure(replacing: "Meet people one to one.", with: "Meet people\u{07} one to one."))
        #expect(error.line == 25)
        #expect(error.column == 26)
        #expect(error.message == "control character U+0007 is not allowed in a pathway file")
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array(valid.utf8)
        bytes.insert(0xFF, at: bytes.firstIndex(of: UInt8(ascii: "W"))!)
        let path = TestSupport.write("")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: LoadError.self) { try loader.load(file: path) }
        do { _ = try loader.load(file: path) } catch {
            #expect(error.message == "invalid UTF-8; save the file as UTF-8")
            #expect(error.line == 10)
        }
    }

    @Test func anEmptyFileIsRefused() throws {
        let path = TestSupport.write("")
        do {
            _ = try loader.load(file: path)
            Issue.record("an empty file loaded")
        } catch {
            #expect(error.description == "\(path):1:1: error: the file is empty")
        }
    }
}

import Foundation
