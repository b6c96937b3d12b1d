/// Amounts of money are whole pence (`Int`) throughout the costing; this writes them for people.
public enum Money {
    /// Pence from whole pounds.
    public static func pence(pounds: Int) -> Int { pounds * 100 }

    /// "£24,465.00": pounds grouped by thousands, and the pence.
    public static func text(_ pence: Int) -> String {
        let sign = pence < 0 ? "-" : ""
        let value = abs(pence)
        let pennies = value % 100
        return "\(sign)\(PayScale.pounds(value / 100)).\(pennies < 10 ? "0" : "")\(pennies)"
    }

    /// "24465.00": for CSV, without the pound sign or grouping.
    public static func plain(_ pence: Int) -> String {
        let value = abs(pence)
        let pennies = value % 100
        return "\(pence < 0 ? "-" : "")\(value / 100).\(pennies < 10 ? "0" : "")\(pennies)"
    }
}

/// A whole-time equivalent held exactly, in ten-thousandths (0.6 is 6,000; 12.6 is 126,000).
public struct WholeTime: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var tenThousandths: Int

    public init(tenThousandths: Int) {
        self.tenThousandths = tenThousandths
    }

    /// A pathway's WTE, which the pathway rules allow to four decimal places.
    public init(_ value: Double) {
        self.init(tenThousandths: Int((value * 10_000).rounded()))
    }

    public static func + (a: WholeTime, b: WholeTime) -> WholeTime { WholeTime(tenThousandths: a.tenThousandths + b.tenThousandths) }

    /// "3.6", "12", "0.8667": no trailing zeros.
    public var description: String {
        let whole = tenThousandths / 10_000
        var fraction = String(tenThousandths % 10_000)
        guard fraction != "0" else { return String(whole) }
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
