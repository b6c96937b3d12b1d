import PeerPathModel

/// Builds a role's job description: the template gives the wording and order, the composer the
/// structured parts (identification table, numbered duties, person specification, progression).
public struct JobDescriptionComposer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func compose(_ facts: RoleCase) throws(TemplateError) -> Document {
        let role = facts.role
        let outline = try templates.render("job-description", context: facts.context)
        let blocks = try outline.blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "identification": return [.table(facts.identificationTable)]
            case "org-chart": return [.figure(facts.organisationChart)]
            case "duties": return facts.dutyBlocks
            case "person-specification": return [.table(facts.personSpecificationTable)]
            case "environment": return facts.environmentBlocks
            default:
                throw TemplateError(file: "job-description.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .jobDescription,
                        title: "Job description: \(role.title)",
                        subject: "\(role.title), \(facts.bandText), \(facts.pathway.organisation.name)",
                        keywords: ["job description"] + facts.keywords,
                        properties: facts.properties,
                        blocks: blocks)
    }
}

extension RoleCase {
    var context: [String: Any] {
        let next = pathway.routes(from: role.id).compactMap { route -> [String: Any]? in
            guard let target = pathway.role(route.to) else { return nil }
            let band = target.expectedBand ?? evaluations[target.id]?.placement.band?.name ?? "outside Agenda for Change"
            return ["title": target.title, "band": "Band \(band)", "needs": route.needs]
        }
        let previous = pathway.routes(to: role.id).compactMap { pathway.role($0.from)?.title }
        let waysIn = role.waysIn.map { $0.requirements.map(\.text).joined(separator: " ") }
        return [
            "title": role.title,
            "organisation": pathway.organisation.name,
            "sector": pathway.organisation.sector.name,
            "pathway": pathway.title,
            "band": bandText,
            "points": evaluation.points,
            "purpose": role.purpose,
            "manager": managerTitle,
            "supervision": role.supervision.detail,
            "supervisionKind": role.supervision.kind.name,
            "base": role.base,
            "reports": reports.map(\.title),
            "hasReports": !reports.isEmpty,
            "next": next,
            "hasNext": !next.isEmpty,
            "previous": previous,
            "hasPrevious": !previous.isEmpty,
            "waysIn": waysIn,
            "hasWaysIn": !waysIn.isEmpty,
            "hasEnvironment": !role.environment.isEmpty,
        ]
    }

    var identificationTable: Table {
        Table(name: "Identification", header: nil, rows: [
            ["Job title", role.title],
            ["Band", bandText],
            ["Organisation", pathway.organisation.name],
            ["Base", role.base],
            ["Reports to", managerTitle],
            ["Supervision", role.supervision.kind.name],
            ["Hours", hoursText],
            ["Contract", contractText],
        ], widths: [1, 3])
    }

    var dutyBlocks: [Block] {
        role.dutyAreas.flatMap { area -> [Block] in
            [.heading(level: 3, text: "\(area.number). \(area.name)"),
             .list(ListBlock(style: .numbered(prefix: "\(area.number)."), items: area.duties.map(\.duty.text)))]
        }
    }

    var environmentBlocks: [Block] {
        role.environment.isEmpty ? [] : [.list(ListBlock(style: .bulleted, items: role.environment.map(\.text)))]
    }

    var personSpecificationTable: Table {
        var rows: [[String]] = []
        for category in Criterion.Category.allCases {
            let criteria = role.criteria.filter { $0.category == category }
            for (index, criterion) in criteria.enumerated() {
                rows.append([index == 0 ? category.name : "", criterion.text, criterion.need.name,
                             criterion.assessed.map(\.name).joined(separator: ", ")])
            }
        }
        return Table(name: "PersonSpecification",
                     header: ["Area", "Criterion", "Essential or desirable", "How assessed"],
                     rows: rows, widths: [3, 8, 3, 3])
    }
}

