/// What `band-mismatch` says: both honest ways out, in order. First, the job as described may be
/// the band its evidence gives; second, the description may leave out work the job really does
/// (or claim work it does not). Rises are only ever one level per factor, in small combinations,
/// led by the factors where the role sits lowest against comparable roles of the pathway.
public struct BandGuidance: Sendable {
    public let scheme: Scheme

    public init(scheme: Scheme) {
        self.scheme = scheme
    }

    /// Roles of the pathway comparable to one expected at `band`: those whose evidence lands in it,
    /// or that expect it.
    func comparable(to role: Role, band: String, in pathway: Pathway, evaluations: [String: RoleEvaluation]) -> [(Role, RoleEvaluation)] {
        pathway.roles.compactMap { other -> (Role, RoleEvaluation)? in
            guard other.id != role.id, let evaluation = evaluations[other.id] else { return nil }
            let lands = evaluation.placement.band?.name == band
            return lands || other.expectedBand == band ? (other, evaluation) : nil
        }
    }

    /// The factors where the role sits below the highest level comparable roles reach, widest gap first.
    public func lowestFactors(of evaluation: RoleEvaluation, against others: [RoleEvaluation]) -> [(factor: Int, level: Int, comparable: Int)] {
        evaluation.factors.compactMap { result -> (Int, Int, Int)? in
            let best = others.compactMap { $0.factor(result.factor)?.level.high }.max() ?? 0
            return best > result.level.high ? (result.factor, result.level.high, best) : nil
        }.sorted { ($1.2 - $1.1, $0.0) < ($0.2 - $0.1, $1.0) }
    }

    public func message(for role: Role, evaluation: RoleEvaluation, sensitivity: Sensitivity,
                        in pathway: Pathway, evaluations: [String: RoleEvaluation]) -> String? {
        guard let expected = role.expectedBand, let band = evaluation.placement.band, band.name != expected,
              let target = scheme.band(named: expected) else { return nil }
        var message = "\(role.title) is expected at Band \(expected) but its duties evidence \(evaluation.points) points, Band \(band.name) (\(band.range.lowerBound)–\(band.range.upperBound)). "
        message += "First, the job as described may truly be Band \(band.name): check the expected band against what the job is. "
        let up = target.range.lowerBound > evaluation.points
        guard up else {
            message += "Second, the description may claim more than the job does: check each level against its duty's words"
            if let size = sensitivity.toExpectedSets.size, let first = sensitivity.toExpectedSets.sets.first {
                message += "; the fewest one-level drops that land in Band \(expected) are \(size), such as \(Self.names(first.factors))"
            }
            return message
        }
        message += "Second, the description may leave out work the job really does"
        let others = comparable(to: role, band: expected, in: pathway, evaluations: evaluations)
        let lowest = lowestFactors(of: evaluation, against: others.map(\.1))
        if !lowest.isEmpty {
            let titles = others.map(\.0.title).joined(separator: ", ")
            let list = lowest.prefix(4).map { "factor \($0.factor) (level \($0.level) against \($0.comparable))" }.joined(separator: ", ")
            message += "; against comparable roles in Band \(expected) (\(titles)) it sits lowest on \(list)"
        }
        let search = sensitivity.toExpectedSets
        if let size = search.size, size > 4 {
            message += ". It would take one level more on each of \(size) factors to reach Band \(expected): that is no small omission, so check the expected band first"
        } else if let size = search.size, !search.sets.isEmpty {
            let gaps = Set(lowest.map(\.factor))
            let ranked = search.sets.sorted { a, b in
                let ga = a.factors.filter(gaps.contains).count, gb = b.factors.filter(gaps.contains).count
                return ga != gb ? ga > gb : abs(a.delta) < abs(b.delta)
            }
            let options = ranked.prefix(3).map { "\(Self.names($0.factors)) (\($0.points) points)" }.joined(separator: "; ")
            message += ". Only if the job truly does such work, and the duties say so, would one level more on each of \(size) factors reach Band \(expected), for example \(options)"
        } else {
            message += ". No combination of one-level rises reaches Band \(expected)"
        }
        return message
    }

    static func names(_ factors: [Int]) -> String {
        let names = factors.map { "F\($0)" }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
