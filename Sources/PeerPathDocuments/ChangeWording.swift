import PeerPathModel

/// How the changes document says each kind of change, in plain English for a panel.
struct ChangeWording {
    let scheme: Scheme

    func factorName(_ number: Int) -> String { scheme.factor(number)?.name ?? "Factor \(number)" }

    /// "factor 9 (Responsibilities for human resources) at level 3".
    func evidence(_ state: ItemState) -> String {
        guard !state.evidence.isEmpty else { return "no factor level" }
        return state.evidence.map { "\(factorName($0.factor).lowercasedFirst) at level \($0.level)" }.joined(separator: ", ")
    }

    func factorBlocks(_ factors: [FactorChange]) -> [Block] {
        guard !factors.isEmpty else {
            return [.heading(level: 2, text: "The factors"), .paragraph("No factor's level has changed.")]
        }
        var blocks: [Block] = [.heading(level: 2, text: "The factors whose level changed")]
        for factor in factors {
            blocks.append(.heading(level: 3, text: "Factor \(factor.factor): \(factor.name)"))
            let delta = factor.pointsDelta
            let points = delta == 0 ? "the same points" : "\(abs(delta)) \(abs(delta) == 1 ? "point" : "points") \(delta > 0 ? "more" : "fewer")"
            blocks.append(.paragraph("Level \(factor.before) before, level \(factor.after) now (\(points): \(factor.pointsBefore) to \(factor.pointsAfter))."))
            if factor.causes.isEmpty {
                blocks.append(.paragraph("No duty or working condition of this job changed; the points the scheme gives for the level did."))
            } else {
                blocks.append(.list(ListBlock(style: .bulleted, items: factor.causes.map { cause(of: $0, factor: factor.factor) })))
            }
        }
        return blocks
    }

    func cause(of cause: FactorCause, factor: Int) -> String {
        switch cause {
        case .item(let item):
            let claims = item.claims(for: factor)
            let name = item.subject == .duty ? "duty" : "working condition"
            let level = { (claim: LevelClaim?) in claim.map { "level \($0)" } ?? "no level of this factor" }
            switch item.kind {
            case .added:
                return "New \(name)\(item.after.map { " \($0.number)" } ?? ""), showing \(level(claims.after)): “\(item.after?.text ?? "")”"
            case .removed:
                return "\(name.capitalisedFirst) removed, which showed \(level(claims.before)): “\(item.before?.text ?? "")”"
            case .changed:
                let shared = item.fromCatalogue ? " The change is to the standard wording the organisation's roles share for this duty; this job's own entry is as it was." : ""
                return "\(name.capitalisedFirst)\(item.after.map { " \($0.number)" } ?? "") now shows \(level(claims.after)), where it showed \(level(claims.before)): “\(item.after?.text ?? "")”\(shared)"
            }
        case .override(let before, let after):
            switch (before, after) {
            case (nil, let after?): return "The pathway now states level \(after.level) for this factor, because: \(after.reason)"
            case (let before?, nil): return "The stated level \(before.level) was withdrawn; the level now follows the duties."
            case (let before?, let after?): return "The stated level changed from \(before.level) to \(after.level), because: \(after.reason)"
            case (nil, nil): return "The stated level is unchanged."
            }
        }
    }

    func itemBlocks(_ items: [ItemChange], heading: String, column: String, table name: String) -> [Block] {
        guard !items.isEmpty else { return [] }
        let rows = items.map { item -> [String] in
            switch item.kind {
            case .added:
                return [item.after?.number ?? "", "Added", "", describe(item.after, withEvidence: true)]
            case .removed:
                return [item.before?.number ?? "", "Removed", describe(item.before, withEvidence: true), ""]
            case .changed:
                var what = item.aspects.map { aspect in
                    switch aspect {
                    case .wording: "Reworded"
                    case .evidence: "The levels it shows changed"
                    case .area: "Moved to another heading"
                    case .frequency: "How often or how long changed"
                    }
                }.joined(separator: "; ")
                if item.fromCatalogue { what += " (in the standard wording the organisation's roles share)" }
                let withEvidence = item.aspects.contains(.evidence)
                return [item.after?.number ?? "", what, describe(item.before, withEvidence: withEvidence, area: item.aspects.contains(.area)),
                        describe(item.after, withEvidence: withEvidence, area: item.aspects.contains(.area))]
            }
        }
        return [.heading(level: 2, text: heading),
                .table(Table(name: name, header: [column, "What changed", "Before", "Now"], rows: rows, widths: [2, 4, 7, 7]))]
    }

    func describe(_ state: ItemState?, withEvidence: Bool, area: Bool = false) -> String {
        guard let state else { return "" }
        var text = state.text
        if area, let heading = state.area { text += " (under “\(heading)”)" }
        if let often = state.frequency { text += " (\(often))" }
        if withEvidence { text += " Shows \(evidence(state))." }
        return text
    }

    func criterionBlocks(_ criteria: [CriterionChange]) -> [Block] {
        guard !criteria.isEmpty else { return [] }
        func describe(_ state: CriterionState?) -> String {
            guard let state else { return "" }
            let assessed = state.assessed.map(\.name).joined(separator: ", ")
            return "\(state.text) (\(state.need.name); assessed by \(assessed.isEmpty ? "no method" : assessed.lowercased()))"
        }
        let rows = criteria.map { change -> [String] in
            let area = (change.after ?? change.before)?.category.name ?? ""
            switch change.kind {
            case .added: return [area, "Added", "", describe(change.after)]
            case .removed: return [area, "Removed", describe(change.before), ""]
            case .changed:
                var what = change.aspects.map { aspect in
                    switch aspect {
                    case .wording: "Reworded"
                    case .need: "Essential or desirable changed"
                    case .assessment: "How it is assessed changed"
                    case .category: "Moved to another area"
                    case .livedExperience: "Whether it is the lived experience criterion changed"
                    }
                }.joined(separator: "; ")
                if change.fromCatalogue { what += " (in the standard wording the organisation's roles share)" }
                return [area, what, describe(change.before), describe(change.after)]
            }
        }
        return [.heading(level: 2, text: "Changes to the person specification"),
                .table(Table(name: "CriterionChanges", header: ["Area", "What changed", "Before", "Now"], rows: rows, widths: [3, 4, 7, 7]))]
    }

    func fieldBlocks(_ fields: [FieldChange]) -> [Block] {
        guard !fields.isEmpty else { return [] }
        let rows = fields.map { [$0.label, $0.before ?? "Not given", $0.after ?? "Not given"] }
        return [.heading(level: 2, text: "Other changes to the job"),
                .table(Table(name: "OtherChanges", header: ["", "Before", "Now"], rows: rows, widths: [3, 7, 7]))]
    }

    func routeBlocks(_ routes: [RouteChange], in pathway: Pathway, earlier: Pathway) -> [Block] {
        guard !routes.isEmpty else { return [] }
        func title(_ id: String) -> String { pathway.role(id)?.title ?? earlier.role(id)?.title ?? id }
        let items = routes.map { route -> String in
            switch route.kind {
            case .added:
                return "A new route leads from \(title(route.from)) to \(title(route.to))" + (route.needsAfter.isEmpty ? "." : ". It needs: \(route.needsAfter.joined(separator: " "))")
            case .removed:
                return "The route from \(title(route.from)) to \(title(route.to)) has gone."
            case .changed:
                return "The route from \(title(route.from)) to \(title(route.to)) now needs: \(route.needsAfter.joined(separator: " "))"
            }
        }
        return [.heading(level: 2, text: "Routes into and out of the job"), .list(ListBlock(style: .bulleted, items: items))]
    }

    func findingBlocks(_ findings: FindingChanges) -> [Block] {
        guard !findings.isEmpty else { return [] }
        var blocks: [Block] = [.heading(level: 2, text: "Points to check")]
        if !findings.new.isEmpty {
            blocks.append(.paragraph("New since the earlier version:"))
            blocks.append(.list(ListBlock(style: .bulleted, items: findings.new.map(\.message))))
        }
        if !findings.resolved.isEmpty {
            blocks.append(.paragraph("Settled since the earlier version:"))
            blocks.append(.list(ListBlock(style: .bulleted, items: findings.resolved.map(\.message))))
        }
        return blocks
    }
}

fileprivate extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
