import Foundation
import PeerPathModel

/// Reads a pathway file (YAML) into the model, checking every value against the scheme, the
/// competence domains, the catalogue and the pathway's own roles. The first problem ends the load
/// with a located message.
public struct PathwayLoader: Sendable {
    public let scheme: Scheme
    public let domains: [CompetenceDomain]

    /// A catalogue folder named on the command line: used for every pathway, wherever it is,
    /// instead of the pathway's own `catalogue:`.
    public var catalogueFolder: String?

    public init(scheme: Scheme, domains: [CompetenceDomain] = [], catalogueFolder: String? = nil) {
        self.scheme = scheme
        self.domains = domains
        self.catalogueFolder = catalogueFolder
    }

    public func load(file: String) throws(LoadError) -> Pathway {
        try load(SourceText(contentsOf: file))
    }

    /// Loads a pathway file whose YAML (and its catalogue's) was read ahead: the same pathway and
    /// the same errors as `load(file:)`.
    public func load(file: String, readAhead: YAMLReadAhead) throws(LoadError) -> Pathway {
        guard readAhead.file == file else { return try load(file: file) }
        return try load(root: try readAhead.root(of: file), file: file, readAhead: readAhead)
    }

    /// Loads a pathway's text as if it were the file's (an edit checked before it is saved):
    /// the catalogue and every message are resolved and located as for the file.
    public func load(text: String, file: String) throws(LoadError) -> Pathway {
        try load(SourceText(text: text, file: file))
    }

    /// The catalogue a pathway uses, as loading it resolves it: the folder named on the command
    /// line, else its own `catalogue:`, else none.
    public func catalogue(for file: String) throws(LoadError) -> Catalogue {
        if let folder = catalogueFolder { return try loadCatalogue(folder: folder) }
        return try catalogue(namedBy: file)?.catalogue ?? .empty
    }

    /// The catalogue in a folder (one named on the command line, or the shipped one), checked as
    /// loading a pathway checks it.
    public func loadCatalogue(folder: String) throws(LoadError) -> Catalogue {
        try CatalogueLoader(items: ItemReader(scheme: scheme, domains: domains)).load(folder: folder)
    }

    /// The folder a pathway file's `catalogue:` names, resolved as loading the pathway resolves it
    /// (relative to the pathway's folder, and inside it), and the catalogue in it; nil when the
    /// pathway names none. Only the `pathway:` head is read, so the rest may still be unfinished.
    public func catalogue(namedBy file: String) throws(LoadError) -> (folder: String, catalogue: Catalogue)? {
        let root = try YAMLNode.parse(SourceText(contentsOf: file))
        guard let head = root.value(forKey: "pathway") else {
            throw root.error("'\(file)' has no 'pathway:' at its top level, so it is not a pathway file")
        }
        guard let node = head.value(forKey: "catalogue") else { return nil }
        let loader = CatalogueLoader(items: ItemReader(scheme: scheme, domains: domains))
        let folder = try node.string()
        let catalogue = try loader.load(folder: folder, beside: file, at: node)
        return (CatalogueLoader.path(of: folder, beside: file), catalogue)
    }

    /// Bounds that keep any input's work small, whatever aliases or repetition a file uses.
    public static let maximumRoles = PathwayRules.maximumRoles
    public static let maximumItemsPerRole = PathwayRules.maximumItemsPerRole
    public static let maximumRoutes = PathwayRules.maximumRoutes

    /// A list, refused with a located error when longer than `limit`.
    private func bounded(_ node: YAMLNode, _ limit: Int, _ what: String) throws(LoadError) -> [YAMLNode] {
        let items = try node.sequence()
        guard items.count <= limit else { throw node.error("more than \(limit) \(what); a pathway this large is not a career ladder") }
        return items
    }

    private static let signOffKeys: Set<String> = ["version", "status", "date", "agreed-by", "review-date"]
    private static let pathwayKeys: Set<String> = Set(["id", "title", "organisation", "pay-year", "catalogue", "non-peer-time-limit",
                                                       "clauses", "national-context"]).union(signOffKeys)
    private static let roleKeys: Set<String> = Set(["id", "title", "kind", "tier", "expected-band", "reports-to", "base",
                                                    "supervision", "contract", "hours", "purpose", "duties",
                                                    "environment", "criteria", "overrides", "ladder-reasons",
                                                    "ways-in", "non-peer-time", "scoring-reasons",
                                                    "reference", "service", "posts", "working-pattern", "disclosure",
                                                    "relationships", "shared-experience", "apprenticeship", "clauses", "team"]).union(signOffKeys)

    private func load(_ source: SourceText) throws(LoadError) -> Pathway {
        try load(root: try YAMLNode.parse(source), file: source.file, readAhead: nil)
    }

    private func load(root: YAMLNode, file: String, readAhead: YAMLReadAhead?) throws(LoadError) -> Pathway {
        let top = try root.mapping(keys: ["pathway", "roles", "routes", "language"])
        let head = try top.required("pathway").mapping(keys: Self.pathwayKeys)
        let organisationNode = try head.required("organisation").mapping(keys: ["name", "sector", "area", "pays-apprenticeship-levy"])
        var organisation = Organisation(
            name: try organisationNode.required("name").string(),
            sector: try organisationNode.required("sector").oneOf(Organisation.Sector.self),
            paysApprenticeshipLevy: try organisationNode.optional("pays-apprenticeship-levy")?.bool() ?? false)
        if let areaNode = organisationNode.optional("area") {
            let text = try areaNode.string()
            if let problem = PathwayRules.areaProblem(text) { throw areaNode.error(problem) }
            organisation.area = HighCostArea(rawValue: text) ?? .none
            organisation.areaLocation = areaNode.location
        }

        var items = ItemReader(scheme: scheme, domains: domains)
        if let folder = catalogueFolder {
            items.catalogue = try CatalogueLoader(items: items, readAhead: readAhead).load(folder: folder)
        } else if let catalogueNode = head.optional("catalogue") {
            items.catalogue = try CatalogueLoader(items: items, readAhead: readAhead).load(folder: try catalogueNode.string(), beside: file, at: catalogueNode)
        }

        let rolesNode = try top.required("roles")
        let roleNodes = try bounded(rolesNode, Self.maximumRoles, "roles")
        guard !roleNodes.isEmpty else { throw rolesNode.error("a pathway needs at least one role") }
        let roles = try roleNodes.map { (node) throws(LoadError) in try readRole(node, items: items) }
        let routeNodes = try top.optional("routes").map { (node) throws(LoadError) in try bounded(node, Self.maximumRoutes, "routes") } ?? []
        let routes = try routeNodes.map { (node) throws(LoadError) in try readRoute(node, items: items) }

        var pathway = Pathway(
            id: try head.required("id").identifier(),
            title: try head.required("title").string(),
            organisation: organisation,
            payYear: try head.required("pay-year").string(),
            roles: roles, routes: routes,
            nonPeerTimeLimit: try head.optional("non-peer-time-limit").map { (n) throws(LoadError) in try percent(n) },
            domains: domains,
            allowances: try top.optional("language").map { (node) throws(LoadError) in try readAllowances(node) } ?? [],
            location: top.owner.location)
        pathway.signOff = try readSignOff(head)
        pathway.clauses = try head.optional("clauses").map { (node) throws(LoadError) in try readClauses(node) } ?? []
        pathway.payYearLocation = head.optional("pay-year")?.location
        if catalogueFolder != nil || head.optional("catalogue") != nil { pathway.catalogue = items.catalogue }
        if let contextNode = head.optional("national-context") {
            pathway.nationalContext = try NationalContextLoader.load(named: try contextNode.string(), beside: file, at: contextNode)
        }
        try checkTeams(pathway, roleNodes: roleNodes)
        do {
            try PathwayRules.check(pathway)
        } catch {
            throw locate(error, head: head, top: top, roleNodes: roleNodes, routeNodes: routeNodes)
        }
        return pathway
    }

    /// `language: {allow: [{rule: gender-coded, phrase: support, reason: …}]}`.
    private func readAllowances(_ node: YAMLNode) throws(LoadError) -> [Allowance] {
        try node.mapping(keys: ["allow"]).required("allow").sequence().map { (item) throws(LoadError) -> Allowance in
            let entry = try item.mapping(keys: ["rule", "phrase", "reason"])
            let ruleNode = try entry.required("rule")
            let rule = try ruleNode.oneOf(FindingCode.self)
            guard rule.family == .language else {
                let rules = FindingCode.allCases.filter { $0.family == .language }.map(\.rawValue).joined(separator: ", ")
                throw ruleNode.error("only language rules can be allowed; expected one of: \(rules)")
            }
            guard let reason = entry.optional("reason") else { throw item.error("an allowance needs a 'reason', which shows in the output") }
            return Allowance(rule: rule, phrase: try entry.optional("phrase")?.string(), reason: try reason.string(), location: item.location)
        }
    }

    private func percent(_ node: YAMLNode) throws(LoadError) -> Int {
        let value = try node.int()
        if let problem = PathwayRules.percentProblem(value) { throw node.error(problem) }
        return value
    }

    private func readRole(_ node: YAMLNode, items: ItemReader) throws(LoadError) -> Role {
        let map = try node.mapping(keys: Self.roleKeys)
        let bandNode = map.optional("expected-band")
        let band = try bandNode.map { (node) throws(LoadError) -> String in
            let band = try node.scalarText()
            guard scheme.band(named: band) != nil else {
                let known = scheme.bands.map(\.name).joined(separator: ", ")
                throw node.error("'\(band)' is not a band\(Suggestion.didYouMean(band, among: scheme.bands.map(\.name), then: "expected one of: \(known)"))")
            }
            return band
        }
        let tierNode = try map.required("tier")
        let tier = try tierNode.int()
        if let problem = PathwayRules.tierProblem(tier) { throw tierNode.error(problem) }
        let hoursNode = try map.required("hours")
        let hours = try hoursNode.double()
        if let problem = PathwayRules.hoursProblem(hours) { throw hoursNode.error(problem) }

        let supervisionMap = try map.required("supervision").mapping(keys: ["kind", "detail", "by"])
        let contractNode = try map.required("contract")
        let contractMap = try contractNode.mapping(keys: ["kind", "reason"])
        let contract = Contract(kind: try contractMap.required("kind").oneOf(Contract.Kind.self),
                                reason: try contractMap.optional("reason")?.string())
        if contract.kind == .fixedTerm && contract.reason == nil {
            throw contractNode.error("a fixed-term contract needs a 'reason'")
        }

        let dutiesNode = try map.required("duties")
        let duties = try bounded(dutiesNode, Self.maximumItemsPerRole, "duties").map { (node) throws(LoadError) in try items.duty(node) }
        guard !duties.isEmpty else { throw dutiesNode.error("a role needs at least one duty") }
        let environment = try map.optional("environment").map { (node) throws(LoadError) in try bounded(node, Self.maximumItemsPerRole, "environment facts") }?.map { (node) throws(LoadError) -> EnvironmentFact in
            let entry = try node.mapping(keys: ["text", "evidence", "frequency", "duration"])
            return EnvironmentFact(text: try entry.required("text").string(),
                                   evidence: try entry.optional("evidence").map { (n) throws(LoadError) in try items.evidence(n) } ?? [],
                                   location: node.location,
                                   frequency: try entry.optional("frequency")?.string(),
                                   duration: try entry.optional("duration")?.string())
        } ?? []
        let criteria = try bounded(map.required("criteria"), Self.maximumItemsPerRole, "criteria").map { (node) throws(LoadError) in try items.criterion(node) }
        let overrides = try map.optional("overrides").map { (node) throws(LoadError) in try readOverrides(node, items: items) } ?? []
        let ladderReasons = try map.optional("ladder-reasons").map { (node) throws(LoadError) in try readLadderReasons(node, items: items) } ?? []
        let waysIn = try map.optional("ways-in").map { (node) throws(LoadError) in try bounded(node, Self.maximumItemsPerRole, "ways in") }?.map { (node) throws(LoadError) -> WayIn in
            let requirements = try items.requirements(node.mapping(keys: ["requires", "needs"]))
            guard !requirements.isEmpty else { throw node.error("a way in needs 'requires' or 'needs'") }
            return WayIn(requirements: requirements, location: node.location)
        } ?? []

        var role = Role(
            id: try map.required("id").identifier(),
            title: try map.required("title").string(),
            kind: try map.required("kind").oneOf(Role.Kind.self),
            tier: tier,
            expectedBand: band,
            reportsTo: try readReportingLine(map.required("reports-to")),
            base: try map.required("base").string(),
            supervision: Supervision(kind: try supervisionMap.required("kind").oneOf(Supervision.Kind.self),
                                     detail: try supervisionMap.required("detail").string(),
                                     by: try supervisionMap.optional("by").map { (n) throws(LoadError) in try readReportingLine(n) }),
            contract: contract,
            hours: hours,
            purpose: try map.required("purpose").string(),
            duties: duties, environment: environment, criteria: criteria,
            overrides: overrides, ladderReasons: ladderReasons, waysIn: waysIn,
            nonPeerTime: try map.optional("non-peer-time").map { (n) throws(LoadError) in try percent(n) },
            location: node.location, bandLocation: bandNode?.location)
        if let teamNode = map.optional("team") {
            role.team = try readTeam(teamNode)
        }
        if let reasons = map.optional("scoring-reasons") {
            for (id, value) in try reasons.mapping(keys: Set(items.catalogue.duties.keys)).entries {
                role.scoringReasons[id] = try value.string()
            }
        }
        try readJobDetails(map, into: &role)
        return role
    }

    /// The keys a trust's job description needs beyond the job itself: reference, service, posts,
    /// working pattern, disclosure, relationships, shared experience, apprenticeship, clauses and
    /// the role's own version.
    private func readJobDetails(_ map: YAMLMapping, into role: inout Role) throws(LoadError) {
        role.reference = try map.optional("reference")?.string()
        role.service = try map.optional("service")?.string()
        if let node = map.optional("posts") {
            let posts = try node.mapping(keys: ["headcount", "wte"])
            let headcount = try posts.required("headcount")
            let wte = try posts.required("wte")
            let value = Posts(headcount: try headcount.int(), wholeTimeEquivalent: try wte.double())
            if let problem = PathwayRules.postsProblem(value) {
                throw (problem.key == "headcount" ? headcount : wte).error(problem.message)
            }
            role.posts = value
        }
        role.workingPattern = try map.optional("working-pattern")?.string()
        role.disclosure = try map.optional("disclosure")?.oneOf(Disclosure.self)
        if let node = map.optional("relationships") {
            let groups = try node.mapping(keys: ["internal", "external"])
            role.internalRelationships = try groups.optional("internal").map { (n) throws(LoadError) in try readRelationships(n) } ?? []
            role.externalRelationships = try groups.optional("external").map { (n) throws(LoadError) in try readRelationships(n) } ?? []
        }
        if let node = map.optional("shared-experience") {
            let entry = try node.mapping(keys: ["of", "show"])
            role.sharedExperience = SharedExperience(of: try entry.required("of").string(), show: try entry.optional("show")?.string())
        }
        if let node = map.optional("apprenticeship") {
            let entry = try node.mapping(keys: ["standard", "off-the-job", "pay-basis", "at-the-end"])
            let standard = try entry.required("standard")
            let reference = try standard.string()
            guard Self.isStandardReference(reference) else {
                throw standard.error("'\(reference.prefix(40))' is not an apprenticeship standard's reference; write it as on the standard, e.g. ST0896")
            }
            role.apprenticeship = ApprenticeshipTerms(standard: reference, offTheJob: try entry.optional("off-the-job")?.string(),
                                                      payBasis: try entry.optional("pay-basis")?.string(),
                                                      atTheEnd: try entry.optional("at-the-end")?.string())
        }
        role.clauses = try map.optional("clauses").map { (node) throws(LoadError) in try readClauses(node) } ?? []
        role.signOff = try readSignOff(map)
    }

    /// An apprenticeship standard's reference: `ST` and four digits (`ST0896`).
    static func isStandardReference(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 6 && bytes[0] == UInt8(ascii: "S") && bytes[1] == UInt8(ascii: "T")
            && bytes[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private func readRelationships(_ node: YAMLNode) throws(LoadError) -> [Relationship] {
        try bounded(node, Self.maximumItemsPerRole, "relationships").map { (item) throws(LoadError) in
            let entry = try item.mapping(keys: ["with", "about", "frequency"])
            return Relationship(with: try entry.required("with").string(), about: try entry.optional("about")?.string(),
                                frequency: try entry.optional("frequency")?.string())
        }
    }

    /// `clauses: [{id: smoke-free, text: …}, {id: vetting, heading: …, text: …}]`: an id of a
    /// default clause replaces its text; any other id adds a clause, which needs a heading.
    private func readClauses(_ node: YAMLNode) throws(LoadError) -> [Clause] {
        var seen: Set<String> = []
        return try bounded(node, Self.maximumItemsPerRole, "clauses").map { (item) throws(LoadError) in
            let entry = try item.mapping(keys: ["id", "heading", "text"])
            let idNode = try entry.required("id")
            let id = try idNode.identifier()
            guard seen.insert(id).inserted else { throw idNode.error("clause '\(id)' is given twice") }
            return Clause(id: id, heading: try entry.optional("heading")?.string(), text: try entry.required("text").string())
        }
    }

    /// `version`, `status`, `date`, `agreed-by` and `review-date` of a pathway or a role; nil when
    /// none is given.
    private func readSignOff(_ map: YAMLMapping) throws(LoadError) -> SignOff? {
        guard Self.signOffKeys.contains(where: { map.optional($0) != nil }) else { return nil }
        let versionNode = try map.required("version")
        let version = try versionNode.scalarText().trimmed()
        guard !version.isEmpty else { throw versionNode.error("'version' is empty") }
        let agreedBy = try map.optional("agreed-by").map { (node) throws(LoadError) in
            try bounded(node, 20, "agreements").map { (item) throws(LoadError) -> SignOff.Agreement in
                let entry = try item.mapping(keys: ["who", "date"])
                return SignOff.Agreement(who: try entry.required("who").string(), date: try date(entry.required("date"), key: "date"))
            }
        } ?? []
        let signOff = SignOff(version: version, status: try map.required("status").oneOf(SignOff.Status.self),
                              date: try map.optional("date").map { (n) throws(LoadError) in try date(n, key: "date") },
                              agreedBy: agreedBy,
                              reviewDate: try map.optional("review-date").map { (n) throws(LoadError) in try date(n, key: "review-date") })
        if let problem = PathwayRules.signOffProblem(signOff) {
            throw (map.optional(problem.key) ?? map.owner).error(problem.message)
        }
        return signOff
    }

    private func date(_ node: YAMLNode, key: String) throws(LoadError) -> CalendarDate {
        let text = try node.scalarText()
        guard let date = CalendarDate(parsing: text) else { throw node.error(CalendarDate.problem(text, key: key)!) }
        return date
    }

    /// `team: [{role: id, count: 2}, {title: …, count: 40, through: id}]`: who the postholder manages.
    private func readTeam(_ node: YAMLNode) throws(LoadError) -> [TeamMember] {
        try bounded(node, Self.maximumItemsPerRole, "team entries").map { (item) throws(LoadError) -> TeamMember in
            let entry = try item.mapping(keys: ["role", "title", "count", "through"])
            let role = try entry.optional("role")?.identifier()
            let title = try entry.optional("title")?.string()
            guard (role == nil) != (title == nil) else {
                throw item.error("a team entry names either a 'role' of the pathway or a 'title', not both or neither")
            }
            let countNode = try entry.required("count")
            let count = try countNode.int()
            guard (1...100_000).contains(count) else { throw countNode.error("'count' is how many posts, from 1 to 100000") }
            return TeamMember(role: role, title: title, count: count, through: try entry.optional("through")?.identifier(),
                              location: item.location)
        }
    }

    /// Each team entry's role reports to the role whose team it is, and each `through` names a
    /// role entry of the same team.
    private func checkTeams(_ pathway: Pathway, roleNodes: [YAMLNode]) throws(LoadError) {
        for role in pathway.roles {
            for member in role.team {
                func fail(_ message: String) -> LoadError {
                    member.location.map { LoadError(at: $0, message) } ?? LoadError(file: pathway.location?.file ?? "", message: message)
                }
                if let id = member.role {
                    guard let other = pathway.role(id) else {
                        throw fail("no role '\(id)' in this pathway\(Suggestion.didYouMean(id, among: pathway.roles.map(\.id), then: ""))")
                    }
                    guard other.reportsTo == .role(role.id) else {
                        throw fail("'\(id)' does not report to '\(role.id)', so it is not in its team; name posts managed through another role with 'title' and 'through'")
                    }
                }
                if let through = member.through {
                    guard member.role == nil else { throw fail("'through' is for posts named by 'title'; a role of the pathway reports to its own manager") }
                    guard role.team.contains(where: { $0.role == through }) else {
                        throw fail("'through: \(through)' names no 'role' entry of this team")
                    }
                }
            }
        }
    }

    private func readReportingLine(_ node: YAMLNode) throws(LoadError) -> ReportingLine {
        if case .mapping = node.node.content {
            let map = try node.mapping(keys: ["post"])
            return .post(try map.required("post").string())
        }
        return .role(try node.identifier())
    }

    /// `{F8: {level: 3, reason: …}}`: a stated level per factor, each with its reason.
    private func readOverrides(_ node: YAMLNode, items: ItemReader) throws(LoadError) -> [Override] {
        var overrides: [Override] = []
        for (key, value) in try node.mapping(keys: items.factorKeys).entries {
            let factor = scheme.factor(Int(key.dropFirst())!)!
            let entry = try value.mapping(keys: ["level", "reason"])
            guard let reasonNode = entry.optional("reason") else {
                throw value.error("the override of \(key) needs a written 'reason' for the panel")
            }
            overrides.append(Override(factor: factor.number, level: try items.level(entry.required("level"), of: factor, key: key),
                                      reason: try reasonNode.string(), location: value.location))
        }
        return overrides
    }

    /// `{band: …, F6: …}`: why this role may sit lower than the role it progresses from.
    private func readLadderReasons(_ node: YAMLNode, items: ItemReader) throws(LoadError) -> [LadderReason] {
        try node.mapping(keys: items.factorKeys.union(["band"])).entries.map { (key, value) throws(LoadError) in
            LadderReason(factor: key == "band" ? nil : Int(key.dropFirst()), reason: try value.string(), location: value.location)
        }
    }

    private func readRoute(_ node: YAMLNode, items: ItemReader) throws(LoadError) -> Route {
        let map = try node.mapping(keys: ["from", "to", "requires", "needs"])
        return Route(from: try map.required("from").identifier(),
                     to: try map.required("to").identifier(),
                     requirements: try items.requirements(map),
                     location: node.location)
    }

    /// The line a broken rule concerns: the key it names, else the role, route or head it is in.
    private func locate(_ violation: RuleViolation, head: YAMLMapping, top: YAMLMapping,
                        roleNodes: [YAMLNode], routeNodes: [YAMLNode]) -> LoadError {
        func at(_ node: YAMLNode, _ key: String, _ keys: Set<String>) -> LoadError {
            let map = try? node.mapping(keys: keys)
            return (map?.optional(key) ?? node).error(violation.message)
        }
        switch violation.place {
        case .pathway(let key):
            return (head.optional(key) ?? top.optional(key) ?? head.owner).error(violation.message)
        case .role(let index, let key):
            return at(roleNodes[index], key, Self.roleKeys)
        case .route(let index, let key):
            return at(routeNodes[index], key, ["from", "to", "requires", "needs"])
        }
    }
}
