import Foundation
import Testing

/// How `peerpath` finds its data when `--share` is not given: `PEERPATH_SHARE`, else the nearest
/// folder above the executable (links resolved) that holds data/, templates/ and schemas/.
@Suite("Finding peerpath's data without --share", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct InstallationTests {
    /// Runs an executable with exactly these environment variables (and PATH), from `folder`.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    in folder: String = NSTemporaryDirectory()) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func foundAboveTheExecutable() throws {
        let executable = try #require(PeerPathProcess.executable)
        let run = try Self.run(executable, ["factors", "8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("F8 "))
    }

    @Test func foundThroughALinkToTheExecutable() throws {
        let executable = try #require(PeerPathProcess.executable)
        let folder = TestSupport.temporaryFolder()
        let link = (folder as NSString).appendingPathComponent("peerpath")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: executable)
        let run = try Self.run(link, ["factors", "8"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("F8 "))
    }

    @Test func theEnvironmentVariableComesFirst() throws {
        let executable = try #require(PeerPathProcess.executable)
        let empty = TestSupport.temporaryFolder()
        let wrong = try Self.run(executable, ["factors", "8"], environment: ["PEERPATH_SHARE": empty])
        #expect(wrong.status == 66)
        #expect(wrong.stderr == "\(empty): error: not a peerpath share folder (needs data/, templates/ and schemas/)\n")
        let right = try Self.run(executable, ["factors", "8"], environment: ["PEERPATH_SHARE": TestSupport.repository])
        #expect(right.status == 0, "\(right.stderr)")
        // Set but empty: as if unset.
        let unset = try Self.run(executable, ["factors", "8"], environment: ["PEERPATH_SHARE": ""])
        #expect(unset.status == 0, "\(unset.stderr)")
    }

    @Test func notFoundSaysHowToFixIt() throws {
        let executable = try #require(PeerPathProcess.executable)
        let folder = TestSupport.temporaryFolder()
        let copy = (folder as NSString).appendingPathComponent("peerpath")
        try FileManager.default.copyItem(atPath: executable, toPath: copy)
        let run = try Self.run(copy, ["factors", "8"], in: folder)
        #expect(run.status == 66)
        #expect(run.stderr == "peerpath: error: cannot find its data, templates and schemas; pass --share DIR or set PEERPATH_SHARE\n")
    }
}
