import PeerPathModel

/// The pathway as a ladder: one row per tier, the entry tier at the bottom, each role with its band
/// and points, and an arrow for every route between roles.
public enum LadderDiagram {
    static let boxWidth = 170.0
    /// Characters of a title on one line of a box, and the most lines a title takes.
    static let titleWidth = 26
    static let titleLines = 4
    static let gap = 24.0
    static let rowGap = 26.0
    static let margin = 12.0

    /// - Parameter labels: the second line of each role's box by role id ("Band 4 · 306 points").
    /// - Parameter links: where each role's box leads, by role id, on a web page; none in documents.
    public static func diagram(for pathway: Pathway, labels: [String: String], focus: String? = nil,
                               links: [String: String] = [:]) -> Diagram {
        let tiers = Array(Set(pathway.roles.map(\.tier))).sorted()
        let rows = tiers.map { tier in pathway.roles.filter { $0.tier == tier } }
        // Each tier steps up and to the right, like a staircase, so the ladder reads bottom-left to top-right.
        let step = 56.0
        let rowWidths = rows.enumerated().map { level, roles in
            Double(level) * step + Double(roles.count) * boxWidth + Double(roles.count - 1) * gap
        }
        let titles = Dictionary(uniqueKeysWithValues: pathway.roles.map { ($0.id, TextWrap.lines($0.title, width: titleWidth, maximum: titleLines)) })
        // Every box is as tall as the longest title needs, so no title is cut off.
        let boxHeight = Double((titles.values.map(\.count).max() ?? 1) + 1) * 13 + 14
        let width = margin * 2 + (rowWidths.max() ?? boxWidth)
        let height = margin * 2 + Double(rows.count) * boxHeight + Double(rows.count - 1) * rowGap
        var boxes: [Diagram.Box] = []
        var index: [String: Int] = [:]
        for (level, roles) in rows.enumerated() {
            let y = height - margin - boxHeight - Double(level) * (boxHeight + rowGap)
            for (position, role) in roles.enumerated() {
                index[role.id] = boxes.count
                boxes.append(Diagram.Box(x: margin + Double(level) * step + Double(position) * (boxWidth + gap), y: y,
                                         width: boxWidth, height: boxHeight,
                                         lines: (titles[role.id] ?? []) + [labels[role.id] ?? ""],
                                         emphasis: role.id == focus ? .focus : .normal, link: links[role.id]))
            }
        }
        let arrows = pathway.routes.compactMap { route -> Diagram.Arrow? in
            guard let from = index[route.from], let to = index[route.to] else { return nil }
            return Diagram.Arrow(from: from, to: to, style: .arrow)
        }
        return Diagram(width: width, height: height, boxes: boxes, arrows: arrows, title: "Career pathway: \(pathway.title)")
    }

    /// The ladder in words, for its alternative text.
    public static func description(for pathway: Pathway, labels: [String: String]) -> String {
        let steps = pathway.roles.sorted { $0.tier < $1.tier }.map { "\($0.title) (\(labels[$0.id] ?? ""))" }
        let routes = pathway.routes.compactMap { route -> String? in
            guard let from = pathway.role(route.from), let to = pathway.role(route.to) else { return nil }
            return "\(from.title) to \(to.title)"
        }
        return "The pathway's roles from the entry role up: \(steps.joined(separator: "; ")). Routes: \(routes.joined(separator: "; "))."
    }
}
