import PeerPathModel

/// A pathway with everything worked out about it: each role's evaluation and sensitivity, and the
/// findings of every check, in the pathway's role order.
public struct Assessment: Sendable {
    public var pathway: Pathway
    public var file: String
    public var roles: [RoleAssessment]
    public var findings: [Finding]

    public func role(_ id: String) -> RoleAssessment? { roles.first { $0.role.id == id } }

    /// Fails with a usage error naming the pathway's roles when there is no such role.
    public func requireRole(_ id: String, file: String) throws(PeerPathError) {
        guard role(id) == nil else { return }
        let known = roles.map(\.role.id).joined(separator: ", ")
        throw PeerPathError(.usage, "\(file): error: no role '\(id)' in this pathway\(Suggestion.didYouMean(id, among: roles.map(\.role.id), then: "its roles are: \(known)"))")
    }

    public func findings(for roleID: String) -> [Finding] { findings.filter { $0.roleID == roleID } }

    /// The trace of one role's duties to domains, evidence and criteria.
    public func trace(of roleID: String) -> Trace? {
        guard let entry = role(roleID) else { return nil }
        return Trace(role: entry.role, in: pathway, evaluation: entry.evaluation)
    }
}

public struct RoleAssessment: Sendable {
    public var role: Role
    public var evaluation: RoleEvaluation
    /// How far the role is from the edges of its band, and what moves it: worked out with the
    /// evaluation when the pipeline's command reports it (`Pipeline.Needs.margins`), else the
    /// first time it is asked for.
    public var sensitivity: Sensitivity { margins.value }
    private let margins: Once<Sensitivity>

    init(role: Role, evaluation: RoleEvaluation, scheme: Scheme, now: Bool) {
        self.role = role
        self.evaluation = evaluation
        let work = { @Sendable in scheme.sensitivity(of: evaluation, expectedBand: role.expectedBand) }
        margins = Once(work)
        if now { _ = margins.value }
    }
}

extension Pipeline {
    /// Evaluates every role and runs the checks of the families the pipeline reports (`checks`).
    /// Both are shared between two cores, a role or a check at a time (`SideBySide`); the findings
    /// are in the order of running them one after the other: every other check's, then the
    /// language checks' role by role, then those of what the routes need.
    public func assess(_ pathway: Pathway, file: String) -> Assessment {
        let (theScheme, margins) = (scheme, needs.contains(.margins))
        let roles = SideBySide.all(pathway.roles.map { role in
            { @Sendable () -> RoleAssessment in
                RoleAssessment(role: role, evaluation: theScheme.evaluate(role), scheme: theScheme, now: margins)
            }
        })
        let evaluations = Dictionary(uniqueKeysWithValues: roles.map { ($0.role.id, $0.evaluation) })
        var others: [@Sendable () -> [Finding]] = []
        if checks.contains(.evaluation) { others.append { LadderChecks(scheme: theScheme).findings(for: pathway, evaluations: evaluations) } }
        if checks.contains(.evidence) {
            let evidence = EvidenceChecks(scheme: theScheme, cues: cues)
            for entry in roles {
                others.append { evidence.findings(for: entry.role, evaluation: entry.evaluation) }
            }
            others.append { evidence.acrossRoles(pathway) }
        }
        if checks.contains(.practice) {
            let context = nationalContext
            others.append { PracticeChecks().findings(for: pathway) }
            others.append { ContextChecks(defaultContext: context).findings(for: pathway) }
        }
        if checks.contains(.trace) { others.append { TraceChecks().findings(for: pathway, evaluations: evaluations) } }
        var wording: [@Sendable () -> [Finding]] = []
        if checks.contains(.language), let language {
            let count = pathway.roles.count
            wording = pathway.roles.indices.map { index in { language.findings(for: pathway, roles: index..<index + 1, routes: false) } }
            wording.append { language.findings(for: pathway, roles: count..<count, routes: true) }
        }
        // The language checks, the costliest pieces, are taken first.
        let results = SideBySide.all(wording + others)
        let findings = Array(results[wording.count...].joined()) + Array(results[..<wording.count].joined())
        return Assessment(pathway: pathway, file: file, roles: roles, findings: findings)
    }
}

extension Pipeline {
    /// An assessment with one role changed (the workbench's what-if): the changed role is evaluated
    /// again and the pathway-wide checks run on the changed pathway, with the other roles'
    /// evaluations and sensitivities taken from `assessment`. The checks of one role on its own (the
    /// evidence checks but the comparison across roles, and the language checks, the costliest) run
    /// on the changed role alone, the language checks only when `textChanged` (its duties or criteria
    /// changed); the other roles' are as they were. The findings are those `assess` would give.
    public func reassess(_ role: Role, in assessment: Assessment, textChanged: Bool) -> Assessment {
        var pathway = assessment.pathway
        guard let index = pathway.roles.firstIndex(where: { $0.id == role.id }) else { return assessment }
        pathway.roles[index] = role
        var roles = assessment.roles
        let evaluation = scheme.evaluate(role)
        roles[index] = RoleAssessment(role: role, evaluation: evaluation, scheme: scheme, now: needs.contains(.margins))
        let evaluations = Dictionary(uniqueKeysWithValues: roles.map { ($0.role.id, $0.evaluation) })
        // The evidence checks of the other roles see only their own role: theirs are as they were.
        let evidence = EvidenceChecks(scheme: scheme, cues: cues)
        let kept = assessment.findings.filter { $0.code.family == .evidence && $0.code != .scoringInconsistent && $0.roleID != role.id }
        var findings = LadderChecks(scheme: scheme).findings(for: pathway, evaluations: evaluations)
            + kept + evidence.findings(for: role, evaluation: evaluation) + evidence.acrossRoles(pathway)
            + PracticeChecks().findings(for: pathway)
            + ContextChecks(defaultContext: nationalContext).findings(for: pathway)
            + TraceChecks().findings(for: pathway, evaluations: evaluations)
        if let language {
            let old = assessment.findings.filter { $0.code.family == .language }
            findings += old.filter { $0.roleID != role.id }
            findings += textChanged ? language.findings(for: pathway, roleID: role.id) : old.filter { $0.roleID == role.id }
        }
        return Assessment(pathway: pathway, file: assessment.file, roles: roles, findings: findings)
    }
}
