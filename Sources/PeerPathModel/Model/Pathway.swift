/// One organisation's ladder of peer support roles and the routes between them.
public struct Pathway: Sendable {
    public var id: String
    public var title: String
    public var organisation: Organisation
    /// The pay year whose scale applies, e.g. "2025/26".
    public var payYear: String
    public var roles: [Role]
    public var routes: [Route]
    /// The most a role may spend on non-peer work, in percent of its time, where the pathway sets it.
    public var nonPeerTimeLimit: Int?
    /// The competence domains the pathway's duties and criteria refer to.
    public var domains: [CompetenceDomain]
    /// Language rules or phrases the pathway allows, each with its reason.
    public var allowances: [Allowance]
    public var location: SourceLocation?
    /// The pathway's version and agreement, which each role takes unless it has its own.
    public var signOff: SignOff?
    /// The pathway's replacements of and additions to the organisation's default clauses.
    public var clauses: [Clause] = []
    /// The pathway's own national context (`national-context:`), or nil for peerpath's.
    public var nationalContext: NationalContext?
    /// The catalogue the pathway's roles draw on, where it was read from YAML with one; `diff` uses
    /// it to tell a change of a catalogue item from a change of the pathway file.
    public var catalogue: Catalogue?
    /// Where `pay-year` is written, for findings about it.
    public var payYearLocation: SourceLocation?

    public init(id: String, title: String, organisation: Organisation, payYear: String,
                roles: [Role], routes: [Route], nonPeerTimeLimit: Int? = nil, domains: [CompetenceDomain] = [],
                allowances: [Allowance] = [], location: SourceLocation? = nil) {
        self.allowances = allowances
        self.nonPeerTimeLimit = nonPeerTimeLimit
        self.domains = domains
        self.id = id
        self.title = title
        self.organisation = organisation
        self.payYear = payYear
        self.roles = roles
        self.routes = routes
        self.location = location
    }

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }

    /// A role's version and agreement: its own, else the pathway's.
    public func signOff(of role: Role) -> SignOff? { role.signOff ?? signOff }

    public func domain(_ id: String) -> CompetenceDomain? { domains.first { $0.id == id } }

    /// The entry roles: those at the lowest tier.
    public var entryRoles: [Role] {
        guard let lowest = roles.map(\.tier).min() else { return [] }
        return roles.filter { $0.tier == lowest }
    }

    /// Routes that lead on from a role.
    public func routes(from roleID: String) -> [Route] { routes.filter { $0.from == roleID } }

    /// Routes that lead into a role.
    public func routes(to roleID: String) -> [Route] { routes.filter { $0.to == roleID } }
}
