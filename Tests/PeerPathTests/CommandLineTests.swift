import Foundation
import Testing

/// Runs the built `peerpath` executable as a user would.
struct PeerPathProcess {
    static let executable: String? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("peerpath").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        let debug = TestSupport.repository + "/.build/debug/peerpath"
        return FileManager.default.isExecutableFile(atPath: debug) ? debug : nil
    }()

    let status: Int32
    let stdout: String
    let stderr: String

    /// Runs peerpath with the arguments, and `--share` the repository after them unless `share` is false.
    init(_ arguments: [String], share: Bool = true) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.executable))
        process.arguments = arguments + (share ? ["--share", TestSupport.repository] : [])
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite("The peerpath command line", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct CommandLineTests {
    let fixture = TestSupport.fixture("two-roles.yaml")

    @Test func generateWritesEveryRole() throws {
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", fixture, "--out", out])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        // Two roles × six documents × four formats, the overview in four formats, and pathway.xml.
        #expect(run.stdout.hasPrefix("peerpath: wrote 53 files for 1 pathway under \(out) (2 roles; findings: 2 errors, "))
        for role in ["peer-worker", "lead"] {
            for document in ["job-description", "person-specification", "job-analysis", "banding-justification", "panel-pack",
                             "panel-pack-blind"] {
                for format in ["odt", "docx", "xml", "md"] {
                    #expect(FileManager.default.fileExists(atPath: "\(out)/two-roles/\(role)/\(document).\(format)"))
                }
            }
        }
        for format in ["odt", "docx", "xml", "md"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/two-roles/pathway-overview.\(format)"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(out)/two-roles/lead").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aMissingFileExits66() throws {
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", "/nonexistent/p.yaml", "--out", out])
        #expect(run.status == 66)
        #expect(run.stderr == "/nonexistent/p.yaml: error: no such file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test(arguments: [
        ("    hours: 30", "    hours: [30", "65"),
        ("    hours: 30", "    hours: thirty", "65"),
        ("reports-to: lead", "reports-to: nobody", "65"),
        ("{F9: 2, F12: 2-3}", "{F9: 2, F20: 2}", "65"),
        ("{F9: 2, F12: 2-3}", "{F9: 9}", "65"),
    ])
    func badDataExits65WithOneLocatedLineAndWritesNothing(old: String, new: String, code: String) throws {
        let text = TestSupport.read(fixture).replacingOccurrences(of: old, with: new)
        let path = TestSupport.write(text)
        let out = TestSupport.temporaryFolder()
        // An earlier good output must survive a failed run unchanged.
        let existing = "\(out)/two-roles/lead/job-description.odt"
        try FileManager.default.createDirectory(atPath: "\(out)/two-roles/lead", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: existing, contents: Data("earlier".utf8))
        let run = try PeerPathProcess(["generate", path, "--out", out])
        #expect(String(run.status) == code)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.stderr.range(of: #"^.+\.yaml:\d+:\d+: error: .+\n$"#, options: .regularExpression) != nil, "\(run.stderr)")
        #expect(TestSupport.read(existing) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(out)/two-roles/lead") == ["job-description.odt"])
    }

    @Test func aFailingPathwayInABatchStopsTheWholeBatchBeforeWriting() throws {
        let bad = TestSupport.write("pathway: [")
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", fixture, bad, "--out", out])
        #expect(run.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test func helpListsGenerate() throws {
        let run = try PeerPathProcess(["--help"])
        #expect(run.stdout.contains("generate"))
    }
}

@Suite("peerpath evaluate", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct EvaluateCommandTests {
    let shipped = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"
    let findings = TestSupport.fixture("findings.yaml")

    @Test func textShowsEveryRolesCase() throws {
        let run = try PeerPathProcess(["evaluate", shipped])
        #expect(run.status == 0)
        let pathway = try TestSupport.pipeline.load(shipped)
        for role in pathway.roles {
            #expect(run.stdout.contains("\(role.title) (\(role.id)): expected Band \(role.expectedBand ?? "")"))
        }
        #expect(run.stdout.contains("   1 Communication and relationships      5a           45  7    7    duties 1.2, 1.4, 3.2"))
        #expect(run.stdout.contains("  total 495 points: Band 7 (466–539)"))
        #expect(run.stdout.hasSuffix("nhs-adult-mental-health: 6 roles, 0 errors, 0 warnings, 0 notes\n"))
    }

    @Test func errorFindingsExit1AndAreListedUnderTheRole() throws {
        let run = try PeerPathProcess(["evaluate", findings, "--role", "mismatch"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("findings:\n    \(findings):37:20: error: Mismatched Role is expected at Band 5"))
        #expect(run.stdout.contains("[band-mismatch]"))
        #expect(run.stdout.contains("  with every range at its lower end: 188 points, Band 2 (161–215)"))
        #expect(run.stdout.contains("override (evidenced 1): Signs off the training budget."))
        #expect(!run.stdout.contains("Borderline Role"))
    }

    @Test func warningsAloneExit0() throws {
        let run = try PeerPathProcess(["evaluate", findings, "--role", "borderline"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("[borderline]"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let run = try PeerPathProcess(["evaluate", findings, "--format", "json"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let roles = try #require(json["roles"] as? [[String: Any]])
        #expect(roles.map { $0["id"] as? String } == ["borderline", "mismatch", "everything", "dropper"])
        let mismatch = roles[1]
        #expect(mismatch["points"] as? Int == 197)
        #expect(mismatch["band"] as? String == "2")
        #expect(mismatch["lowestPoints"] as? Int == 188)
        let factors = try #require(mismatch["factors"] as? [[String: Any]])
        #expect(factors.count == 16)
        #expect(factors[0]["factor"] as? Int == 1)
        #expect(factors[0]["level"] as? Int == 2)
        #expect(factors[0]["evidencedLevel"] as? Int == 3)
        #expect(factors[0]["points"] as? Int == 12)
        #expect(factors[0]["evidence"] as? [String] == ["duty 1.1"])
        #expect(factors[0]["subLevel"] is NSNull)
        let everything = roles[2]
        #expect(everything["band"] is NSNull)
        #expect(everything["outsideScheme"] as? Bool == true)
        let list = try #require(json["findings"] as? [[String: Any]])
        let codes = Set(list.compactMap { $0["code"] as? String })
        #expect(codes == ["band-mismatch", "outside-scheme", "borderline", "band-drop", "factor-drop",
                          "override-above-evidence", "override-below-evidence", "level-range", "ladder-reason-unneeded",
                          "evidence-unsupported", "knowledge-unmatched", "essential-criterion-missing", "thin-evidence"])
        let first = try #require(list.first { $0["code"] as? String == "band-mismatch" })
        #expect(first["severity"] as? String == "error")
        #expect(first["line"] as? Int == 37)
        #expect(first["role"] as? String == "mismatch")
    }

    @Test func anUnknownRoleExits64() throws {
        let run = try PeerPathProcess(["evaluate", shipped, "--role", "nobody"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("\(shipped): error: no role 'nobody' in this pathway; its roles are: apprentice-peer-support-worker"))
    }

    @Test func badInputExits65() throws {
        let run = try PeerPathProcess(["evaluate", TestSupport.write("pathway: [")])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
    }
}

@Suite("peerpath check and trace", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct CheckCommandTests {
    let practice = TestSupport.fixture("practice")

    @Test func checkListsFindingsInFileOrderAndExits1OnErrors() throws {
        let file = practice + "/degree-or-registration.yaml"
        let run = try PeerPathProcess(["check", file] + TestSupport.fixtureCatalogue)
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(file):43:9: error: Peer Worker requires 'degree' as essential"))
        #expect(run.stdout.contains("[degree-or-registration]"))
        let lines = run.stdout.split(separator: "\n").filter { $0.hasPrefix(file) }.map { Int($0.split(separator: ":")[1]) ?? 0 }
        #expect(lines == lines.sorted())
        #expect(run.stdout.hasSuffix(" warnings\n") || run.stdout.hasSuffix(" warning\n"))
    }

    @Test func checkExits0WithWarningsOnly() throws {
        let text = TestSupport.read(practice + "/leader-short-term.yaml")
        // Every role of the fixture totals Band 1; expect that so no error remains.
        let fixed = ["\"3\"", "\"4\"", "\"7\""].reduce(text) { $0.replacingOccurrences(of: "expected-band: \($1)", with: "expected-band: \"1\"") }
        let path = practice + "/.warnings-only.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(fixed.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try PeerPathProcess(["check", path] + TestSupport.fixtureCatalogue)
        #expect(run.stdout.contains("[leader-short-term]"))
        #expect(!run.stdout.contains(": error:"), "\(run.stdout)")
        #expect(run.status == 0)
    }

    @Test func checkJSONCountsAndListsFindings() throws {
        let run = try PeerPathProcess(["check", practice + "/no-progression.yaml", "--format", "json"] + TestSupport.fixtureCatalogue)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "no-progression" && $0["severity"] as? String == "error" })
        #expect(json["errors"] as? Int == findings.filter { $0["severity"] as? String == "error" }.count)
        #expect((json["pathway"] as? [String: Any])?["id"] as? String == "practice")
    }

    @Test func traceShowsDomainsEvidenceAndSelectingCriteria() throws {
        let run = try PeerPathProcess(["trace", practice + "/clean.yaml", "--role", "worker"] + TestSupport.fixtureCatalogue)
        #expect(run.status == 0)
        #expect(run.stdout.contains("""
        1.1 Meet people one to one and share parts of their own story when it helps.
            domains:     Core relational skills; Supporting people as a peer support worker
            evidence:    F1 4a (sets the level), F15 3 (sets the level)
            selected by: C1 Personal experience of mental distress and recovery. (essential; assessed by application, interview)
                         C3 Can describe how they look after their own wellbeing at work. (essential; assessed by interview)
        """))
        #expect(run.stdout.hasSuffix("worker: 3 duties traced, 0 with no selecting criterion\n"))
    }

    @Test func traceReportsAGap() throws {
        let run = try PeerPathProcess(["trace", practice + "/duty-unselected.yaml", "--role", "worker", "--format", "json"] + TestSupport.fixtureCatalogue)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let duties = try #require(json["duties"] as? [[String: Any]])
        let gap = try #require(duties.first { $0["number"] as? String == "1.3" })
        #expect((gap["criteria"] as? [Any])?.isEmpty == true)
        #expect(gap["domains"] as? [String] == ["organisational"])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["duty-unselected"])
    }

    @Test func traceNeedsAKnownRole() throws {
        let run = try PeerPathProcess(["trace", practice + "/clean.yaml", "--role", "nobody"] + TestSupport.fixtureCatalogue)
        #expect(run.status == 64)
    }
}

@Suite("peerpath lint", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct LintCommandTests {
    let folder = TestSupport.fixture("language")

    @Test(arguments: TestSupport.shippedPathways)
    func shippedPathwaysLintClean(_ file: String) throws {
        let run = try PeerPathProcess(["lint", file])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test(arguments: ["readability", "stigmatising-language", "gender-coded", "untestable-criterion",
                      "exclusionary-requirement", "factor-plan-wording"])
    func eachRuleWarnsWithWhatItMatchedAndASuggestion(_ rule: String) throws {
        let file = "\(folder)/\(rule).yaml"
        let run = try PeerPathProcess(["lint", file] + TestSupport.fixtureCatalogue)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.hasSuffix("[\(rule)]") })
        #expect(lines[index].hasPrefix("\(file):"))
        #expect(lines[index].contains(": warning: "))
        #expect(lines[index + 1].hasPrefix("    matched: "))
        #expect(lines[index + 2].hasPrefix("    suggestion: "))
    }

    @Test func anAllowanceInThePathwayTurnsAWarningIntoANoteWithItsReason() throws {
        let text = TestSupport.read("\(folder)/stigmatising-language.yaml") + """

        language:
          allow:
            - {rule: stigmatising-language, reason: The phrase quotes the title of a published report.}
            - {rule: readability, phrase: nothing, reason: Unused here.}
        """
        let path = "\(folder)/.allowed.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try PeerPathProcess(["lint", path, "--format", "json"] + TestSupport.fixtureCatalogue)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let stigma = findings.filter { $0["code"] as? String == "stigmatising-language" }
        #expect(!stigma.isEmpty)
        #expect(stigma.allSatisfy { $0["severity"] as? String == "note" })
        #expect(stigma.allSatisfy { $0["allowedBecause"] as? String == "The phrase quotes the title of a published report." })
        #expect(stigma.allSatisfy { $0["matched"] is String && $0["suggestion"] is String })
        #expect(run.status == (findings.contains { $0["severity"] as? String == "warning" } ? 1 : 0))
    }

    @Test func onlyLanguageRulesCanBeAllowed() throws {
        let text = TestSupport.read("\(folder)/clean.yaml") + "\nlanguage:\n  allow:\n    - {rule: band-mismatch, reason: No.}\n"
        let path = "\(folder)/.not-allowed.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try PeerPathProcess(["lint", path] + TestSupport.fixtureCatalogue)
        #expect(run.status == 65)
        #expect(run.stderr.contains("error: only language rules can be allowed"))
    }
}
