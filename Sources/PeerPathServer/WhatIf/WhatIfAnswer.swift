import PeerPathModel

/// The what-if answer: the role's evaluation after the changes, in the JSON the page's script reads.
struct WhatIfAnswer: Encodable {
    struct Margins: Encodable {
        var below: Int?
        var above: Int?
        var pointsToLoseBand: Int?
        var pointsToNextBand: Int?
        var nextBand: String?
        var text: String
    }

    struct Change: Encodable {
        var level: Int
        var points: Int
        var band: String
    }

    struct FactorSensitivityRow: Encodable {
        var factor: Int
        var level: Int
        var down: Change?
        var up: Change?
        var dropLosesBand: Bool
    }

    struct FactorRow: Encodable {
        var factor: Int
        var level: String
        var letter: String
        var points: Int
        var evidence: String
        var meaning: String
        var overridden: Bool
    }

    struct DutyRow: Encodable {
        var key: String
        var number: String
        var text: String
        var levels: String
        var added: Bool
    }

    struct CriterionRow: Encodable {
        var key: String
        var number: Int
        var text: String
        var need: String
        var added: Bool
    }

    struct FindingRow: Encodable {
        var code: String
        var severity: String
        var message: String
        /// "duty:KEY", "criterion:KEY" or "role".
        var subject: String
        var line: Int?
    }

    var points: Int
    var band: String
    var expectedBand: String?
    var margins: Margins
    var sensitivity: [FactorSensitivityRow]
    var sensitivityText: [String]
    var factors: [FactorRow]
    var duties: [DutyRow]
    var criteria: [CriterionRow]
    var findings: [FindingRow]

    init(state: RoleState, meaning: (Int, LevelClaim) -> String) {
        points = state.evaluation.points
        band = state.bandName
        expectedBand = state.role.expectedBand
        margins = Margins(below: state.sensitivity.marginBelow, above: state.sensitivity.marginAbove,
                          pointsToLoseBand: state.sensitivity.pointsToLoseBand, pointsToNextBand: state.sensitivity.pointsToNextBand,
                          nextBand: state.sensitivity.nextPlacement.map { $0.band?.name ?? "outside" }, text: state.marginText)
        sensitivity = state.sensitivity.factors.map { factor in
            FactorSensitivityRow(factor: factor.factor, level: factor.level,
                                 down: factor.down.map { Change(level: $0.to, points: $0.points, band: $0.placement.band?.name ?? "outside") },
                                 up: factor.up.map { Change(level: $0.to, points: $0.points, band: $0.placement.band?.name ?? "outside") },
                                 dropLosesBand: factor.dropLosesBand)
        }
        sensitivityText = state.sensitivityLines
        factors = state.evaluation.factors.map { result in
            FactorRow(factor: result.factor, level: result.level.description, letter: result.level.subLevel ?? "", points: result.points,
                      evidence: RoleState.evidenceText(result), meaning: meaning(result.factor, result.level), overridden: result.override != nil)
        }
        duties = state.duties.map { entry in
            DutyRow(key: entry.key, number: entry.number.description, text: entry.duty.text,
                    levels: entry.duty.evidence.map { "F\($0.factor) \($0.level)" }.joined(separator: ", "), added: entry.added)
        }
        criteria = state.criteria.map { entry in
            CriterionRow(key: entry.key, number: entry.number, text: entry.criterion.text,
                         need: "\(entry.criterion.need.rawValue), \(entry.criterion.category.rawValue); assessed by \(entry.criterion.assessed.map(\.rawValue).joined(separator: ", "))",
                         added: entry.added)
        }
        findings = state.findings.map { placed in
            FindingRow(code: placed.finding.code.rawValue, severity: placed.finding.severity.rawValue, message: placed.finding.message,
                       subject: placed.subject, line: placed.finding.location?.line)
        }
    }
}
