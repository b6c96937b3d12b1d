/// A role's evaluation: a level per factor with what evidences it, the total points and the band.
public struct RoleEvaluation: Sendable {
    public var roleID: String
    public var factors: [FactorResult]
    public var points: Int
    public var placement: BandPlacement

    public init(roleID: String, factors: [FactorResult], points: Int, placement: BandPlacement) {
        self.roleID = roleID
        self.factors = factors
        self.points = points
        self.placement = placement
    }

    public func factor(_ number: Int) -> FactorResult? { factors.first { $0.factor == number } }
}

/// One factor's result: the level reached (the highest evidenced, 1 where nothing evidences it),
/// its sub-level, its points, and the duties and environment facts that evidence it.
public struct FactorResult: Sendable {
    public var factor: Int
    public var name: String
    public var level: LevelClaim
    public var points: Int
    public var evidence: [EvidenceSource]

    public init(factor: Int, name: String, level: LevelClaim, points: Int, evidence: [EvidenceSource]) {
        self.factor = factor
        self.name = name
        self.level = level
        self.points = points
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
