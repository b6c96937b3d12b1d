import Foundation
@testable import PeerPath
@testable import PeerPathDocuments
@testable import PeerPathLoading
@testable import PeerPathModel
import Testing

/// What a newcomer writing a pathway from the README meets: a catalogue to browse, messages that
/// say how to fix a mistake, and help and counts that read right.
@Suite("A newcomer's pathway: suggestions, plain YAML errors, unneeded ladder reasons, changed catalogue text")
struct NewcomerTests {
    let shipped = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"
    let twoRoles = TestSupport.fixture("two-roles.yaml")
    /// The shipped catalogue named as --catalogue names it, so a changed copy of a shipped pathway
    /// can be written elsewhere than pathways/ (where `check pathways` would find it).
    static let shippedPipeline = try! Pipeline(installation: TestSupport.installation,
                                               catalogue: TestSupport.installation.catalogueFolder)

    /// The load error of the two-role fixture with one replacement, or nil when it loads.
    func failure(_ file: String, replacing old: String, with new: String, pipeline: Pipeline = TestSupport.pipeline) throws -> PeerPathError? {
        let original = TestSupport.read(file)
        try #require(original.contains(old), "the fixture no longer holds \(old)")
        let text = original.replacingOccurrences(of: old, with: new)
        let path = TestSupport.write(text)
        do {
            _ = try pipeline.load(path)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Suggestions

    @Test func theNearestNameIsSuggestedOnlyWhenClose() {
        let ids = ["one-to-one-peer-support", "co-facilitate-groups", "set-peer-standards"]
        #expect(Suggestion.nearest(to: "one-to-one-peer-suport", among: ids) == "one-to-one-peer-support")
        #expect(Suggestion.nearest(to: "set-peer-stnadards", among: ids) == "set-peer-standards")   // a swap
        #expect(Suggestion.nearest(to: "Set-Peer-Standards", among: ids) == "set-peer-standards")   // case only
        #expect(Suggestion.nearest(to: "lead-groups", among: ids) == nil)
        #expect(Suggestion.nearest(to: "one-to-one", among: ids) == nil)
        #expect(Suggestion.nearest(to: "F8", among: ["F1", "F9"]) == "F1")
        #expect(Suggestion.nearest(to: "xx", among: ["F1", "F9"]) == nil)
        #expect(Suggestion.didYouMean("peer-wroker", among: ["peer-worker", "head"]) == "; did you mean 'peer-worker'?")
        #expect(Suggestion.didYouMean("nothing-like", among: ["peer-worker", "head"]) == "")
    }

    @Test(arguments: [
        // An unknown key, enum value, band, role, route end and domain each name the near one.
        ("    expected-band: \"3\"\n", "    expcted-band: \"3\"\n", "unknown key 'expcted-band' in 'roles[1]'; did you mean 'expected-band'? Expected one of: agreed-by, apprenticeship, base,"),
        ("    kind: peer-worker\n", "    kind: peer-wroker\n", "'peer-wroker' is not allowed for 'roles[1].kind'; did you mean 'peer-worker'?"),
        ("      kind: peer\n", "      kind: Peer\n", "'Peer' is not allowed for 'roles[1].supervision.kind'; did you mean 'peer'?"),
        ("    expected-band: \"4\"\n", "    expected-band: \"8A\"\n", "'8A' is not a band; did you mean '8a'?"),
        ("    reports-to: lead\n", "    reports-to: leed\n", "'reports-to' names 'leed', which is not a role in this pathway; did you mean 'lead'? Or use {post: …} for a post outside it"),
        ("{F9: 2, F12: 2-3}", "{F9: 2, f12: 2-3}", "unknown key 'f12' in 'roles[2].duties[1].evidence'; did you mean 'F12'? Expected one of: F1, F10,"),
    ])
    func unknownNamesSuggestTheNearest(old: String, new: String, message: String) throws {
        let error = try #require(try failure(twoRoles, replacing: old, with: new))
        #expect(error.exitCode == 65)
        #expect(error.message.contains(": error: " + message), "\(error.message)")
    }

    @Test func farOffNamesSuggestNothing() throws {
        let error = try #require(try failure(twoRoles, replacing: "    reports-to: lead\n", with: "    reports-to: director\n"))
        #expect(error.message.hasSuffix("'reports-to' names 'director', which is not a role in this pathway; use a role id or {post: …} for a post outside it"))
        let key = try #require(try failure(twoRoles, replacing: "    hours: 37.5\n", with: "    salary: 30000\n    hours: 37.5\n"))
        #expect(!key.message.contains("did you mean"))
    }

    @Test func anUnknownCatalogueIdSuggestsTheNearestOfItsKind() throws {
        let duty = try #require(try failure(shipped, replacing: "      - use: one-to-one-peer-support\n", with: "      - use: one-to-one-peer-suport\n",
                                            pipeline: Self.shippedPipeline))
        #expect(duty.message.contains("error: no duty 'one-to-one-peer-suport' in the catalogue; did you mean 'one-to-one-peer-support'?"))
        let text = TestSupport.read(shipped)
        let criterion = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("      - use: lived-experience") })
        let typo = criterion.replacingOccurrences(of: "lived-experience", with: "lived-experiense")
        let error = try #require(try failure(shipped, replacing: criterion + "\n", with: typo + "\n", pipeline: Self.shippedPipeline))
        #expect(error.message.contains("error: no criterion '\(typo.dropFirst("      - use: ".count))' in the catalogue; did you mean '\(criterion.dropFirst("      - use: ".count))'?"))
    }

    @Test func anUnknownRoleOnTheCommandLineSuggestsTheNearest() throws {
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(shipped), file: shipped)
        do {
            try assessment.requireRole("peer-leeder", file: shipped)
            Issue.record("an unknown role was accepted")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.message.hasPrefix("\(shipped): error: no role 'peer-leeder' in this pathway; did you mean 'peer-leader'? Its roles are: "))
        }
    }

    // MARK: YAML indentation in plain words

    @Test(arguments: [
        // A key indented one space more than the keys beside it.
        ("    title: Peer Worker\n", "     title: Peer Worker\n", 10,
         "YAML indentation: line 10 is indented differently from its neighbours: by 5 spaces, and the keys of line 9 above it by 4 spaces."),
        // One space less.
        ("    title: Peer Worker\n", "   title: Peer Worker\n", 10,
         "YAML indentation: line 10 is indented differently from its neighbours: by 3 spaces, and the keys of line 9 above it by 4 spaces."),
        // A list item out of line with the items before it.
        ("      - area: Groups\n", "     - area: Groups\n", 30,
         "YAML indentation: line 30 is indented differently from its neighbours: by 5 spaces, and line 29 above it by 8 spaces."),
        // A key below a nested mapping, indented as if inside it.
        ("    base: Community hub\n    supervision:\n      kind: peer\n", "      base: Community hub\n    supervision:\n      kind: peer\n", 15,
         "YAML indentation: line 15 is indented differently from its neighbours: by 6 spaces, and line 14 above it by 4 spaces."),
    ])
    func indentationErrorsSayWhichLineAndWhatToCheck(old: String, new: String, line: Int, message: String) throws {
        let error = try #require(try failure(twoRoles, replacing: old, with: new))
        #expect(error.exitCode == 65)
        #expect(error.message.contains(":\(line):"))
        #expect(error.message.contains(": error: " + message), "\(error.message)")
        #expect(error.message.contains("Check the spaces at the start of line \(line)"))
        #expect(error.message.hasSuffix(")"))   // libyaml's own words last, in brackets
        #expect(!error.message.contains("\n"))
    }

    @Test func aTabAndASecondColonAreExplained() throws {
        let tab = try #require(try failure(twoRoles, replacing: "    tier: 1\n", with: "\ttier: 1\n"))
        #expect(tab.message.contains(":12:1: error: YAML indentation: line 12 is indented with a tab; YAML indents with spaces only"))
        let colon = try #require(try failure(twoRoles, replacing: "    purpose: Walks alongside people & shares their own story.\n",
                                             with: "    purpose: Walks alongside people: shares their own story.\n"))
        #expect(colon.message.contains(":22:36: error: YAML syntax: line 22 has a second ': ' inside the value of 'purpose'; put the value in quotes"))
    }

    @Test func otherYAMLErrorsKeepLibyamlsWords() throws {
        let error = try #require(try failure(twoRoles, replacing: "    title: Peer Lead\n", with: "    title: [Peer Lead\n"))
        #expect(error.message.contains("error: YAML syntax: "))
        #expect(!error.message.contains("indented"))
    }

    // MARK: Ladder reasons nothing needs

    @Test func aLadderReasonForAFactorThatDoesNotDropIsANote() throws {
        let fixture = TestSupport.fixture("findings.yaml")
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(fixture), file: fixture)
        let notes = assessment.findings.filter { $0.code == .ladderReasonUnneeded }
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note.severity == .note)
        #expect(note.roleID == "dropper")
        #expect(note.location?.line == 87)
        #expect(note.message == "Dropping Role gives a reason under 'ladder-reasons: F2', but it does not drop on factor 2 (Knowledge, training and experience): it is at level 5, and the roles leading to it are no higher (Borderline Role level 5); the reason can go")
        // The F16 reason excuses a real drop, so it is no note.
        #expect(!notes.contains { $0.message.contains("F16") })
        #expect(CheckReport(assessment: assessment).summary.hasSuffix(", 1 note"))
    }

    @Test func aBandReasonOnARoleNothingLeadsToIsANote() throws {
        let text = TestSupport.read(twoRoles).replacingOccurrences(
            of: "    purpose: Walks alongside people & shares their own story.\n",
            with: "    purpose: Walks alongside people & shares their own story.\n    ladder-reasons:\n      band: Part of a funded pilot.\n")
        let path = TestSupport.write(text)
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(path), file: path)
        let note = try #require(assessment.findings.first { $0.code == .ladderReasonUnneeded })
        #expect(note.severity == .note)
        #expect(note.message == "Peer Worker gives a reason under 'ladder-reasons: band', but no route leads to it, so there is no drop on the band to excuse; the reason can go")
        #expect(note.location?.line == 24)
        #expect(FindingCode.ladderReasonUnneeded.family == .evaluation)
    }

    @Test func aBandReasonThatExcusesADropIsNoNote() throws {
        let fixture = TestSupport.fixture("findings.yaml")
        let text = TestSupport.read(fixture).replacingOccurrences(of: "      F16: This role works indoors only.\n",
                                                                  with: "      F16: This role works indoors only.\n      band: A pilot role.\n")
        let path = TestSupport.write(text)
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(path), file: path)
        #expect(!assessment.findings.contains { $0.code == .bandDrop })
        #expect(!assessment.findings.contains { $0.code == .ladderReasonUnneeded && $0.message.contains("'ladder-reasons: band'") })
    }

    // MARK: A catalogue duty with its own text

    @Test func aUseMayChangeADutysTextAndKeepsItsEvidence() throws {
        let pipeline = TestSupport.fixturePipeline
        let file = TestSupport.fixture("practice/clean.yaml")
        let original = try pipeline.load(file)
        let changed = "Meet people one to one in the perinatal service, and share parts of your own story when it helps."
        let text = TestSupport.read(file).replacingOccurrences(
            of: "      - use: one-to-one\n      - area: Working alongside people",
            with: "      - use: one-to-one\n        text: \(changed)\n      - area: Working alongside people")
        let path = TestSupport.write(text)
        let pathway = try pipeline.load(path)
        let index = try #require(pathway.roles.firstIndex { $0.duties.contains { $0.text == changed } })
        let duty = try #require(pathway.roles[index].duties.first { $0.text == changed })
        let before = try #require(original.roles[index].duties.first { $0.catalogueID == "one-to-one" })
        #expect(duty.catalogueID == "one-to-one")
        #expect(duty.evidence.map { "F\($0.factor) \($0.level)" } == before.evidence.map { "F\($0.factor) \($0.level)" })
        #expect(duty.domains == before.domains)
        #expect(duty.area == before.area)
        // The job description carries the new text, and not the catalogue's.
        let assessment = pipeline.assess(pathway, file: path)
        let entry = try #require(assessment.role(pathway.roles[index].id))
        let document = try pipeline.documentWriters().jobDescriptions.compose(pipeline.roleCase(entry, in: assessment, payScale: pipeline.documentWriters().payScale))
        let items = document.blocks.flatMap { block -> [String] in if case .list(let list) = block { list.items } else { [] } }
        #expect(items.contains(changed))
        #expect(!items.contains(before.text))
        // The evaluation is the catalogue duty's.
        #expect(entry.evaluation.points == pipeline.assess(original, file: file).role(entry.role.id)?.evaluation.points)
        // And the XML export keeps the new text.
        let files = try pipeline.outputs(for: assessment)
        let export = try #require(files.first { $0.path.hasSuffix("/pathway.xml") })
        #expect(String(decoding: export.data, as: UTF8.self).contains(changed))
    }

    @Test func aUseWithTextAndEvidenceTakesBoth() throws {
        let pipeline = TestSupport.fixturePipeline
        let file = TestSupport.fixture("practice/clean.yaml")
        let text = TestSupport.read(file).replacingOccurrences(
            of: "      - use: one-to-one\n      - area: Working alongside people",
            with: "      - use: one-to-one\n        text: Meet people one to one.\n        evidence: {F1: 3a}\n      - area: Working alongside people")
        let pathway = try pipeline.load(TestSupport.write(text))
        let duty = try #require(pathway.roles.flatMap(\.duties).first { $0.text == "Meet people one to one." })
        #expect(duty.evidence.map { "F\($0.factor) \($0.level)" } == ["F1 3a"])
    }

    // MARK: Counts

    @Test func countsAreSingularForOne() {
        #expect(1.counted("error") == "1 error")
        #expect(0.counted("error") == "0 errors")
        #expect(2.counted("duty", plural: "duties") == "2 duties")
        var summary = Batch.Summary()
        summary.files = 1
        summary.pathways = 1
        summary.roles = 1
        summary.errors = 1
        summary.warnings = 1
        #expect(summary.line(folder: "out") == "peerpath: wrote 1 file for 1 pathway under out (1 role; findings: 1 error, 1 warning; 0.00 s)")
        summary.errors = 2
        summary.warnings = 0
        #expect(summary.line(folder: "out").contains("findings: 2 errors, 0 warnings;"))
    }

    @Test func reportsCountInTheSingularForOne() throws {
        let text = TestSupport.read(twoRoles)
        // Only the peer worker: one role, whose band is expected wrongly (one error).
        let single = String(text[..<text.range(of: "  - id: lead\n")!.lowerBound]).replacingOccurrences(of: "    reports-to: lead\n", with: "    reports-to: {post: Lead}\n")
        let path = TestSupport.write(single)
        let assessment = TestSupport.pipeline.assess(try TestSupport.pipeline.load(path), file: path)
        let check = CheckReport(assessment: assessment, families: [.evaluation])
        #expect(check.summary.hasPrefix("two-roles: 1 role checked, "))
        #expect(check.errors != 1 || check.summary.contains(" 1 error,"))
        let evaluation = EvaluationReport(assessment: assessment, scheme: TestSupport.pipeline.scheme, roleID: nil).text()
        #expect(evaluation.contains("two-roles: 1 role, "))
        #expect(!evaluation.contains(" 1 errors") && !evaluation.contains(" 1 warnings") && !evaluation.contains(" 1 notes"))
        let trace = TraceReport(assessment: assessment, roleID: "peer-worker").text()
        #expect(trace.contains("peer-worker: 3 duties traced"))
    }
}

@Suite("peerpath catalogue, check and lint over folders, help", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct NewcomerCommandTests {
    @Test func aDutyShowsItsIdAreaTextDomainsAndEvidence() throws {
        let run = try PeerPathProcess(["catalogue", "duties", "--search", "set-peer-standards"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("catalogue: \(TestSupport.repository)/pathways/catalogue\n"))
        #expect(run.stdout.contains("\n  set-peer-standards — "))
        #expect(run.stdout.contains("F2 level 6 (Knowledge, training and experience)"))
        #expect(run.stdout.contains("    domains: "))
        #expect(run.stdout.contains("use under a role's duties as '- use: ID'"))
        #expect(!run.stdout.contains("criteria ("))
    }

    @Test func theFiltersNarrowTheList() throws {
        let all = try PeerPathProcess(["catalogue", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        let duties = try #require(json["duties"] as? [[String: Any]])
        let criteria = try #require(json["criteria"] as? [[String: Any]])
        let requirements = try #require(json["requirements"] as? [[String: Any]])
        #expect(duties.count > 50 && criteria.count > 10 && requirements.count > 5)
        #expect(duties.first?["id"] as? String == "meet-people-with-guidance")   // the file's own order
        let standards = try #require(duties.first { $0["id"] as? String == "set-peer-standards" })
        let evidence = try #require(standards["evidence"] as? [[String: Any]])
        #expect(evidence.contains { $0["factor"] as? Int == 2 && $0["level"] as? String == "6" && $0["name"] as? String == "Knowledge, training and experience" })
        #expect(criteria.allSatisfy { $0["need"] is String && $0["assessed"] is [String] && $0["livedExperience"] is Bool })
        #expect(requirements.allSatisfy { $0["kind"] is String && $0["text"] is String })

        let factor = try PeerPathProcess(["catalogue", "--factor", "F8", "--format", "json"])
        let byFactor = try #require(try JSONSerialization.jsonObject(with: Data(factor.stdout.utf8)) as? [String: Any])
        let factorDuties = try #require(byFactor["duties"] as? [[String: Any]])
        #expect(!factorDuties.isEmpty && factorDuties.count < duties.count)
        #expect(factorDuties.allSatisfy { (($0["evidence"] as? [[String: Any]]) ?? []).contains { $0["factor"] as? Int == 8 } })
        #expect((byFactor["criteria"] as? [Any])?.isEmpty == true)   // criteria evidence no factor

        let domain = try PeerPathProcess(["catalogue", "criteria", "--domain", "relational-skills", "--format", "json"])
        let byDomain = try #require(try JSONSerialization.jsonObject(with: Data(domain.stdout.utf8)) as? [String: Any])
        #expect(byDomain["duties"] == nil && byDomain["requirements"] == nil)
        let domainCriteria = try #require(byDomain["criteria"] as? [[String: Any]])
        #expect(!domainCriteria.isEmpty && domainCriteria.count < criteria.count)
        #expect(domainCriteria.allSatisfy { ($0["domains"] as? [String])?.contains("relational-skills") == true })

        let search = try PeerPathProcess(["catalogue", "requirements", "--search", "APPRENTICESHIP level"])
        #expect(search.stdout.contains("peer-worker-apprenticeship — apprenticeship"))
        #expect(search.stdout.contains("requirements (2 of "), "\(search.stdout)")
    }

    @Test func anUnknownDomainOrFactorIsAUsageError() throws {
        let domain = try PeerPathProcess(["catalogue", "--domain", "suporting-people"])
        #expect(domain.status == 64)
        #expect(domain.stderr.contains("'suporting-people' is not a competence domain; did you mean 'supporting-people'?"))
        let factor = try PeerPathProcess(["catalogue", "--factor", "F17"])
        #expect(factor.status == 64)
        #expect(factor.stderr.contains("there is no factor 17"))
        let section = try PeerPathProcess(["catalogue", "dutys"])
        #expect(section.status == 64)
    }

    @Test func theCatalogueOfAPathwayOrAFolder() throws {
        let pathway = try PeerPathProcess(["catalogue", "--pathway", TestSupport.fixture("two-roles.yaml")])
        #expect(pathway.status == 65)
        #expect(pathway.stderr.contains("the pathway names no catalogue"))
        let shipped = try PeerPathProcess(["catalogue", "duties", "--pathway", TestSupport.repository + "/pathways/nhs-perinatal.yaml"])
        #expect(shipped.status == 0)
        #expect(shipped.stdout.hasPrefix("catalogue: \(TestSupport.repository)/pathways/catalogue\n"))
        let folder = try PeerPathProcess(["catalogue", "duties", "--catalogue", TestSupport.fixture("catalogue")])
        #expect(folder.status == 0)
        #expect(folder.stdout.contains("\n  one-to-one — Working alongside people\n"))
        let missing = try PeerPathProcess(["catalogue", "--catalogue", "no-such-catalogue"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("(looked in \(FileManager.default.currentDirectoryPath)/no-such-catalogue)"))
    }

    @Test func checkTakesAFolderAndCountsEveryPathway() throws {
        let run = try PeerPathProcess(["check", TestSupport.repository + "/pathways"])
        #expect(run.status == 0, "\(run.stdout)")
        for file in TestSupport.shippedPathways {
            #expect(run.stdout.contains("\(file): "), "\(file)")
        }
        #expect(run.stdout.hasSuffix("\n3 pathways checked, 15 roles: 0 errors, 0 warnings\n"), "\(run.stdout)")

        let practice = TestSupport.fixture("practice")
        let files = PathwayFiles.expand([practice])
        let several = try PeerPathProcess(["check", practice, "--format", "json"] + TestSupport.fixtureCatalogue)
        #expect(several.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(several.stdout.utf8)) as? [String: Any])
        let pathways = try #require(json["pathways"] as? [[String: Any]])
        #expect(pathways.count == files.count)
        #expect(pathways.map { ($0["pathway"] as? [String: Any])?["file"] as? String } == files)
        #expect(json["errors"] as? Int == pathways.reduce(0) { $0 + (($1["errors"] as? Int) ?? 0) })
        #expect(json["unreadable"] as? [String] == [])
        let text = try PeerPathProcess(["check", practice] + TestSupport.fixtureCatalogue)
        let total = try #require(text.stdout.split(separator: "\n").last)
        #expect(total.hasPrefix("\(files.count) pathways checked, "))
        #expect(total.contains(" \(json["errors"] as? Int ?? -1) errors,"))
    }

    @Test func lintTakesSeveralPathwaysAndReportsOneItCannotRead() throws {
        let files = TestSupport.shippedPathways
        let run = try PeerPathProcess(["lint"] + files + ["/nonexistent/p.yaml"])
        #expect(run.status == 66)
        #expect(run.stderr == "/nonexistent/p.yaml: error: no such file\n")
        #expect(run.stdout.hasSuffix("3 pathways checked, 15 roles: 0 errors, 0 warnings; 1 pathway could not be read\n"), "\(run.stdout)")
    }

    @Test func generateHelpBreaksNoSentenceAndGivesTheJobsDefaultOnce() throws {
        let run = try PeerPathProcess(["generate", "--help"])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        // A line of the discussion that stops short of the width without ending a sentence was
        // broken by hand.
        for (index, line) in lines[..<usage].enumerated() where index + 1 < usage && !line.isEmpty && !lines[index + 1].isEmpty {
            let ends = line.hasSuffix(".") || line.hasSuffix(":")
            #expect(ends || line.count > 60, "line \(index + 1) breaks a sentence: \(line)")
        }
        let jobs = try #require(lines.firstIndex { $0.contains("--jobs <N>") && !$0.hasPrefix("USAGE") })
        let option = lines[jobs...].prefix { !$0.contains("--quiet") }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(option.components(separatedBy: "default").count == 2, "\(option)")
        #expect(option.contains("the number of cores"))
    }

    @Test(arguments: ["evaluate", "trace", "check", "lint", "generate"])
    func pathwayCommandsSayTheyTakePathwayXML(_ command: String) throws {
        let run = try PeerPathProcess([command, "--help"])
        #expect(run.stdout.contains("pathway.xml"), "\(run.stdout)")
    }

    @Test func makeTestRunsSwiftTestingOnly() throws {
        let makefile = TestSupport.read(TestSupport.repository + "/Makefile")
        let recipe = try #require(makefile.components(separatedBy: "\ntest:").dropFirst().first?.split(separator: "\n").dropFirst().first)
        #expect(recipe.contains("$(SWIFT) test --disable-xctest"))
    }
}
