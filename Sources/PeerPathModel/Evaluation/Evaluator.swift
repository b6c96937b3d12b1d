extension Scheme {
    /// Evaluates a role: for each factor, the highest level its duties and environment facts
    /// evidence (level 1 where nothing does); points per level from the scheme; the band of the total.
    /// Where the highest claim is a range, the upper end counts and the range is kept.
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
            result(for: factor, claims: claims[factor.number] ?? [])
        }
        return evaluation(roleID: role.id, factors: results)
    }

    /// Evaluates a bare profile: one level per factor, in factor order (as national profiles are given).
    public func evaluate(levels: [Int], roleID: String = "profile") -> RoleEvaluation {
        let results = zip(factors, levels).map { factor, level in
            FactorResult(factor: factor.number, name: factor.name, level: LevelClaim(level),
                         points: factor.points(atLevel: level), evidence: [])
        }
        return evaluation(roleID: roleID, factors: results)
    }

    private func evaluation(roleID: String, factors results: [FactorResult]) -> RoleEvaluation {
        let total = results.reduce(0) { $0 + $1.points }
        return RoleEvaluation(roleID: roleID, factors: results, points: total, placement: placement(ofPoints: total))
    }

    private func result(for factor: Factor, claims: [(LevelClaim, EvidenceSource)]) -> FactorResult {
        guard let top = claims.map(\.0.high).max() else {
            return FactorResult(factor: factor.number, name: factor.name, level: LevelClaim(1),
                                points: factor.points(atLevel: 1), evidence: [])
        }
        let reaching = claims.filter { $0.0.high == top }
        // Prefer an exact level over a range, and keep the first sub-level met.
        let level = reaching.first(where: { !$0.0.isRange })?.0 ?? reaching[0].0
        var sources: [EvidenceSource] = []
        for (_, source) in reaching where !sources.contains(source) { sources.append(source) }
        return FactorResult(factor: factor.number, name: factor.name, level: level,
                            points: factor.points(atLevel: top), evidence: sources)
    }
}
