import Foundation

/// Pieces of independent work that any thread may take a share of: each thread that calls `work`
/// runs the next piece nobody has taken, until none is left, so the threads come out even whatever
/// each piece costs; `values` does the same, then waits for the pieces still running elsewhere,
/// and gives every result in the pieces' order.
final class SharedPieces<Value: Sendable>: @unchecked Sendable {
    private let pieces: [@Sendable () -> Value]
    private let condition = NSCondition()
    private var next = 0
    private var done = 0
    private var results: [Value?]

    init(_ pieces: [@Sendable () -> Value]) {
        self.pieces = pieces
        results = Array(repeating: nil, count: pieces.count)
    }

    /// Runs pieces nobody has taken until none is left.
    func work() {
        while true {
            condition.lock()
            guard next < pieces.count else {
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()
            let value = pieces[index]()
            condition.lock()
            results[index] = value
            done += 1
            if done == pieces.count { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Every result, in the pieces' order, once every piece has run: this thread runs what is left.
    func values() -> [Value] {
        work()
        condition.lock()
        defer { condition.unlock() }
        while done < pieces.count { condition.wait() }
        return results.map { $0! }
    }
}
