/// A rate as a whole number of basis points (hundredths of a percent), so it is exact: 15% is
/// 1,500, 14.38% is 1,438, 0.5% is 50.
public struct Rate: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var basisPoints: Int

    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    /// A percentage as written in a data file, "15%", "14.38%" or "0.5%": at most two decimals, at
    /// most 100%; nil for anything else. Read digit by digit, never through floating point.
    public init?(percent text: String) {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 3,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, parts.count == 1 || !fraction.isEmpty else { return nil }
        fraction += String(repeating: "0", count: 2 - fraction.count)
        guard let units = Int(whole), let hundredths = Int(fraction) else { return nil }
        let basisPoints = units * 100 + hundredths
        guard basisPoints <= 10_000 else { return nil }
        self.init(basisPoints: basisPoints)
    }

    /// "15%", "14.38%", "0.5%".
    public var description: String {
        let whole = basisPoints / 100
        let hundredths = basisPoints % 100
        if hundredths == 0 { return "\(whole)%" }
        let fraction = hundredths % 10 == 0 ? String(hundredths / 10) : (hundredths < 10 ? "0\(hundredths)" : String(hundredths))
        return "\(whole).\(fraction)%"
    }

    /// This rate of an amount in pence, in whole pence by the one rounding rule.
    public func of(_ pence: Int) -> Int {
        Rounding.divide(pence * basisPoints, by: 10_000)
    }
}

/// The one rounding rule of every costing: a part-penny is rounded to the nearer penny, a half
/// penny upwards. Every amount that is not a whole number of pence goes through `divide`.
public enum Rounding {
    /// `numerator / denominator` to the nearest whole number, a half upwards. Both are
    /// non-negative and the denominator is more than 0.
    public static func divide(_ numerator: Int, by denominator: Int) -> Int {
        precondition(numerator >= 0 && denominator > 0, "costing divides non-negative amounts")
        return (2 * numerator + denominator) / (2 * denominator)
    }
}
