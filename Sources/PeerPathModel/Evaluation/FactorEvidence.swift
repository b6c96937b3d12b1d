/// A claim that something in the job reaches a level of one factor: `F1: 4a`, `F15: 3`, `F12: 2-3`.
public struct FactorEvidence: Sendable, Equatable {
    public var factor: Int
    public var level: LevelClaim
    public var location: SourceLocation?

    public init(factor: Int, level: LevelClaim, location: SourceLocation? = nil) {
        self.factor = factor
        self.level = level
        self.location = location
    }

    public static func == (a: FactorEvidence, b: FactorEvidence) -> Bool {
        a.factor == b.factor && a.level == b.level
    }
}

/// A level, optionally with the lettered sub-level that was met (`4a`), or a range (`2-3`).
/// Sub-levels are alternative ways to reach a level and score the same.
public struct LevelClaim: Sendable, Hashable, CustomStringConvertible {
    public var low: Int
    public var high: Int
    public var subLevel: String?

    public init(_ level: Int, subLevel: String? = nil) {
        self.low = level
        self.high = level
        self.subLevel = subLevel
    }

    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
        self.subLevel = nil
    }

    public var isRange: Bool { low != high }

    public var description: String {
        if isRange { return "\(low)-\(high)" }
        return "\(high)\(subLevel ?? "")"
    }

    /// Reads `3`, `4a` or `2-3`; nil when the text is none of these.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let low = Int(parts[0]), let high = Int(parts[1]), low >= 1, low < high else { return nil }
            self.init(low: low, high: high)
            return
        }
        guard parts.count == 1 else { return nil }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(digits.count)
        guard let level = Int(digits), level >= 1 else { return nil }
        if rest.isEmpty {
            self.init(level)
        } else if rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLowercase {
            self.init(level, subLevel: String(letter))
        } else {
            return nil
        }
    }
}
