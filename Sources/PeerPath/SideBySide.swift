import Dispatch

/// Pieces of independent work shared between two cores, where the machine has them free: the
/// caller's thread and a worker thread each take the next piece nobody has taken yet, until none
/// is left, so the two come out even whatever each piece costs. The results come back in the
/// pieces' order, the same as running them one after the other. A command that checks one pathway
/// by hand uses it to evaluate the roles and to run the checks (see "Design notes" in the README).
enum SideBySide {
    static func all<Result: Sendable>(_ pieces: [@Sendable () -> Result]) -> [Result] {
        let shared = SharedPieces(pieces)
        DispatchQueue.concurrentPerform(iterations: min(2, pieces.count)) { _ in shared.work() }
        return shared.values()
    }
}
