/// What moves a role's band: how far the total sits inside its band, what one level down or up on
/// each factor would do, and the smallest single-factor changes that reach the expected band.
public struct Sensitivity: Sendable {
    /// Points that can be lost before the band drops (total minus the band's first point), and
    /// points that can be gained before the next band (the band's last point minus the total).
    /// Nil outside the scheme.
    public var marginBelow: Int?
    public var marginAbove: Int?
    public var factors: [FactorSensitivity]
    /// Where the band differs from the expected band: the single-factor changes that would reach it,
    /// fewest levels moved first. Empty when the band is as expected or no single change reaches it.
    public var toExpected: [LevelChange]

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
        if let expectedBand, evaluation.placement.band?.name != expectedBand {
            for factor in factors {
                let current = levels[factor.number] ?? 1
                let reaching = factor.levels.filter { $0 != current }
                    .map { change(factor, to: $0) }
                    .filter { $0.placement.band?.name == expectedBand }
                if let nearest = reaching.min(by: { $0.steps < $1.steps }) { toExpected.append(nearest) }
            }
            toExpected.sort { ($0.steps, $0.factor) < ($1.steps, $1.factor) }
        }
        let band = evaluation.placement.band
        return Sensitivity(marginBelow: band.map { evaluation.points - $0.range.lowerBound },
                           marginAbove: band.map { $0.range.upperBound - evaluation.points },
                           factors: perFactor, toExpected: toExpected)
    }
}
