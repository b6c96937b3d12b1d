import Foundation
import Testing

/// One broken or hostile input from `Corpus/cases.tsv`, with the exit code and message it must give.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    var file: String
    /// `generate` runs the file as a pathway; `styles` runs the fixture pathway with the file as `--styles`.
    var command: String
    var exit: Int32
    var fragment: String
    var what: String

    var testDescription: String { "\(file): \(what)" }

    static let folder = TestSupport.repository + "/Tests/PeerPathTests/Corpus"

    static let all: [CorpusCase] = TestSupport.read(folder + "/cases.tsv").split(separator: "\n")
        .filter { !$0.hasPrefix("#") }
        .map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return CorpusCase(file: fields[0], command: fields[1], exit: Int32(fields[2]) ?? -1, fragment: fields[3], what: fields[4])
        }

    /// The input's path; a name beginning `@` is a large input made by the test on first use.
    var path: String {
        switch file {
        case "@big": Self.bigFile
        case "@alias-text": Self.aliasTextFile
        case "@flagged-purpose": Self.flaggedPurposeFile
        case "@xml-chain": Self.xmlChainFile
        default: (Self.folder as NSString).appendingPathComponent(file)
        }
    }

    static func made(_ name: String, _ text: String) -> String {
        let path = (TestSupport.temporaryFolder() as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// A 200 KB file whose aliases repeat a 100 KB purpose in 60 roles: 6 MB of text after expansion
    /// in every document (over the 8 MiB budget once the duties repeat it too).
    static let aliasTextFile: String = {
        let base = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
        let long = String(repeating: "Walks alongside people and shares their story. ", count: 100 * 1024 / 48)
        var text = base.replacingOccurrences(of: "purpose: Walks alongside people & shares their own story.",
                                             with: "purpose: &long \"\(long)\"")
        text = text.replacingOccurrences(of: "        text: Meet people one to one.", with: "        text: *long")
        text = text.replacingOccurrences(of: "        text: Help people write their own recovery plans.", with: "        text: *long")
        text = text.replacingOccurrences(of: "    purpose: Leads the peer team.", with: "    purpose: *long")
        // Many references to the same anchor: each costs a few bytes in the file, 100 KB expanded.
        text += "language:\n  allow:\n" + String(repeating: "    - {rule: readability, reason: *long}\n", count: 100)
        return made("alias-text.yaml", text)
    }()

    /// A purpose of 512 KB and a criterion of 256 KB repeating flagged, ignored and vague phrases, for
    /// `lint`: the language checks stay linear (before, matches were placed from the start of the
    /// text, and each vague phrase searched the rest of it: well over the time limit for this).
    static let flaggedPurposeFile: String = {
        let base = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
        let unit = "He suffers from stress, is competitive and supportive in peer support in the NHS trust, using routine information, a team player. "
        let purpose = String(repeating: unit, count: 512 * 1024 / unit.utf8.count)
        return made("flagged-purpose.yaml", base
            .replacingOccurrences(of: "purpose: Walks alongside people & shares their own story.", with: "purpose: \(purpose)")
            .replacingOccurrences(of: "text: Lived experience of mental health challenges.",
                                  with: "text: Lived experience of mental health challenges. \(purpose.prefix(256 * 1024))"))
    }()

    /// 2,000 roles each reporting to the next, as a pathway export.
    static let xmlChainFile: String = {
        let base = TestSupport.read(folder + "/xml-reporting-loop.xml")
        let start = base.range(of: "<role id=\"peer-worker\"")!.lowerBound
        let end = base.range(of: "<role id=\"lead\"")!.lowerBound
        let role = String(base[start..<end])
        var roles = ""
        for number in 0..<2000 {
            roles += role.replacingOccurrences(of: "id=\"peer-worker\"", with: "id=\"r\(number)\"")
                .replacingOccurrences(of: "role=\"lead\"", with: "role=\"r\(number + 1)\"")
        }
        let tail = base[end...].replacingOccurrences(of: "role=\"peer-worker\"", with: "role=\"r0\"")
        return made("chain.xml", base[..<start] + roles + tail)
    }()

    static let bigFile: String = {
        let path = (TestSupport.temporaryFolder() as NSString).appendingPathComponent("big.yaml")
        var text = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
        text += "# " + String(repeating: "padding ", count: 50 * 1024 * 1024 / 8) + "\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }()
}

/// Runs the built executable with a time limit, measuring its peak memory with /usr/bin/time when present.
/// The limit guards against runaway work (a check gone quadratic takes many minutes on these inputs),
/// not speed: it is generous because the debug build shares two cores with other work; `make bench`
/// measures speed.
struct BoundedRun {
    static let timeLimit: TimeInterval = 120
    static let timeTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    let status: Int32
    let stdout: String
    let stderr: String
    let seconds: TimeInterval
    let peakKilobytes: Int?

    init(_ arguments: [String], share: String = TestSupport.repository) throws {
        let executable = try #require(PeerPathProcess.executable)
        let memoryFile = TestSupport.temporaryFolder() + "/memory"
        let process = Process()
        if let timeTool = Self.timeTool {
            process.executableURL = URL(fileURLWithPath: timeTool)
            process.arguments = ["-f", "%M", "-o", memoryFile, executable] + arguments + ["--share", share]
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments + ["--share", share]
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimit, execute: killer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        seconds = Date().timeIntervalSince(start)
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
        peakKilobytes = Int(TestSupport.read(memoryFile).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite("Broken and hostile input: one clear answer, nothing lost", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct CorpusTests {
    @Test func theCorpusHasAtLeastFortyCases() {
        #expect(CorpusCase.all.count >= 40)
        #expect(Set(CorpusCase.all.map(\.file)).count == CorpusCase.all.count)
    }

    @Test(arguments: CorpusCase.all)
    func eachInputGetsItsExitCodeAndOneLocatedMessage(_ input: CorpusCase) throws {
        let out = TestSupport.temporaryFolder() + "/out"
        // A styles file that works is run without --quiet, so its notes (what was dropped) can be checked.
        let arguments = switch input.command {
        case "styles": ["generate", TestSupport.fixture("two-roles.yaml"), "--out", out, "--styles", input.path] + (input.exit == 0 ? [] : ["--quiet"])
        case "lint", "check", "evaluate": [input.command, input.path]
        case "cost": ["cost", input.path]
        default: ["generate", input.path, "--out", out]
        }
        let run = try BoundedRun(arguments)
        #expect(run.seconds < BoundedRun.timeLimit, "took \(run.seconds) s")
        #expect(run.status == input.exit, "exit \(run.status): \(run.stderr)")
        if let peak = run.peakKilobytes {
            #expect(peak < 512 * 1024, "peak memory \(peak) KB")
        }
        if ["lint", "check", "evaluate"].contains(input.command) {
            // Findings go to stdout; exit 1 says some are errors.
            #expect(run.stdout.contains(input.fragment))
            #expect(run.stderr.isEmpty, "\(run.stderr.prefix(400))")
        } else if input.exit == 0, input.command == "styles" {
            // Dropped links are one note line; every package written is valid and its own.
            #expect(run.stdout.contains("peerpath: wrote"))
            #expect(run.stderr.contains(input.fragment), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").allSatisfy { $0.contains(": note: ") }, "\(run.stderr)")
            let packages = ((FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? [])
                .filter { $0.hasSuffix(".odt") }.map { "\(out)/\($0)" }
            #expect(!packages.isEmpty)
            let validate = try BoundedRun(["validate", "--quiet"] + packages)
            #expect(validate.status == 0, "\(validate.stderr)")
            for package in packages {
                let content = try ODTPackageReader(data: Data(contentsOf: URL(fileURLWithPath: package))).text("content.xml")
                #expect(!content.contains("INJECTED BODY"), "\(package)")
            }
        } else if input.exit == 0 {
            #expect(run.stdout.contains(input.fragment))
            #expect(run.stderr.isEmpty)
        } else {
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(run.stderr.contains(input.fragment), "\(run.stderr)")
            #expect(run.stderr.contains(": error: "))
            // Nothing is written when the input is bad.
            #expect(!FileManager.default.fileExists(atPath: out), "a failed run wrote output")
        }
    }
}

@Suite("Nothing lost when writing fails", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct NothingLostTests {
    let fixture = TestSupport.fixture("two-roles.yaml")

    /// Makes a folder unwritable even for root: immutable with chattr where the file system allows.
    static func lock(_ folder: String) -> Bool {
        let chattr = ["/usr/bin/chattr", "/bin/chattr"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let chattr, (try? ExternalTool.run(chattr, ["+i", folder])) != nil {
            if !FileManager.default.createFile(atPath: folder + "/.probe", contents: Data()) { return true }
            try? FileManager.default.removeItem(atPath: folder + "/.probe")
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        if !FileManager.default.createFile(atPath: folder + "/.probe", contents: Data()) { return true }
        try? FileManager.default.removeItem(atPath: folder + "/.probe")
        return false
    }

    static func unlock(_ folder: String) {
        if let chattr = ["/usr/bin/chattr", "/bin/chattr"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            _ = try? ExternalTool.run(chattr, ["-i", folder])
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    }

    @Test func aReadOnlyOutputFolderExits74AndChangesNothing() throws {
        let out = TestSupport.temporaryFolder()
        let existing = out + "/keep.txt"
        _ = FileManager.default.createFile(atPath: existing, contents: Data("earlier".utf8))
        guard Self.lock(out) else {
            print("skipped: cannot make a folder read-only here (no chattr and running as root)")
            return
        }
        defer { Self.unlock(out) }
        let run = try BoundedRun(["generate", fixture, "--out", out])
        #expect(run.status == 74)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("error: cannot"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["keep.txt"])
        #expect(TestSupport.read(existing) == "earlier")
    }

    @Test func anOutputPathThatIsAFileExits74() throws {
        let out = TestSupport.temporaryFolder() + "/a-file"
        _ = FileManager.default.createFile(atPath: out, contents: Data("not a folder".utf8))
        let run = try BoundedRun(["generate", fixture, "--out", out])
        #expect(run.status == 74)
        #expect(run.stderr.contains("error: cannot create the folder"))
        #expect(TestSupport.read(out) == "not a folder")
    }

    @Test func aWriteErrorPartWayThroughABatchChangesNothing() throws {
        let out = TestSupport.temporaryFolder()
        // An earlier run's file, which the failed run must leave as it was.
        let earlier = out + "/two-roles/peer-worker/job-description.md"
        try FileManager.default.createDirectory(atPath: out + "/two-roles/peer-worker", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: earlier, contents: Data("earlier".utf8))
        // The second role's folder cannot take new files, so writing fails part-way through the batch.
        let blocked = out + "/two-roles/lead"
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
        guard Self.lock(blocked) else {
            print("skipped: cannot make a folder read-only here (no chattr and running as root)")
            return
        }
        defer { Self.unlock(blocked) }
        let run = try BoundedRun(["generate", fixture, "--out", out])
        #expect(run.status == 74)
        #expect(run.stderr.hasPrefix("\(blocked)/"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        // The first role's files were staged before the failure; none is put in place, no temporary file is left.
        let left = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
        #expect(left.sorted() == ["two-roles", "two-roles/lead", "two-roles/peer-worker", "two-roles/peer-worker/job-description.md"])
        #expect(TestSupport.read(earlier) == "earlier")
    }

    @Test func aBatchThatFailsOnItsLastPathwayWritesNothingAndRemovesTheFoldersItMade() throws {
        let out = TestSupport.temporaryFolder() + "/fresh"
        let input = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: fixture, toPath: input + "/a.yaml")
        _ = FileManager.default.createFile(atPath: input + "/b.yaml", contents: Data("pathway: [not, a, mapping]\n".utf8))
        let run = try BoundedRun(["generate", input, "--out", out, "--jobs", "1"])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("\(input)/b.yaml:1:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
