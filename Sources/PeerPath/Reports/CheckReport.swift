import PeerPathModel

/// The `check` command's output: every finding of a pathway — job evaluation, practice and trace —
/// in file order, then a count; or the same as JSON.
public struct CheckReport: Sendable {
    public let assessment: Assessment

    public init(assessment: Assessment) {
        self.assessment = assessment
    }

    /// Findings in the order of the lines they point at.
    public var findings: [Finding] {
        assessment.findings.enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }

    public var hasErrors: Bool { assessment.hasErrors }

    public func text() -> String {
        var lines = findings.map(\.line)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        lines.append("\(assessment.pathway.id): \(assessment.roles.count) roles checked, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
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
