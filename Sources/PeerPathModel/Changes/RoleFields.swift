/// The fields of a role (and of the pathway's head) that `diff` compares, each as the documents
/// print it, so a change is a difference a reader of the documents would see. Lists are compared
/// as sets: the same entries in another order are no change. Version, agreement, clauses and
/// language allowances are not compared; they are not what a panel re-evaluating a job asks about.
enum RoleFields {
    /// Each compared field of a role: key, label and value (nil where the role has none).
    static func values(of role: Role, in pathway: Pathway) -> [(field: String, label: String, value: String?)] {
        [
            ("title", "Job title", role.title),
            ("kind", "Kind of role", role.kind.rawValue),
            ("tier", "Place on the ladder", "tier \(role.tier)"),
            ("expected-band", "Expected band", role.expectedBand.map { "Band \($0)" }),
            ("reports-to", "Reports to", describe(role.reportsTo, in: pathway)),
            ("base", "Base", role.base),
            ("supervision", "Supervision", "\(role.supervision.kind.name): \(role.supervision.detail)"),
            ("supervised-by", "Supervised by", role.supervision.by.map { describe($0, in: pathway) }),
            ("contract", "Contract", role.contract.kind == .permanent ? "permanent" : "fixed term: \(role.contract.reason ?? "")"),
            ("hours", "Hours a week", number(role.hours)),
            ("purpose", "Job purpose", role.purpose),
            ("reference", "Job reference", role.reference),
            ("service", "Directorate or service", role.service),
            ("posts", "Posts", role.posts.map { "\($0.headcount) (\(number($0.wholeTimeEquivalent)) whole-time equivalent)" }),
            ("working-pattern", "Working pattern", role.workingPattern),
            ("disclosure", "Disclosure", role.disclosure?.name),
            ("non-peer-time", "Time on work other than peer support", role.nonPeerTime.map { "\($0)%" }),
            ("internal-relationships", "Working relationships within the organisation", set(role.internalRelationships.map(describe))),
            ("external-relationships", "Working relationships outside the organisation", set(role.externalRelationships.map(describe))),
            ("team", "Team managed", set(role.team.map { describe($0, in: pathway) })),
            ("ways-in", "Ways in from outside the pathway", set(role.waysIn.map { $0.requirements.map(\.text).sorted().joined(separator: " and ") }, separator: " Or: ")),
            ("shared-experience", "Shared experience asked for", role.sharedExperience.map { $0.of + ($0.show.map { ": \($0)" } ?? "") }),
        ]
    }

    /// The fields of the pathway's head that reach every document.
    static func values(of pathway: Pathway) -> [(field: String, label: String, value: String?)] {
        [
            ("pathway-title", "Pathway title", pathway.title),
            ("organisation", "Organisation", pathway.organisation.name),
            ("pay-year", "Pay year", pathway.payYear),
            ("non-peer-time-limit", "Most time on work other than peer support", pathway.nonPeerTimeLimit.map { "\($0)%" }),
        ]
    }

    static func changes(_ before: [(field: String, label: String, value: String?)],
                        _ after: [(field: String, label: String, value: String?)]) -> [FieldChange] {
        zip(before, after).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: new.field, label: new.label, before: old.value, after: new.value)
        }
    }

    static func describe(_ line: ReportingLine, in pathway: Pathway) -> String {
        switch line {
        case .role(let id): pathway.role(id)?.title ?? id
        case .post(let post): post
        }
    }

    static func describe(_ relationship: Relationship) -> String {
        let details = [relationship.about, relationship.frequency].compactMap { $0 }
        return relationship.with + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    static func describe(_ member: TeamMember, in pathway: Pathway) -> String {
        let name = member.title ?? member.role.map { pathway.role($0)?.title ?? $0 } ?? ""
        return "\(member.count) \(name)" + (member.through.map { ", through \(pathway.role($0)?.title ?? $0)" } ?? "")
    }

    /// Entries in a fixed order, so the same entries in another order compare equal; nil when none.
    static func set(_ entries: [String], separator: String = "; ") -> String? {
        entries.isEmpty ? nil : entries.sorted().joined(separator: separator)
    }

    /// `37.5`, `30`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
