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
        let errors = facts.findings.filter { $0.severity == .error }.count
        let warnings = facts.findings.filter { $0.severity == .warning }.count
        context["findingsText"] = facts.findings.isEmpty
            ? "The checks found nothing to raise on this pathway."
            : "The checks raised \(errors) error\(errors == 1 ? "" : "s") and \(warnings) warning\(warnings == 1 ? "" : "s"). Errors need fixing before the documents go to a panel; warnings need an answer ready."
        let blocks = try templates.render("pathway-overview", context: context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "ladder": return [.figure(PathwayCase.ladderFigure(pathway: pathway, evaluations: evaluations, focus: nil))]
            case "roles": return [.table(rolesTable(facts))]
            case "costs": return costBlocks(facts)
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

    /// What the establishment costs a year, from everyone at the bottom of their band to everyone
    /// at the top: a sentence on what is counted, a table by role, and a chart by band.
    private func costBlocks(_ facts: PathwayCase) -> [Block] {
        switch facts.costs {
        case nil:
            return []
        case .notCosted(let reason)?:
            return [.paragraph("The establishment's cost is not shown: \(reason).")]
        case .costed(let bottom, let top)?:
            let tops = Dictionary(uniqueKeysWithValues: top.posts.map { ($0.roleID, $0) })
            func range(_ low: Int, _ high: Int) -> String {
                low == high ? Self.pounds(high) : "\(Self.pounds(low)) to \(Self.pounds(high))"
            }
            let withSupplement = bottom.area != .none
            var rows: [[String]] = []
            for post in bottom.posts.sorted(by: { $0.tier < $1.tier }) {
                let high = tops[post.roleID]?.amounts ?? post.amounts
                let low = post.amounts
                var row = [post.title, post.band.map { "Band \($0)" } ?? "outside", String(low.headcount), low.wholeTime.description]
                if post.notCosted != nil {
                    row += ["not costed"] + (withSupplement ? [""] : []) + ["", ""]
                } else {
                    row += [range(low.basic, high.basic)] + (withSupplement ? [range(low.supplement, high.supplement)] : [])
                        + [range(low.onCosts, high.onCosts), range(low.total, high.total)]
                }
                rows.append(row)
            }
            let low = bottom.total
            let high = top.total
            rows.append(["Total", "", String(low.headcount), low.wholeTime.description, range(low.basic, high.basic)]
                        + (withSupplement ? [range(low.supplement, high.supplement)] : [])
                        + [range(low.onCosts, high.onCosts), range(low.total, high.total)])
            let header = ["Role", "Band", "Posts", "WTE", "Basic pay"] + (withSupplement ? ["High cost area supplement"] : []) + ["On-costs", "Total a year"]
            let widths = [5, 2, 2, 2, 4] + (withSupplement ? [4] : []) + [4, 4]
            let topBands = Dictionary(uniqueKeysWithValues: top.byBand.map { ($0.band, $0.amounts.total) })
            let chartRows = bottom.byBand.map { CostChart.Row(band: $0.band, bottom: $0.amounts.total, top: topBands[$0.band] ?? $0.amounts.total) }
            var blocks: [Block] = [.paragraph(costIntroduction(bottom)),
                                   .table(Table(name: "Costs", header: header, rows: rows, widths: widths))]
            if !chartRows.isEmpty {
                blocks.append(.figure(Figure(name: "cost-by-band", diagram: CostChart.diagram(chartRows, title: "Cost by band: \(facts.pathway.title)"),
                                             alternativeText: CostChart.description(chartRows),
                                             caption: "Cost a year of each band's posts: the dark bar with everyone at the bottom of the band, the light bar with everyone at the top.")))
            }
            return blocks
        }
    }

    /// What the costs count, in words.
    private func costIntroduction(_ cost: EstablishmentCost) -> String {
        let rates = cost.onCosts
        var counted = ["the employer's National Insurance (\(rates.nationalInsuranceRate) of each person's pay above \(PayScale.pounds(rates.secondaryThreshold / 100)) a year)"]
        if cost.pensionCounted {
            counted.append("the employer's NHS Pension Scheme contribution (\(rates.pensionRate); the other \(rates.pensionPaidCentrally) is paid centrally)")
        }
        if cost.levyCounted { counted.append("the apprenticeship levy (\(rates.levyRate) of pay)") }
        var text = "What the posts cost a year at \(cost.payYear) pay, each role at the band its evaluation reaches, from everyone at the bottom of their band to everyone at the top. Pay is for the whole-time equivalent, shared equally between the people in post. On-costs are \(Self.list(counted))."
        if cost.area != .none {
            text += " The posts are in \(cost.area.name), so each carries the high cost area supplement."
        }
        if !cost.levyCounted { text += " No apprenticeship levy is counted: the pathway does not say the organisation pays it." }
        if !cost.pensionCounted { text += " No employer pension is counted: the organisation's own scheme and rate are not known." }
        return text + " Amounts are to the nearest pound."
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Whole pounds, a half pound upwards.
    private static func pounds(_ pence: Int) -> String { PayScale.pounds(Rounding.divide(pence, by: 100)) }

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
