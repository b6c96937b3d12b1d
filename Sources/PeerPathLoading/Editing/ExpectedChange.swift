import PeerPathModel

/// What an edit does to the model: the pathway the edited file must load as. Values are read as
/// the loader reads them (text trimmed, numbers and levels parsed); when a value cannot be read
/// (an unknown catalogue id, a level that is not one) there is no expected model, and the load of
/// the edited text says what is wrong.
struct ExpectedChange {
    let catalogue: Catalogue

    /// Applies the edit; false when the values cannot make a model.
    func apply(_ edit: PathwayEdit, to pathway: inout Pathway) -> Bool {
        switch edit {
        case .addRoute(let route):
            guard let route = self.route(route) else { return false }
            pathway.routes.append(route)
            return true
        case .removeRoute(let index):
            guard pathway.routes.indices.contains(index) else { return false }
            pathway.routes.remove(at: index)
            return true
        case .addRole(let new):
            guard let role = self.role(new) else { return false }
            pathway.roles.append(role)
            return true
        default:
            guard let id = edit.role, let index = pathway.roles.firstIndex(where: { $0.id == id }) else { return false }
            return apply(edit, to: &pathway.roles[index])
        }
    }

    private func apply(_ edit: PathwayEdit, to role: inout Role) -> Bool {
        switch edit {
        case .setRoleField(_, let field, let raw):
            let value = raw?.trimmed() ?? ""
            let text: String? = value.isEmpty ? nil : value
            switch field {
            case .title: role.title = value
            case .purpose: role.purpose = value
            case .base: role.base = value
            case .reference: role.reference = text
            case .service: role.service = text
            case .workingPattern: role.workingPattern = text
            case .expectedBand: role.expectedBand = text
            case .supervisionDetail: role.supervision.detail = value
            case .hours:
                guard let hours = Double(value) else { return false }
                role.hours = hours
            case .tier:
                guard let tier = Int(value) else { return false }
                role.tier = tier
            }
            return !value.isEmpty || field.isOptional
        case .addCatalogueDuty(_, let id, let at):
            guard let duty = catalogue.duties[id] else { return false }
            role.duties.insert(duty, at: min(at ?? role.duties.count, role.duties.count))
        case .addOwnDuty(_, let new, let at):
            guard let duty = duty(new) else { return false }
            role.duties.insert(duty, at: min(at ?? role.duties.count, role.duties.count))
        case .removeDuty(_, let index):
            guard role.duties.indices.contains(index) else { return false }
            role.duties.remove(at: index)
        case .setDutyEvidence(_, let index, let factor, let text):
            guard role.duties.indices.contains(index) else { return false }
            var evidence = role.duties[index].evidence
            if let position = evidence.firstIndex(where: { $0.factor == factor }) {
                if let text {
                    guard let level = LevelClaim(parsing: text) else { return false }
                    evidence[position].level = level
                } else {
                    evidence.remove(at: position)
                }
            } else if let text {
                guard let level = LevelClaim(parsing: text) else { return false }
                let position = evidence.firstIndex { $0.factor > factor } ?? evidence.count
                evidence.insert(FactorEvidence(factor: factor, level: level), at: position)
            }
            role.duties[index].evidence = evidence
        case .addCatalogueCriterion(_, let id):
            guard let criterion = catalogue.criteria[id] else { return false }
            role.criteria.append(criterion)
        case .addOwnCriterion(_, let new):
            guard let category = Criterion.Category(rawValue: new.category), let need = Criterion.Need(rawValue: new.need) else { return false }
            let assessed = new.assessed.compactMap(Criterion.Assessment.init(rawValue:))
            guard assessed.count == new.assessed.count else { return false }
            role.criteria.append(Criterion(category: category, text: new.text.trimmed(), need: need, assessed: assessed))
        case .removeCriterion(_, let index):
            guard role.criteria.indices.contains(index) else { return false }
            role.criteria.remove(at: index)
        case .addRoute, .removeRoute, .addRole:
            return false
        }
        return true
    }

    private func duty(_ new: NewDuty) -> Duty? {
        var evidence: [FactorEvidence] = []
        for (factor, text) in new.evidence {
            guard let level = LevelClaim(parsing: text) else { return nil }
            evidence.append(FactorEvidence(factor: factor, level: level))
        }
        return Duty(area: new.area.trimmed(), text: new.text.trimmed(), evidence: evidence, domains: new.domains)
    }

    private func route(_ new: NewRoute) -> Route? {
        var requirements: [Requirement] = []
        for id in new.requires {
            guard let requirement = catalogue.requirements[id] else { return nil }
            requirements.append(requirement)
        }
        requirements += new.needs.map { Requirement(id: nil, kind: nil, text: $0.trimmed()) }
        return Route(from: new.from, to: new.to, requirements: requirements)
    }

    private func role(_ new: NewRole) -> Role? {
        guard let kind = Role.Kind(rawValue: new.kind), let tier = Int(new.tier), let hours = Double(new.hours),
              let supervision = Supervision.Kind(rawValue: new.supervisionKind) else { return nil }
        var duties: [Duty] = []
        for id in new.duties {
            guard let duty = catalogue.duties[id] else { return nil }
            duties.append(duty)
        }
        var criteria: [Criterion] = []
        for id in new.criteria {
            guard let criterion = catalogue.criteria[id] else { return nil }
            criteria.append(criterion)
        }
        let band = new.expectedBand?.trimmed()
        return Role(id: new.id, title: new.title.trimmed(), kind: kind, tier: tier, expectedBand: band?.isEmpty == false ? band : nil,
                    reportsTo: .role(new.reportsTo), base: new.base.trimmed(),
                    supervision: Supervision(kind: supervision, detail: new.supervisionDetail.trimmed()),
                    contract: Contract(kind: .permanent), hours: hours, purpose: new.purpose.trimmed(),
                    duties: duties, environment: [], criteria: criteria)
    }
}
