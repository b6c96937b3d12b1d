
/// Pieces of independent work shared between two cores, where the machine has them free: the
/// caller's thread and the second core's (`SecondCore`) each take the next piece nobody has taken
/// yet, until none is left, so the two come out even whatever each piece costs; when the second
/// core is busy with other work, the caller runs them all. The results come back in the
/// pieces' order, the same as running them one after the other. A command that checks one pathway
/// by hand uses it to evaluate the roles and to run the checks (see "Design notes" in the README).
enum SideBySide {
    static func all<Result: Sendable>(_ pieces: [@Sendable () -> Result]) -> [Result] {
        let shared = SharedPieces(pieces)
        if pieces.count > 1 { SecondCore.shared.run { shared.work() } }
        return shared.values()
    }
}
