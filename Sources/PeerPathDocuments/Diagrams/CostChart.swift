import PeerPathModel

/// The cost of each band's posts as a bar chart: one row per band, a dark bar for the cost with
/// everyone at the bottom of the band and a light bar behind it reaching the cost at the top, and
/// the two amounts (to the nearest pound) beside it.
public enum CostChart {
    static let margin = 12.0
    static let labelWidth = 64.0
    static let barArea = 300.0
    static let valueWidth = 172.0
    static let rowHeight = 22.0
    static let rowGap = 8.0

    /// A band's cost a year in pence, at the bottom and at the top of the band.
    public struct Row: Sendable, Equatable {
        public var band: String
        public var bottom: Int
        public var top: Int

        public init(band: String, bottom: Int, top: Int) {
            self.band = band
            self.bottom = bottom
            self.top = top
        }
    }

    public static func diagram(_ rows: [Row], title: String) -> Diagram {
        let largest = max(rows.map(\.top).max() ?? 1, 1)
        let width = margin * 2 + labelWidth + barArea + valueWidth
        let height = margin * 2 + Double(rows.count) * (rowHeight + rowGap) - (rows.isEmpty ? 0 : rowGap)
        var boxes: [Diagram.Box] = []
        for (index, row) in rows.enumerated() {
            let y = margin + Double(index) * (rowHeight + rowGap)
            let x = margin + labelWidth
            boxes.append(Diagram.Box(x: margin, y: y, width: labelWidth, height: rowHeight, lines: ["Band \(row.band)"], emphasis: .label))
            boxes.append(Diagram.Box(x: x, y: y, width: max(2, barArea * Double(row.top) / Double(largest)), height: rowHeight, lines: [], emphasis: .normal))
            boxes.append(Diagram.Box(x: x, y: y, width: max(2, barArea * Double(row.bottom) / Double(largest)), height: rowHeight, lines: [], emphasis: .focus))
            boxes.append(Diagram.Box(x: x + barArea + 4, y: y, width: valueWidth - 4, height: rowHeight,
                                     lines: [range(row)], emphasis: .label))
        }
        return Diagram(width: width, height: height, boxes: boxes, arrows: [], title: title)
    }

    /// The chart in words, for its alternative text.
    public static func description(_ rows: [Row]) -> String {
        "Cost a year of each band's posts, from everyone at the bottom of the band to everyone at the top: "
            + rows.map { "Band \($0.band), \(range($0))" }.joined(separator: "; ") + "."
    }

    /// "£412,345 to £456,789", to the nearest pound.
    static func range(_ row: Row) -> String {
        row.bottom == row.top ? pounds(row.top) : "\(pounds(row.bottom)) to \(pounds(row.top))"
    }

    static func pounds(_ pence: Int) -> String { PayScale.pounds(Rounding.divide(pence, by: 100)) }
}
