/// What changed between two versions of a pathway, as a panel re-evaluating a job or a planner
/// reviewing a revision would ask: roles added and removed; for each role in both, its band and
/// points, the factors whose level moved and the duties that moved them, its duties, criteria,
/// routes, fields and findings; routes and findings of the pathway as a whole. A list given in
/// another order with the same entries is no change.
public struct PathwayChanges: Sendable {
    /// The pathway's id in the newer version.
    public var pathwayID: String
    /// Changes to the pathway's head (title, organisation, pay year).
    public var fields: [FieldChange]
    public var rolesAdded: [RoleSummary]
    public var rolesRemoved: [RoleSummary]
    /// Roles in both versions that changed, in the newer version's order.
    public var roles: [RoleChanges]
    /// Every route added, removed or changed.
    public var routes: [RouteChange]
    /// Findings about no role in both versions (the pathway as a whole, or a role added or removed).
    public var findings: FindingChanges

    /// True when nothing that reaches a document changed.
    public var isEmpty: Bool {
        fields.isEmpty && rolesAdded.isEmpty && rolesRemoved.isEmpty && roles.isEmpty && routes.isEmpty && findings.isEmpty
    }

    public func role(_ id: String) -> RoleChanges? { roles.first { $0.id == id } }

    public init(from old: PathwayVersion, to new: PathwayVersion) {
        pathwayID = new.pathway.id
        fields = RoleFields.changes(RoleFields.values(of: old.pathway), RoleFields.values(of: new.pathway))
        let oldIDs = Set(old.pathway.roles.map(\.id))
        let newIDs = Set(new.pathway.roles.map(\.id))
        rolesAdded = new.pathway.roles.filter { !oldIDs.contains($0.id) }.map { RoleSummary($0, new.evaluations[$0.id]) }
        rolesRemoved = old.pathway.roles.filter { !newIDs.contains($0.id) }.map { RoleSummary($0, old.evaluations[$0.id]) }
        routes = Self.routeChanges(old.pathway.routes, new.pathway.routes)
        let allFindings = FindingChanges(from: old.findings, to: new.findings)
        let kept = oldIDs.intersection(newIDs)
        findings = FindingChanges(new: allFindings.new.filter { !kept.contains($0.roleID ?? "") },
                                  resolved: allFindings.resolved.filter { !kept.contains($0.roleID ?? "") })
        let routes = self.routes
        roles = new.pathway.roles.compactMap { role in
            guard let previous = old.pathway.role(role.id) else { return nil }
            let changes = RoleChanges(old: previous, in: old, new: role, in: new,
                                      routes: routes.filter { $0.from == role.id || $0.to == role.id },
                                      findings: allFindings.only(role: role.id))
            return changes.isEmpty ? nil : changes
        }
    }

    /// Routes matched by the roles they join; a route's needs are compared as a set.
    static func routeChanges(_ old: [Route], _ new: [Route]) -> [RouteChange] {
        var changes: [RouteChange] = []
        var oldUsed = Array(repeating: false, count: old.count)
        for route in new {
            if let i = old.indices.first(where: { !oldUsed[$0] && old[$0].from == route.from && old[$0].to == route.to }) {
                oldUsed[i] = true
                if old[i].needs.sorted() != route.needs.sorted() {
                    changes.append(RouteChange(from: route.from, to: route.to, kind: .changed, needsBefore: old[i].needs, needsAfter: route.needs))
                }
            } else {
                changes.append(RouteChange(from: route.from, to: route.to, kind: .added, needsBefore: [], needsAfter: route.needs))
            }
        }
        for (i, route) in old.enumerated() where !oldUsed[i] {
            changes.append(RouteChange(from: route.from, to: route.to, kind: .removed, needsBefore: route.needs, needsAfter: []))
        }
        return changes
    }
}

/// A role added or removed: its id, title, band and points in the version that has it.
public struct RoleSummary: Sendable, Equatable {
    public var id: String
    public var title: String
    public var placement: BandPlacement
    public var points: Int

    init(_ role: Role, _ evaluation: RoleEvaluation?) {
        id = role.id
        title = role.title
        placement = evaluation?.placement ?? .outside
        points = evaluation?.points ?? 0
    }
}
