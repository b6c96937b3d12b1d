import Foundation
import Testing
@testable import PeerPath
import PeerPathLoading
import PeerPathModel

/// The source-preserving editor and the save: only the edited lines change, the saved file loads as
/// intended, hostile values round-trip, a changed file is refused, and nothing is written unless
/// everything checks.
@Suite struct PathwayEditTests {
    static let save = PathwaySave(pipeline: TestSupport.pipeline)

    /// A shipped pathway copied, with its catalogue, to a new temporary folder.
    static func copy(_ name: String) -> String {
        let folder = TestSupport.temporaryFolder()
        let pathways = (TestSupport.repository as NSString).appendingPathComponent("pathways")
        try! FileManager.default.copyItem(atPath: (pathways as NSString).appendingPathComponent("catalogue"),
                                          toPath: (folder as NSString).appendingPathComponent("catalogue"))
        let file = (folder as NSString).appendingPathComponent(name)
        try! FileManager.default.copyItem(atPath: (pathways as NSString).appendingPathComponent(name), toPath: file)
        return file
    }

    static let shipped = ["nhs-adult-mental-health.yaml", "nhs-perinatal.yaml", "community-peer-support.yaml"]

    /// Saves edits to a copy of a shipped pathway; returns the file, its old text and its new text.
    static func edit(_ name: String, _ edits: [PathwayEdit]) throws -> (file: String, old: String, new: String, saved: PathwaySave.Saved) {
        let file = copy(name)
        let (old, digest) = try PathwaySave.read(file)
        let saved = try save.save(edits, to: file, loaded: digest, loadedText: old)
        let new = TestSupport.read(file)
        #expect(new == saved.text)
        return (file, old, new, saved)
    }

    /// The lines that differ: where they start (0-based), the old ones and the new ones.
    static func changed(_ old: String, _ new: String) -> (at: Int, removed: [String], added: [String]) {
        let a = old.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let b = new.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return (prefix, Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
    }

    static func load(_ file: String) throws -> Pathway { try TestSupport.pipeline.load(file) }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Each operation, on every shipped pathway

    @Test(arguments: shipped)
    func settingTheTitleChangesOnlyItsLine(_ name: String) throws {
        let before = try Self.load(Self.copy(name))
        let role = before.roles[1]
        let (file, old, new, _) = try Self.edit(name, [.setRoleField(role: role.id, field: .title, value: "Peer Worker (Community)")])
        let change = Self.changed(old, new)
        #expect(change.removed == ["    title: \(role.title)"])
        #expect(change.added == ["    title: Peer Worker (Community)"])
        #expect(try Self.load(file).roles[1].title == "Peer Worker (Community)")
    }

    @Test(arguments: shipped)
    func settingThePurposeKeepsItFolded(_ name: String) throws {
        let before = try Self.load(Self.copy(name))
        let role = before.roles[0]
        let purpose = String(repeating: "Walks alongside people as an equal, drawing on lived experience. ", count: 4).trimmed()
        let (file, old, new, _) = try Self.edit(name, [.setRoleField(role: role.id, field: .purpose, value: purpose)])
        let change = Self.changed(old, new)
        // The key line stays; the folded text under it, and nothing else, is replaced.
        let oldLines = Self.lines(old)
        #expect(oldLines[change.at - 1] == "    purpose: >")
        #expect(!change.removed.isEmpty && change.removed.allSatisfy { $0.hasPrefix("      ") })
        #expect(!change.added.isEmpty && change.added.allSatisfy { $0.hasPrefix("      ") && $0.count <= 100 })
        #expect(!oldLines[change.at + change.removed.count].hasPrefix("      "))
        #expect(try Self.load(file).roles[0].purpose == purpose)
    }

    @Test(arguments: shipped)
    func addingACatalogueDutyAddsOneLine(_ name: String) throws {
        let before = try Self.load(Self.copy(name))
        let role = before.roles[2]
        let catalogue = try TestSupport.pipeline.loader.catalogue(for: Self.copy(name))
        let id = try #require(catalogue.dutyOrder.first { id in !role.duties.contains { $0.catalogueID == id } })
        let (file, old, new, _) = try Self.edit(name, [.addCatalogueDuty(role: role.id, id: id)])
        let change = Self.changed(old, new)
        #expect(change.removed.isEmpty)
        #expect(change.added == ["      - use: \(id)"])
        let after = try Self.load(file).roles[2]
        #expect(after.duties.count == role.duties.count + 1)
        #expect(after.duties.last?.catalogueID == id)
    }

    @Test(arguments: shipped)
    func addingADutyAtAPositionPutsItThere(_ name: String) throws {
        let before = try Self.load(Self.copy(name))
        let role = before.roles[1]
        let catalogue = try TestSupport.pipeline.loader.catalogue(for: Self.copy(name))
        let id = try #require(catalogue.dutyOrder.first { id in !role.duties.contains { $0.catalogueID == id } })
        let (file, old, new, _) = try Self.edit(name, [.addCatalogueDuty(role: role.id, id: id, at: 1)])
        let change = Self.changed(old, new)
        #expect(change.removed.isEmpty && change.added == ["      - use: \(id)"])
        #expect(try Self.load(file).roles[1].duties[1].catalogueID == id)
    }

    @Test(arguments: shipped)
    func addingAnOwnDutyWritesItInTheNeighboursStyle(_ name: String) throws {
        let role = try Self.load(Self.copy(name)).roles[3]
        let duty = NewDuty(area: "Working alongside people",
                           text: "Run a weekly walk-and-talk group in the park: plan the route, check the weather, and tell the team who came.",
                           evidence: [(6, "2"), (1, "3a")], domains: ["supporting-people"])
        let (file, old, new, _) = try Self.edit(name, [.addOwnDuty(role: role.id, duty: duty)])
        let change = Self.changed(old, new)
        #expect(change.removed.isEmpty)
        #expect(change.added.first == "      - area: Working alongside people")
        #expect(change.added.contains("        evidence: {F6: 2, F1: 3a}"))
        #expect(change.added.contains("        domains: [supporting-people]"))
        let added = try #require(try Self.load(file).roles[3].duties.last)
        #expect(added.text == duty.text)
        #expect(added.evidence.map(\.factor) == [6, 1])
        #expect(added.catalogueID == nil)
    }

    @Test(arguments: shipped)
    func removingADutyRemovesOnlyItsLines(_ name: String) throws {
        let role = try Self.load(Self.copy(name)).roles[1]
        let (file, old, new, _) = try Self.edit(name, [.removeDuty(role: role.id, index: 2)])
        let change = Self.changed(old, new)
        #expect(change.added.isEmpty)
        #expect(change.removed.first?.hasPrefix("      - ") == true)
        #expect(change.removed.dropFirst().allSatisfy { $0.hasPrefix("        ") || $0.isEmpty })
        let after = try Self.load(file).roles[1]
        #expect(after.duties.count == role.duties.count - 1)
        #expect(after.duties[2].text == role.duties[3].text)
    }

    @Test(arguments: shipped)
    func settingACatalogueDutysEvidenceAddsOneLine(_ name: String) throws {
        let role = try Self.load(Self.copy(name)).roles[0]
        let index = try #require(role.duties.firstIndex { $0.catalogueID != nil && !$0.evidence.contains { $0.factor == 11 } })
        let (file, old, new, _) = try Self.edit(name, [.setDutyEvidence(role: role.id, index: index, factor: 11, level: "2")])
        let change = Self.changed(old, new)
        #expect(change.removed.isEmpty)
        #expect(change.added.count == 1)
        #expect(change.added.first?.hasPrefix("        evidence: {") == true)
        #expect(change.added.first?.contains("F11: 2") == true)
        let duty = try Self.load(file).roles[0].duties[index]
        #expect(duty.evidence.first { $0.factor == 11 }?.level == LevelClaim(2))
        #expect(duty.evidence.count == role.duties[index].evidence.count + 1)
    }

    @Test func settingAnOwnDutysFlowEvidenceRewritesOnlyTheBraces() throws {
        let name = "community-peer-support.yaml"
        let role = try Self.load(Self.copy(name)).roles[0]
        let index = try #require(role.duties.firstIndex { $0.catalogueID == nil })
        let factor = try #require(role.duties[index].evidence.first).factor
        let (file, old, new, _) = try Self.edit(name, [.setDutyEvidence(role: role.id, index: index, factor: factor, level: nil)])
        let change = Self.changed(old, new)
        #expect(change.removed.count == 1 && change.added.count == 1)
        #expect(change.removed[0].hasPrefix("        evidence: {") && change.added[0].hasPrefix("        evidence: {"))
        #expect(try Self.load(file).roles[0].duties[index].evidence.count == role.duties[index].evidence.count - 1)
    }

    @Test(arguments: shipped)
    func addingAndRemovingCriteria(_ name: String) throws {
        let role = try Self.load(Self.copy(name)).roles[2]
        let catalogue = try TestSupport.pipeline.loader.catalogue(for: Self.copy(name))
        let id = try #require(catalogue.criterionOrder.first { id in !role.criteria.contains { $0.catalogueID == id } })
        let own = NewCriterion(category: "skills", text: "Can say \"no\" kindly: #boundaries, and mean it.", need: "desirable", assessed: ["interview"])
        let (file, old, new, _) = try Self.edit(name, [.addCatalogueCriterion(role: role.id, id: id),
                                                       .addOwnCriterion(role: role.id, criterion: own),
                                                       .removeCriterion(role: role.id, index: 0)])
        let change = Self.changed(old, new)
        // The first criterion's line went; the two new ones follow the last.
        #expect(Self.lines(old).count - change.removed.count + change.added.count == Self.lines(new).count)
        #expect(new.contains("      - use: \(id)\n      - category: skills\n        text: \"Can say \\\"no\\\" kindly: #boundaries, and mean it.\"\n        need: desirable\n        assessed: [interview]\n"))
        let after = try Self.load(file).roles[2]
        #expect(after.criteria.count == role.criteria.count + 1)
        #expect(after.criteria.last?.text == own.text)
        #expect(after.criteria[0].text == role.criteria[1].text)
    }

    @Test(arguments: shipped)
    func addingAndRemovingRoutes(_ name: String) throws {
        let pathway = try Self.load(Self.copy(name))
        let route = NewRoute(from: pathway.roles[0].id, to: pathway.roles[2].id, requires: [],
                             needs: ["Two years as a peer worker - or equivalent: ask us"])
        let (file, old, new, _) = try Self.edit(name, [.addRoute(route)])
        let change = Self.changed(old, new)
        #expect(change.removed.isEmpty)
        #expect(change.added == ["  - from: \(route.from)", "    to: \(route.to)", "    needs:",
                                 "      - \"Two years as a peer worker - or equivalent: ask us\""])
        let after = try Self.load(file)
        #expect(after.routes.count == pathway.routes.count + 1)
        #expect(after.routes.last?.needs == route.needs)

        let (text, digest) = try PathwaySave.read(file)
        _ = try Self.save.save([.removeRoute(index: after.routes.count - 1)], to: file, loaded: digest, loadedText: text)
        #expect(TestSupport.read(file) == old)
    }

    @Test(arguments: shipped)
    func addingARoleAppendsItAfterTheLast(_ name: String) throws {
        let pathway = try Self.load(Self.copy(name))
        let catalogue = try TestSupport.pipeline.loader.catalogue(for: Self.copy(name))
        let role = NewRole(id: "peer-support-worker-nights", title: "Peer Support Worker (nights)", kind: "peer-worker", tier: "2",
                           expectedBand: "4", reportsTo: pathway.roles[0].id == pathway.roles[1].id ? "" : pathway.roles[2].id,
                           base: "Acute wards: nights", supervisionKind: "peer", supervisionDetail: "Monthly peer supervision.",
                           hours: "37.5", purpose: "Offers peer support on the wards at night, as an equal.",
                           duties: Array(catalogue.dutyOrder.prefix(3)), criteria: Array(catalogue.criterionOrder.prefix(2)))
        let (file, old, new, _) = try Self.edit(name, [.addRole(role)])
        let change = Self.changed(old, new)
        #expect(change.removed.isEmpty)
        #expect(change.added.contains("  - id: peer-support-worker-nights"))
        #expect(change.added.contains("    base: \"Acute wards: nights\""))
        #expect(change.added.contains("    expected-band: \"4\""))
        let after = try Self.load(file)
        #expect(after.roles.count == pathway.roles.count + 1)
        #expect(after.roles.last?.duties.map(\.catalogueID) == role.duties.map { Optional($0) })
    }

    @Test func clearingAnOptionalFieldRemovesItsLineAndSettingItPutsItBackAfterItsNeighbour() throws {
        let name = "nhs-adult-mental-health.yaml"
        let role = try Self.load(Self.copy(name)).roles[0]
        let service = try #require(role.service)
        let (file, old, new, _) = try Self.edit(name, [.setRoleField(role: role.id, field: .service, value: "")])
        let change = Self.changed(old, new)
        #expect(change.removed == ["    service: \(service)"] && change.added.isEmpty)
        #expect(try Self.load(file).roles[0].service == nil)
        let (text, digest) = try PathwaySave.read(file)
        _ = try Self.save.save([.setRoleField(role: role.id, field: .service, value: service)], to: file, loaded: digest, loadedText: text)
        #expect(TestSupport.read(file) == old)
        let (again, digestAgain) = try PathwaySave.read(file)
        _ = try Self.save.save([.setRoleField(role: role.id, field: .service, value: "Adult: community # and wards")], to: file,
                               loaded: digestAgain, loadedText: again)
        #expect(Self.changed(old, TestSupport.read(file)).added == ["    service: \"Adult: community # and wards\""])
    }

    /// A copy of a shipped pathway whose text is changed first.
    static func copy(_ name: String, changing change: (String) -> String) -> String {
        let file = copy(name)
        try! change(TestSupport.read(file)).write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    @Test func aCommentAfterAnEditedValueAndCRLFLineEndsAreKept() throws {
        let file = Self.copy("nhs-adult-mental-health.yaml") {
            $0.replacingOccurrences(of: "    title: Peer Support Worker\n", with: "    title: Peer Support Worker   # agreed June 2026\n")
              .replacingOccurrences(of: "\n", with: "\r\n")
        }
        let (old, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[1]
        _ = try Self.save.save([.setRoleField(role: role.id, field: .title, value: "Peer Worker: Wards")], to: file, loaded: digest)
        let new = TestSupport.read(file)
        let change = Self.changed(old, new)
        #expect(change.removed == ["    title: Peer Support Worker   # agreed June 2026\r"])
        #expect(change.added == ["    title: \"Peer Worker: Wards\"   # agreed June 2026\r"])
        _ = try Self.save.save([.addCatalogueDuty(role: role.id, id: "go-with-people")], to: file, loaded: ContentDigest.sha256(new))
        let third = TestSupport.read(file)
        #expect(Self.changed(new, third).added == ["      - use: go-with-people\r"])
        #expect(third.components(separatedBy: "\r\n").count == old.components(separatedBy: "\r\n").count + 1)
        #expect(try Self.load(file).roles[1].title == "Peer Worker: Wards")
    }

    @Test func removingTheOnlyDutyGetsTheLoadersMessage() throws {
        let file = Self.copy("nhs-adult-mental-health.yaml")
        let (text, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[0]
        let edits = role.duties.indices.reversed().map { PathwayEdit.removeDuty(role: role.id, index: $0) }
        #expect {
            _ = try Self.save.save(edits, to: file, loaded: digest)
        } throws: { error in
            guard case .invalid(let load, let field) = error as? PathwaySave.Refusal else { return false }
            return load.message == "a role needs at least one duty" && field == "duty-0"
        }
        #expect(TestSupport.read(file) == text)
    }

    @Test func aListWrittenOnOneLineIsRefusedNotRewritten() throws {
        // The first role's duties as one flow list.
        let file = Self.copy("nhs-adult-mental-health.yaml") { text in
            let start = text.range(of: "    duties:\n")!
            let end = text.range(of: "    environment:\n", range: start.upperBound..<text.endIndex)!
            let ids = text[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.replacingOccurrences(of: "      - use: ", with: "") }
            return text.replacingCharacters(in: start.lowerBound..<end.lowerBound,
                                            with: "    duties: [" + ids.map { "{use: \($0)}" }.joined(separator: ", ") + "]\n")
        }
        let (text, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[0]
        #expect(role.duties.count > 2)
        #expect {
            _ = try Self.save.save([.removeDuty(role: role.id, index: 0)], to: file, loaded: digest)
        } throws: { error in
            guard case .invalid(let load, _) = error as? PathwaySave.Refusal else { return false }
            return load.message.contains("written on one line")
        }
        #expect(TestSupport.read(file) == text)
    }

    // MARK: Hostile values

    static let hostile = ["Peer: worker", "Peer # worker", "- leading dash", "#hash first", "'single' quotes", "\"double\" quotes",
                          "Ünïcødé – café ☃ 漢字", "two\nlines", "<script>alert(1)</script>", "\u{202E}override", "null", "123",
                          "tab\there", "back\\slash", "trailing colon:", "[bracket", "{brace", "&anchor", "*alias", "!tag",
                          "%percent", "@at", "`tick", "| pipe", "> greater", "? question", "yes", "  spaces around  ",
                          "line\u{2028}separator", "a  double  space purpose that is long enough to be folded by the writer if it could be, but it cannot"]

    /// Each role of the pathway takes one hostile value as its title, purpose and service, and gets
    /// an own duty and criterion with it: six values a save.
    @Test(arguments: stride(from: 0, to: hostile.count, by: 6).map { Array(hostile[$0..<min($0 + 6, hostile.count)]) })
    func hostileValuesRoundTrip(_ values: [String]) throws {
        let name = "nhs-adult-mental-health.yaml"
        let roles = try Self.load(Self.copy(name)).roles
        var edits: [PathwayEdit] = []
        for (role, value) in zip(roles, values) {
            edits += [.setRoleField(role: role.id, field: .title, value: value),
                      .setRoleField(role: role.id, field: .purpose, value: value),
                      .setRoleField(role: role.id, field: .service, value: value),
                      .addOwnDuty(role: role.id, duty: NewDuty(area: value, text: value, evidence: [(1, "3a")])),
                      .addOwnCriterion(role: role.id, criterion: NewCriterion(category: "values", text: value, need: "essential",
                                                                              assessed: ["interview"]))]
        }
        let (file, _, _, saved) = try Self.edit(name, edits)
        let after = try Self.load(file).roles
        for (index, value) in values.enumerated() {
            let expected = value.trimmed()
            #expect(after[index].title == expected)
            #expect(after[index].purpose == expected)
            #expect(after[index].service == expected)
            #expect(after[index].duties.last?.text == expected && after[index].duties.last?.area == expected)
            #expect(after[index].criteria.last?.text == expected)
            #expect(saved.pathway.roles[index].title == expected)
        }
    }

    @Test func aControlCharacterIsRefusedWithTheLoadersLocatedMessage() throws {
        let file = Self.copy("nhs-perinatal.yaml")
        let (text, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[0]
        #expect {
            _ = try Self.save.save([.setRoleField(role: role.id, field: .title, value: "bell\u{07}")], to: file, loaded: digest)
        } throws: { error in
            guard case .invalid(let load, let field) = error as? PathwaySave.Refusal else { return false }
            return load.description.contains("control character U+0007 is not allowed") && field == "title"
        }
        #expect(TestSupport.read(file) == text)
    }

    // MARK: Refusals leave the file alone

    @Test func aFileChangedOnDiskIsRefusedWithTheDifference() throws {
        let file = Self.copy("nhs-adult-mental-health.yaml")
        let (text, digest) = try PathwaySave.read(file)
        let changed = text.replacingOccurrences(of: "title: Peer Leader\n", with: "title: Lead Peer Worker\n")
        try changed.write(toFile: file, atomically: false, encoding: .utf8)
        let role = try Self.load(file).roles[0]
        #expect {
            _ = try Self.save.save([.setRoleField(role: role.id, field: .title, value: "New")], to: file, loaded: digest, loadedText: text)
        } throws: { error in
            guard case .changedOnDisk(let difference, let now) = error as? PathwaySave.Refusal else { return false }
            return difference.contains("-") && difference.contains("title: Peer Leader") && difference.contains("+")
                && difference.contains("title: Lead Peer Worker") && now == ContentDigest.sha256(changed)
        }
        #expect(TestSupport.read(file) == changed)
    }

    @Test func anInvalidEditGetsTheCommandLinesMessageBesideItsField() throws {
        let file = Self.copy("nhs-perinatal.yaml")
        let (text, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[0]
        #expect {
            _ = try Self.save.save([.setRoleField(role: role.id, field: .title, value: "Fine"),
                                    .addCatalogueDuty(role: role.id, id: "no-such-duty")], to: file, loaded: digest)
        } throws: { error in
            guard case .invalid(let load, let field) = error as? PathwaySave.Refusal else { return false }
            return load.description.contains("\(file):") && load.description.contains("error: no duty 'no-such-duty' in the catalogue")
                && field == "new-duty"
        }
        #expect {
            _ = try Self.save.save([.setDutyEvidence(role: role.id, index: 0, factor: 1, level: "9")], to: file, loaded: digest)
        } throws: { error in
            guard case .invalid(let load, let field) = error as? PathwaySave.Refusal else { return false }
            return load.line != nil && field == "evidence-0-F1"
        }
        #expect {
            _ = try Self.save.save([.setRoleField(role: role.id, field: .hours, value: "lots")], to: file, loaded: digest)
        } throws: { error in
            guard case .invalid(let load, let field) = error as? PathwaySave.Refusal else { return false }
            return load.message.contains("expected a number") && field == "hours"
        }
        #expect(TestSupport.read(file) == text)
    }

    @Test func anEditThatDoesNotLoadAsIntendedIsNotSaved() throws {
        let file = Self.copy("nhs-adult-mental-health.yaml")
        let (text, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[0]
        #expect {
            // A faulty editor: the title it writes is not the one asked for.
            _ = try Self.save.save([.setRoleField(role: role.id, field: .title, value: "Asked for")], to: file, loaded: digest,
                                   loadedText: text, rewrite: { $0.replacingOccurrences(of: "title: Asked for", with: "title: Written") })
        } throws: { error in
            guard case .notAsIntended(let differences) = error as? PathwaySave.Refusal else { return false }
            return differences.contains { $0.contains("roles[0].title") && $0.contains("'Asked for'") && $0.contains("'Written'") }
        }
        #expect(TestSupport.read(file) == text)
    }

    @Test func theSaveReplacesTheFileByRenameAndLeavesNothingBeside() throws {
        let file = Self.copy("nhs-perinatal.yaml")
        let folder = (file as NSString).deletingLastPathComponent
        let link = (folder as NSString).appendingPathComponent("old-version.yaml")
        try FileManager.default.linkItem(atPath: file, toPath: link)
        let (text, digest) = try PathwaySave.read(file)
        let role = try Self.load(file).roles[0]
        _ = try Self.save.save([.setRoleField(role: role.id, field: .title, value: "Renamed")], to: file, loaded: digest)
        // The old file's inode keeps the old bytes: the new file was renamed over the name, not written into it.
        #expect(TestSupport.read(link) == text)
        #expect(TestSupport.read(file) != text)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == ["catalogue", "nhs-perinatal.yaml", "old-version.yaml"])
    }

    // MARK: Parts

    @Test func digestIsSHA256() {
        #expect(ContentDigest.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentDigest.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentDigest.sha256(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func modelDifferenceIgnoresWhereValuesWereReadAndFindsWhatChanged() throws {
        let pathway = try Self.load(Self.copy("nhs-perinatal.yaml"))
        var moved = pathway
        moved.roles[0].location = SourceLocation(file: "elsewhere", line: 99, column: 9)
        moved.roles[0].duties[0].location = nil
        #expect(ModelDifference.between(expected: pathway, found: moved).isEmpty)
        var changed = pathway
        changed.roles[1].duties[2].text = "Something else"
        changed.roles[0].scoringReasons["x"] = "y"
        let differences = ModelDifference.between(expected: pathway, found: changed)
        #expect(differences.contains { $0.hasPrefix("roles[1].duties[2].text:") })
        #expect(differences.contains { $0.hasPrefix("roles[0].scoringReasons") })
    }

    @Test func lineDifferenceShowsRemovedAndAddedLines() {
        let difference = LineDifference.unified(old: "a\nb\nc\n", new: "a\nB\nc\nd\n")
        #expect(difference == "--- loaded\n+++ on disk\n-2: b\n+2: B\n+4: d")
    }
}

