import Dispatch
import Foundation

/// Pieces of independent work shared between two cores, where the machine has them free: the
/// caller's thread and a worker thread each take the next piece nobody has taken yet, until none
/// is left, so the two come out even whatever each piece costs. The results come back in the
/// pieces' order, the same as running them one after the other. A command that checks one pathway
/// by hand uses it to evaluate the roles and to run the checks (see "Design notes" in the README).
enum SideBySide {
    static func all<Result: Sendable>(_ pieces: [@Sendable () -> Result]) -> [Result] {
        let results = Results<Result>(count: pieces.count)
        let next = NextPiece(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: min(2, pieces.count)) { _ in
            while let index = next.take() { results.set(index, pieces[index]()) }
        }
        // concurrentPerform returns only when both threads have stopped, with every piece run.
        return results.values()
    }

    /// The index of the next piece to run, handed out once each.
    private final class NextPiece: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func take() -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }

    /// One slot a piece: each is written by the one thread that ran its piece, and read only after
    /// both threads have finished, so the slots need no lock.
    private final class Results<Value>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ index: Int, _ value: Value) { slots[index] = value }

        func values() -> [Value] { slots.map { $0! } }
    }
}
