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

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.executable))
        process.arguments = arguments + ["--share", TestSupport.repository]
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
        #expect(run.stdout == "peerpath: wrote 4 files for 1 pathway under \(out)\n")
        for role in ["peer-worker", "lead"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/two-roles/\(role)/job-description.odt"))
            #expect(FileManager.default.fileExists(atPath: "\(out)/two-roles/\(role)/job-description.xml"))
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
        FileManager.default.createFile(atPath: existing, contents: Data("earlier".utf8))
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
