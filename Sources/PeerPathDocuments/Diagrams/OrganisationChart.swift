import PeerPathModel

/// Where a role sits: the line above its manager, its manager, the role with the roles beside it
/// (same manager), the posts it manages with their headcounts, and any posts it manages through
/// them — drawn from the pathway's reporting lines and the role's `team:`.
public enum OrganisationChart {
    static let boxWidth = 150.0
    static let gap = 18.0
    static let rowGap = 34.0
    static let margin = 10.0
    /// Characters of a title on one line of a box, and the most lines a title takes.
    static let titleWidth = 24
    static let titleLines = 4

    /// One group of posts the role manages: a role of the pathway or posts named by title, with
    /// how many there are where the pathway says.
    public struct Group: Sendable, Equatable {
        public var title: String
        public var count: Int?
        /// The pathway role the group is, for its band.
        public var roleID: String?
        /// The role id of the group that manages this one on the postholder's behalf.
        public var through: String?
    }

    /// The role's `team:`, else one group (with no count) per role reporting to it.
    public static func team(of role: Role, in pathway: Pathway) -> [Group] {
        guard !role.team.isEmpty else {
            return pathway.roles.filter { $0.reportsTo == .role(role.id) }.map { Group(title: $0.title, count: nil, roleID: $0.id) }
        }
        var groups = role.team.map { member in
            Group(title: member.role.flatMap { pathway.role($0)?.title } ?? member.title ?? "", count: member.count,
                  roleID: member.role, through: member.through)
        }
        // Roles that report to this one but that the team leaves out are still shown.
        for other in pathway.roles where other.reportsTo == .role(role.id) && !groups.contains(where: { $0.roleID == other.id }) {
            groups.append(Group(title: other.title, count: nil, roleID: other.id))
        }
        return groups
    }

    static func manager(of role: Role, in pathway: Pathway) -> (title: String, role: Role?) {
        switch role.reportsTo {
        case .role(let id): (pathway.role(id)?.title ?? id, pathway.role(id))
        case .post(let post): (post, nil)
        }
    }

    static func countText(_ count: Int) -> String { count == 1 ? "1 post" : "\(count) posts" }

    public static func diagram(for role: Role, in pathway: Pathway, bands: [String: String]) -> Diagram {
        typealias Spec = (lines: [String], emphasis: Diagram.Box.Emphasis)
        func spec(title: String, detail: [String], emphasis: Diagram.Box.Emphasis = .normal) -> Spec {
            let detailText = detail.filter { !$0.isEmpty }.joined(separator: " · ")
            return (TextWrap.lines(title, width: titleWidth, maximum: titleLines) + [detailText], emphasis)
        }
        func band(_ id: String?) -> String { id.flatMap { bands[$0] }.map { "Band \($0)" } ?? "" }
        func post(_ text: String) -> Spec { spec(title: text, detail: ["outside the pathway"], emphasis: .outside) }

        var rows: [[Spec]] = []
        // The line above the manager, when the manager is a role of the pathway.
        let (managerTitle, managerRole) = manager(of: role, in: pathway)
        if let managerRole {
            switch managerRole.reportsTo {
            case .role(let id): rows.append([spec(title: pathway.role(id)?.title ?? id, detail: [band(id)])])
            case .post(let text): rows.append([post(text)])
            }
            rows.append([spec(title: managerTitle, detail: [band(managerRole.id)])])
        } else {
            rows.append([post(managerTitle)])
        }
        let beside = managerRole == nil ? [] : pathway.roles.filter { $0.reportsTo == role.reportsTo && $0.id != role.id }
        let middleRow = rows.count
        rows.append([spec(title: role.title, detail: [band(role.id)], emphasis: .focus)]
                    + beside.map { spec(title: $0.title, detail: [band($0.id)]) })
        let groups = team(of: role, in: pathway)
        let direct = groups.filter { $0.through == nil }
        let indirect = groups.filter { $0.through != nil }
        if !direct.isEmpty {
            rows.append(direct.map { spec(title: $0.title, detail: [$0.count.map(countText) ?? "", band($0.roleID)]) })
        }
        if !indirect.isEmpty {
            rows.append(indirect.map { spec(title: $0.title, detail: [$0.count.map(countText) ?? ""]) })
        }

        let lineCount = rows.flatMap { $0 }.map(\.lines.count).max() ?? 2
        let boxHeight = Double(lineCount) * 13 + 16
        let widest = rows.map(\.count).max() ?? 1
        let width = margin * 2 + Double(widest) * boxWidth + Double(widest - 1) * gap
        let height = margin * 2 + Double(rows.count) * boxHeight + Double(rows.count - 1) * rowGap

        var boxes: [Diagram.Box] = []
        var arrows: [Diagram.Arrow] = []
        var firstOfRow: [Int] = []
        for (index, row) in rows.enumerated() {
            let y = margin + Double(index) * (boxHeight + rowGap)
            let span = Double(row.count) * boxWidth + Double(row.count - 1) * gap
            let left = (width - span) / 2
            firstOfRow.append(boxes.count)
            for (position, item) in row.enumerated() {
                boxes.append(Diagram.Box(x: left + Double(position) * (boxWidth + gap), y: y, width: boxWidth, height: boxHeight,
                                         lines: item.lines, emphasis: item.emphasis))
                guard index > 0 else { continue }
                // Every box hangs from the first box of the row above (the manager, or the role itself),
                // except posts managed through a group, which hang from that group's box.
                var parent = firstOfRow[index - 1]
                if index == middleRow + 2, let through = indirect[position].through,
                   let at = direct.firstIndex(where: { $0.roleID == through }) {
                    parent = firstOfRow[middleRow + 1] + at
                }
                arrows.append(Diagram.Arrow(from: parent, to: boxes.count - 1, style: .line))
            }
        }
        return Diagram(width: width, height: height, boxes: boxes, arrows: arrows,
                       title: "Organisation chart: \(role.title)")
    }

    /// The chart in words, for its alternative text and for the job analysis questionnaire.
    public static func description(for role: Role, in pathway: Pathway) -> String {
        let (managerTitle, managerRole) = manager(of: role, in: pathway)
        var text = "\(role.title) reports to \(managerTitle)"
        if let managerRole {
            text += ", who reports to \(manager(of: managerRole, in: pathway).title)"
        }
        text += "."
        if managerRole != nil {
            let beside = pathway.roles.filter { $0.reportsTo == role.reportsTo && $0.id != role.id }.map(\.title)
            if !beside.isEmpty { text += " Also reporting to \(managerTitle): \(beside.joined(separator: ", "))." }
        }
        text += " " + teamSentence(for: role, in: pathway)
        return text
    }

    /// "The Peer Leader manages 2 posts of Peer Support Development Worker and, through them, 40 posts of …"
    public static func teamSentence(for role: Role, in pathway: Pathway) -> String {
        let groups = team(of: role, in: pathway)
        guard !groups.isEmpty else { return "No posts report to the \(role.title)." }
        func named(_ group: Group) -> String {
            group.count.map { "\(group.title) (\(countText($0)))" } ?? group.title
        }
        let direct = groups.filter { $0.through == nil }
        var text = "Reporting to the \(role.title): \(direct.map(named).joined(separator: ", "))."
        for group in groups where group.through != nil {
            let through = groups.first { $0.roleID == group.through }?.title ?? group.through ?? ""
            text += " Managed through the \(through): \(named(group))."
        }
        return text
    }
}
