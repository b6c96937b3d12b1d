import Dispatch

/// Two independent pieces of work run at the same time, on two cores where the machine has them
/// free: the caller's thread does one while a worker thread does the other, and both results come
/// back together. A command that checks one pathway by hand uses it to read the language word
/// lists while the scheme is read, and to run the language checks while the other checks run, so
/// its answer comes in about the time of the longer piece rather than of both (see "Design notes"
/// in the README). The results are the same as running one piece after the other.
enum SideBySide {
    static func run<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                       _ second: @Sendable () -> Second) -> (First, Second) {
        let firstResult = Slot<First>()
        let secondResult = Slot<Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                firstResult.value = first()
            } else {
                secondResult.value = second()
            }
        }
        // concurrentPerform returns only when both have run, so both slots are filled.
        return (firstResult.value!, secondResult.value!)
    }

    /// One result, written by one thread and read by another only after that thread has finished
    /// (concurrentPerform waits for every iteration), so it needs no lock.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
