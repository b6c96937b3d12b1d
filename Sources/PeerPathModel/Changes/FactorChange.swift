/// One factor whose level changed for a role, and what in the role changed it.
public struct FactorChange: Sendable, Equatable {
    public var factor: Int
    public var name: String
    public var before: LevelClaim
    public var after: LevelClaim
    public var pointsBefore: Int
    public var pointsAfter: Int
    /// The duties and environment facts added, removed or re-scored whose evidence for this factor
    /// changed, and any change of the factor's override; empty only when nothing in the role did
    /// (the scheme's data changed).
    public var causes: [FactorCause]

    public init(factor: Int, name: String, before: LevelClaim, after: LevelClaim, pointsBefore: Int, pointsAfter: Int,
                causes: [FactorCause]) {
        self.factor = factor
        self.name = name
        self.before = before
        self.after = after
        self.pointsBefore = pointsBefore
        self.pointsAfter = pointsAfter
        self.causes = causes
    }

    public var pointsDelta: Int { pointsAfter - pointsBefore }
}

/// What changed a factor's level.
public enum FactorCause: Sendable, Equatable {
    /// A duty or environment fact.
    case item(ItemChange)
    /// The stated level for the factor (`overrides:`): set, removed or changed.
    case override(before: OverrideState?, after: OverrideState?)
}

/// An override as one version states it.
public struct OverrideState: Sendable, Equatable {
    public var level: LevelClaim
    public var reason: String

    public init(level: LevelClaim, reason: String) {
        self.level = level
        self.reason = reason
    }

    init(_ override: Override) {
        self.init(level: override.level, reason: override.reason)
    }
}
