/// For one role, each duty traced to the competence domains it serves, the factor evidence it
/// carries, and the criteria that select for it (a criterion selects for a duty when they share a
/// domain) with how each is assessed.
public struct Trace: Sendable {
    public struct Entry: Sendable {
        public var number: DutyNumber
        public var duty: Duty
        public var domains: [CompetenceDomain]
        /// The duty's evidence, each marked with whether it sets the factor's level for the role.
        public var evidence: [(FactorEvidence, setsLevel: Bool)]
        /// The selecting criteria with their 1-based place in the role's person specification.
        public var criteria: [(number: Int, criterion: Criterion)]
    }

    public var role: Role
    public var entries: [Entry]

    public init(role: Role, in pathway: Pathway, evaluation: RoleEvaluation) {
        self.role = role
        let criterionDomains = role.criteria.map { Set($0.domains) }
        self.entries = role.dutyAreas.flatMap(\.duties).map { numbered in
            let duty = numbered.duty
            let evidence = duty.evidence.map { item in
                (item, setsLevel: evaluation.factor(item.factor)?.evidence.contains(.duty(numbered.number)) ?? false)
            }
            let criteria = role.criteria.enumerated()
                .filter { !criterionDomains[$0.offset].isDisjoint(with: duty.domains) }
                .map { (number: $0.offset + 1, criterion: $0.element) }
            return Entry(number: numbered.number, duty: duty,
                         domains: duty.domains.compactMap { pathway.domain($0) },
                         evidence: evidence, criteria: criteria)
        }
    }
}

/// Gaps in the trace: duties nothing in the person specification selects for, and framework
/// domains the entry role's duties leave out.
public struct TraceChecks: Sendable {
    public init() {}

    public func findings(for pathway: Pathway, evaluations: [String: RoleEvaluation]) -> [Finding] {
        var findings: [Finding] = []
        for role in pathway.roles {
            guard let evaluation = evaluations[role.id] else { continue }
            for entry in Trace(role: role, in: pathway, evaluation: evaluation).entries where entry.criteria.isEmpty {
                let hint = entry.duty.domains.isEmpty ? "give the duty its competence domains" : "add a criterion for \(entry.domains.map(\.name).joined(separator: " or "))"
                findings.append(Finding(.dutyUnselected, .warning,
                    "\(role.title): no criterion in the person specification selects for duty \(entry.number) ('\(Self.excerpt(entry.duty.text))'); \(hint)",
                    role: role.id, at: entry.duty.location ?? role.location))
            }
        }
        for role in pathway.entryRoles {
            let covered = Set(role.duties.flatMap(\.domains))
            for domain in pathway.domains where domain.entry && !covered.contains(domain.id) {
                findings.append(Finding(.domainUncovered, .warning,
                    "\(role.title), the entry role, has no duty serving '\(domain.name)' from the peer support competence framework",
                    role: role.id, at: role.location))
            }
        }
        return findings
    }

    /// The start of a text, cut at a word and marked when cut.
    static func excerpt(_ text: String, length: Int = 60) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
