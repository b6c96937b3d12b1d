/// A way from one role to another, and what the step needs.
public struct Route: Sendable {
    public var from: String
    public var to: String
    /// What the step needs: catalogue requirements first, then the pathway's own lines.
    public var requirements: [Requirement]
    public var location: SourceLocation?

    public init(from: String, to: String, requirements: [Requirement], location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.requirements = requirements
        self.location = location
    }

    public var needs: [String] { requirements.map(\.text) }
}
