import PeerPathModel

/// The `check` command's output: every finding of a pathway — job evaluation, practice and trace —
/// in file order, then a count; or the same as JSON.
public struct CheckReport: Sendable {
    public let assessment: Assessment
    /// The families reported: all for `check`, language only for `lint`.
    public let families: Set<FindingCode.Family>

    public init(assessment: Assessment, families: Set<FindingCode.Family> = [.evaluation, .evidence, .practice, .trace, .language]) {
        self.assessment = assessment
        self.families = families
    }

    /// Findings in the order of the lines they point at.
    public var findings: [Finding] {
        assessment.findings.filter { families.contains($0.code.family) }.enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }


    public func text() -> String {
        var lines = findings.flatMap(\.lines)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let notes = findings.filter { $0.severity == .note }.count
        var summary = "\(assessment.pathway.id): \(assessment.roles.count) roles checked, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if notes > 0 { summary += ", \(notes) allowed" }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        struct CheckJSON: Encodable {
            var pathway: PathwayJSON
            var errors: Int
            var warnings: Int
            var findings: [FindingJSON]
        }
        return encodeJSON(CheckJSON(
            pathway: PathwayJSON(id: assessment.pathway.id, file: assessment.file),
            errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count,
            findings: findings.map(FindingJSON.init)))
    }
}
