import PeerPathModel

/// Reads a pathway file (YAML) into the model, checking every value against the scheme and the
/// pathway's own roles. The first problem ends the load with a located message.
public struct PathwayLoader: Sendable {
    public let scheme: Scheme

    public init(scheme: Scheme) {
        self.scheme = scheme
    }

    public func load(file: String) throws(LoadError) -> Pathway {
        try load(SourceText(contentsOf: file))
    }

    /// Loads from text already in memory; `file` names it in messages.
    public func load(text: String, file: String) throws(LoadError) -> Pathway {
        let data = Array(text.utf8)
        return try load(SourceText(file: file, text: SourceText.decode(.init(data), file: file)))
    }

    private func load(_ source: SourceText) throws(LoadError) -> Pathway {
        let root = try YAMLNode.parse(source)
        let top = try root.mapping(keys: ["pathway", "roles", "routes"])
        let head = try top.required("pathway").mapping(keys: ["id", "title", "organisation", "pay-year"])
        let organisationNode = try head.required("organisation").mapping(keys: ["name", "sector"])
        let organisation = Organisation(
            name: try organisationNode.required("name").string(),
            sector: try organisationNode.required("sector").oneOf(Organisation.Sector.self))

        let rolesNode = try top.required("roles")
        let roleNodes = try rolesNode.sequence()
        guard !roleNodes.isEmpty else { throw rolesNode.error("a pathway needs at least one role") }
        var roles: [Role] = []
        for node in roleNodes {
            let role = try readRole(node)
            if roles.contains(where: { $0.id == role.id }) {
                throw node.error("role id '\(role.id)' is used twice")
            }
            roles.append(role)
        }
        let routeNodes = try top.optional("routes")?.sequence() ?? []
        let routes = try routeNodes.map { (node) throws(LoadError) in try readRoute(node) }

        let pathway = Pathway(
            id: try head.required("id").identifier(),
            title: try head.required("title").string(),
            organisation: organisation,
            payYear: try head.required("pay-year").string(),
            roles: roles, routes: routes, location: top.owner.location)
        try checkReferences(pathway, roleNodes: roleNodes, routeNodes: routeNodes)
        return pathway
    }

    private func readRole(_ node: YAMLNode) throws(LoadError) -> Role {
        let map = try node.mapping(keys: Self.roleKeys)
        let bandNode = try map.required("expected-band")
        let band = try bandNode.scalarText()
        guard scheme.band(named: band) != nil else {
            let known = scheme.bands.map(\.name).joined(separator: ", ")
            throw bandNode.error("'\(band)' is not a band; expected one of: \(known)")
        }
        let tierNode = try map.required("tier")
        let tier = try tierNode.int()
        guard tier >= 1 else { throw tierNode.error("'tier' must be 1 or more (1 is the entry role)") }
        let hoursNode = try map.required("hours")
        let hours = try hoursNode.double()
        guard hours > 0, hours <= 48 else { throw hoursNode.error("'hours' must be more than 0 and at most 48 a week") }

        let supervisionMap = try map.required("supervision").mapping(keys: ["kind", "detail"])
        let contractNode = try map.required("contract")
        let contractMap = try contractNode.mapping(keys: ["kind", "reason"])
        let contract = Contract(kind: try contractMap.required("kind").oneOf(Contract.Kind.self),
                                reason: try contractMap.optional("reason")?.string())
        if contract.kind == .fixedTerm && contract.reason == nil {
            throw contractNode.error("a fixed-term contract needs a 'reason'")
        }

        let duties = try map.required("duties").sequence().map { (node) throws(LoadError) in try readDuty(node) }
        guard !duties.isEmpty else { throw map.owner.error("a role needs at least one duty") }
        let environment = try map.optional("environment")?.sequence().map { (node) throws(LoadError) -> EnvironmentFact in
            let entry = try node.mapping(keys: ["text", "evidence"])
            return EnvironmentFact(text: try entry.required("text").string(),
                                   evidence: try entry.optional("evidence").map { (n) throws(LoadError) in try readEvidence(n) } ?? [],
                                   location: node.location)
        } ?? []
        let criteria = try map.required("criteria").sequence().map { (node) throws(LoadError) in try readCriterion(node) }
        let overrides = try map.optional("overrides").map { (node) throws(LoadError) in try readOverrides(node) } ?? []
        let ladderReasons = try map.optional("ladder-reasons").map { (node) throws(LoadError) in try readLadderReasons(node) } ?? []

        return Role(
            id: try map.required("id").identifier(),
            title: try map.required("title").string(),
            tier: tier,
            expectedBand: band,
            reportsTo: try readReportingLine(map.required("reports-to")),
            base: try map.required("base").string(),
            supervision: Supervision(kind: try supervisionMap.required("kind").oneOf(Supervision.Kind.self),
                                     detail: try supervisionMap.required("detail").string()),
            contract: contract,
            hours: hours,
            purpose: try map.required("purpose").string(),
            duties: duties, environment: environment, criteria: criteria,
            overrides: overrides, ladderReasons: ladderReasons,
            location: node.location, bandLocation: bandNode.location)
    }

    private func readReportingLine(_ node: YAMLNode) throws(LoadError) -> ReportingLine {
        if case .mapping = node.node {
            let map = try node.mapping(keys: ["post"])
            return .post(try map.required("post").string())
        }
        return .role(try node.identifier())
    }

    private func readDuty(_ node: YAMLNode) throws(LoadError) -> Duty {
        let map = try node.mapping(keys: ["area", "text", "evidence"])
        return Duty(area: try map.required("area").string(),
                    text: try map.required("text").string(),
                    evidence: try readEvidence(map.required("evidence")),
                    location: node.location)
    }

    private var factorKeys: Set<String> { Set(scheme.factors.map { "F\($0.number)" }) }

    /// `{F1: 4a, F15: 3}`: factor to level, checked against the scheme.
    private func readEvidence(_ node: YAMLNode) throws(LoadError) -> [FactorEvidence] {
        let map = try node.mapping(keys: factorKeys)
        var evidence: [FactorEvidence] = []
        for (key, value) in map.entries {
            let factor = scheme.factor(Int(key.dropFirst())!)!
            evidence.append(FactorEvidence(factor: factor.number, level: try readLevel(value, of: factor, key: key),
                                           location: value.location))
        }
        return evidence
    }

    private func readLevel(_ value: YAMLNode, of factor: Factor, key: String) throws(LoadError) -> LevelClaim {
        let text = try value.scalarText()
        guard let level = LevelClaim(parsing: text) else {
            throw value.error("'\(text)' is not a level for \(key); write a level (3), a level and sub-level (4a) or a range (2-3)")
        }
        guard factor.levels.contains(level.low), factor.levels.contains(level.high) else {
            throw value.error("level \(level) is outside factor \(factor.number) (\(factor.name)), which has levels 1 to \(factor.levels.upperBound)")
        }
        return level
    }

    /// `{F8: {level: 3, reason: …}}`: a stated level per factor, each with its reason.
    private func readOverrides(_ node: YAMLNode) throws(LoadError) -> [Override] {
        var overrides: [Override] = []
        for (key, value) in try node.mapping(keys: factorKeys).entries {
            let factor = scheme.factor(Int(key.dropFirst())!)!
            let entry = try value.mapping(keys: ["level", "reason"])
            guard let reasonNode = entry.optional("reason") else {
                throw value.error("the override of \(key) needs a written 'reason' for the panel")
            }
            overrides.append(Override(factor: factor.number, level: try readLevel(entry.required("level"), of: factor, key: key),
                                      reason: try reasonNode.string(), location: value.location))
        }
        return overrides
    }

    /// `{band: …, F6: …}`: why this role may sit lower than the role it progresses from.
    private func readLadderReasons(_ node: YAMLNode) throws(LoadError) -> [LadderReason] {
        try node.mapping(keys: factorKeys.union(["band"])).entries.map { (key, value) throws(LoadError) in
            LadderReason(factor: key == "band" ? nil : Int(key.dropFirst()), reason: try value.string(), location: value.location)
        }
    }

    private func readCriterion(_ node: YAMLNode) throws(LoadError) -> Criterion {
        let map = try node.mapping(keys: ["category", "text", "need", "assessed", "lived-experience"])
        let assessedNode = try map.required("assessed")
        let assessed = try assessedNode.sequence().map { (n) throws(LoadError) in try n.oneOf(Criterion.Assessment.self) }
        guard !assessed.isEmpty else { throw assessedNode.error("say how the criterion is assessed (application, interview, …)") }
        return Criterion(category: try map.required("category").oneOf(Criterion.Category.self),
                         text: try map.required("text").string(),
                         need: try map.required("need").oneOf(Criterion.Need.self),
                         assessed: assessed,
                         livedExperience: try map.optional("lived-experience")?.bool() ?? false,
                         location: node.location)
    }

    private func readRoute(_ node: YAMLNode) throws(LoadError) -> Route {
        let map = try node.mapping(keys: ["from", "to", "needs"])
        return Route(from: try map.required("from").identifier(),
                     to: try map.required("to").identifier(),
                     needs: try map.optional("needs")?.sequence().map { (n) throws(LoadError) in try n.string() } ?? [],
                     location: node.location)
    }

    /// Every role named by a reporting line or a route must exist, and reporting lines must not loop.
    private func checkReferences(_ pathway: Pathway, roleNodes: [YAMLNode], routeNodes: [YAMLNode]) throws(LoadError) {
        let ids = Set(pathway.roles.map(\.id))
        for (role, node) in zip(pathway.roles, roleNodes) {
            if case .role(let manager) = role.reportsTo {
                let at = try node.mapping(keys: Self.roleKeys).required("reports-to")
                guard ids.contains(manager) else {
                    throw at.error("'reports-to' names '\(manager)', which is not a role in this pathway; use a role id or {post: …} for a post outside it")
                }
                guard manager != role.id else { throw at.error("role '\(role.id)' cannot report to itself") }
            }
        }
        for (route, node) in zip(pathway.routes, routeNodes) {
            for (key, end) in [("from", route.from), ("to", route.to)] where !ids.contains(end) {
                let at = try node.mapping(keys: ["from", "to", "needs"]).required(key)
                throw at.error("route names '\(end)', which is not a role in this pathway")
            }
        }
        for role in pathway.roles {
            var seen: [String] = [role.id]
            var current = role
            while case .role(let manager) = current.reportsTo, let next = pathway.role(manager) {
                if seen.contains(next.id) {
                    throw LoadError(at: role.location!, "reporting lines form a loop: \((seen + [next.id]).joined(separator: " → "))")
                }
                seen.append(next.id)
                current = next
            }
        }
    }

    private static let roleKeys: Set<String> = ["id", "title", "tier", "expected-band", "reports-to", "base",
                                                "supervision", "contract", "hours", "purpose", "duties",
                                                "environment", "criteria", "overrides", "ladder-reasons"]
}
