import PeerPathModel

/// Builds a role's banding justification: the sixteen factors with level, points and the duties
/// that evidence them, a reasoned paragraph per factor, the total and band, what would move the band,
/// the scheme's principles applied to this role with its numbers, and its findings.
public struct BandingJustificationComposer: Sendable {
    public let templates: TemplateSet
    public let wording: Wording

    public init(templates: TemplateSet, wording: Wording) {
        self.templates = templates
        self.wording = wording
    }

    public func compose(_ facts: RoleCase) throws(TemplateError) -> Document {
        var context = facts.context
        let reasoning = BandingReasoning(facts: facts, wording: wording)
        context["totalText"] = reasoning.totalText
        context["marginText"] = reasoning.marginText
        context["losingText"] = reasoning.losingText
        context["toExpectedText"] = reasoning.toExpectedText ?? false
        context["hasFindings"] = !facts.findings.isEmpty
        let blocks = try templates.render("banding-justification", context: context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "summary": return [.table(reasoning.summaryTable)]
            case "factor-table": return [.table(reasoning.factorTable)]
            case "factor-reasons": return reasoning.factorParagraphs
            case "sensitivity-table": return [.table(reasoning.sensitivityTable)]
            case "principles": return reasoning.principles
            case "peer-roles": return reasoning.peerRolesInGeneral
            case "findings": return FindingBlocks.blocks(facts.findings, pathway: facts.pathway)
            default: throw TemplateError(file: "banding-justification.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .bandingJustification, title: "Banding justification: \(facts.role.title)",
                        subject: "\(facts.role.title), \(facts.evaluation.points) points, \(facts.bandText)",
                        keywords: ["banding justification", "job evaluation"] + facts.keywords,
                        properties: facts.properties, blocks: blocks)
    }
}

/// The reasoning behind a role's band, in sentences and tables, from its evaluation and sensitivity.
struct BandingReasoning {
    let facts: RoleCase
    let wording: Wording

    var evaluation: RoleEvaluation { facts.evaluation }
    var scheme: Scheme { facts.scheme }

    static func evidenceList(_ sources: [EvidenceSource]) -> String {
        let duties = sources.compactMap { if case .duty(let number) = $0 { number.description } else { nil } }
        let facts = sources.compactMap { if case .environment(let index) = $0 { String(index) } else { nil } }
        var parts: [String] = []
        if !duties.isEmpty { parts.append("\(duties.count == 1 ? "duty" : "duties") \(duties.joined(separator: ", "))") }
        if !facts.isEmpty { parts.append("working environment \(facts.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }

    var summaryTable: Table {
        var rows = [
            ["Job title", facts.role.title],
            ["Organisation", facts.pathway.organisation.name],
            ["Expected band", facts.role.expectedBand.map { "Band \($0)" } ?? "Not stated: the band is where the evidence lands"],
            ["Total points", String(evaluation.points)],
            ["Band from the points", BandingReasoning.placementText(evaluation.placement)],
        ]
        if evaluation.hasRange {
            rows.append(["With every range at its lower end", "\(evaluation.lowestPoints) points, \(evaluation.lowestPlacement)"])
        }
        return Table(name: "Summary", header: nil, rows: rows, widths: [1, 2])
    }

    static func placementText(_ placement: BandPlacement) -> String {
        switch placement {
        case .band(let band): "Band \(band.name) (\(band.range.lowerBound) to \(band.range.upperBound) points)"
        case .outside: "outside Agenda for Change"
        }
    }

    var factorTable: Table {
        let rows = evaluation.factors.map { result -> [String] in
            let evidence = result.override.map { "Stated level: \($0.reason)" } ?? Self.evidenceList(result.evidence)
            return ["\(result.factor). \(result.name)", result.level.description, String(result.points),
                    evidence.isEmpty ? "No duty needed at level 1" : evidence]
        }
        return Table(name: "Factors", header: ["Factor", "Level", "Points", "Evidence in the job description"],
                     rows: rows + [["Total", "", String(evaluation.points), BandingReasoning.placementText(evaluation.placement)]],
                     widths: [6, 2, 2, 7])
    }

    /// One heading and paragraph per factor: what it looks at, what the level means, the duties
    /// that show it (quoted), any stated level and its reason, and how the factor applies to peer roles.
    var factorParagraphs: [Block] {
        let duties = facts.role.dutyAreas.flatMap(\.duties)
        return evaluation.factors.flatMap { result -> [Block] in
            let factorWording = wording.factors[result.factor]
            var blocks: [Block] = [.heading(level: 3, text: "\(result.factor). \(result.name): level \(result.level), \(result.points) points")]
            var text = factorWording?.about ?? ""
            if let wording = factorWording, let meaning = wording.meaning(of: result.level) {
                text += " At level \(result.level.high)\(result.level.subLevel ?? ""), \(meaning.prefix(1).lowercased())\(meaning.dropFirst())."
                if result.level.isRange, let lower = wording.levels[result.level.low] {
                    text += " This is a range; at its lower end, level \(result.level.low), \(lower). The panel must settle on one level."
                }
            }
            blocks.append(.paragraph(text.trimmed(.whitespaces)))
            let quoted = result.evidence.compactMap { source -> String? in
                switch source {
                case .duty(let number):
                    return duties.first { $0.number == number }.map { "Duty \(number): \($0.duty.text)" }
                case .environment(let index):
                    return facts.role.environment.indices.contains(index - 1) ? "Working environment: \(facts.role.environment[index - 1].text)" : nil
                }
            }
            if let override = result.override {
                blocks.append(.paragraph("The pathway states this level rather than deriving it from the duties (the duties show level \(result.evidencedLevel)). Its reason: \(override.reason)"))
            } else if result.level.high == 1 {
                blocks.append(.paragraph("Level 1 is the starting point of every factor; the role claims nothing more here."))
            } else if !quoted.isEmpty {
                blocks.append(.paragraph("The job description shows this level in:"))
                blocks.append(.list(ListBlock(style: .bulleted, items: quoted)))
            }
            if result.level.high > 1, let own = inThisRole(result) {
                blocks.append(.paragraph(own))
            }
            return blocks
        }
    }

    /// What the factor's level rests on in this role: how many of its own duties and facts, and what
    /// one level less would do to its band.
    func inThisRole(_ result: FactorResult) -> String? {
        var sentences: [String] = []
        let duties = result.evidence.filter { if case .duty = $0 { true } else { false } }.count
        let environment = result.evidence.count - duties
        let title = facts.role.title
        if result.override == nil {
            var sources: [String] = []
            if duties > 0 { sources.append(duties == 1 ? "one duty" : "\(duties) duties") }
            if environment > 0 { sources.append(environment == 1 ? "one fact about the working environment" : "\(environment) facts about the working environment") }
            if !sources.isEmpty {
                sentences.append("For the \(title), the level rests on \(sources.joined(separator: " and "))\(result.evidence.count == 1 ? " alone" : "").")
            }
        }
        if result.factor == 9 {
            sentences.append(OrganisationChart.teamSentence(for: facts.role, in: facts.pathway))
        }
        if let sensitivity = facts.sensitivity.factors.first(where: { $0.factor == result.factor }), let down = sensitivity.down {
            let name = scheme.factor(result.factor)?.shortName.lowercased() ?? "this factor"
            sentences.append("With \(name) one level lower, at level \(down.to), the \(title) would total \(down.points) points, \(down.placement): "
                             + (sensitivity.dropLosesBand ? "the band would change." : "the band would hold."))
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// How the factors the role claims above level 1 apply to peer roles in general: one short
    /// list, kept apart from the role's own evidence.
    var peerRolesInGeneral: [Block] {
        let items = evaluation.factors.compactMap { result -> String? in
            guard result.level.high > 1, let text = wording.factors[result.factor]?.peerRoles,
                  let factor = scheme.factor(result.factor) else { return nil }
            return "\(factor.number). \(factor.shortName): \(text)"
        }
        guard !items.isEmpty else { return [] }
        return [.paragraph("These points are about peer support roles in general, not this job; the job's own evidence is in the factors above."),
                .list(ListBlock(style: .bulleted, items: items))]
    }

    var totalText: String {
        switch evaluation.placement {
        case .band(let band):
            let position = "\(evaluation.points - band.range.lowerBound) points above the bottom of the band and \(band.range.upperBound - evaluation.points) below the top"
            var text = "The sixteen factors total \(evaluation.points) points. Band \(band.name) runs from \(band.range.lowerBound) to \(band.range.upperBound) points, so the job sits \(position)."
            if let expected = facts.role.expectedBand, band.name != expected {
                text += " The pathway expects Band \(expected), so the case as written does not land in the expected band."
            } else if facts.role.expectedBand != nil {
                text += " This is the band the pathway expects."
            }
            return text
        case .outside:
            return "The sixteen factors total \(evaluation.points) points, above 765, the top of Band 9: the job is outside Agenda for Change."
        }
    }

    var marginText: String {
        guard let below = facts.sensitivity.marginBelow, let above = facts.sensitivity.marginAbove else {
            return "The total is above every band."
        }
        var text = "The band holds while the total loses no more than \(below) points or gains no more than \(above)."
        if let lose = facts.sensitivity.pointsToLoseBand {
            text += " Losing \(lose) points would drop it to the band below."
        }
        if let toNext = facts.sensitivity.pointsToNextBand, let next = facts.sensitivity.nextPlacement {
            switch next {
            case .band(let band): text += " Reaching Band \(band.name) needs \(toNext) points more, counted to its first point, \(band.range.lowerBound)."
            case .outside: text += " Gaining \(toNext) points would take the job above Agenda for Change."
            }
        }
        return text + " The table shows the band each factor would give one level down and one level up, all else the same."
    }

    var sensitivityTable: Table {
        let rows = facts.sensitivity.factors.map { factor -> [String] in
            func text(_ change: LevelChange?) -> String {
                guard let change else { return "—" }
                return "\(change.points) points, \(change.placement)"
            }
            let level = evaluation.factor(factor.factor)?.level.description ?? String(factor.level)
            return ["\(factor.factor). \(scheme.factor(factor.factor)?.shortName ?? "")", level, text(factor.down), text(factor.up)]
        }
        return Table(name: "Sensitivity", header: ["Factor", "Level", "One level down", "One level up"], rows: rows, widths: [6, 2, 5, 5])
    }

    /// The honest multi-factor picture: which single drops lose the band, and otherwise how few
    /// drops together do; never more safety than the numbers give.
    var losingText: String {
        let sensitivity = facts.sensitivity
        var text: String
        let losing = sensitivity.bandLosingFactors
        if sensitivity.pointsToLoseBand == nil {
            text = "This is the lowest band, so no drop can take the job below it."
        } else if !losing.isEmpty {
            let names = losing.compactMap { scheme.factor($0).map { "\($0.number) (\($0.name))" } }
            text = "A drop of one level on any one of these factors would take the job out of its band: \(names.joined(separator: ", ")). These are the levels to evidence most carefully."
            if let line = Self.setsSentence(sensitivity.dropsBesideSingles, lead: "Among the other factors,") {
                text += " " + line
            }
        } else if let line = Self.setsSentence(sensitivity.drops, lead: "No single factor dropping one level would take the job out of its band, but") {
            text = line
        } else {
            text = "No set of one-level drops would take the job out of its band."
        }
        if let line = Self.setsSentence(sensitivity.rises, lead: "Upwards,") {
            text += " " + line
        }
        return text
    }

    /// "…, 2 factors one level lower together would move the band: 12 such sets, such as factors 3 and 4 (465 points, Band 6)."
    static func setsSentence(_ search: CombinationSearch, lead: String) -> String? {
        guard let size = search.size, let first = search.sets.first else { return nil }
        let direction = first.delta < 0 ? "lower" : "higher"
        let factors = first.factors.map(String.init)
        let named = factors.count == 1 ? "factor \(factors[0])" : "factors " + factors.dropLast().joined(separator: ", ") + " and " + factors.last!
        let group = size == 1 ? "factor" : "factors"
        let sets = search.count == 1 ? "one such set" : "\(search.count) such sets"
        return "\(lead) \(size) \(group) one level \(direction) together would move the band: \(sets), such as \(named) (\(first.points) points, \(first.placement))."
    }

    var toExpectedText: String? {
        guard let expected = facts.role.expectedBand, evaluation.placement.band?.name != expected else { return nil }
        guard !facts.sensitivity.toExpected.isEmpty else {
            let lead = "The case as written is not in the expected Band \(expected). Either the job is the band its evidence gives, and the expected band should change; or the job description leaves out work the job truly does."
            guard let size = facts.sensitivity.toExpectedSets.size else { return lead }
            return lead + " No change of one level on one factor reaches Band \(expected); it would take one level on each of \(size) factors, and each needs duties that truly show the level."
        }
        let changes = facts.sensitivity.toExpected.prefix(3).map { "factor \($0.factor) from level \($0.from) to \($0.to) (\($0.points) points)" }
        return "The case as written is not in the expected Band \(expected). Either the job is the band its evidence gives, and the expected band should change; or the job description leaves out work the job truly does. Only in that second case would one of these changes apply: \(changes.joined(separator: "; ")). Each needs duties that truly show the level."
    }

    /// The scheme principles that answer the usual objections to peer roles, with this role's numbers.
    var principles: [Block] {
        var blocks: [Block] = []
        blocks.append(.heading(level: 3, text: "The job is evaluated, not the person"))
        blocks.append(.paragraph("The panel scores what the job requires as the job description sets it out, not the qualifications or history of whoever holds it. The \(facts.role.title) scores \(evaluation.points) points because of the duties numbered in the job description, each of which the postholder must carry out."))
        if let knowledge = evaluation.factor(2), let factor = scheme.factor(2) {
            blocks.append(.heading(level: 3, text: "Knowledge is the minimum the job needs, and experience counts"))
            blocks.append(.paragraph("Factor 2 measures the least knowledge needed to do the whole job, and knowledge gained through experience counts as much as knowledge gained on a course. This role is at level \(knowledge.level) (\(knowledge.points) of a possible \(factor.points.last ?? 0) points). That knowledge comes from lived experience used with skill, peer support training and supervised practice. No professional registration is needed for it, and its absence is no reason to score the factor lower."))
        }
        if let finance = evaluation.factor(8), let factor = scheme.factor(8) {
            blocks.append(.heading(level: 3, text: "Financial responsibility is one factor of sixteen"))
            var text = "Factor 8 covers money and physical resources. This role is at level \(finance.level), worth \(finance.points) points, from what its duties say the job does with money and resources. Whether a budget is delegated to the job holder or held by them for a whole department or service is what separates levels 3 and 4, so the duties say which it is."
            let loss = finance.points - factor.points(atLevel: 1)
            if loss > 0, let below = facts.sensitivity.marginBelow {
                text += " Scoring this factor at level 1 would take away \(loss) points against a margin of \(below) below the band: "
                text += loss > below ? "the band would drop, so the evidence for this level matters." : "the band would hold."
            } else if loss == 0 {
                text += " The role claims no financial responsibility, and the band stands on the other fifteen factors."
            }
            blocks.append(.paragraph(text))
        }
        return blocks
    }
}

/// Findings as document blocks: a table with severity, code, line and message, or a sentence.
enum FindingBlocks {
    /// - Parameter quiet: say nothing when there are no findings (a panel document), rather than
    ///   saying the checks found nothing.
    static func blocks(_ findings: [Finding], pathway: Pathway, quiet: Bool = true) -> [Block] {
        guard !findings.isEmpty else {
            return quiet ? [] : [.paragraph("The checks found nothing to raise.")]
        }
        let rows = findings.map { finding -> [String] in
            let role = finding.roleID.flatMap { pathway.role($0)?.title } ?? ""
            let line = finding.location.map { "line \($0.line)" } ?? ""
            var message = finding.message
            if let reason = finding.allowedBecause { message += " (Allowed: \(reason))" }
            return [finding.severity.rawValue.capitalized, finding.code.rawValue, role, message, line]
        }
        return [.table(Table(name: "Findings", header: ["Severity", "Code", "Role", "Finding", "Where"], rows: rows, widths: [3, 4, 4, 12, 2]))]
    }
}

import Foundation
