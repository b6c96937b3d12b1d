extension Scheme {
    /// Evaluates a role: for each factor, the highest level its duties and environment facts
    /// evidence (level 1 where nothing does), unless the pathway overrides it with a reason; points
    /// per level from the scheme; the band of the total. A range counts at its upper end for the
    /// band, and its lower end is kept and totalled too.
    public func evaluate(_ role: Role) -> RoleEvaluation {
        var claims: [Int: [(LevelClaim, EvidenceSource)]] = [:]
        for area in role.dutyAreas {
            for numbered in area.duties {
                for evidence in numbered.duty.evidence {
                    claims[evidence.factor, default: []].append((evidence.level, .duty(numbered.number)))
                }
            }
        }
        for (index, fact) in role.environment.enumerated() {
            for evidence in fact.evidence {
                claims[evidence.factor, default: []].append((evidence.level, .environment(index + 1)))
            }
        }
        let results = factors.map { factor in
            result(for: factor, claims: claims[factor.number] ?? [], override: role.override(of: factor.number))
        }
        return evaluation(roleID: role.id, factors: results)
    }

    /// Evaluates a bare profile: one level per factor, in factor order (as national profiles are given).
    public func evaluate(levels: [Int], roleID: String = "profile") -> RoleEvaluation {
        let results = zip(factors, levels).map { factor, level in
            FactorResult(factor: factor.number, name: factor.name, level: LevelClaim(level), evidencedLevel: LevelClaim(level),
                         points: factor.points(atLevel: level), lowestPoints: factor.points(atLevel: level), evidence: [])
        }
        return evaluation(roleID: roleID, factors: results)
    }

    /// The total of a set of factor levels (upper ends), for sensitivity questions.
    public func points(of levels: [Int: Int]) -> Int {
        factors.reduce(0) { $0 + $1.points(atLevel: levels[$1.number] ?? 1) }
    }

    private func evaluation(roleID: String, factors results: [FactorResult]) -> RoleEvaluation {
        let total = results.reduce(0) { $0 + $1.points }
        let lowest = results.reduce(0) { $0 + $1.lowestPoints }
        return RoleEvaluation(roleID: roleID, factors: results, points: total, placement: placement(ofPoints: total),
                              lowestPoints: lowest, lowestPlacement: placement(ofPoints: lowest))
    }

    private func result(for factor: Factor, claims: [(LevelClaim, EvidenceSource)], override: Override?) -> FactorResult {
        var evidenced = LevelClaim(1)
        var sources: [EvidenceSource] = []
        if let top = claims.map(\.0.high).max() {
            let reaching = claims.filter { $0.0.high == top }
            // Prefer an exact level over a range, and keep the first sub-level met.
            evidenced = reaching.first(where: { !$0.0.isRange })?.0 ?? reaching[0].0
            for (_, source) in reaching where !sources.contains(source) { sources.append(source) }
        }
        let level = override?.level ?? evidenced
        return FactorResult(factor: factor.number, name: factor.name, level: level, evidencedLevel: evidenced,
                            override: override, points: factor.points(atLevel: level.high),
                            lowestPoints: factor.points(atLevel: level.low), evidence: sources)
    }
}
