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
    public var sensitivity: Sensitivity
}

extension Pipeline {
    /// Evaluates every role and runs the checks of the families the pipeline reports (`checks`).
    public func assess(_ pathway: Pathway, file: String) -> Assessment {
        let roles = pathway.roles.map { role in
            let evaluation = scheme.evaluate(role)
            return RoleAssessment(role: role, evaluation: evaluation,
                                  sensitivity: scheme.sensitivity(of: evaluation, expectedBand: role.expectedBand))
        }
        let evaluations = Dictionary(uniqueKeysWithValues: roles.map { ($0.role.id, $0.evaluation) })
        let (theScheme, theCues, context, families) = (scheme, cues, nationalContext, checks)
        let others = { @Sendable () -> [Finding] in
            var findings: [Finding] = []
            if families.contains(.evaluation) { findings += LadderChecks(scheme: theScheme).findings(for: pathway, evaluations: evaluations) }
            if families.contains(.evidence) { findings += EvidenceChecks(scheme: theScheme, cues: theCues).findings(for: pathway, evaluations: evaluations) }
            if families.contains(.practice) {
                findings += PracticeChecks().findings(for: pathway)
                findings += ContextChecks(defaultContext: context).findings(for: pathway)
            }
            if families.contains(.trace) { findings += TraceChecks().findings(for: pathway, evaluations: evaluations) }
            return findings
        }
        // The language checks, the costliest, are shared between two cores: the first roles' beside
        // the rest of the roles' and the routes'; the other checks go with the first share, which is
        // smaller for it (a third of the roles rather than half).
        let findings: [Finding]
        if checks.contains(.language), let language {
            let count = pathway.roles.count
            let onlyLanguage = checks == [.language]
            let first = onlyLanguage ? count / 2 : count / 3
            let ((other, firstRoles), otherRoles) = SideBySide.run({
                (onlyLanguage ? [] : others(), language.findings(for: pathway, roles: 0..<first, routes: false))
            }, {
                language.findings(for: pathway, roles: first..<count, routes: true)
            })
            // Every other check's findings first, then the language checks', as ever.
            findings = other + firstRoles + otherRoles
        } else {
            findings = others()
        }
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
        roles[index] = RoleAssessment(role: role, evaluation: evaluation,
                                      sensitivity: scheme.sensitivity(of: evaluation, expectedBand: role.expectedBand))
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
