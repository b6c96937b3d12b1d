/// The nearest of a set of known names to one that is not among them, for messages that say how to
/// fix a typo: "no duty 'one-to-one-peer-suport' in the catalogue; did you mean
/// 'one-to-one-peer-support'?". A name is suggested only when it is close: a difference in letter
/// case alone, or an edit distance (insertions, deletions, substitutions and swaps of two
/// neighbouring characters) of 1 for names of up to 4 characters, 2 up to 8, and 3 beyond.
public enum Suggestion {
    /// Names longer than this are not compared: no one mistypes 100 characters into a near miss.
    static let longest = 100
    /// At most this many known names are compared, so a huge catalogue cannot make one message slow.
    static let mostCompared = 10_000

    /// The known name nearest to `name`, when one is close enough; among equally near ones the
    /// first in alphabetical order.
    public static func nearest(to name: String, among known: some Sequence<String>) -> String? {
        let typed = Array(name.lowercased())
        guard !typed.isEmpty, typed.count <= longest else { return nil }
        let allowed = typed.count <= 4 ? 1 : typed.count <= 8 ? 2 : 3
        var best: (distance: Int, name: String)?
        for candidate in known.prefix(mostCompared) where candidate != name {
            let letters = Array(candidate.lowercased())
            guard abs(letters.count - typed.count) <= allowed, letters.count <= longest else { continue }
            let distance = Self.distance(typed, letters)
            guard distance <= allowed else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// `; did you mean 'x'?` when a known name is close to `name`, else nothing: for the end of a
    /// message's first clause.
    public static func didYouMean(_ name: String, among known: some Sequence<String>) -> String {
        nearest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `; did you mean 'x'? Expected one of: …` when a known name is close to `name`, else
    /// `; expected one of: …`: a message's suggestion, then what it goes on to say (`rest`,
    /// written to follow a semicolon).
    public static func didYouMean(_ name: String, among known: some Sequence<String>, then rest: String) -> String {
        guard let nearest = nearest(to: name, among: known) else { return "; " + rest }
        return "; did you mean '\(nearest)'? " + rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// The optimal string alignment distance: edits of single characters, and swaps of neighbours.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
