/// A domain of the HEE competence framework for mental health peer support workers. Duties serve
/// domains and criteria select for them; the trace joins the two.
public struct CompetenceDomain: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Whether the entry role of a pathway is expected to cover this domain.
    public var entry: Bool

    public init(id: String, name: String, entry: Bool) {
        self.id = id
        self.name = name
        self.entry = entry
    }
}
