import PeerPathLoading
import PeerPathModel

/// Turns the role edit form into edits: a field whose value differs from the file's becomes a
/// `setRoleField`; evidence selects that changed, ticked removals and filled-in additions become
/// their edits, in an order where each edit's positions still mean what the page showed (changes
/// first, then removals from the last up, then additions at the end).
struct RoleEditForm {
    let role: Role
    let pathway: Pathway

    func edits(from form: FormFields) -> [PathwayEdit] {
        var edits: [PathwayEdit] = []
        for field in RoleField.allCases {
            guard let value = form[field.rawValue] else { continue }
            if value.trimmed() != current(field) {
                edits.append(.setRoleField(role: role.id, field: field, value: value))
            }
        }
        for (index, duty) in role.duties.enumerated() {
            for evidence in duty.evidence {
                guard let value = form["evidence-\(index)-F\(evidence.factor)"]?.trimmed(), value != evidence.level.description else { continue }
                edits.append(.setDutyEvidence(role: role.id, index: index, factor: evidence.factor, level: value.isEmpty ? nil : value))
            }
            if let factor = form["add-evidence-\(index)-factor"].flatMap({ Int($0) }),
               let level = form["add-evidence-\(index)-level"]?.trimmed(), !level.isEmpty {
                edits.append(.setDutyEvidence(role: role.id, index: index, factor: factor, level: level))
            }
        }
        for index in form.positions("remove-duty") where role.duties.indices.contains(index) {
            edits.append(.removeDuty(role: role.id, index: index))
        }
        for index in form.positions("remove-criterion") where role.criteria.indices.contains(index) {
            edits.append(.removeCriterion(role: role.id, index: index))
        }
        for index in form.positions("remove-route") where pathway.routes.indices.contains(index) {
            edits.append(.removeRoute(index: index))
        }
        for id in form.all("add-duty") where !id.isEmpty {
            edits.append(.addCatalogueDuty(role: role.id, id: id))
        }
        if let text = form["new-duty-text"]?.trimmed(), !text.isEmpty {
            var evidence: [(factor: Int, level: String)] = []
            for row in 1...3 {
                guard let factor = form["new-duty-factor-\(row)"].flatMap({ Int($0) }),
                      let level = form["new-duty-level-\(row)"]?.trimmed(), !level.isEmpty else { continue }
                evidence.append((factor, level))
            }
            edits.append(.addOwnDuty(role: role.id, duty: NewDuty(area: form["new-duty-area"] ?? "", text: text, evidence: evidence,
                                                                   domains: form.all("new-duty-domain"))))
        }
        for id in form.all("add-criterion") where !id.isEmpty {
            edits.append(.addCatalogueCriterion(role: role.id, id: id))
        }
        if let text = form["new-criterion-text"]?.trimmed(), !text.isEmpty {
            edits.append(.addOwnCriterion(role: role.id, criterion: NewCriterion(
                category: form["new-criterion-category"] ?? "", text: text, need: form["new-criterion-need"] ?? "",
                assessed: form.all("new-criterion-assessed"))))
        }
        if let to = form["new-route-to"], !to.isEmpty {
            let needs = (form["new-route-needs"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmed() }.filter { !$0.isEmpty }
            edits.append(.addRoute(NewRoute(from: role.id, to: to, requires: form.all("new-route-requires"), needs: needs)))
        }
        return edits
    }

    /// A field's value in the file, as the form shows it.
    func current(_ field: RoleField) -> String {
        switch field {
        case .title: role.title
        case .purpose: role.purpose
        case .base: role.base
        case .reference: role.reference ?? ""
        case .service: role.service ?? ""
        case .workingPattern: role.workingPattern ?? ""
        case .expectedBand: role.expectedBand ?? ""
        case .hours: role.hours == role.hours.rounded() ? String(Int(role.hours)) : String(role.hours)
        case .tier: String(role.tier)
        case .supervisionDetail: role.supervision.detail
        }
    }
}
