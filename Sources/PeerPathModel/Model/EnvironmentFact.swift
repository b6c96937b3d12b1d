/// A stated fact about where and how the job is done (lone working, travel, hearing distressing
/// accounts), which may evidence a factor level just as a duty does.
public struct EnvironmentFact: Sendable {
    public var text: String
    public var evidence: [FactorEvidence]
    public var location: SourceLocation?
    /// How often it happens ("several times a week") and for how long ("up to an hour"), where it matters.
    public var frequency: String?
    public var duration: String?

    public init(text: String, evidence: [FactorEvidence], location: SourceLocation? = nil,
                frequency: String? = nil, duration: String? = nil) {
        self.frequency = frequency
        self.duration = duration
        self.text = text
        self.evidence = evidence
        self.location = location
    }
}
