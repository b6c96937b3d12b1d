import PeerPathModel

/// The JSON form of an evaluation report. Field names are part of peerpath's interface: add, never
/// rename. Documented in the README under "peerpath evaluate".
struct EvaluationJSON: Encodable {
    struct RoleJSON: Encodable {
        var id: String
        var title: String
        var expectedBand: Nullable<String>
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
        /// Points to lose to drop a band (nil in the lowest band), and to gain to reach the next
        /// band's first point.
        var pointsToLoseBand: Nullable<Int>
        var pointsToNextBand: Nullable<Int>
        var nextBand: Nullable<String>
        var smallestDrops: SearchJSON
        var smallestDropsBesideSingles: SearchJSON
        var smallestRises: SearchJSON
        var toExpectedBandSets: SearchJSON
    }

    /// The smallest sets of one-level moves that cross a band boundary.
    struct SearchJSON: Encodable {
        var size: Nullable<Int>
        var count: Int
        var examined: Int
        var sets: [SetJSON]

        init(_ search: CombinationSearch) {
            size = Nullable(search.size)
            count = search.count
            examined = search.examined
            sets = search.sets.map { SetJSON(factors: $0.factors, points: $0.points, band: Nullable($0.placement.band?.name), delta: $0.delta) }
        }
    }

    struct SetJSON: Encodable {
        var factors: [Int]
        var points: Int
        var band: Nullable<String>
        var delta: Int
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
                id: entry.role.id, title: entry.role.title, expectedBand: Nullable(entry.role.expectedBand),
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
                },
                pointsToLoseBand: Nullable(entry.sensitivity.pointsToLoseBand),
                pointsToNextBand: Nullable(entry.sensitivity.pointsToNextBand),
                nextBand: Nullable(entry.sensitivity.nextPlacement.map { EvaluationReport.bandName($0) }),
                smallestDrops: SearchJSON(entry.sensitivity.drops),
                smallestDropsBesideSingles: SearchJSON(entry.sensitivity.dropsBesideSingles),
                smallestRises: SearchJSON(entry.sensitivity.rises),
                toExpectedBandSets: SearchJSON(entry.sensitivity.toExpectedSets))
        }
        findings = report.findings.map(FindingJSON.init)
    }
}
