/// One group of posts a role manages, with how many there are, for the organisation chart
/// (`team:` on a role). A group is a role of the pathway that reports to this one, or posts named
/// by title; `through` names the group (by its role id) that manages this one on the postholder's
/// behalf, such as staff overseen through two development workers.
public struct TeamMember: Sendable, Equatable {
    /// A role of the pathway (its id), or nil for posts named only by `title`.
    public var role: String?
    /// The posts' title, where they are not a role of the pathway.
    public var title: String?
    /// How many posts: people, or whole-time posts as the pathway counts them.
    public var count: Int
    /// The role id of the group through which these posts are managed; nil when managed directly.
    public var through: String?
    public var location: SourceLocation?

    public init(role: String?, title: String?, count: Int, through: String? = nil, location: SourceLocation? = nil) {
        self.role = role
        self.title = title
        self.count = count
        self.through = through
        self.location = location
    }
}
