/// Job evaluation checks on each role and up the ladder: the band is the one expected, inside the
/// scheme and not on a knife edge; overrides agree with the evidence; nothing drops going up.
public struct LadderChecks: Sendable {
    public let scheme: Scheme

    /// Totals this close to a band boundary (fewer points of margin) are borderline.
    public static let borderlineMargin = 5

    public init(scheme: Scheme) {
        self.scheme = scheme
    }

    public func findings(for pathway: Pathway, evaluations: [String: RoleEvaluation]) -> [Finding] {
        var findings: [Finding] = []
        for role in pathway.roles {
            guard let evaluation = evaluations[role.id] else { continue }
            findings += bandFindings(role, evaluation, pathway: pathway, evaluations: evaluations)
            findings += overrideFindings(role, evaluation)
            findings += rangeFindings(role, evaluation)
            var earlier: [(Role, RoleEvaluation)] = []
            for route in pathway.routes(to: role.id) {
                guard let previous = pathway.role(route.from), let before = evaluations[previous.id] else { continue }
                findings += dropFindings(role, evaluation, previous: previous, before: before)
                earlier.append((previous, before))
            }
            findings += unneededReasons(role, evaluation, earlier: earlier)
        }
        return findings
    }

    /// A note for each ladder reason that excuses nothing: no role with a route into this one is
    /// higher on the band, or on the factor, the reason is given for.
    private func unneededReasons(_ role: Role, _ evaluation: RoleEvaluation, earlier: [(Role, RoleEvaluation)]) -> [Finding] {
        role.ladderReasons.compactMap { reason -> Finding? in
            let key = reason.factor.map { "F\($0)" } ?? "band"
            let what = reason.factor.map { factor in "factor \(factor) (\(scheme.factor(factor)?.name ?? "factor \(factor)"))" } ?? "the band"
            guard !earlier.isEmpty else {
                return Finding(.ladderReasonUnneeded, .note,
                    "\(role.title) gives a reason under 'ladder-reasons: \(key)', but no route leads to it, so there is no drop on \(what) to excuse; the reason can go",
                    role: role.id, at: reason.location ?? role.location)
            }
            let here: String
            let higher: [String]
            if let factor = reason.factor {
                let level = evaluation.factor(factor)?.level.high ?? 1
                here = "level \(level)"
                higher = earlier.filter { ($0.1.factor(factor)?.level.high ?? 1) > level }.map(\.0.title)
            } else {
                here = "\(evaluation.placement)"
                higher = earlier.filter { rank($0.1.placement) > rank(evaluation.placement) }.map(\.0.title)
            }
            guard higher.isEmpty else { return nil }
            let others = earlier.map { previous, before -> String in
                let there = reason.factor.map { "level \(before.factor($0)?.level.high ?? 1)" } ?? "\(before.placement)"
                return "\(previous.title) \(there)"
            }.joined(separator: ", ")
            return Finding(.ladderReasonUnneeded, .note,
                "\(role.title) gives a reason under 'ladder-reasons: \(key)', but it does not drop on \(what): it is at \(here), and the roles leading to it are no higher (\(others)); the reason can go",
                role: role.id, at: reason.location ?? role.location)
        }
    }

    private func bandFindings(_ role: Role, _ evaluation: RoleEvaluation, pathway: Pathway, evaluations: [String: RoleEvaluation]) -> [Finding] {
        var findings: [Finding] = []
        guard let band = evaluation.placement.band else {
            let top = scheme.bands.last?.range.upperBound ?? 0
            findings.append(Finding(.outsideScheme, .error,
                "\(role.title) totals \(evaluation.points) points, above \(top), the top of Agenda for Change; no band applies",
                role: role.id, at: role.location))
            return findings
        }
        if let message = BandGuidance(scheme: scheme).message(for: role, evaluation: evaluation,
                sensitivity: scheme.sensitivity(of: evaluation, expectedBand: role.expectedBand), in: pathway, evaluations: evaluations) {
            findings.append(Finding(.bandMismatch, .error, message, role: role.id, at: role.bandLocation ?? role.location))
        }
        let isLowest = band == scheme.bands.first
        let below = evaluation.points - band.range.lowerBound
        let above = band.range.upperBound - evaluation.points
        if !isLowest && below < Self.borderlineMargin {
            findings.append(Finding(.borderline, .warning,
                "\(role.title) totals \(evaluation.points) points, \(below) above the bottom of Band \(band.name) (\(band.range.lowerBound)): losing \(below + 1) points drops the band",
                role: role.id, at: role.bandLocation ?? role.location))
        }
        if above < Self.borderlineMargin {
            findings.append(Finding(.borderline, .warning,
                "\(role.title) totals \(evaluation.points) points, \(above) below the top of Band \(band.name) (\(band.range.upperBound)): gaining \(above + 1) points changes the band",
                role: role.id, at: role.bandLocation ?? role.location))
        }
        return findings
    }

    /// One finding per level written as a range. Ranges belong to national profiles, which cover
    /// families of jobs; a single job is evaluated at one level per factor. This is peerpath's rule
    /// for reading a range, not the handbook's: the band is counted at the upper end and the lower
    /// end is totalled beside it.
    private func rangeFindings(_ role: Role, _ evaluation: RoleEvaluation) -> [Finding] {
        var claims: [(FactorEvidence, String)] = []
        for area in role.dutyAreas {
            for numbered in area.duties {
                claims += numbered.duty.evidence.map { ($0, "duty \(numbered.number)") }
            }
        }
        for (index, fact) in role.environment.enumerated() {
            claims += fact.evidence.map { ($0, "working environment \(index + 1)") }
        }
        claims += role.overrides.map { (FactorEvidence(factor: $0.factor, level: $0.level, location: $0.location), "the stated level") }
        let ends = "with every range at its lower end the role totals \(evaluation.lowestPoints) points (\(evaluation.lowestPlacement)), at its upper end \(evaluation.points) points (\(evaluation.placement))"
        return claims.filter { $0.0.level.isRange }.compactMap { evidence, place -> Finding? in
            guard let factor = scheme.factor(evidence.factor) else { return nil }
            let low = factor.points(atLevel: evidence.level.low)
            let high = factor.points(atLevel: evidence.level.high)
            return Finding(.levelRange, .warning,
                "\(role.title): \(place) gives factor \(factor.number) (\(factor.name)) as a range, levels \(evidence.level.low) to \(evidence.level.high) (\(low) to \(high) points); ranges belong to national profiles, and the panel must settle this job on one level; \(ends)",
                role: role.id, at: evidence.location)
        }
    }

    private func overrideFindings(_ role: Role, _ evaluation: RoleEvaluation) -> [Finding] {
        evaluation.factors.compactMap { result -> Finding? in
            guard let override = result.override, override.level.high != result.evidencedLevel.high,
                  let factor = scheme.factor(result.factor) else { return nil }
            let evidencedPoints = factor.points(atLevel: result.evidencedLevel.high)
            let difference = result.points - evidencedPoints
            if override.level.high > result.evidencedLevel.high {
                return Finding(.overrideAboveEvidence, .warning,
                    "\(role.title): factor \(factor.number) (\(factor.name)) is set to level \(override.level) but the duties evidence level \(result.evidencedLevel.high); the override adds \(difference) points with no duty to show for it",
                    role: role.id, at: override.location)
            }
            return Finding(.overrideBelowEvidence, .warning,
                "\(role.title): factor \(factor.number) (\(factor.name)) is set to level \(override.level) but the duties evidence level \(result.evidencedLevel.high); the override gives up \(-difference) points",
                role: role.id, at: override.location)
        }
    }

    private func dropFindings(_ role: Role, _ evaluation: RoleEvaluation, previous: Role, before: RoleEvaluation) -> [Finding] {
        var findings: [Finding] = []
        if rank(evaluation.placement) < rank(before.placement), role.ladderReason(factor: nil) == nil {
            findings.append(Finding(.bandDrop, .warning,
                "\(role.title) is \(evaluation.placement) but \(previous.title), which leads to it, is \(before.placement); give the reason under 'ladder-reasons: band'",
                role: role.id, at: role.bandLocation ?? role.location))
        }
        for result in evaluation.factors {
            guard let earlier = before.factor(result.factor), result.level.high < earlier.level.high,
                  role.ladderReason(factor: result.factor) == nil else { continue }
            findings.append(Finding(.factorDrop, .warning,
                "\(role.title) is at level \(result.level.high) on factor \(result.factor) (\(result.name)) but \(previous.title), which leads to it, is at level \(earlier.level.high); give the reason under 'ladder-reasons: F\(result.factor)'",
                role: role.id, at: role.location))
        }
        return findings
    }

    private func rank(_ placement: BandPlacement) -> Int {
        switch placement {
        case .band(let band): scheme.bands.firstIndex(of: band) ?? 0
        case .outside: scheme.bands.count
        }
    }
}
