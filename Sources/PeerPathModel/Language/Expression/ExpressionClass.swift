/// A character class of an `Expression`: `[…]`, `[^…]`, or an escape standing for one (`\d`,
/// `\s`, `\p{L}`, `\p{N}`, `\p{Nd}`). ASCII members are kept as bits (with their other case when
/// the class is matched in any case); other members as ranges of UTF-16 units and Unicode
/// properties (`ExpressionCharacter`).
struct ExpressionClass: Equatable, Sendable {
    struct Properties: OptionSet, Equatable, Sendable {
        let rawValue: UInt8
        /// `\p{L}`: general category L*.
        static let letter = Properties(rawValue: 1)
        /// `\p{N}`: general category N*.
        static let number = Properties(rawValue: 2)
        /// `\p{Nd}` and `\d`.
        static let decimalNumber = Properties(rawValue: 4)
        /// `\s`: the White_Space property.
        static let whitespace = Properties(rawValue: 8)
    }

    /// ASCII members, one bit each: units 0–63 in `low`, 64–127 in `high` (properties included).
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// Members outside ASCII given one by one or as ranges.
    private(set) var ranges: [ClosedRange<UInt16>] = []
    private(set) var properties: Properties = []
    var negated = false

    init(negated: Bool = false) {
        self.negated = negated
    }

    init(_ properties: Properties) {
        insert(properties)
    }

    mutating func insert(_ added: Properties) {
        properties.formUnion(added)
        for unit in UInt16(0)..<128 where ExpressionCharacter.has(added, unit) { insertASCII(unit) }
    }

    /// Adds the units from `lower` to `upper`; in any case, ASCII letters bring their other case.
    mutating func insert(_ lower: UInt16, through upper: UInt16, foldingCase: Bool) {
        if lower < 128 {
            for unit in lower...min(upper, 127) {
                insertASCII(unit)
                if foldingCase, ExpressionCharacter.isASCIILetter(unit) { insertASCII(unit ^ 0x20) }
            }
        }
        if upper >= 128 { ranges.append(max(lower, 128)...upper) }
    }

    private mutating func insertASCII(_ unit: UInt16) {
        if unit < 64 { low |= 1 << UInt64(unit) } else { high |= 1 << UInt64(unit - 64) }
    }

    /// Whether any ASCII letter is a member (before negation).
    var hasASCIILetter: Bool {
        (UInt16(65)...90).contains { containsASCII($0) || containsASCII($0 | 0x20) }
    }

    @inline(__always)
    private func containsASCII(_ unit: UInt16) -> Bool {
        unit < 64 ? low & (1 << UInt64(unit)) != 0 : high & (1 << UInt64(unit - 64)) != 0
    }

    @inline(__always)
    func contains(_ unit: UInt16) -> Bool {
        if unit < 128 { return containsASCII(unit) != negated }
        var member = ranges.contains { $0.contains(unit) }
        if !member, !properties.isEmpty { member = ExpressionCharacter.has(properties, unit) }
        return member != negated
    }
}
