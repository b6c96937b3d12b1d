/// Pairs the items of two versions of a list (a role's duties, environment facts or criteria)
/// regardless of order: first by catalogue id, then by identical text, then by wording close enough
/// to be the same item reworded (at least half the words in common). What is left over was
/// removed or added. Reordering a list therefore pairs every item with itself.
struct ItemPairing {
    var pairs: [(old: Int, new: Int)] = []
    var removed: [Int] = []
    var added: [Int] = []

    /// The share of words two texts have in common (Dice coefficient over their sets of words) at
    /// which they count as one item reworded.
    static let rewordedSimilarity = 0.5

    init(old: [(catalogueID: String?, text: String)], new: [(catalogueID: String?, text: String)]) {
        var oldUsed = Array(repeating: false, count: old.count)
        var newUsed = Array(repeating: false, count: new.count)
        func pair(_ i: Int, _ j: Int) {
            oldUsed[i] = true
            newUsed[j] = true
            pairs.append((i, j))
        }
        // Same catalogue item.
        for (i, item) in old.enumerated() {
            guard let id = item.catalogueID else { continue }
            if let j = new.indices.first(where: { !newUsed[$0] && new[$0].catalogueID == id }) { pair(i, j) }
        }
        // The same words.
        for (i, item) in old.enumerated() where !oldUsed[i] {
            if let j = new.indices.first(where: { !newUsed[$0] && new[$0].catalogueID == item.catalogueID && new[$0].text == item.text }) {
                pair(i, j)
            }
        }
        // The same item reworded: the most similar pairs first.
        let oldWords = old.map { Self.words($0.text) }
        let newWords = new.map { Self.words($0.text) }
        var candidates: [(similarity: Double, old: Int, new: Int)] = []
        for i in old.indices where !oldUsed[i] {
            for j in new.indices where !newUsed[j] {
                let similarity = Self.similarity(oldWords[i], newWords[j])
                if similarity >= Self.rewordedSimilarity { candidates.append((similarity, i, j)) }
            }
        }
        candidates.sort { ($0.similarity, -$0.old, -$0.new) > ($1.similarity, -$1.old, -$1.new) }
        for candidate in candidates where !oldUsed[candidate.old] && !newUsed[candidate.new] {
            pair(candidate.old, candidate.new)
        }
        pairs.sort { ($0.new, $0.old) < ($1.new, $1.old) }
        removed = old.indices.filter { !oldUsed[$0] }
        added = new.indices.filter { !newUsed[$0] }
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
