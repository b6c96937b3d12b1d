import Foundation
import PeerPathModel

/// The `evaluate` command's output: each role's factor-by-factor case as a readable table, or as
/// JSON for scripts (the shape documented in the README).
public struct EvaluationReport: Sendable {
    public let assessment: Assessment
    public let scheme: Scheme
    /// The roles reported, in pathway order.
    public let roles: [RoleAssessment]

    public init(assessment: Assessment, scheme: Scheme, roleID: String? = nil) {
        self.assessment = assessment
        self.scheme = scheme
        self.roles = assessment.roles.filter { roleID == nil || $0.role.id == roleID }
    }

    /// The families of findings an evaluation reports.
    public static let families: Set<FindingCode.Family> = [.evaluation, .evidence]

    /// The job evaluation findings of the roles reported (`check` reports the others).
    public var findings: [Finding] {
        let ids = Set(roles.map(\.role.id))
        return assessment.findings.filter { Self.families.contains($0.code.family) && ($0.roleID.map(ids.contains) ?? true) }
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    // MARK: Text

    public func text() -> String {
        var lines: [String] = []
        for entry in roles {
            lines += text(for: entry)
            lines.append("")
        }
        let counts = Finding.Severity.allCases.reversed().map { severity in
            findings.filter { $0.severity == severity }.count.counted(severity.rawValue)
        }
        lines.append("\(assessment.pathway.id): \(roles.count.counted("role")), \(counts.joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func text(for entry: RoleAssessment) -> [String] {
        let role = entry.role
        let evaluation = entry.evaluation
        var lines = ["\(role.title) (\(role.id)): " + (role.expectedBand.map { "expected Band \($0)" } ?? "no expected band: the evidence lands where it lands")]
        lines.append("  " + pad("factor", 40) + pad("level", 7) + pad("points", 8, right: true) + "  " + pad("-1", 5) + pad("+1", 5) + "evidence")
        for result in evaluation.factors {
            let sensitivity = entry.sensitivity.factors.first { $0.factor == result.factor }
            let name = "\(pad(String(result.factor), 2, right: true)) \(scheme.factor(result.factor)?.shortName ?? result.name)"
            let points = result.level.isRange ? "\(result.lowestPoints)-\(result.points)" : String(result.points)
            var evidence = Self.evidenceText(result.evidence)
            if let override = result.override {
                evidence = "override (evidenced \(result.evidencedLevel)): \(override.reason)"
            }
            lines.append("  " + pad(name, 40) + pad(result.level.description, 7) + pad(points, 8, right: true)
                         + "  " + pad(Self.bandName(sensitivity?.down?.placement), 5) + pad(Self.bandName(sensitivity?.up?.placement), 5)
                         + evidence)
        }
        lines.append("  total \(evaluation.points) points: \(Self.placementText(evaluation.placement))")
        if evaluation.hasRange {
            lines.append("  a range is counted at its upper end; the panel must settle each range on one level")
            lines.append("  with every range at its lower end: \(evaluation.lowestPoints) points, \(Self.placementText(evaluation.lowestPlacement))")
            lines.append("  with every range at its upper end: \(evaluation.points) points, \(Self.placementText(evaluation.placement))")
        }
        let sensitivity = entry.sensitivity
        if let below = sensitivity.marginBelow, let above = sensitivity.marginAbove {
            lines.append("  margin: \(below) points above the bottom of the band, \(above) below the top")
        }
        if let toNext = sensitivity.pointsToNextBand, let next = sensitivity.nextPlacement {
            let lose = sensitivity.pointsToLoseBand.map { "losing \($0) points drops the band; " } ?? ""
            lines.append("  \(lose)gaining \(toNext) reaches \(Self.nextText(next))")
        }
        let losing = sensitivity.bandLosingFactors
        lines.append("  one level down loses the band: " + (losing.isEmpty ? "no single factor" : losing.map { "F\($0)" }.joined(separator: ", ")))
        if let line = Self.searchText(sensitivity.drops, verb: "down", outcome: "loses the band") { lines.append("  " + line) }
        if let line = Self.searchText(sensitivity.dropsBesideSingles, verb: "down", outcome: "loses it without those") { lines.append("  " + line) }
        if let line = Self.searchText(sensitivity.rises, verb: "up", outcome: "reaches the next band") { lines.append("  " + line) }
        if let expected = role.expectedBand, !sensitivity.toExpected.isEmpty {
            let changes = sensitivity.toExpected.prefix(5).map { "F\($0.factor) \($0.from)→\($0.to) (\($0.points))" }
            lines.append("  to reach Band \(expected) with one factor: " + changes.joined(separator: ", "))
        }
        if let expected = role.expectedBand, let line = Self.searchText(sensitivity.toExpectedSets, verb: sensitivity.toExpectedSets.sets.first.map { $0.delta > 0 ? "up" : "down" } ?? "", outcome: "reaches Band \(expected)") {
            lines.append("  " + line)
        }
        let own = findings.filter { $0.roleID == role.id }
        if !own.isEmpty {
            lines.append("  findings:")
            lines += own.map { "    \($0.line)" }
        }
        return lines
    }

    static func nextText(_ placement: BandPlacement) -> String {
        switch placement {
        case .band(let band): "Band \(band.name) at \(band.range.lowerBound)"
        case .outside: "the top of Agenda for Change"
        }
    }

    /// "fewest one-level drops that lose the band: 2 (12 sets), e.g. F3+F4 (-30, 465, Band 6)".
    static func searchText(_ search: CombinationSearch, verb: String, outcome: String) -> String? {
        guard let size = search.size, let first = search.sets.first else { return nil }
        let examples = search.sets.prefix(3).map { set in
            set.factors.map { "F\($0)" }.joined(separator: "+") + " (\(set.delta > 0 ? "+" : "")\(set.delta), \(set.points))"
        }
        let sets = search.count == 1 ? "1 set" : "\(search.count) sets"
        return "fewest factors one level \(verb) that \(outcome): \(size) (\(sets)), e.g. \(examples.joined(separator: ", ")) → \(bandName(first.placement))"
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    static func bandName(_ placement: BandPlacement?) -> String {
        switch placement {
        case .band(let band)?: band.name
        case .outside?: "out"
        case nil: "-"
        }
    }

    static func placementText(_ placement: BandPlacement) -> String {
        switch placement {
        case .band(let band): "Band \(band.name) (\(band.range.lowerBound)–\(band.range.upperBound))"
        case .outside: "outside Agenda for Change"
        }
    }

    /// "duties 1.1, 2.3; environment 1", or "none" (level 1 needs no evidence).
    static func evidenceText(_ sources: [EvidenceSource]) -> String {
        let duties = sources.compactMap { if case .duty(let number) = $0 { number.description } else { nil } }
        let facts = sources.compactMap { if case .environment(let index) = $0 { String(index) } else { nil } }
        var parts: [String] = []
        if !duties.isEmpty { parts.append("\(duties.count == 1 ? "duty" : "duties") \(duties.joined(separator: ", "))") }
        if !facts.isEmpty { parts.append("environment \(facts.joined(separator: ", "))") }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }

    // MARK: JSON

    public func json() -> String {
        encodeJSON(EvaluationJSON(report: self))
    }
}
