import ArgumentParser
import Foundation
import PeerPath

/// `peerpath serve …` runs `peerpath-serve …` from beside this executable, with the same arguments:
/// the web server and its libraries (Hummingbird, SwiftNIO) live there, so every other command
/// starts as fast as before (see "Design notes" in the README).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the pathways as a local web workbench: ladders, roles, what-if changes, document previews and downloads (peerpath serve --help for more).",
        discussion: "Runs peerpath-serve, installed beside peerpath, with the same arguments. Exit codes: those of peerpath-serve; 69 when it is not there."
    )

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The arguments of peerpath-serve: [PATHWAY|FOLDER…] [--port N] [--host H --token T] [--out DIR].", valueName: "ARGUMENTS"))
    var arguments: [String] = []

    func run() throws {
        let server = ServerExecutable.path()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            fail(PeerPathError(.unavailable, "peerpath: error: peerpath serve needs peerpath-serve beside peerpath, at \(server) (swift build --product peerpath-serve, or make serve)"))
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        fail(PeerPathError(.unavailable, "peerpath: error: cannot run \(server): \(String(cString: strerror(errno)))"))
    }
}

enum ServerExecutable {
    /// `peerpath-serve` in the folder of the running executable (its links resolved).
    static func path() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return ((executable as NSString).deletingLastPathComponent as NSString).appendingPathComponent("peerpath-serve")
    }
}
