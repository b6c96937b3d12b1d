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

    /// The job evaluation findings of the roles reported (`check` reports the others).
    public var findings: [Finding] {
        let ids = Set(roles.map(\.role.id))
        return assessment.findings.filter { $0.code.family == .evaluation && ($0.roleID.map(ids.contains) ?? true) }
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
        var lines = ["\(role.title) (\(role.id)): expected Band \(role.expectedBand)"]
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
        if let below = entry.sensitivity.marginBelow, let above = entry.sensitivity.marginAbove {
            lines.append("  margin: \(below) points above the bottom of the band, \(above) below the top")
        }
        let losing = entry.sensitivity.bandLosingFactors
        lines.append("  one level down loses the band: " + (losing.isEmpty ? "no single factor" : losing.map { "F\($0)" }.joined(separator: ", ")))
        if !entry.sensitivity.toExpected.isEmpty {
            let changes = entry.sensitivity.toExpected.prefix(5).map { "F\($0.factor) \($0.from)→\($0.to) (\($0.points))" }
            lines.append("  to reach Band \(role.expectedBand): " + changes.joined(separator: ", "))
        }
        let own = findings.filter { $0.roleID == role.id }
        if !own.isEmpty {
            lines.append("  findings:")
            lines += own.map { "    \($0.line)" }
        }
        return lines
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
