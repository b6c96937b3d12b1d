/// A year's pay points for each band, from a data file (`data/pay-2025-26.yaml`).
public struct PayScale: Sendable {
    public var year: String
    public var country: String
    /// Annual full-time pay points by band name, lowest first.
    public var points: [String: [Int]]

    public init(year: String, country: String, points: [String: [Int]]) {
        self.year = year
        self.country = country
        self.points = points
    }

    /// "£24,937 to £26,598", "£24,465", or nil where the scale has no such band (band 1 is closed).
    public func range(ofBand band: String) -> String? {
        guard let values = points[band], let low = values.first, let high = values.last else { return nil }
        return low == high ? Self.pounds(low) : "\(Self.pounds(low)) to \(Self.pounds(high))"
    }

    public static func pounds(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return "£" + grouped
    }
}
