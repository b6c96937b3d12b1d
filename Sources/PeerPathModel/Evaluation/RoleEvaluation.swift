/// A role's evaluation: a level per factor with what evidences it, the total points and the band.
/// Where a factor's level is a range, `points` and `placement` count its upper end and
/// `lowestPoints` and `lowestPlacement` its lower end.
public struct RoleEvaluation: Sendable {
    public var roleID: String
    public var factors: [FactorResult]
    public var points: Int
    public var placement: BandPlacement
    public var lowestPoints: Int
    public var lowestPlacement: BandPlacement

    public init(roleID: String, factors: [FactorResult], points: Int, placement: BandPlacement,
                lowestPoints: Int, lowestPlacement: BandPlacement) {
        self.roleID = roleID
        self.factors = factors
        self.points = points
        self.placement = placement
        self.lowestPoints = lowestPoints
        self.lowestPlacement = lowestPlacement
    }

    public func factor(_ number: Int) -> FactorResult? { factors.first { $0.factor == number } }

    /// True when some factor is given as a range, so the total has two ends.
    public var hasRange: Bool { lowestPoints != points }
}

/// One factor's result: the level reached (the highest evidenced, 1 where nothing evidences it,
/// or the pathway's override), its sub-level, its points, and what evidences it.
public struct FactorResult: Sendable {
    public var factor: Int
    public var name: String
    /// The level that counts: the override's where there is one, else the evidenced level.
    public var level: LevelClaim
    /// The level the duties and environment facts evidence.
    public var evidencedLevel: LevelClaim
    public var override: Override?
    /// Points at the level's upper end, and at its lower end (the same unless a range).
    public var points: Int
    public var lowestPoints: Int
    /// The duties and environment facts that reach the evidenced level.
    public var evidence: [EvidenceSource]

    public init(factor: Int, name: String, level: LevelClaim, evidencedLevel: LevelClaim, override: Override? = nil,
                points: Int, lowestPoints: Int, evidence: [EvidenceSource]) {
        self.factor = factor
        self.name = name
        self.level = level
        self.evidencedLevel = evidencedLevel
        self.override = override
        self.points = points
        self.lowestPoints = lowestPoints
        self.evidence = evidence
    }
}

/// What evidences a factor level: a numbered duty, or one of the role's environment facts.
public enum EvidenceSource: Sendable, Hashable, CustomStringConvertible {
    case duty(DutyNumber)
    /// The environment fact at this 1-based position in the role's list.
    case environment(Int)

    public var description: String {
        switch self {
        case .duty(let number): "duty \(number)"
        case .environment(let index): "environment \(index)"
        }
    }
}
