import CCores
import Foundation

/// One worker thread for the work a command shares between two cores (`DataReading`, `SideBySide`),
/// started once, on a core other than the one the command runs on, and kept: it takes the jobs
/// given to it in turn.
///
/// A thread started the usual way (by Dispatch, or Foundation's `Thread`) begins on the core of
/// the thread that started it, and Linux moves it to an idle core only at its next balancing tick:
/// on the project's machine a new thread waited 4 ms while the first one worked, a sixth of a
/// command's budget (see "Design notes" in the README). Asked to start on the other core, it starts
/// there at once; it is then free to move like any other thread. Where the process may use one
/// core only, it starts unpinned and the work simply runs in turn.
///
/// Nothing given to it may wait for the thread that gave it: every caller can do the whole of its
/// work itself (`SharedPieces`), so a job that comes late finds nothing left and costs nothing.
final class SecondCore: @unchecked Sendable {
    static let shared = SecondCore()

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    private init() {
        let box = Unmanaged.passRetained(self).toOpaque()
        let started = peerpath_start_on_other_core({ argument in
            let core = Unmanaged<SecondCore>.fromOpaque(argument!).takeRetainedValue()
            core.serve()
            return nil
        }, box)
        if started != 0 {
            // No thread: every job runs on the thread that gives it.
            Unmanaged<SecondCore>.fromOpaque(box).release()
            running = false
        }
    }

    private var running = true

    /// Runs the job on the second core's thread, after the jobs given before it; on the caller's
    /// thread, now, if there is no such thread.
    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        guard running else {
            condition.unlock()
            job()
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        // Free to move again, now that it has started where it should.
        peerpath_unpin()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
