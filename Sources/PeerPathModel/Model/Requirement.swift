/// Something a step into a role needs: an apprenticeship, training, experience or a qualification.
/// Most come from the catalogue by id; a pathway may add lines of its own.
public struct Requirement: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case apprenticeship, training, experience, qualification
    }

    /// The catalogue id, or nil for a pathway's own line.
    public var id: String?
    public var kind: Kind?
    public var text: String

    public init(id: String?, kind: Kind?, text: String) {
        self.id = id
        self.kind = kind
        self.text = text
    }

    public var isApprenticeship: Bool { kind == .apprenticeship }
}

/// One way into a role from outside the pathway; every requirement of it is needed.
public struct WayIn: Sendable {
    public var requirements: [Requirement]
    public var location: SourceLocation?

    public init(requirements: [Requirement], location: SourceLocation? = nil) {
        self.requirements = requirements
        self.location = location
    }
}
