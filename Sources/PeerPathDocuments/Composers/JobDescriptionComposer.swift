import Foundation
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
            case "demands": return facts.demandBlocks
            case "relationships": return facts.relationshipBlocks
            case "occupational-requirement": return facts.occupationalRequirementBlocks
            case "apprenticeship": return facts.apprenticeshipBlocks
            case "clauses": return facts.clauseBlocks
            case "agreement": return [.table(SignOffText.agreementTable(facts.pathway.signOff(of: role)))]
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
            "oneWayIn": waysIn.count == 1,
            "oneNext": next.count == 1,
            "hasRelationships": !role.internalRelationships.isEmpty || !role.externalRelationships.isEmpty,
            "hasRequirement": needsLivedExperience || role.sharedExperience != nil,
            "hasLivedExperience": needsLivedExperience,
            "isApprentice": role.kind == .apprentice,
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

    /// Whether the role asks for lived experience as an essential criterion.
    var needsLivedExperience: Bool {
        role.criteria.contains { $0.livedExperience && $0.need == .essential }
    }

    /// "£24,937 to £26,598 a year (2025/26), full time; paid pro rata for 22.5 hours a week".
    var payText: String {
        guard let band = evaluation.placement.band?.name, let range = payScale?.range(ofBand: band) else {
            return "Not on the pay scale"
        }
        let year = payScale?.year ?? pathway.payYear
        let share = role.hours == 37.5 ? "" : "; paid pro rata for \(hoursText)"
        return "\(range) a year (\(year)), full time\(share)"
    }

    var postsText: String? {
        guard let posts = role.posts else { return nil }
        let wte = posts.wholeTimeEquivalent == posts.wholeTimeEquivalent.rounded()
            ? String(Int(posts.wholeTimeEquivalent)) : String(format: "%.2f", posts.wholeTimeEquivalent)
                .replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
        return "\(posts.headcount == 1 ? "1 post" : "\(posts.headcount) posts") (\(wte) whole-time equivalent)"
    }

    /// "Peer supervised by", "Professionally supervised by", or both.
    var supervisorLabel: String {
        switch role.supervision.kind {
        case .peer: "Peer supervised by"
        case .professional: "Professionally supervised by"
        case .both: "Peer and professionally supervised by"
        }
    }

    var identificationTable: Table {
        let signOff = pathway.signOff(of: role)
        var rows: [[String]] = [["Job title", role.title]]
        if let reference = role.reference { rows.append(["Job reference", reference]) }
        rows.append(["Band", bandText])
        rows.append(["Pay", payText])
        rows.append(["Organisation", pathway.organisation.name])
        if let service = role.service { rows.append(["Directorate or service", service]) }
        rows.append(["Base", role.base])
        if let posts = postsText { rows.append(["Number of posts", posts]) }
        rows.append(["Hours", hoursText])
        if let pattern = role.workingPattern { rows.append(["Working pattern", pattern]) }
        rows.append(["Contract", contractText])
        if let disclosure = role.disclosure { rows.append(["Disclosure check", disclosure.name]) }
        rows.append(["Reports to", managerTitle])
        rows.append([supervisorLabel, role.supervision.by.map(title(of:)) ?? managerTitle])
        rows.append(["Version", [signOff?.version, SignOffText.statusName(signOff).lowercased(), signOff?.effectiveDate?.long]
            .compactMap { $0 }.joined(separator: ", ")])
        return Table(name: "Identification", header: nil, rows: rows, widths: [1, 3])
    }

    var relationshipBlocks: [Block] {
        var blocks: [Block] = []
        for (heading, relationships) in [("Within \(pathway.organisation.name)", role.internalRelationships),
                                         ("Outside \(pathway.organisation.name)", role.externalRelationships)]
        where !relationships.isEmpty {
            blocks.append(.heading(level: 3, text: heading))
            blocks.append(.table(Table(name: heading.hasPrefix("Within") ? "InternalRelationships" : "ExternalRelationships",
                                       header: ["Works with", "About", "How often"],
                                       rows: relationships.map { [$0.with, $0.about ?? "", $0.frequency ?? "As needed"] },
                                       widths: [4, 6, 3])))
        }
        return blocks
    }

    /// The demands of the job with how often and for how long, from the environment facts.
    var demandBlocks: [Block] {
        guard !role.environment.isEmpty else { return [] }
        return [.table(Table(name: "Demands", header: ["What the job involves", "How often", "For how long"],
                             rows: role.environment.map { [$0.text, $0.frequency ?? "Not stated", $0.duration ?? "Not stated"] },
                             widths: [8, 3, 3]))]
    }

    var occupationalRequirementBlocks: [Block] {
        var blocks: [Block] = []
        let organisation = pathway.organisation.name
        if needsLivedExperience {
            blocks.append(.paragraph(clauses.livedExperience.replacingOccurrences(of: "{organisation}", with: organisation)))
            blocks.append(.paragraph(clauses.livedExperienceShow.replacingOccurrences(of: "{organisation}", with: organisation)))
        }
        if let shared = role.sharedExperience {
            blocks.append(.paragraph(clauses.sharedExperience.replacingOccurrences(of: "{of}", with: shared.of)))
            blocks.append(.paragraph(shared.show ?? clauses.sharedExperienceShow.replacingOccurrences(of: "{of}", with: shared.of)))
        }
        return blocks
    }

    var apprenticeshipBlocks: [Block] {
        guard role.kind == .apprentice else { return [] }
        let terms = role.apprenticeship ?? ApprenticeshipTerms(standard: "ST0896")
        var blocks: [Block] = []
        if let standard = clauses.standard(terms.standard) {
            blocks.append(.paragraph(clauses.standardText
                .replacingOccurrences(of: "{title}", with: standard.title)
                .replacingOccurrences(of: "{level}", with: String(standard.level))
                .replacingOccurrences(of: "{standard}", with: standard.id)
                .replacingOccurrences(of: "{duration}", with: standard.typicalDuration)))
        } else {
            blocks.append(.paragraph("This is an apprenticeship post, working towards the apprenticeship standard \(terms.standard)."))
        }
        blocks.append(.heading(level: 3, text: "Off-the-job training"))
        blocks.append(.paragraph(terms.offTheJob ?? clauses.offTheJob))
        blocks.append(.heading(level: 3, text: "Pay"))
        blocks.append(.paragraph(terms.payBasis ?? clauses.payBasis))
        blocks.append(.heading(level: 3, text: "At the end of the apprenticeship"))
        blocks.append(.paragraph(terms.atTheEnd ?? clauses.atTheEnd))
        return blocks
    }

    var clauseBlocks: [Block] {
        clauses.clauses(for: role, in: pathway).flatMap { clause -> [Block] in
            [.heading(level: 3, text: clause.heading ?? clause.id), .paragraph(clause.text)]
        }
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

