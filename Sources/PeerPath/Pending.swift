import Foundation

/// A value another thread is working out: `wait()` returns it once it is there, blocking until
/// then. It is set once, by `fulfil`; any number of threads may wait for it.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func fulfil(_ value: Value) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
