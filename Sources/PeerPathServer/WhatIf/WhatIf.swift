import Foundation
import PeerPath
import PeerPathModel

/// A what-if: changes to one role, relative to the pathway file, that are evaluated in memory and
/// never saved. Levels override what the duties evidence; duties and criteria are removed by their
/// keys on the page and added from the catalogue (duties) or as text (criteria).
struct WhatIf: Codable, Sendable {
    struct NewCriterion: Codable, Sendable {
        var text: String
        /// "essential" or "desirable".
        var kind: String?
        var category: String?
    }

    /// Factor number ("3") to level ("4", "5a").
    var levels: [String: String]?
    var removeDuties: [String]?
    var addDuties: [String]?
    var removeCriteria: [Int]?
    var addCriteria: [NewCriterion]?

    /// The change in one canonical form, so equal changes share an answer in the cache.
    var key: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The reason every what-if override carries, which the findings about overrides quote.
    static let reason = "Level chosen on the workbench (what-if, not saved)."
    static let maximumAdditions = 50

    /// The role with the changes made, and the keys of its duties and criteria for the page; or a
    /// message saying which change cannot be made.
    func apply(to role: Role, served: ServedPathway, scheme: Scheme) -> Result<(role: Role, dutyKeys: [String], addedDuties: Int,
                                                                             criterionKeys: [String], addedCriteria: Int), WhatIfError> {
        var role = role
        for (key, value) in (levels ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let number = Int(key.hasPrefix("F") ? String(key.dropFirst()) : key), let factor = scheme.factor(number) else {
                return .failure(WhatIfError("'\(key)' is not a factor; the factors are 1 to \(scheme.factors.count)"))
            }
            guard let claim = LevelClaim(parsing: value), !claim.isRange else {
                return .failure(WhatIfError("'\(value)' is not a level of factor \(number): give a level such as 3 or 4a"))
            }
            if let problem = factor.problem(with: claim) { return .failure(WhatIfError(problem)) }
            role.overrides.removeAll { $0.factor == number }
            role.overrides.append(Override(factor: number, level: claim, reason: Self.reason))
        }
        let fileKeys = RoleState.dutyKeys(of: role)
        let removals = Set(removeDuties ?? [])
        if let unknown = removals.first(where: { !fileKeys.contains($0) }) {
            return .failure(WhatIfError("the role has no duty '\(unknown)'"))
        }
        var duties: [Duty] = []
        var keys: [String] = []
        for (index, duty) in role.duties.enumerated() where !removals.contains(fileKeys[index]) {
            duties.append(duty)
            keys.append(fileKeys[index])
        }
        let additions = addDuties ?? []
        guard additions.count <= Self.maximumAdditions, (addCriteria ?? []).count <= Self.maximumAdditions else {
            return .failure(WhatIfError("at most \(Self.maximumAdditions) additions at once"))
        }
        for id in additions {
            guard let duty = served.catalogue.duties[id] else {
                return .failure(WhatIfError("the catalogue has no duty '\(id)'"))
            }
            guard !keys.contains(id) else { return .failure(WhatIfError("the role already has the duty '\(id)'")) }
            var added = duty
            added.catalogueID = id
            duties.append(added)
            keys.append(id)
        }
        role.duties = duties

        let removedCriteria = Set(removeCriteria ?? [])
        if let unknown = removedCriteria.first(where: { !role.criteria.indices.contains($0) }) {
            return .failure(WhatIfError("the role has no criterion \(unknown)"))
        }
        var criteria: [Criterion] = []
        var criterionKeys: [String] = []
        for (index, criterion) in role.criteria.enumerated() where !removedCriteria.contains(index) {
            criteria.append(criterion)
            criterionKeys.append(String(index))
        }
        for (index, new) in (addCriteria ?? []).enumerated() {
            let text = new.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return .failure(WhatIfError("a criterion to add has no text")) }
            guard let need = Criterion.Need(rawValue: new.kind ?? "essential") else {
                return .failure(WhatIfError("'\(new.kind ?? "")' is not a need: essential or desirable"))
            }
            guard let category = Criterion.Category(rawValue: new.category ?? "skills") else {
                return .failure(WhatIfError("'\(new.category ?? "")' is not a category: \(Criterion.Category.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            criteria.append(Criterion(category: category, text: text, need: need, assessed: [.application, .interview]))
            criterionKeys.append("new-\(index)")
        }
        role.criteria = criteria
        return .success((role, keys, additions.count, criterionKeys, (addCriteria ?? []).count))
    }
}

struct WhatIfError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
