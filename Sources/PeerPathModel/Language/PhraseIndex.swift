/// The phrases of a word list by the run of letters every match of each has whole in the text
/// (`PhraseMatcher.key`), so that a text's own runs of letters pick out the few phrases it may hold,
/// instead of every phrase looking for its run in every text. The phrases it picks out are exactly
/// those whose hand matcher would look further (`LanguagePattern.nsMatches`); the others would find
/// nothing.
struct PhraseIndex: Sendable {
    /// The phrases with a whole run, by that run.
    private let byRun: [LetterRun: [Int]]
    /// The phrases tried on every text: a run that only begins a word (`support*`), no run, or no
    /// hand matcher (a regular expression).
    private let always: [Int]
    private let count: Int

    init(_ patterns: [LanguagePattern]) {
        var byRun: [LetterRun: [Int]] = [:]
        var always: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            if let key = pattern.parts.matcher?.key, key.isWhole {
                byRun[key.run, default: []].append(index)
            } else {
                always.append(index)
            }
        }
        self.byRun = byRun
        self.always = always
        count = patterns.count
    }

    /// The phrases that may occur in the text, in list order: all of them when the text has no
    /// ASCII for the hand matchers to read (the expressions then decide).
    func candidates(in text: SearchText) -> [Int] {
        guard text.handBytes != nil else { return Array(0..<count) }
        var found = always
        text.forEachRun { run in
            if let phrases = byRun[run] { found += phrases }
        }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for index in found where unique.last != index { unique.append(index) }
        return unique
    }
}
