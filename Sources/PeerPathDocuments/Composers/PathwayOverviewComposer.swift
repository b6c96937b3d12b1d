import PeerPathModel

/// Builds the overview of a pathway: the ladder, every role with band, points and pay, what each
/// step needs, and all the findings.
public struct PathwayOverviewComposer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func compose(_ facts: PathwayCase) throws(TemplateError) -> Document {
        let pathway = facts.pathway
        let evaluations = Dictionary(uniqueKeysWithValues: facts.roles.map { ($0.role.id, $0.evaluation) })
        var context: [String: Any] = [
            "title": pathway.title, "organisation": pathway.organisation.name, "sector": pathway.organisation.sector.name,
            // "Northfield NHS Foundation Trust (NHS trust)" says the sector twice.
            "showSector": !pathway.organisation.name.lowercased().contains(pathway.organisation.sector.name.lowercased().replacingOccurrences(of: " sector", with: ""))
                && !(pathway.organisation.sector == .nhsTrust && pathway.organisation.name.contains("NHS")),
            "payYear": facts.payScale?.year ?? pathway.payYear,
        ]
        context["costText"] = costText(facts)
        let errors = facts.findings.filter { $0.severity == .error }.count
        let warnings = facts.findings.filter { $0.severity == .warning }.count
        context["findingsText"] = facts.findings.isEmpty
            ? "The checks found nothing to raise on this pathway."
            : "The checks raised \(errors) error\(errors == 1 ? "" : "s") and \(warnings) warning\(warnings == 1 ? "" : "s"). Errors need fixing before the documents go to a panel; warnings need an answer ready."
        let blocks = try templates.render("pathway-overview", context: context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "ladder": return [.figure(PathwayCase.ladderFigure(pathway: pathway, evaluations: evaluations, focus: nil))]
            case "roles": return [.table(rolesTable(facts))]
            case "steps": return steps(pathway)
            case "versions": return [.table(versionsTable(facts))]
            case "findings": return facts.findings.isEmpty ? [] : FindingBlocks.blocks(facts.findings, pathway: pathway)
            default: throw TemplateError(file: "pathway-overview.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .pathwayOverview, title: "Pathway overview: \(pathway.title)",
                        subject: "\(pathway.roles.count) peer roles at \(pathway.organisation.name)",
                        keywords: ["pathway overview", "peer support", pathway.id],
                        properties: [.init("pathway", pathway.id), .init("roles", String(pathway.roles.count)),
                                     .init("peerpath-version", facts.version)]
                            + SignOffText.properties(pathway.signOff, organisation: pathway.organisation.name),
                        blocks: blocks)
    }

    private func rolesTable(_ facts: PathwayCase) -> Table {
        let rows = facts.roles.sorted { $0.role.tier < $1.role.tier }.map { entry -> [String] in
            let band = entry.evaluation.placement.band?.name
            let pay = band.flatMap { facts.payScale?.range(ofBand: $0) } ?? "not on the pay scale"
            return [entry.role.title, band.map { "Band \($0)" } ?? "outside", String(entry.evaluation.points), pay,
                    entry.hoursNote, entry.managerTitle]
        }
        return Table(name: "Roles", header: ["Role", "Band", "Points", "Pay a year (full time)", "Hours", "Reports to"],
                     rows: rows, widths: [5, 2, 2, 4, 2, 4])
    }

    /// Each role's documents: version, status, date and review date (the role's own, else the pathway's).
    private func versionsTable(_ facts: PathwayCase) -> Table {
        let rows = facts.roles.sorted { $0.role.tier < $1.role.tier }.map { entry -> [String] in
            let signOff = facts.pathway.signOff(of: entry.role)
            return [entry.role.title, signOff?.version ?? "Not stated", SignOffText.statusName(signOff),
                    signOff?.effectiveDate?.long ?? "Not stated", signOff?.reviewDate?.long ?? "Not stated"]
        }
        return Table(name: "Versions", header: ["Role", "Version", "Status", "Date", "Review date"],
                     rows: rows, widths: [5, 2, 3, 3, 3])
    }

    /// The cost of one of each post, from the bottom to the top of each band, full-time equivalent
    /// scaled by each post's hours.
    private func costText(_ facts: PathwayCase) -> String {
        guard let scale = facts.payScale else { return "" }
        var low = 0.0
        var high = 0.0
        for entry in facts.roles {
            guard let band = entry.evaluation.placement.band?.name, let points = scale.points[band],
                  let first = points.first, let last = points.last else { continue }
            let share = entry.role.hours / 37.5
            low += Double(first) * share
            high += Double(last) * share
        }
        return "One of each post costs from \(PayScale.pounds(Int(low.rounded()))) to \(PayScale.pounds(Int(high.rounded()))) a year in salary, at the hours shown, before employer's pension and National Insurance contributions."
    }

    private func steps(_ pathway: Pathway) -> [Block] {
        var blocks: [Block] = []
        for route in pathway.routes {
            guard let from = pathway.role(route.from), let to = pathway.role(route.to) else { continue }
            blocks.append(.heading(level: 3, text: "From \(from.title) to \(to.title)"))
            blocks.append(route.needs.isEmpty ? .paragraph("No particular requirement is set for this step.")
                                              : .list(ListBlock(style: .bulleted, items: route.needs)))
        }
        // A requirement every way into every role shares (lived experience) is said once, not in every line.
        let ways = pathway.roles.flatMap(\.waysIn)
        let shared = ways.first?.requirements.filter { requirement in
            requirement.id != nil && ways.allSatisfy { $0.requirements.contains(requirement) }
        } ?? []
        var joining: [Block] = []
        for role in pathway.roles where !role.waysIn.isEmpty {
            joining.append(.heading(level: 3, text: "Joining as \(role.title) from outside the pathway"))
            let items = role.waysIn.map { way -> String in
                let own = way.requirements.filter { !shared.contains($0) }.map(\.text)
                return own.isEmpty ? "Nothing more." : own.joined(separator: " ")
            }
            joining.append(items.count == 1 ? .paragraph(items[0]) : .list(ListBlock(style: .bulleted, items: items)))
        }
        if !joining.isEmpty && !shared.isEmpty {
            blocks.append(.paragraph("Every way into a role on this pathway asks for the following, which the lists below do not repeat: " +
                                     shared.map(\.text).joined(separator: " ")))
        }
        return blocks + joining
    }
}

extension RoleCase {
    var hoursNote: String {
        role.hours == 37.5 ? "Full time" : hoursText.replacingOccurrences(of: " hours a week", with: " a week")
    }
}

import Foundation
