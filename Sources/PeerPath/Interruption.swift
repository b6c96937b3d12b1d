import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM during a run: every staged output of the process is rolled back (files
/// already put in place are restored, the staging folder removed), then the process exits with
/// 128 + the signal's number (130, 143). The signal handler itself only writes the signal's number
/// to a pipe; a thread of its own reads it and does the work.
public enum Interruption {
    /// What an interruption found to undo in one staged output.
    public enum Outcome: Sendable {
        case nothingStaged
        case rolledBack
        /// The commit had finished: every file was already in place.
        case written
    }

    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    private static let registry = Registry()

    /// Installs the handlers for SIGINT and SIGTERM. Call once, early.
    public static func install() {
        // A parent may have blocked the signals (a test runner's thread, say): unblock them, or a
        // signal would wait unseen until the run had finished.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        writeEnd = ends[1]
        let readEnd = ends[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 { handle(Int32(byte)) }
                if count == 0 || (count < 0 && errno != EINTR) { return }
            }
        }
        thread.name = "peerpath signals"
        thread.start()
        let handler: @convention(c) (Int32) -> Void = { signal in
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(Interruption.writeEnd, &byte, 1)
        }
        for number in [SIGINT, SIGTERM] {
            // A signal ignored on entry (SIGINT for a job started with `&` by a script) stays ignored.
            let previous = signal(number, handler)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(number, SIG_IGN)
            }
        }
    }

    /// Rolls back every staged output and exits; never returns.
    static func handle(_ signal: Int32) {
        let outcomes = registry.all.map { $0.interrupt() }
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
        // On a terminal, the progress line is cleared first.
        let message = (isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[K" : "") + (outcomes.contains(.written)
            ? "peerpath: interrupted by \(name) after every file was in place\n"
            : "peerpath: interrupted by \(name); no file in the output folder was changed\n")
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(128 + signal)
    }

    static func register(_ output: StagedOutput) { registry.add(output) }
    static func unregister(_ output: StagedOutput) { registry.remove(output) }

    /// The staged outputs alive in the process, held weakly.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var outputs: [ObjectIdentifier: Weak] = [:]

        struct Weak { weak var output: StagedOutput? }

        func add(_ output: StagedOutput) { lock.withLock { outputs[ObjectIdentifier(output)] = Weak(output: output) } }
        func remove(_ output: StagedOutput) { lock.withLock { _ = outputs.removeValue(forKey: ObjectIdentifier(output)) } }
        var all: [StagedOutput] { lock.withLock { outputs.values.compactMap(\.output) } }
    }
}
