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


    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    /// Notes: findings a pathway allows (with their reason), and notes of their own such as a
    /// ladder reason nothing needs.
    public var allowed: Int { findings.filter { $0.severity == .note && $0.allowedBecause != nil }.count }
    public var notes: Int { findings.filter { $0.severity == .note && $0.allowedBecause == nil }.count }

    /// `id: 2 roles checked, 1 error, 0 warnings`, then notes and allowed findings when there are any.
    public var summary: String {
        var summary = "\(assessment.pathway.id): \(assessment.roles.count.counted("role")) checked, \(errors.counted("error")), \(warnings.counted("warning"))"
        if notes > 0 { summary += ", \(notes.counted("note"))" }
        if allowed > 0 { summary += ", \(allowed) allowed" }
        return summary
    }

    public func text() -> String {
        (findings.flatMap(\.lines) + [summary]).joined(separator: "\n") + "\n"
    }

    struct CheckJSON: Encodable {
        var pathway: PathwayJSON
        var errors: Int
        var warnings: Int
        var findings: [FindingJSON]
    }

    var jsonValue: CheckJSON {
        CheckJSON(pathway: PathwayJSON(id: assessment.pathway.id, file: assessment.file),
                  errors: errors, warnings: warnings, findings: findings.map(FindingJSON.init))
    }

    public func json() -> String {
        encodeJSON(jsonValue)
    }
}

/// `check` or `lint` over several pathways (files, or folders of them): each pathway's report in
/// turn, its findings printed with its file, then the counts of all of them. A pathway that cannot
/// be loaded is reported and the rest are still checked.
public struct CheckRun: Sendable {
    public let reports: [CheckReport]
    /// Pathways that could not be loaded, each with its one-line message and exit code.
    public let failures: [PeerPathError]

    /// Loads and checks each file in turn.
    public init(pipeline: Pipeline, files: [String], families: Set<FindingCode.Family>) {
        var reports: [CheckReport] = []
        var failures: [PeerPathError] = []
        for file in files {
            do {
                reports.append(CheckReport(assessment: pipeline.assess(try pipeline.load(file), file: file), families: families))
            } catch {
                failures.append(error)
            }
        }
        self.reports = reports
        self.failures = failures
    }

    public var errors: Int { reports.reduce(0) { $0 + $1.errors } }
    public var warnings: Int { reports.reduce(0) { $0 + $1.warnings } }
    public var notes: Int { reports.reduce(0) { $0 + $1.notes } }
    public var allowed: Int { reports.reduce(0) { $0 + $1.allowed } }

    /// The closing line over all the pathways.
    public var summary: String {
        let roles = reports.reduce(0) { $0 + $1.assessment.roles.count }
        var summary = "\(reports.count.counted("pathway")) checked, \(roles.counted("role")): \(errors.counted("error")), \(warnings.counted("warning"))"
        if notes > 0 { summary += ", \(notes.counted("note"))" }
        if allowed > 0 { summary += ", \(allowed) allowed" }
        if !failures.isEmpty { summary += "; \(failures.count.counted("pathway")) could not be read" }
        return summary
    }

    /// Each pathway's findings and its count after its file, a blank line between pathways, then
    /// the total.
    public func text() -> String {
        reports.map { report in
            (report.findings.flatMap(\.lines) + ["\(report.assessment.file): \(report.summary)"]).joined(separator: "\n") + "\n"
        }.joined(separator: "\n") + "\n" + summary + "\n"
    }

    /// `{"pathways": [each pathway as check --format json gives it], "errors", "warnings", "unreadable": [messages]}`.
    public func json() -> String {
        struct RunJSON: Encodable {
            var pathways: [CheckReport.CheckJSON]
            var errors: Int
            var warnings: Int
            var unreadable: [String]
        }
        return encodeJSON(RunJSON(pathways: reports.map(\.jsonValue), errors: errors, warnings: warnings,
                                  unreadable: failures.map(\.message)))
    }
}
