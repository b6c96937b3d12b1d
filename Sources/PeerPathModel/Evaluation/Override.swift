/// A level the pathway states for a factor instead of the level its duties evidence, with the
/// written reason a panel will read. Overrides show in the banding case and raise a finding when
/// they differ from the evidence.
public struct Override: Sendable {
    public var factor: Int
    public var level: LevelClaim
    public var reason: String
    public var location: SourceLocation?

    public init(factor: Int, level: LevelClaim, reason: String, location: SourceLocation? = nil) {
        self.factor = factor
        self.level = level
        self.reason = reason
        self.location = location
    }
}

/// Why a role may sit lower than the role it progresses from: on its band (`factor` nil) or on one factor.
public struct LadderReason: Sendable {
    public var factor: Int?
    public var reason: String
    public var location: SourceLocation?

    public init(factor: Int?, reason: String, location: SourceLocation? = nil) {
        self.factor = factor
        self.reason = reason
        self.location = location
    }
}
