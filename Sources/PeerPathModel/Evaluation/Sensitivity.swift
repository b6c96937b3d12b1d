/// What moves a role's band: how far the total sits inside its band, what one level down or up on
/// each factor would do, the smallest sets of one-level drops and rises that cross a band boundary,
/// and the one-level changes that reach the expected band.
public struct Sensitivity: Sendable {
    /// Points that can be lost while the band holds (total minus the band's first point), and
    /// points that can be gained while it holds (the band's last point minus the total).
    /// Nil outside the scheme.
    public var marginBelow: Int?
    public var marginAbove: Int?
    public var factors: [FactorSensitivity]
    /// Where the band differs from the expected band: the single-factor changes of one level (or as
    /// far as the duties already evidence, where an override holds the factor lower) that would
    /// reach it. Empty when the band is as expected or no such change reaches it.
    public var toExpected: [LevelChange]
    /// Points that must be lost to drop below the band (to the last point of the band below); nil
    /// in the lowest band or outside the scheme.
    public var pointsToLoseBand: Int?
    /// Points that must be gained to reach the next band, counted to its first point; nil outside
    /// the scheme.
    public var pointsToNextBand: Int?
    /// The band above, or outside Agenda for Change above Band 9; nil outside the scheme.
    public var nextPlacement: BandPlacement?
    /// The smallest sets of one-level drops that lose the band.
    public var drops: CombinationSearch = .none
    /// When single drops lose the band: the smallest sets of drops among the other factors.
    public var dropsBesideSingles: CombinationSearch = .none
    /// The smallest sets of one-level rises that reach the next band.
    public var rises: CombinationSearch = .none
    /// Where the band differs from the expected band: the smallest sets of one-level moves (all up,
    /// or all down) that land in it.
    public var toExpectedSets: CombinationSearch = .none

    /// Factors whose drop of one level alone loses the band.
    public var bandLosingFactors: [Int] {
        factors.filter(\.dropLosesBand).map(\.factor)
    }
}

/// One factor's effect on the band: the total and placement one level down and one level up.
public struct FactorSensitivity: Sendable {
    public var factor: Int
    public var level: Int
    /// Nil where the factor is already at its lowest or highest level.
    public var down: LevelChange?
    public var up: LevelChange?
    public var dropLosesBand: Bool
}

/// A change of one factor to another level, and where the total would then land.
public struct LevelChange: Sendable, Equatable {
    public var factor: Int
    public var from: Int
    public var to: Int
    public var points: Int
    public var placement: BandPlacement

    public var steps: Int { abs(to - from) }
}

extension Scheme {
    public func sensitivity(of evaluation: RoleEvaluation, expectedBand: String?) -> Sensitivity {
        let levels = Dictionary(uniqueKeysWithValues: evaluation.factors.map { ($0.factor, $0.level.high) })
        func change(_ factor: Factor, to level: Int) -> LevelChange {
            var changed = levels
            changed[factor.number] = level
            let total = points(of: changed)
            return LevelChange(factor: factor.number, from: levels[factor.number] ?? 1, to: level,
                               points: total, placement: placement(ofPoints: total))
        }
        let perFactor = factors.map { factor -> FactorSensitivity in
            let level = levels[factor.number] ?? 1
            let down = level > 1 ? change(factor, to: level - 1) : nil
            let up = level < factor.levels.upperBound ? change(factor, to: level + 1) : nil
            return FactorSensitivity(factor: factor.number, level: level, down: down, up: up,
                                     dropLosesBand: down.map { $0.placement != evaluation.placement } ?? false)
        }
        var toExpected: [LevelChange] = []
        var toExpectedSets = CombinationSearch.none
        if let expectedBand, evaluation.placement.band?.name != expectedBand, let target = band(named: expectedBand) {
            // One level at a time, unless the duties already evidence more than an override allows.
            for factor in factors {
                let current = levels[factor.number] ?? 1
                let evidenced = evaluation.factor(factor.number)?.evidencedLevel.high ?? current
                let reach = max(1, evidenced - current)
                let reaching = factor.levels.filter { $0 != current && abs($0 - current) <= ($0 > current ? reach : 1) }
                    .map { change(factor, to: $0) }
                    .filter { $0.placement.band?.name == expectedBand }
                if let nearest = reaching.min(by: { $0.steps < $1.steps }) { toExpected.append(nearest) }
            }
            toExpected.sort { ($0.steps, $0.factor) < ($1.steps, $1.factor) }
            let up = target.range.lowerBound > evaluation.points
            let needed = up ? target.range.lowerBound - evaluation.points : evaluation.points - target.range.upperBound
            var search = smallestSets(from: levels, total: evaluation.points, step: up ? 1 : -1, needed: needed, limit: 500)
            search.sets = search.sets.filter { $0.placement.band?.name == expectedBand }
            toExpectedSets = search
        }
        let band = evaluation.placement.band
        var sensitivity = Sensitivity(marginBelow: band.map { evaluation.points - $0.range.lowerBound },
                                      marginAbove: band.map { $0.range.upperBound - evaluation.points },
                                      factors: perFactor, toExpected: toExpected)
        sensitivity.toExpectedSets = toExpectedSets
        guard let band, let index = bands.firstIndex(of: band) else { return sensitivity }
        if index > 0 {
            let needed = evaluation.points - band.range.lowerBound + 1
            sensitivity.pointsToLoseBand = needed
            sensitivity.drops = smallestSets(from: levels, total: evaluation.points, step: -1, needed: needed)
            if sensitivity.drops.size == 1 {
                let singles = Set(perFactor.filter(\.dropLosesBand).map(\.factor))
                sensitivity.dropsBesideSingles = smallestSets(from: levels, total: evaluation.points, step: -1, needed: needed, excluding: singles)
            }
        }
        let toNext = band.range.upperBound + 1 - evaluation.points
        sensitivity.pointsToNextBand = toNext
        sensitivity.nextPlacement = placement(ofPoints: band.range.upperBound + 1)
        sensitivity.rises = smallestSets(from: levels, total: evaluation.points, step: 1, needed: toNext)
        return sensitivity
    }
}
