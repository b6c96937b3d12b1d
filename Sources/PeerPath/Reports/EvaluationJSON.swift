import PeerPathModel

/// The JSON form of an evaluation report. Field names are part of peerpath's interface: add, never
/// rename. Documented in the README under "peerpath evaluate".
struct EvaluationJSON: Encodable {
    struct RoleJSON: Encodable {
        var id: String
        var title: String
        var expectedBand: String
        var points: Int
        /// Nil when outside Agenda for Change.
        var band: Nullable<String>
        var outsideScheme: Bool
        var lowestPoints: Int
        var lowestBand: Nullable<String>
        var marginBelow: Nullable<Int>
        var marginAbove: Nullable<Int>
        var factors: [FactorJSON]
        var bandLosingFactors: [Int]
        var toExpectedBand: [ChangeJSON]
    }

    struct FactorJSON: Encodable {
        var factor: Int
        var name: String
        var level: Int
        var subLevel: Nullable<String>
        var lowestLevel: Int
        var points: Int
        var evidencedLevel: Int
        var override: Nullable<OverrideJSON>
        var evidence: [String]
        var bandOneLevelDown: Nullable<String>
        var bandOneLevelUp: Nullable<String>
    }

    struct OverrideJSON: Encodable {
        var level: String
        var reason: String
    }

    struct ChangeJSON: Encodable {
        var factor: Int
        var from: Int
        var to: Int
        var points: Int
        var band: Nullable<String>
    }

    var pathway: PathwayJSON
    var roles: [RoleJSON]
    var findings: [FindingJSON]

    init(report: EvaluationReport) {
        pathway = PathwayJSON(id: report.assessment.pathway.id, file: report.assessment.file)
        roles = report.roles.map { entry in
            let evaluation = entry.evaluation
            return RoleJSON(
                id: entry.role.id, title: entry.role.title, expectedBand: entry.role.expectedBand,
                points: evaluation.points, band: Nullable(evaluation.placement.band?.name),
                outsideScheme: evaluation.placement == .outside,
                lowestPoints: evaluation.lowestPoints, lowestBand: Nullable(evaluation.lowestPlacement.band?.name),
                marginBelow: Nullable(entry.sensitivity.marginBelow), marginAbove: Nullable(entry.sensitivity.marginAbove),
                factors: evaluation.factors.map { result in
                    let sensitivity = entry.sensitivity.factors.first { $0.factor == result.factor }
                    return FactorJSON(
                        factor: result.factor, name: result.name, level: result.level.high,
                        subLevel: Nullable(result.level.subLevel), lowestLevel: result.level.low, points: result.points,
                        evidencedLevel: result.evidencedLevel.high,
                        override: Nullable(result.override.map { OverrideJSON(level: $0.level.description, reason: $0.reason) }),
                        evidence: result.evidence.map(\.description),
                        bandOneLevelDown: Nullable(sensitivity?.down.map { EvaluationReport.bandName($0.placement) }),
                        bandOneLevelUp: Nullable(sensitivity?.up.map { EvaluationReport.bandName($0.placement) }))
                },
                bandLosingFactors: entry.sensitivity.bandLosingFactors,
                toExpectedBand: entry.sensitivity.toExpected.map {
                    ChangeJSON(factor: $0.factor, from: $0.from, to: $0.to, points: $0.points, band: Nullable($0.placement.band?.name))
                })
        }
        findings = report.findings.map(FindingJSON.init)
    }
}
