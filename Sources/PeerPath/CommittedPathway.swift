import Foundation

/// A pathway file as a git revision has it (`diff FILE --git REV`). The folder holding the file is
/// taken out of the revision with `git archive` into a private temporary folder, so the catalogue
/// and national context the pathway used at that revision load with it, by the same loader as any
/// other pathway. `remove()` deletes the folder.
public struct CommittedPathway: Sendable {
    /// The pathway file inside the temporary folder.
    public let file: String
    /// How messages name the file: `REV:path/in/repository.yaml`.
    public let label: String
    /// The temporary folder.
    let folder: String
    let revision: String

    /// Reads `file`'s folder at `revision` from the git repository that holds it.
    public static func materialise(_ file: String, revision: String) throws(PeerPathError) -> CommittedPathway {
        guard FileManager.default.fileExists(atPath: file) else {
            throw PeerPathError(.missingInput, "\(file): error: no such file")
        }
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw PeerPathError(.usage, "peerpath: error: --git needs a revision (a commit, branch or tag), not '\(revision)'")
        }
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
        let directory = (absolute as NSString).deletingLastPathComponent
        let top = try git(["rev-parse", "--show-toplevel"], in: directory, failure: { _ in
            PeerPathError(.usage, "\(file): error: not inside a git repository, so there is no revision to compare with")
        })
        let root = URL(fileURLWithPath: String(decoding: top, as: UTF8.self).trimmingCharacters(in: .newlines))
            .resolvingSymlinksInPath().path
        guard absolute.hasPrefix(root + "/") else {
            throw PeerPathError(.usage, "\(file): error: is not inside the git repository at \(root)")
        }
        let relative = String(absolute.dropFirst(root.count + 1))
        let relativeFolder = (relative as NSString).deletingLastPathComponent
        _ = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: root, failure: { _ in
            PeerPathError(.usage, "peerpath: error: '\(revision)' is not a revision of the repository at \(root)")
        })
        let label = "\(revision):\(relative)"
        _ = try git(["cat-file", "-e", "\(revision):\(relative)"], in: root, failure: { _ in
            PeerPathError(.missingInput, "\(label): error: \(relative) is not in revision '\(revision)'")
        })
        let archive = try git(["archive", "--format=tar", revision, "--", relativeFolder.isEmpty ? "." : relativeFolder], in: root,
                              failure: { message in PeerPathError(.missingInput, "\(label): error: git archive failed: \(message)") })
        let made = (NSTemporaryDirectory() as NSString).appendingPathComponent("peerpath-diff-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PeerPathError(.io, "\(made): error: cannot make a temporary folder for revision '\(revision)' (\(error.localizedDescription))")
        }
        // The loader names files by their real path; so do the messages this folder's paths are replaced in.
        let folder = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        do {
            _ = try run("/usr/bin/env", ["tar", "-x", "-f", "-", "-C", folder], input: archive)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw PeerPathError(.io, "\(folder): error: cannot unpack revision '\(revision)': \(error.message)")
        }
        return CommittedPathway(file: (folder as NSString).appendingPathComponent(relative), label: label, folder: folder, revision: revision)
    }

    /// Deletes the temporary folder.
    public func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A message with the temporary folder's paths named as the revision's.
    public func relabel(_ message: String) -> String {
        message.replacingOccurrences(of: folder + "/", with: revision + ":")
    }

    private static func git(_ arguments: [String], in directory: String,
                            failure: (String) -> PeerPathError) throws(PeerPathError) -> Data {
        do {
            return try run("/usr/bin/env", ["git", "-C", directory] + arguments, input: nil)
        } catch {
            if error.missingProgram {
                throw PeerPathError(.unavailable, "peerpath: error: --git needs git, which is not installed (Debian: apt-get install -y git)")
            }
            throw failure(error.message)
        }
    }

    struct RunError: Error {
        var message: String
        var missingProgram: Bool
    }

    /// Runs a program, feeding it `input`, and returns what it printed; fails with its stderr.
    private static func run(_ program: String, _ arguments: [String], input: Data?) throws(RunError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do {
            try process.run()
        } catch {
            throw RunError(message: "\(error.localizedDescription)", missingProgram: true)
        }
        // Read stdout and stderr while writing stdin, so a large archive cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var printed = Data(), complaint = Data()
        group.enter()
        DispatchQueue.global().async { printed = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { complaint = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let input {
            try? feed.fileHandleForWriting.write(contentsOf: input)
            try? feed.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // env exits 127 when the program is not found.
            throw RunError(message: text.isEmpty ? "exit \(process.terminationStatus)" : text, missingProgram: process.terminationStatus == 127)
        }
        return printed
    }
}
