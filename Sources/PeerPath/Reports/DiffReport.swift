import PeerPathModel

/// The `diff` command's output: what changed between two versions of a pathway, role by role,
/// as text for a planner or as JSON for scripts.
public struct DiffReport: Sendable {
    public let comparison: PathwayComparison

    public init(comparison: PathwayComparison) {
        self.comparison = comparison
    }

    var changes: PathwayChanges { comparison.changes }

    /// True when something that reaches a document changed (the command then exits 1).
    public var changed: Bool { !changes.isEmpty }

    // MARK: Text

    public func text() -> String {
        var lines = ["\(comparison.old.file) → \(comparison.new.file) (\(comparison.new.pathway.id))"]
        guard changed else {
            return (lines + ["no change that reaches a document"]).joined(separator: "\n") + "\n"
        }
        for field in changes.fields { lines += Self.fieldLines(field, indent: "") }
        for role in changes.rolesAdded { lines.append("role added: \(role.title) (\(role.id)): \(Self.standing(role.placement, role.points))") }
        for role in changes.rolesRemoved { lines.append("role removed: \(role.title) (\(role.id)): was \(Self.standing(role.placement, role.points))") }
        for role in changes.roles {
            lines.append("")
            lines += roleLines(role)
        }
        // Routes not already shown under a role (those of roles added or removed).
        let shown = changes.roles.flatMap(\.routes)
        let pathwayRoutes = changes.routes.filter { !shown.contains($0) }
        if !pathwayRoutes.isEmpty {
            lines.append("")
            lines.append("routes of roles added or removed:")
            lines += pathwayRoutes.map { "  " + routeLine($0) }
        }
        if !changes.findings.isEmpty {
            lines.append("")
            lines.append("findings about the pathway, or a role added or removed:")
            lines += Self.findingLines(changes.findings, indent: "  ")
        }
        lines.append("")
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 roles changed (1 band), 1 added, 0 removed; 3 findings new, 1 resolved`.
    public var summary: String {
        let bands = changes.roles.filter(\.bandChanged).count
        let new = changes.roles.reduce(changes.findings.new.count) { $0 + $1.findings.new.count }
        let resolved = changes.roles.reduce(changes.findings.resolved.count) { $0 + $1.findings.resolved.count }
        return "\(changes.roles.count.counted("role")) changed (\(bands == 0 ? "no band" : bands.counted("band")) changed), \(changes.rolesAdded.count) added, "
            + "\(changes.rolesRemoved.count) removed; \(changes.routes.count.counted("route")) changed; "
            + "\(new.counted("finding")) new, \(resolved) resolved"
    }

    func roleLines(_ role: RoleChanges) -> [String] {
        var lines = ["\(role.title) (\(role.id))"]
        if role.bandChanged {
            lines.append("  band: \(Self.standing(role.placementBefore, role.pointsBefore)) → \(Self.standing(role.placementAfter, role.pointsAfter))")
        } else if role.pointsBefore != role.pointsAfter {
            lines.append("  points: \(role.pointsBefore) → \(role.pointsAfter), still \(role.placementAfter)")
        } else {
            lines.append("  band: \(Self.standing(role.placementAfter, role.pointsAfter)), unchanged")
        }
        for factor in role.factors {
            let delta = factor.pointsDelta
            lines.append("  factor \(factor.factor) \(factor.name): level \(factor.before) → \(factor.after) (\(delta >= 0 ? "+" : "")\(delta) points)")
            if factor.causes.isEmpty { lines.append("    nothing in the role changed: the scheme's points did") }
            for cause in factor.causes { lines.append("    " + Self.causeLine(cause, factor: factor.factor)) }
        }
        if !role.duties.isEmpty {
            lines.append("  duties:")
            lines += role.duties.flatMap { Self.itemLines($0, indent: "    ") }
        }
        if !role.environment.isEmpty {
            lines.append("  working environment:")
            lines += role.environment.flatMap { Self.itemLines($0, indent: "    ") }
        }
        if !role.criteria.isEmpty {
            lines.append("  criteria:")
            lines += role.criteria.flatMap { Self.criterionLines($0, indent: "    ") }
        }
        for field in role.fields { lines += Self.fieldLines(field, indent: "  ") }
        if !role.routes.isEmpty {
            lines.append("  routes:")
            lines += role.routes.map { "    " + routeLine($0) }
        }
        if !role.findings.isEmpty {
            lines.append("  findings:")
            lines += Self.findingLines(role.findings, indent: "    ")
        }
        return lines
    }

    static func standing(_ placement: BandPlacement, _ points: Int) -> String { "\(placement), \(points) points" }

    static func quoted(_ text: String) -> String { "“\(text)”" }

    /// One cause of a factor's change: `duty 3.4 added (F9 4)`, `duty 2.1 re-scored F9 3 → 4`.
    static func causeLine(_ cause: FactorCause, factor: Int) -> String {
        switch cause {
        case .item(let item):
            let name = item.subject == .duty ? "duty" : "environment fact"
            let claims = item.claims(for: factor)
            let source = item.fromCatalogue ? ", from the catalogue item '\(item.catalogueID ?? "")', which changed" : ""
            switch item.kind {
            case .added: return "\(name) \(item.after?.number ?? "") added: F\(factor) \(claims.after.map(\.description) ?? "none")"
            case .removed: return "\(name) \(item.before?.number ?? "") removed: it gave F\(factor) \(claims.before.map(\.description) ?? "none")"
            case .changed:
                return "\(name) \(item.after?.number ?? "") re-scored: F\(factor) \(claims.before.map(\.description) ?? "none") → \(claims.after.map(\.description) ?? "none")\(source)"
            }
        case .override(let before, let after):
            switch (before, after) {
            case (nil, let after?): return "override set: level \(after.level) (\(after.reason))"
            case (let before?, nil): return "override removed: it set level \(before.level)"
            case (let before?, let after?): return "override changed: level \(before.level) → \(after.level) (\(after.reason))"
            case (nil, nil): return "override unchanged"
            }
        }
    }

    static func itemLines(_ item: ItemChange, indent: String) -> [String] {
        let catalogue = item.fromCatalogue ? " (the catalogue item '\(item.catalogueID ?? "")' changed; the pathway file did not)" : ""
        switch item.kind {
        case .added:
            guard let after = item.after else { return [] }
            return ["\(indent)added \(after.number)\(evidence(after)): \(quoted(after.text))"]
        case .removed:
            guard let before = item.before else { return [] }
            return ["\(indent)removed \(before.number)\(evidence(before)): \(quoted(before.text))"]
        case .changed:
            guard let before = item.before, let after = item.after else { return [] }
            let words = item.aspects.map { aspect in
                switch aspect {
                case .wording: "reworded"
                case .evidence: "re-scored"
                case .area: "moved"
                case .frequency: "how often changed"
                }
            }.joined(separator: " and ")
            var lines = ["\(indent)\(words) \(after.number)\(catalogue): \(quoted(after.text))"]
            if item.aspects.contains(.wording) { lines.append("\(indent)  was: \(quoted(before.text))") }
            if item.aspects.contains(.evidence) { lines.append("\(indent)  evidence: \(before.evidenceText.isEmpty ? "none" : before.evidenceText) → \(after.evidenceText.isEmpty ? "none" : after.evidenceText)") }
            if item.aspects.contains(.area) { lines.append("\(indent)  area: \(before.area ?? "") → \(after.area ?? "")") }
            if item.aspects.contains(.frequency) { lines.append("\(indent)  how often: \(before.frequency ?? "not said") → \(after.frequency ?? "not said")") }
            return lines
        }
    }

    static func evidence(_ state: ItemState) -> String {
        state.evidence.isEmpty ? "" : " (\(state.evidenceText))"
    }

    static func criterionLines(_ change: CriterionChange, indent: String) -> [String] {
        func describe(_ state: CriterionState) -> String {
            "\(state.category.rawValue), \(state.need.rawValue), assessed by \(state.assessed.map(\.rawValue).joined(separator: ", ")): \(quoted(state.text))"
        }
        switch change.kind {
        case .added: return change.after.map { ["\(indent)added: \(describe($0))"] } ?? []
        case .removed: return change.before.map { ["\(indent)removed: \(describe($0))"] } ?? []
        case .changed:
            guard let before = change.before, let after = change.after else { return [] }
            let catalogue = change.fromCatalogue ? " (the catalogue item '\(change.catalogueID ?? "")' changed; the pathway file did not)" : ""
            var lines = ["\(indent)changed (\(change.aspects.map(\.rawValue).joined(separator: ", ")))\(catalogue): \(describe(after))"]
            lines.append("\(indent)  was: \(describe(before))")
            return lines
        }
    }

    static func fieldLines(_ field: FieldChange, indent: String) -> [String] {
        let before = field.before ?? "not given", after = field.after ?? "not given"
        if before.count + after.count > 80 {
            return ["\(indent)\(field.label) changed:", "\(indent)  was: \(before)", "\(indent)  now: \(after)"]
        }
        return ["\(indent)\(field.label): \(before) → \(after)"]
    }

    func routeLine(_ route: RouteChange) -> String {
        let from = comparison.new.pathway.role(route.from)?.title ?? comparison.old.pathway.role(route.from)?.title ?? route.from
        let to = comparison.new.pathway.role(route.to)?.title ?? comparison.old.pathway.role(route.to)?.title ?? route.to
        switch route.kind {
        case .added: return "added: \(from) → \(to)"
        case .removed: return "removed: \(from) → \(to)"
        case .changed:
            let gone = route.needsBefore.filter { !route.needsAfter.contains($0) }
            let come = route.needsAfter.filter { !route.needsBefore.contains($0) }
            return "changed: \(from) → \(to): needs " + (come.map { "+ \(Self.quoted($0))" } + gone.map { "− \(Self.quoted($0))" }).joined(separator: ", ")
        }
    }

    static func findingLines(_ findings: FindingChanges, indent: String) -> [String] {
        findings.new.map { "\(indent)new: \($0.line)" } + findings.resolved.map { "\(indent)resolved: \($0.line)" }
    }

    // MARK: JSON

    struct DiffJSON: Encodable {
        var old: PathwayJSON
        var new: PathwayJSON
        var changed: Bool
        var fields: [FieldJSON]
        var rolesAdded: [RoleSummaryJSON]
        var rolesRemoved: [RoleSummaryJSON]
        var roles: [RoleJSON]
        var routes: [RouteJSON]
        var findings: FindingsJSON
    }

    struct FieldJSON: Encodable {
        var field: String
        var label: String
        var before: Nullable<String>
        var after: Nullable<String>

        init(_ change: FieldChange) {
            field = change.field
            label = change.label
            before = Nullable(change.before)
            after = Nullable(change.after)
        }
    }

    struct StandingJSON: Encodable {
        var band: Nullable<String>
        var points: Int
        var outsideScheme: Bool

        init(_ placement: BandPlacement, _ points: Int) {
            band = Nullable(placement.band?.name)
            self.points = points
            outsideScheme = placement.band == nil
        }
    }

    struct RoleSummaryJSON: Encodable {
        var id: String
        var title: String
        var band: Nullable<String>
        var points: Int

        init(_ role: RoleSummary) {
            id = role.id
            title = role.title
            band = Nullable(role.placement.band?.name)
            points = role.points
        }
    }

    struct RoleJSON: Encodable {
        var id: String
        var title: String
        var before: StandingJSON
        var after: StandingJSON
        var bandChanged: Bool
        var fields: [FieldJSON]
        var factors: [FactorJSON]
        var duties: [ItemJSON]
        var environment: [ItemJSON]
        var criteria: [CriterionJSON]
        var routes: [RouteJSON]
        var findings: FindingsJSON
    }

    struct FactorJSON: Encodable {
        var factor: Int
        var name: String
        var before: String
        var after: String
        var pointsBefore: Int
        var pointsAfter: Int
        var causes: [CauseJSON]
    }

    struct CauseJSON: Encodable {
        var kind: String
        var change: String
        var number: Nullable<String>
        var levelBefore: Nullable<String>
        var levelAfter: Nullable<String>
        var catalogueID: Nullable<String>
        var fromCatalogue: Bool
        var reason: Nullable<String>

        init(_ cause: FactorCause, factor: Int) {
            switch cause {
            case .item(let item):
                kind = item.subject.rawValue
                change = item.kind.rawValue
                number = Nullable((item.after ?? item.before)?.number)
                let claims = item.claims(for: factor)
                levelBefore = Nullable(claims.before?.description)
                levelAfter = Nullable(claims.after?.description)
                catalogueID = Nullable(item.catalogueID)
                fromCatalogue = item.fromCatalogue
                reason = Nullable(nil)
            case .override(let before, let after):
                kind = "override"
                change = before == nil ? "added" : after == nil ? "removed" : "changed"
                number = Nullable(nil)
                levelBefore = Nullable(before?.level.description)
                levelAfter = Nullable(after?.level.description)
                catalogueID = Nullable(nil)
                fromCatalogue = false
                reason = Nullable(after?.reason ?? before?.reason)
            }
        }
    }

    struct EvidenceJSON: Encodable {
        var factor: Int
        var level: String
    }

    struct ItemStateJSON: Encodable {
        var number: String
        var area: Nullable<String>
        var text: String
        var evidence: [EvidenceJSON]
        var frequency: Nullable<String>

        init(_ state: ItemState) {
            number = state.number
            area = Nullable(state.area)
            text = state.text
            evidence = state.evidence.map { EvidenceJSON(factor: $0.factor, level: $0.level.description) }
            frequency = Nullable(state.frequency)
        }
    }

    struct ItemJSON: Encodable {
        var change: String
        var aspects: [String]
        var catalogueID: Nullable<String>
        var fromCatalogue: Bool
        var before: Nullable<ItemStateJSON>
        var after: Nullable<ItemStateJSON>

        init(_ item: ItemChange) {
            change = item.kind.rawValue
            aspects = item.aspects.map(\.rawValue)
            catalogueID = Nullable(item.catalogueID)
            fromCatalogue = item.fromCatalogue
            before = Nullable(item.before.map(ItemStateJSON.init))
            after = Nullable(item.after.map(ItemStateJSON.init))
        }
    }

    struct CriterionStateJSON: Encodable {
        var category: String
        var text: String
        var need: String
        var assessed: [String]
        var livedExperience: Bool

        init(_ state: CriterionState) {
            category = state.category.rawValue
            text = state.text
            need = state.need.rawValue
            assessed = state.assessed.map(\.rawValue)
            livedExperience = state.livedExperience
        }
    }

    struct CriterionJSON: Encodable {
        var change: String
        var aspects: [String]
        var catalogueID: Nullable<String>
        var fromCatalogue: Bool
        var before: Nullable<CriterionStateJSON>
        var after: Nullable<CriterionStateJSON>

        init(_ change: CriterionChange) {
            self.change = change.kind.rawValue
            aspects = change.aspects.map(\.rawValue)
            catalogueID = Nullable(change.catalogueID)
            fromCatalogue = change.fromCatalogue
            before = Nullable(change.before.map(CriterionStateJSON.init))
            after = Nullable(change.after.map(CriterionStateJSON.init))
        }
    }

    struct RouteJSON: Encodable {
        var from: String
        var to: String
        var change: String
        var needsBefore: [String]
        var needsAfter: [String]

        init(_ route: RouteChange) {
            from = route.from
            to = route.to
            change = route.kind.rawValue
            needsBefore = route.needsBefore
            needsAfter = route.needsAfter
        }
    }

    struct FindingsJSON: Encodable {
        var new: [FindingJSON]
        var resolved: [FindingJSON]

        init(_ findings: FindingChanges) {
            new = findings.new.map(FindingJSON.init)
            resolved = findings.resolved.map(FindingJSON.init)
        }
    }

    public func json() -> String {
        let roles = changes.roles.map { role in
            RoleJSON(id: role.id, title: role.title, before: StandingJSON(role.placementBefore, role.pointsBefore),
                     after: StandingJSON(role.placementAfter, role.pointsAfter), bandChanged: role.bandChanged,
                     fields: role.fields.map(FieldJSON.init),
                     factors: role.factors.map { factor in
                         FactorJSON(factor: factor.factor, name: factor.name, before: factor.before.description, after: factor.after.description,
                                    pointsBefore: factor.pointsBefore, pointsAfter: factor.pointsAfter,
                                    causes: factor.causes.map { CauseJSON($0, factor: factor.factor) })
                     },
                     duties: role.duties.map(ItemJSON.init), environment: role.environment.map(ItemJSON.init),
                     criteria: role.criteria.map(CriterionJSON.init), routes: role.routes.map(RouteJSON.init),
                     findings: FindingsJSON(role.findings))
        }
        return encodeJSON(DiffJSON(old: PathwayJSON(id: comparison.old.pathway.id, file: comparison.old.file),
                                   new: PathwayJSON(id: comparison.new.pathway.id, file: comparison.new.file),
                                   changed: changed, fields: changes.fields.map(FieldJSON.init),
                                   rolesAdded: changes.rolesAdded.map(RoleSummaryJSON.init),
                                   rolesRemoved: changes.rolesRemoved.map(RoleSummaryJSON.init),
                                   roles: roles, routes: changes.routes.map(RouteJSON.init), findings: FindingsJSON(changes.findings)))
    }
}
