import PeerPathModel

/// Reads `data/evidence-cues.yaml`: for each factor level what a claim's words must show, and the
/// kinds of person specification criterion. Checks every factor, level and letter against the scheme.
public enum EvidenceCueLoader {
    public static func load(file: String, scheme: Scheme) throws(LoadError) -> EvidenceCues {
        let top = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["groups", "factors", "criteria"])
        // Each group's cues, made once however many needs name the group.
        var groups: [String: [Cue]] = [:]
        if let node = top.optional("groups") {
            var names: Set<String> = []
            if case .mapping(let pairs) = node.node.content {
                for pair in pairs { if let scalar = pair.key.scalar { names.insert(scalar.string) } }
            }
            for (name, list) in try node.mapping(keys: names).entries {
                groups[name] = try list.sequence().map { (n) throws(LoadError) in try n.scalarText() }.compactMap(Cue.init)
            }
        }
        func need(_ node: YAMLNode) throws(LoadError) -> CueNeed {
            try need(node.mapping(keys: ["what", "any"]), at: node)
        }
        func need(_ entry: YAMLMapping, at node: YAMLNode) throws(LoadError) -> CueNeed {
            var cues: [Cue] = []
            for item in try entry.required("any").sequence() {
                let phrase = try item.scalarText()
                if phrase.hasPrefix("@") {
                    guard let group = groups[String(phrase.dropFirst())] else {
                        throw item.error("no group '\(phrase.dropFirst())'; the groups are: \(groups.keys.sorted().joined(separator: ", "))")
                    }
                    cues += group
                } else {
                    guard let cue = Cue(phrase) else { throw item.error("'\(phrase)' has no word to look for") }
                    cues.append(cue)
                }
            }
            guard !cues.isEmpty else { throw node.error("a need has at least one cue in 'any'") }
            return CueNeed(what: try entry.required("what").string(), cues: cues)
        }
        func needs(_ node: YAMLNode?) throws(LoadError) -> [CueNeed] {
            try node.map { (n) throws(LoadError) in try n.sequence().map { (item) throws(LoadError) in try need(item) } } ?? []
        }
        func factor(_ node: YAMLNode) throws(LoadError) -> Factor {
            let number = try node.int()
            guard let factor = scheme.factor(number) else { throw node.error("there is no factor \(number)") }
            return factor
        }

        var levels: [Int: [Int: LevelCues]] = [:]
        for node in try top.optional("factors")?.sequence() ?? [] {
            let entry = try node.mapping(keys: ["factor", "levels"])
            let factor = try factor(entry.required("factor"))
            guard levels[factor.number] == nil else { throw node.error("factor \(factor.number) is given twice") }
            var byLevel: [Int: LevelCues] = [:]
            for (key, value) in try entry.required("levels").mapping(keys: Set(factor.levels.map(String.init))).entries {
                let level = Int(key)!
                let map = try value.mapping(keys: ["needs", "letters", "never"])
                var letters: [String: [CueNeed]] = [:]
                if let lettersNode = map.optional("letters") {
                    let valid = factor.letters(atLevel: level)
                    guard !valid.isEmpty else { throw lettersNode.error("factor \(factor.number) level \(level) has no lettered alternatives") }
                    for (letter, list) in try lettersNode.mapping(keys: Set(valid)).entries {
                        letters[letter] = try needs(list)
                    }
                }
                byLevel[level] = LevelCues(needs: try needs(map.optional("needs")), letters: letters, never: try needs(map.optional("never")))
            }
            levels[factor.number] = byLevel
        }

        var criteria: [CriterionCue] = []
        for node in try top.optional("criteria")?.sequence() ?? [] {
            let entry = try node.mapping(keys: ["factor", "what", "any", "asks", "supports", "needed-by"])
            let factor = try factor(entry.required("factor"))
            let asksNode = try entry.required("asks")
            let asks = try asksNode.int()
            guard factor.levels.contains(asks) else { throw asksNode.error("factor \(factor.number) has no level \(asks)") }
            let supports = try entry.optional("supports").map { (n) throws(LoadError) -> Int in
                let level = try n.int()
                guard factor.levels.contains(level) else { throw n.error("factor \(factor.number) has no level \(level)") }
                return level
            }
            let neededBy = try entry.optional("needed-by")?.sequence().map { (n) throws(LoadError) -> LevelClaim in
                let text = try n.scalarText()
                guard let claim = LevelClaim(parsing: text), !claim.isRange, factor.problem(with: claim) == nil else {
                    throw n.error("'\(text)' is not a level of factor \(factor.number)")
                }
                return claim
            } ?? []
            let whatAndAny = try need(entry, at: node)
            criteria.append(CriterionCue(factor: factor.number, need: whatAndAny, asks: asks, supports: supports, neededBy: neededBy))
        }
        return EvidenceCues(levels: levels, criteria: criteria)
    }
}
