import Foundation

/// The one place PeerPathModel compiles an ICU regular expression (`NSRegularExpression`): for
/// patterns outside `ExpressionParser`'s subset and texts `ExpressionText` does not take. Each
/// compile and each run is counted in the task's `Tally`, when it has one, so a test can show
/// that checking a shipped pathway neither compiles nor runs one.
enum ICUExpression {
    /// Counts ICU compiles and runs in a task and the tasks it starts.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        init() {}

        var uses: Int { lock.withLock { count } }

        func add() { lock.withLock { count += 1 } }
    }

    @TaskLocal static var tally: Tally?

    static func compile(_ pattern: String, ignoringCase: Bool) throws -> NSRegularExpression {
        tally?.add()
        return try NSRegularExpression(pattern: pattern, options: ignoringCase ? [.caseInsensitive] : [])
    }

    /// Notes that an ICU expression is about to run.
    static func noteRun() {
        tally?.add()
    }
}
