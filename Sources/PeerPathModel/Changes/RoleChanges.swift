/// Everything that changed for one role present in both versions of a pathway: its band and
/// points, each factor whose level moved with the duties that moved it, its duties, environment
/// facts and criteria, the routes into and out of it, its fields and its findings.
public struct RoleChanges: Sendable {
    public var id: String
    /// The title in the newer version.
    public var title: String
    public var placementBefore: BandPlacement
    public var placementAfter: BandPlacement
    public var pointsBefore: Int
    public var pointsAfter: Int
    public var fields: [FieldChange]
    public var factors: [FactorChange]
    public var duties: [ItemChange]
    public var environment: [ItemChange]
    public var criteria: [CriterionChange]
    /// Routes into or out of the role added, removed or changed.
    public var routes: [RouteChange]
    public var findings: FindingChanges

    /// True when nothing a document shows changed for the role.
    public var isEmpty: Bool {
        placementBefore == placementAfter && pointsBefore == pointsAfter && fields.isEmpty && factors.isEmpty
            && duties.isEmpty && environment.isEmpty && criteria.isEmpty && routes.isEmpty && findings.isEmpty
    }

    public var bandChanged: Bool { placementBefore != placementAfter }

    /// Compares a role in two versions of its pathway.
    init(old: Role, in oldVersion: PathwayVersion, new: Role, in newVersion: PathwayVersion,
         routes: [RouteChange], findings: FindingChanges) {
        id = new.id
        title = new.title
        let before = oldVersion.evaluations[old.id]
        let after = newVersion.evaluations[new.id]
        placementBefore = before?.placement ?? .outside
        placementAfter = after?.placement ?? .outside
        pointsBefore = before?.points ?? 0
        pointsAfter = after?.points ?? 0
        fields = RoleFields.changes(RoleFields.values(of: old, in: oldVersion.pathway), RoleFields.values(of: new, in: newVersion.pathway))
        duties = Self.dutyChanges(old, oldVersion.pathway.catalogue, new, newVersion.pathway.catalogue)
        environment = Self.environmentChanges(old, new)
        criteria = Self.criterionChanges(old, oldVersion.pathway.catalogue, new, newVersion.pathway.catalogue)
        self.routes = routes
        self.findings = findings
        var factors: [FactorChange] = []
        for result in after?.factors ?? [] {
            guard let previous = before?.factor(result.factor), previous.level != result.level || previous.points != result.points else { continue }
            var causes: [FactorCause] = (duties + environment).filter { $0.changesEvidence(for: result.factor) }.map { .item($0) }
            let overrideBefore = old.override(of: result.factor).map(OverrideState.init)
            let overrideAfter = new.override(of: result.factor).map(OverrideState.init)
            if overrideBefore != overrideAfter { causes.append(.override(before: overrideBefore, after: overrideAfter)) }
            factors.append(FactorChange(factor: result.factor, name: result.name, before: previous.level, after: result.level,
                                        pointsBefore: previous.points, pointsAfter: result.points, causes: causes))
        }
        self.factors = factors
    }

    static func dutyChanges(_ old: Role, _ oldCatalogue: Catalogue?, _ new: Role, _ newCatalogue: Catalogue?) -> [ItemChange] {
        let oldDuties = old.dutyAreas.flatMap(\.duties)
        let newDuties = new.dutyAreas.flatMap(\.duties)
        func state(_ numbered: NumberedDuty) -> ItemState {
            ItemState(number: numbered.number.description, area: numbered.duty.area, text: numbered.duty.text, evidence: numbered.duty.evidence)
        }
        let pairing = ItemPairing(old: oldDuties.map { ($0.duty.catalogueID, $0.duty.text) },
                                  new: newDuties.map { ($0.duty.catalogueID, $0.duty.text) })
        var changes: [ItemChange] = []
        for (i, j) in pairing.pairs {
            let before = state(oldDuties[i]), after = state(newDuties[j])
            var aspects: [ItemChange.Aspect] = []
            if before.text != after.text { aspects.append(.wording) }
            if before.evidence != after.evidence { aspects.append(.evidence) }
            if before.area != after.area { aspects.append(.area) }
            guard !aspects.isEmpty else { continue }
            let id = newDuties[j].duty.catalogueID == oldDuties[i].duty.catalogueID ? newDuties[j].duty.catalogueID : nil
            var fromCatalogue = false
            if let id, let was = oldCatalogue?.duties[id], let now = newCatalogue?.duties[id] {
                // The change is the catalogue's when the role takes each changed part as the catalogue gives it.
                let wasState = ItemState(number: "", area: was.area, text: was.text, evidence: was.evidence)
                let nowState = ItemState(number: "", area: now.area, text: now.text, evidence: now.evidence)
                fromCatalogue = aspects.allSatisfy { aspect in
                    switch aspect {
                    case .wording: before.text == wasState.text && after.text == nowState.text
                    case .evidence: before.evidence == wasState.evidence && after.evidence == nowState.evidence
                    case .area: before.area == wasState.area && after.area == nowState.area
                    case .frequency: false
                    }
                }
            }
            changes.append(ItemChange(subject: .duty, kind: .changed, aspects: aspects, before: before, after: after,
                                      catalogueID: id, fromCatalogue: fromCatalogue))
        }
        changes += pairing.added.map { ItemChange(subject: .duty, kind: .added, before: nil, after: state(newDuties[$0]), catalogueID: newDuties[$0].duty.catalogueID) }
        changes += pairing.removed.map { ItemChange(subject: .duty, kind: .removed, before: state(oldDuties[$0]), after: nil, catalogueID: oldDuties[$0].duty.catalogueID) }
        return changes
    }

    static func environmentChanges(_ old: Role, _ new: Role) -> [ItemChange] {
        func state(_ fact: EnvironmentFact, _ index: Int) -> ItemState {
            let often = [fact.frequency, fact.duration].compactMap { $0 }
            return ItemState(number: "\(index + 1)", area: nil, text: fact.text, evidence: fact.evidence,
                             frequency: often.isEmpty ? nil : often.joined(separator: ", "))
        }
        let pairing = ItemPairing(old: old.environment.map { (nil, $0.text) }, new: new.environment.map { (nil, $0.text) })
        var changes: [ItemChange] = []
        for (i, j) in pairing.pairs {
            let before = state(old.environment[i], i), after = state(new.environment[j], j)
            var aspects: [ItemChange.Aspect] = []
            if before.text != after.text { aspects.append(.wording) }
            if before.evidence != after.evidence { aspects.append(.evidence) }
            if before.frequency != after.frequency { aspects.append(.frequency) }
            guard !aspects.isEmpty else { continue }
            changes.append(ItemChange(subject: .environment, kind: .changed, aspects: aspects, before: before, after: after))
        }
        changes += pairing.added.map { ItemChange(subject: .environment, kind: .added, before: nil, after: state(new.environment[$0], $0)) }
        changes += pairing.removed.map { ItemChange(subject: .environment, kind: .removed, before: state(old.environment[$0], $0), after: nil) }
        return changes
    }

    static func criterionChanges(_ old: Role, _ oldCatalogue: Catalogue?, _ new: Role, _ newCatalogue: Catalogue?) -> [CriterionChange] {
        let pairing = ItemPairing(old: old.criteria.map { ($0.catalogueID, $0.text) }, new: new.criteria.map { ($0.catalogueID, $0.text) })
        var changes: [CriterionChange] = []
        for (i, j) in pairing.pairs {
            let before = CriterionState(old.criteria[i]), after = CriterionState(new.criteria[j])
            var aspects: [CriterionChange.Aspect] = []
            if before.text != after.text { aspects.append(.wording) }
            if before.need != after.need { aspects.append(.need) }
            if Set(before.assessed) != Set(after.assessed) { aspects.append(.assessment) }
            if before.category != after.category { aspects.append(.category) }
            if before.livedExperience != after.livedExperience { aspects.append(.livedExperience) }
            guard !aspects.isEmpty else { continue }
            let id = old.criteria[i].catalogueID == new.criteria[j].catalogueID ? new.criteria[j].catalogueID : nil
            var fromCatalogue = false
            if let id, let was = oldCatalogue?.criteria[id].map(CriterionState.init), let now = newCatalogue?.criteria[id].map(CriterionState.init) {
                fromCatalogue = aspects.allSatisfy { aspect in
                    switch aspect {
                    case .wording: before.text == was.text && after.text == now.text
                    case .need: before.need == was.need && after.need == now.need
                    case .assessment: Set(before.assessed) == Set(was.assessed) && Set(after.assessed) == Set(now.assessed)
                    case .category: before.category == was.category && after.category == now.category
                    case .livedExperience: before.livedExperience == was.livedExperience && after.livedExperience == now.livedExperience
                    }
                }
            }
            changes.append(CriterionChange(kind: .changed, aspects: aspects, before: before, after: after, catalogueID: id, fromCatalogue: fromCatalogue))
        }
        changes += pairing.added.map { CriterionChange(kind: .added, before: nil, after: CriterionState(new.criteria[$0]), catalogueID: new.criteria[$0].catalogueID) }
        changes += pairing.removed.map { CriterionChange(kind: .removed, before: CriterionState(old.criteria[$0]), after: nil, catalogueID: old.criteria[$0].catalogueID) }
        return changes
    }
}
