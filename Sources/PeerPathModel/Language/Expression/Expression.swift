/// A regular expression in the subset of ICU syntax that peerpath's word lists and checks use,
/// parsed (`ExpressionParser`) into a tree. Case is decided at parse time: each character and
/// class knows whether it is matched in any case, so `(?-i:BSc)` needs no flags at match time.
///
/// The subset: literals and escapes, `.`, classes (`ExpressionClass`), `\b` and `\B`, groups
/// `(…)` and `(?:…)`, `(?i:…)` and `(?-i:…)`, alternation, greedy and lazy `? * + {n} {n,} {n,m}`,
/// lookahead `(?=…)` `(?!…)` and lookbehind `(?<=…)` `(?<!…)` of bounded length.
indirect enum Expression: Equatable, Sendable {
    /// Matches the empty string (an empty alternative, `()`).
    case empty
    /// One UTF-16 unit: a character of the Basic Multilingual Plane. `folded` when matched in any
    /// case; the unit is then an ASCII letter in lower case.
    case character(UInt16, folded: Bool)
    /// `.`: any character but a line end.
    case anyCharacter
    case characterClass(ExpressionClass)
    /// `\b` (`true`) or `\B` (`false`).
    case wordBoundary(Bool)
    case sequence([Expression])
    case alternation([Expression])
    case repetition(Expression, minimum: Int, maximum: Int?, lazy: Bool)
    case lookahead(Expression, negative: Bool)
    case lookbehind(Expression, negative: Bool)

    /// The fewest and most characters (UTF-16 units) a match can take; nil maximum when unbounded.
    var length: (minimum: Int, maximum: Int?) {
        switch self {
        case .empty, .wordBoundary, .lookahead, .lookbehind:
            return (0, 0)
        case .character, .anyCharacter, .characterClass:
            return (1, 1)
        case .sequence(let parts):
            var minimum = 0
            var maximum: Int? = 0
            for part in parts {
                let (low, high) = part.length
                minimum += low
                maximum = maximum.flatMap { total in high.map { total + $0 } }
            }
            return (minimum, maximum)
        case .alternation(let choices):
            let lengths = choices.map(\.length)
            let minimum = lengths.map(\.minimum).min() ?? 0
            let maximum = lengths.contains { $0.maximum == nil } ? nil : lengths.compactMap(\.maximum).max() ?? 0
            return (minimum, maximum)
        case .repetition(let body, let low, let high, _):
            let (bodyLow, bodyHigh) = body.length
            let maximum: Int? = if let high, let bodyHigh { high * bodyHigh } else if bodyHigh == 0 { 0 } else { nil }
            return (low * bodyLow, maximum)
        }
    }

    /// Whether the expression holds a lookaround or a word boundary (which lookbehind may not).
    var hasAssertion: Bool {
        switch self {
        case .empty, .character, .anyCharacter, .characterClass: false
        case .wordBoundary, .lookahead, .lookbehind: true
        case .sequence(let parts), .alternation(let parts): parts.contains(where: \.hasAssertion)
        case .repetition(let body, _, _, _): body.hasAssertion
        }
    }
}
