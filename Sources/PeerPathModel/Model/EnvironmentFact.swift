/// A stated fact about where and how the job is done (lone working, travel, hearing distressing
/// accounts), which may evidence a factor level just as a duty does.
public struct EnvironmentFact: Sendable {
    public var text: String
    public var evidence: [FactorEvidence]
    public var location: SourceLocation?

    public init(text: String, evidence: [FactorEvidence], location: SourceLocation? = nil) {
        self.text = text
        self.evidence = evidence
        self.location = location
    }
}
