import Foundation
import NIOCore
import PeerPath

/// Runs the server from a command that is not itself asynchronous: the server runs on its own
/// threads while the command's thread waits for it to stop. The address goes to standard output,
/// as soon as the server listens.
public enum ServerProcess {
    public static func run(_ server: WorkbenchServer) throws(PeerPathError) {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do {
                try await server.run { line in
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            if let io = error as? IOError {
                throw PeerPathError(.io, "peerpath: error: cannot listen on \(server.host):\(server.port): \(io.description)")
            }
            throw PeerPathError(.io, "peerpath: error: the server stopped: \(error)")
        }
    }

    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
