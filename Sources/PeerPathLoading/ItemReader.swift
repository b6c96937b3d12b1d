import PeerPathModel

/// Reads the items pathways and the catalogue share — duties, criteria, evidence, domains,
/// requirements — checking factors and levels against the scheme and domains against the framework,
/// and resolving `use:` against the catalogue.
struct ItemReader {
    let scheme: Scheme
    let domains: [CompetenceDomain]
    var catalogue: Catalogue = .empty
    /// `F1` … `F16`: the keys of evidence, overrides and ladder reasons, made once.
    let factorKeys: Set<String>

    init(scheme: Scheme, domains: [CompetenceDomain]) {
        self.scheme = scheme
        self.domains = domains
        factorKeys = Set(scheme.factors.map { "F\($0.number)" })
    }

    // MARK: Duties

    func catalogueDuty(_ node: YAMLNode) throws(LoadError) -> (String, Duty) {
        let map = try node.mapping(keys: ["id", "area", "text", "evidence", "domains"])
        let id = try map.required("id").identifier()
        return (id, Duty(area: try map.required("area").string(), text: try map.required("text").string(),
                         evidence: try evidence(map.required("evidence")), domains: try domainList(map.required("domains")),
                         catalogueID: id, location: node.location))
    }

    /// A pathway's duty: `{use: id}` with optional `text`, `evidence` and `area`, or its own duty.
    /// A changed `text` keeps the catalogue's evidence and domains unless `evidence` is given too.
    func duty(_ node: YAMLNode) throws(LoadError) -> Duty {
        if node.hasKey("use") {
            let use = try node.mapping(keys: ["use", "text", "evidence", "area"])
            let idNode = try use.required("use")
            let id = try idNode.identifier()
            guard var duty = catalogue.duties[id] else {
                throw idNode.error("no duty '\(id)' in the catalogue\(catalogue.duties.isEmpty ? " (does the pathway name its 'catalogue' folder?)" : Suggestion.didYouMean(id, among: catalogue.duties.keys))")
            }
            if let replacement = use.optional("evidence") { duty.evidence = try evidence(replacement) }
            if let area = use.optional("area") { duty.area = try area.string() }
            if let text = use.optional("text") { duty.text = try text.string() }
            duty.location = node.location
            return duty
        }
        let map = try node.mapping(keys: ["area", "text", "evidence", "domains"])
        return Duty(area: try map.required("area").string(), text: try map.required("text").string(),
                    evidence: try evidence(map.required("evidence")),
                    domains: try map.optional("domains").map { (n) throws(LoadError) in try domainList(n) } ?? [],
                    location: node.location)
    }

    // MARK: Criteria

    private static let criterionKeys: Set<String> = ["category", "text", "need", "assessed", "lived-experience", "domains"]
    private static let catalogueCriterionKeys = criterionKeys.union(["id"])

    func catalogueCriterion(_ node: YAMLNode) throws(LoadError) -> (String, Criterion) {
        let map = try node.mapping(keys: Self.catalogueCriterionKeys)
        let id = try map.required("id").identifier()
        var criterion = try criterionFields(map, node: node)
        criterion.catalogueID = id
        return (id, criterion)
    }

    /// A pathway's criterion: `{use: id}` with optional `need` and `assessed`, or its own.
    func criterion(_ node: YAMLNode) throws(LoadError) -> Criterion {
        if node.hasKey("use") {
            let use = try node.mapping(keys: ["use", "need", "assessed"])
            let idNode = try use.required("use")
            let id = try idNode.identifier()
            guard var criterion = catalogue.criteria[id] else {
                throw idNode.error("no criterion '\(id)' in the catalogue\(catalogue.criteria.isEmpty ? " (does the pathway name its 'catalogue' folder?)" : Suggestion.didYouMean(id, among: catalogue.criteria.keys))")
            }
            if let need = use.optional("need") { criterion.need = try need.oneOf(Criterion.Need.self) }
            if let assessed = use.optional("assessed") { criterion.assessed = try assessments(assessed) }
            criterion.location = node.location
            return criterion
        }
        return try criterionFields(try node.mapping(keys: Self.criterionKeys), node: node)
    }

    private func criterionFields(_ map: YAMLMapping, node: YAMLNode) throws(LoadError) -> Criterion {
        Criterion(category: try map.required("category").oneOf(Criterion.Category.self),
                  text: try map.required("text").string(),
                  need: try map.required("need").oneOf(Criterion.Need.self),
                  assessed: try assessments(map.required("assessed")),
                  livedExperience: try map.optional("lived-experience")?.bool() ?? false,
                  domains: try map.optional("domains").map { (n) throws(LoadError) in try domainList(n) } ?? [],
                  location: node.location)
    }

    private func assessments(_ node: YAMLNode) throws(LoadError) -> [Criterion.Assessment] {
        let assessed = try node.sequence().map { (n) throws(LoadError) in try n.oneOf(Criterion.Assessment.self) }
        guard !assessed.isEmpty else { throw node.error("say how the criterion is assessed (application, interview, …)") }
        return assessed
    }

    // MARK: Evidence, levels, domains, requirements

    /// `{F1: 4a, F15: 3}`: factor to level, checked against the scheme.
    func evidence(_ node: YAMLNode) throws(LoadError) -> [FactorEvidence] {
        var evidence: [FactorEvidence] = []
        for (key, value) in try node.mapping(keys: factorKeys).entries {
            let factor = scheme.factor(Int(key.dropFirst())!)!
            evidence.append(FactorEvidence(factor: factor.number, level: try level(value, of: factor, key: key),
                                           location: value.location))
        }
        return evidence
    }

    func level(_ value: YAMLNode, of factor: Factor, key: String) throws(LoadError) -> LevelClaim {
        let text = try value.scalarText()
        guard let level = LevelClaim(parsing: text) else {
            throw value.error("'\(text)' is not a level for \(key); write a level (3), a level and sub-level (4a) or a range (2-3)")
        }
        if let problem = factor.problem(with: level) { throw value.error(problem) }
        return level
    }

    func domainList(_ node: YAMLNode) throws(LoadError) -> [String] {
        try node.sequence().map { (item) throws(LoadError) in
            let id = try item.identifier()
            guard domains.contains(where: { $0.id == id }) else {
                throw item.error("'\(id)' is not a competence domain\(Suggestion.didYouMean(id, among: domains.map(\.id), then: "expected one of: \(domains.map(\.id).joined(separator: ", "))"))")
            }
            return id
        }
    }

    /// `requires: [ids]` from the catalogue, then `needs: [text]` of the pathway's own.
    func requirements(_ map: YAMLMapping) throws(LoadError) -> [Requirement] {
        var requirements: [Requirement] = []
        let requires = try map.optional("requires")?.sequence() ?? []
        let needs = try map.optional("needs")?.sequence() ?? []
        guard requires.count + needs.count <= 300 else {
            throw map.owner.error("more than 300 requirements in one step")
        }
        for node in requires {
            let id = try node.identifier()
            guard let requirement = catalogue.requirements[id] else {
                throw node.error("no requirement '\(id)' in the catalogue\(catalogue.requirements.isEmpty ? " (does the pathway name its 'catalogue' folder?)" : Suggestion.didYouMean(id, among: catalogue.requirements.keys))")
            }
            requirements.append(requirement)
        }
        for node in needs {
            requirements.append(Requirement(id: nil, kind: nil, text: try node.string()))
        }
        return requirements
    }
}
