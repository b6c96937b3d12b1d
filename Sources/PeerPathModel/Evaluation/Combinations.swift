/// A set of one-level moves, each on a different factor, and where the total would then land.
public struct LevelSet: Sendable, Equatable {
    /// Each factor's move, in factor order.
    public var changes: [LevelChange]
    /// Points gained (positive) or lost (negative) by the whole set.
    public var delta: Int
    public var points: Int
    public var placement: BandPlacement

    public var factors: [Int] { changes.map(\.factor) }
}

/// The smallest sets of one-level moves that take a total across a threshold: how many moves it
/// takes, the sets of that size (fewest points moved first, at most `limit` of them kept), how many
/// sets of that size there are, and how many combinations the search looked at.
public struct CombinationSearch: Sendable, Equatable {
    /// The fewest moves that cross; nil when no set of moves can.
    public var size: Int?
    public var sets: [LevelSet]
    /// How many sets of the smallest size cross (may be more than `sets` holds).
    public var count: Int
    /// Combinations examined, counting each partial set the search extended; a bound on the work done.
    public var examined: Int

    public static let none = CombinationSearch(size: nil, sets: [], count: 0, examined: 0)
}

extension Scheme {
    /// One move per factor: `step` -1 (one level down) or +1 (one level up), for the factors that
    /// have such a level, excluding `excluded`.
    func moves(from levels: [Int: Int], step: Int, excluding excluded: Set<Int> = []) -> [(factor: Int, from: Int, to: Int, delta: Int)] {
        factors.compactMap { factor in
            guard !excluded.contains(factor.number) else { return nil }
            let level = levels[factor.number] ?? 1
            let target = level + step
            guard factor.levels.contains(target) else { return nil }
            return (factor.number, level, target, factor.points(atLevel: target) - factor.points(atLevel: level))
        }
    }

    /// The smallest sets of one-level moves (all down, or all up) whose points reach `needed`
    /// (a positive number of points to lose or to gain). Moves are tried largest first, and a
    /// branch is cut as soon as even its largest remaining moves could not reach `needed`, so the
    /// search looks at few combinations even with sixteen factors.
    func smallestSets(from levels: [Int: Int], total: Int, step: Int, needed: Int, excluding excluded: Set<Int> = [],
                      limit: Int = 12) -> CombinationSearch {
        guard needed > 0 else { return .none }
        var moves = moves(from: levels, step: step, excluding: excluded)
        moves.sort { (abs($0.delta), -$0.factor) > (abs($1.delta), -$1.factor) }
        let sizes = moves.map { abs($0.delta) }
        // The fewest moves: the largest moves first reach `needed` soonest.
        var running = 0
        var smallest: Int?
        for (index, size) in sizes.enumerated() {
            running += size
            if running >= needed { smallest = index + 1; break }
        }
        guard let size = smallest else { return .none }
        var found: [[Int]] = []
        var examined = 0
        var chosen: [Int] = []
        func extend(from start: Int, sum: Int) {
            let remaining = size - chosen.count
            if remaining == 0 {
                if sum >= needed { found.append(chosen) }
                return
            }
            var index = start
            while index + remaining <= sizes.count {
                // The best this branch can do: this move and the next largest ones after it.
                let best = sum + sizes[index..<(index + remaining)].reduce(0, +)
                if best < needed { break }
                examined += 1
                chosen.append(index)
                extend(from: index + 1, sum: sum + sizes[index])
                chosen.removeLast()
                index += 1
            }
        }
        extend(from: 0, sum: 0)
        let sets = found.map { indices -> LevelSet in
            var changed = levels
            let picked = indices.map { moves[$0] }.sorted { $0.factor < $1.factor }
            for move in picked { changed[move.factor] = move.to }
            let points = self.points(of: changed)
            let placement = placement(ofPoints: points)
            let changes = picked.map { LevelChange(factor: $0.factor, from: $0.from, to: $0.to, points: points, placement: placement) }
            return LevelSet(changes: changes, delta: points - total, points: points, placement: placement)
        }.sorted { a, b in
            abs(a.delta) != abs(b.delta) ? abs(a.delta) < abs(b.delta) : a.factors.lexicographicallyPrecedes(b.factors)
        }
        return CombinationSearch(size: size, sets: Array(sets.prefix(limit)), count: sets.count, examined: examined)
    }
}
