/// A way from one role to another, and what the step needs.
public struct Route: Sendable {
    public var from: String
    public var to: String
    public var needs: [String]
    public var location: SourceLocation?

    public init(from: String, to: String, needs: [String], location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.needs = needs
        self.location = location
    }
}
