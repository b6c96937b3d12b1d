import PeerPathModel

/// Where a role sits: the post it reports to above, the role with the roles beside it (same
/// manager) in the middle, the roles that report to it below — drawn from the pathway's reporting lines.
public enum OrganisationChart {
    static let boxWidth = 150.0
    static let boxHeight = 54.0
    static let gap = 18.0
    static let rowGap = 40.0
    static let margin = 10.0

    public static func diagram(for role: Role, in pathway: Pathway, bands: [String: String]) -> Diagram {
        func lines(_ role: Role) -> [String] {
            TextWrap.lines(role.title, width: 24, maximum: 2) + [bands[role.id].map { "Band \($0)" } ?? ""]
        }
        let manager: (lines: [String], emphasis: Diagram.Box.Emphasis)
        let beside: [Role]
        switch role.reportsTo {
        case .role(let id):
            let boss = pathway.role(id)
            manager = (boss.map(lines) ?? [id], .normal)
            beside = pathway.roles.filter { $0.reportsTo == role.reportsTo && $0.id != role.id }
        case .post(let post):
            manager = (TextWrap.lines(post, width: 24, maximum: 2) + ["outside the pathway"], .outside)
            beside = []
        }
        let reports = pathway.roles.filter { $0.reportsTo == .role(role.id) }
        let middle = [role] + beside
        let widest = max(middle.count, reports.count, 1)
        let width = margin * 2 + Double(widest) * boxWidth + Double(widest - 1) * gap
        let rows = reports.isEmpty ? 2 : 3
        let height = margin * 2 + Double(rows) * boxHeight + Double(rows - 1) * rowGap

        func row(_ count: Int, y: Double) -> [Double] {
            let span = Double(count) * boxWidth + Double(count - 1) * gap
            let left = (width - span) / 2
            return (0..<count).map { left + Double($0) * (boxWidth + gap) }
        }
        var boxes: [Diagram.Box] = []
        var arrows: [Diagram.Arrow] = []
        let top = margin
        boxes.append(Diagram.Box(x: row(1, y: top)[0], y: top, width: boxWidth, height: boxHeight,
                                 lines: manager.lines, emphasis: manager.emphasis))
        let middleY = top + boxHeight + rowGap
        for (index, x) in row(middle.count, y: middleY).enumerated() {
            boxes.append(Diagram.Box(x: x, y: middleY, width: boxWidth, height: boxHeight, lines: lines(middle[index]),
                                     emphasis: index == 0 ? .focus : .normal))
            arrows.append(Diagram.Arrow(from: 0, to: boxes.count - 1, style: .line))
        }
        let focus = 1
        let bottomY = middleY + boxHeight + rowGap
        for (index, x) in row(reports.count, y: bottomY).enumerated() where !reports.isEmpty {
            boxes.append(Diagram.Box(x: x, y: bottomY, width: boxWidth, height: boxHeight, lines: lines(reports[index])))
            arrows.append(Diagram.Arrow(from: focus, to: boxes.count - 1, style: .line))
        }
        return Diagram(width: width, height: height, boxes: boxes, arrows: arrows,
                       title: "Organisation chart: \(role.title)")
    }

    /// The chart in words, for its alternative text.
    public static func description(for role: Role, in pathway: Pathway) -> String {
        let manager: String = switch role.reportsTo {
        case .role(let id): pathway.role(id)?.title ?? id
        case .post(let post): post
        }
        var text = "\(role.title) reports to \(manager)."
        let beside = pathway.roles.filter { $0.reportsTo == role.reportsTo && $0.id != role.id }.map(\.title)
        if !beside.isEmpty { text += " Also reporting to \(manager): \(beside.joined(separator: ", "))." }
        let reports = pathway.roles.filter { $0.reportsTo == .role(role.id) }.map(\.title)
        text += reports.isEmpty ? " No roles report to \(role.title)." : " Reporting to \(role.title): \(reports.joined(separator: ", "))."
        return text
    }
}
