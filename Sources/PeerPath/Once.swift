import Foundation

/// A value worked out the first time it is asked for, once, whichever thread asks.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var work: (@Sendable () -> Value)?
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    var value: Value {
        lock.withLock {
            if let result { return result }
            let value = work!()
            result = value
            work = nil
            return value
        }
    }
}
