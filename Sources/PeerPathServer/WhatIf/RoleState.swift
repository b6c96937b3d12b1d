import PeerPath
import PeerPathDocuments
import PeerPathModel

/// A role as the role page and the what-if answer show it: its evaluation, sensitivity and findings,
/// with each duty and criterion under a stable key (the page's `data-duty` and `data-criterion`)
/// and each finding tied to the duty or criterion it concerns, or to the role.
struct RoleState: Sendable {
    struct DutyEntry: Sendable {
        /// The catalogue id when the role uses that catalogue duty once; else the duty's position
        /// (from 0) in the file's list.
        var key: String
        var number: DutyNumber
        var duty: Duty
        var added: Bool
    }

    struct CriterionEntry: Sendable {
        /// The criterion's position (from 0) in the file's list, or "new-N" for a what-if addition.
        var key: String
        var number: Int
        var criterion: Criterion
        var added: Bool
    }

    struct PlacedFinding: Sendable {
        var finding: Finding
        /// "duty:KEY", "criterion:KEY" or "role".
        var subject: String
    }

    var role: Role
    var evaluation: RoleEvaluation
    var sensitivity: Sensitivity
    var duties: [DutyEntry]
    var criteria: [CriterionEntry]
    var findings: [PlacedFinding]

    /// - Parameter dutyKeys: each duty's key, in the role's order; `addedDuties` and `addedCriteria`
    ///   count the entries at the end of each list that a what-if added.
    init(assessment: Assessment, roleID: String, dutyKeys: [String], addedDuties: Int = 0,
         criterionKeys: [String], addedCriteria: Int = 0) {
        let entry = assessment.role(roleID)!
        role = entry.role
        evaluation = entry.evaluation
        sensitivity = entry.sensitivity
        var numbers: [Int: DutyNumber] = [:]
        // `dutyAreas` groups duties by area; map each back to its place in the list to number it.
        var byArea: [String: [Int]] = [:]
        for (index, duty) in role.duties.enumerated() { byArea[duty.area, default: []].append(index) }
        for area in role.dutyAreas {
            let indices = byArea[area.name] ?? []
            for (item, numbered) in area.duties.enumerated() where item < indices.count {
                numbers[indices[item]] = numbered.number
            }
        }
        let firstAdded = role.duties.count - addedDuties
        duties = role.duties.enumerated().map { index, duty in
            DutyEntry(key: index < dutyKeys.count ? dutyKeys[index] : String(index), number: numbers[index] ?? DutyNumber(area: 0, item: 0),
                      duty: duty, added: index >= firstAdded)
        }
        let firstAddedCriterion = role.criteria.count - addedCriteria
        criteria = role.criteria.enumerated().map { index, criterion in
            CriterionEntry(key: index < criterionKeys.count ? criterionKeys[index] : String(index), number: index + 1,
                           criterion: criterion, added: index >= firstAddedCriterion)
        }
        let duties = self.duties
        let criteria = self.criteria
        findings = assessment.findings(for: roleID).map { finding in
            PlacedFinding(finding: finding, subject: Self.subject(of: finding, duties: duties, criteria: criteria))
        }
    }

    /// The duty or criterion a finding points at: its own line, or the line of one of a duty's
    /// evidence claims; else the role.
    static func subject(of finding: Finding, duties: [DutyEntry], criteria: [CriterionEntry]) -> String {
        guard let location = finding.location else { return "role" }
        for entry in duties {
            if entry.duty.location == location || entry.duty.evidence.contains(where: { $0.location == location }) {
                return "duty:\(entry.key)"
            }
        }
        for entry in criteria where entry.criterion.location == location {
            return "criterion:\(entry.key)"
        }
        // A finding on the line of a duty or criterion but another column (a phrase inside its text).
        for entry in duties where entry.duty.location.map({ $0.file == location.file && $0.line == location.line }) ?? false {
            return "duty:\(entry.key)"
        }
        for entry in criteria where entry.criterion.location.map({ $0.file == location.file && $0.line == location.line }) ?? false {
            return "criterion:\(entry.key)"
        }
        return "role"
    }

    /// The keys of a role's duties as the file has them.
    static func dutyKeys(of role: Role) -> [String] {
        var counts: [String: Int] = [:]
        for duty in role.duties { if let id = duty.catalogueID { counts[id, default: 0] += 1 } }
        return role.duties.enumerated().map { index, duty in
            if let id = duty.catalogueID, counts[id] == 1 { return id }
            return String(index)
        }
    }

    static func criterionKeys(of role: Role) -> [String] { role.criteria.indices.map(String.init) }

    /// The state of a role as its file has it.
    init(assessment: Assessment, roleID: String) {
        let role = assessment.role(roleID)!.role
        self.init(assessment: assessment, roleID: roleID, dutyKeys: Self.dutyKeys(of: role), criterionKeys: Self.criterionKeys(of: role))
    }

    // MARK: What the page and the answer say

    var bandName: String { evaluation.placement.band?.name ?? "outside" }

    /// "41 points above the bottom of Band 7, 32 below the top", or why there is no margin.
    var marginText: String {
        guard let below = sensitivity.marginBelow, let above = sensitivity.marginAbove else {
            return "outside Agenda for Change: above the top of Band 9"
        }
        return "\(below) \(below == 1 ? "point" : "points") above the bottom of \(evaluation.placement), \(above) below the top"
    }

    /// The sensitivity in sentences: what one level down loses, what the next band needs.
    var sensitivityLines: [String] {
        var lines: [String] = []
        let losing = sensitivity.bandLosingFactors
        lines.append(losing.isEmpty ? "One level down on any single factor keeps the band."
                     : "One level down loses the band on \(losing.count == 1 ? "factor" : "factors") \(Self.list(losing.map(String.init))).")
        if let lose = sensitivity.pointsToLoseBand {
            lines.append("Losing \(lose) \(lose == 1 ? "point" : "points") drops the band.")
        }
        if let next = sensitivity.pointsToNextBand, let placement = sensitivity.nextPlacement {
            lines.append("\(next) more \(next == 1 ? "point" : "points") would reach \(placement).")
        }
        if let expected = role.expectedBand, expected != bandName {
            let changes = sensitivity.toExpected.map { "factor \($0.factor) from \($0.from) to \($0.to) (\($0.points) points, \($0.placement))" }
            lines.append("The expected band is \(expected)." + (changes.isEmpty ? "" : " Single changes that reach it: \(changes.joined(separator: "; "))."))
        }
        return lines
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// What evidences a factor: the duties and facts, and any override with its reason.
    static func evidenceText(_ factor: FactorResult) -> String {
        var parts: [String] = []
        if !factor.evidence.isEmpty { parts.append(factor.evidence.map(\.description).joined(separator: ", ")) }
        if let override = factor.override {
            parts.append("level set to \(override.level) (evidence gives \(factor.evidencedLevel)): \(override.reason)")
        }
        return parts.isEmpty ? "nothing evidences a higher level" : parts.joined(separator: "; ")
    }
}
