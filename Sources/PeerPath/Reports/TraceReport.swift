import PeerPathModel

/// The `trace` command's output: for one role, each duty → competence domains → factor evidence →
/// the criteria that select for it → how each is assessed, then the role's trace findings.
public struct TraceReport: Sendable {
    public let trace: Trace
    public let findings: [Finding]

    public init(assessment: Assessment, roleID: String) {
        trace = assessment.trace(of: roleID)!
        findings = assessment.findings(for: roleID).filter { $0.code.family == .trace }
    }

    public func text() -> String {
        var lines = ["\(trace.role.title) (\(trace.role.id))", ""]
        for entry in trace.entries {
            lines.append("\(entry.number) \(entry.duty.text)")
            lines.append("    domains:     " + (entry.domains.isEmpty ? "none" : entry.domains.map(\.name).joined(separator: "; ")))
            let evidence = entry.evidence.map { "F\($0.0.factor) \($0.0.level)\($0.setsLevel ? " (sets the level)" : "")" }
            lines.append("    evidence:    " + (evidence.isEmpty ? "none" : evidence.joined(separator: ", ")))
            if entry.criteria.isEmpty {
                lines.append("    selected by: no criterion")
            }
            for (index, (number, criterion)) in entry.criteria.enumerated() {
                let label = index == 0 ? "    selected by: " : "                 "
                lines.append(label + "C\(number) \(criterion.text) (\(criterion.need.rawValue); assessed by \(criterion.assessed.map(\.rawValue).joined(separator: ", ")))")
            }
            lines.append("")
        }
        lines += findings.map(\.line)
        lines.append("\(trace.role.id): \(trace.entries.count.counted("duty", plural: "duties")) traced, \(trace.entries.filter { $0.criteria.isEmpty }.count) with no selecting criterion")
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        struct EvidenceJSON: Encodable { var factor: Int; var level: String; var setsLevel: Bool }
        struct CriterionJSON: Encodable { var number: Int; var text: String; var need: String; var assessed: [String] }
        struct DutyJSON: Encodable {
            var number: String; var text: String; var domains: [String]
            var evidence: [EvidenceJSON]; var criteria: [CriterionJSON]
        }
        struct TraceJSON: Encodable { var role: String; var duties: [DutyJSON]; var findings: [FindingJSON] }
        return encodeJSON(TraceJSON(
            role: trace.role.id,
            duties: trace.entries.map { entry in
                DutyJSON(number: entry.number.description, text: entry.duty.text, domains: entry.duty.domains,
                         evidence: entry.evidence.map { EvidenceJSON(factor: $0.0.factor, level: $0.0.level.description, setsLevel: $0.setsLevel) },
                         criteria: entry.criteria.map { CriterionJSON(number: $0.number, text: $0.criterion.text, need: $0.criterion.need.rawValue,
                                                                      assessed: $0.criterion.assessed.map(\.rawValue)) })
            },
            findings: findings.map(FindingJSON.init)))
    }
}
