/// A written phrase (`LanguagePattern(phrase:)`) matched in ASCII text by hand: the same matches as
/// its ICU expression (`LanguagePattern.regularExpression(forPhrase:)`) finds in ASCII text, without
/// compiling or running it. Only for phrases of printable ASCII; for other text the expression runs.
///
/// In ASCII text the expression reads simply: its letters match either case and nothing else; a
/// letter or digit is `[A-Za-z0-9]`; the space between words and pieces, `[\s\-\u2010\u2011]+`, is a
/// run of tabs, line breaks, spaces and hyphens; and `'` matches only `'`.
struct PhraseMatcher: Sendable {
    /// A word of the phrase: its pieces (between hyphens, lower-cased), and whether any ending
    /// (`*`) and a comma (a trailing `,`) may follow it.
    private struct Word: Sendable {
        var pieces: [[UInt8]]
        var anyEnding: Bool
        var optionalComma: Bool
    }

    private let words: [Word]
    /// A run of letters every match has, and whether it is whole in the text (a run of the text)
    /// or only begins one (it ends a word with any ending).
    let key: (run: LetterRun, isWhole: Bool)?

    init?(phrase: String) {
        guard phrase.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 >= 0x09 && $0 <= 0x0D }) else { return nil }
        var words: [Word] = []
        // Words between white space (tab, line breaks, space: the ASCII `Character.isWhitespace`).
        for raw in Array(phrase.utf8).split(whereSeparator: { $0 == 0x20 || $0 >= 0x09 && $0 <= 0x0D }) {
            var word = Array(raw)
            var optionalComma = false
            var anyEnding = false
            if word.last == UInt8(ascii: ",") { optionalComma = true; word.removeLast() }
            if word.last == UInt8(ascii: "*") { anyEnding = true; word.removeLast() }
            let pieces = word.split(separator: UInt8(ascii: "-")).map { $0.map(Self.lowercased) }
            guard !pieces.isEmpty else { continue }
            words.append(Word(pieces: pieces, anyEnding: anyEnding, optionalComma: optionalComma))
        }
        guard !words.isEmpty, phrase.utf8.contains(where: Words.isASCIILetterOrDigit) else { return nil }
        self.words = words
        self.key = Self.key(of: words)
    }

    /// The longest run of letters whole in every match; failing that, the longest that begins a run.
    private static func key(of words: [Word]) -> (run: LetterRun, isWhole: Bool)? {
        var whole: [UInt8] = []
        var beginning: [UInt8] = []
        for word in words {
            for (number, piece) in word.pieces.enumerated() {
                let runs = piece.split(whereSeparator: { !Words.isASCIILetter($0) })
                for run in runs {
                    let endsWord = number == word.pieces.count - 1 && run.endIndex == piece.endIndex
                    if endsWord && word.anyEnding {
                        if run.count > beginning.count { beginning = Array(run) }
                    } else if run.count > whole.count {
                        whole = Array(run)
                    }
                }
            }
        }
        if !whole.isEmpty { return (whole.withUnsafeBufferPointer { LetterRun($0[...]) }, true) }
        if !beginning.isEmpty { return (beginning.withUnsafeBufferPointer { LetterRun($0[...]) }, false) }
        return nil
    }

    /// False only when the text cannot have a match: it lacks the key run.
    func mayOccur(in text: SearchText) -> Bool {
        guard let key else { return true }
        return key.isWhole ? text.has(key.run) : text.hasRun(beginningWith: key.run)
    }

    /// Every match in ASCII text, in order, not overlapping, as offsets; only the first if `first`.
    func matches(in text: UnsafeBufferPointer<UInt8>, first: Bool = false) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let lead = words[0].pieces[0][0]
        var start = 0
        while start < text.count {
            if Self.lowercased(text[start]) == lead, let end = match(text, at: start) {
                found.append(start..<end)
                if first { break }
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// The end of a match starting at `start`, if there is one.
    private func match(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        // Not inside a word: no letter or digit, and no letter or digit and a hyphen, before it.
        if start > 0 {
            if Words.isASCIILetterOrDigit(text[start - 1]) { return nil }
            if start > 1, text[start - 1] == UInt8(ascii: "-"), Words.isASCIILetterOrDigit(text[start - 2]) { return nil }
        }
        var index = start
        for (number, word) in words.enumerated() {
            if number > 0 {
                guard skipSpace(text, &index) else { return nil }
            }
            for (part, piece) in word.pieces.enumerated() {
                if part > 0 {
                    guard skipSpace(text, &index) else { return nil }
                }
                guard index + piece.count <= text.count else { return nil }
                for offset in piece.indices where Self.lowercased(text[index + offset]) != piece[offset] { return nil }
                index += piece.count
            }
            if word.anyEnding {
                while index < text.count, Words.isASCIILetterOrDigit(text[index]) { index += 1 }
            }
            if word.optionalComma, index < text.count, text[index] == UInt8(ascii: ",") {
                // At the end, the comma is left out when what follows it is inside a word.
                if number < words.count - 1 || endsWord(text, at: index + 1) { index += 1 }
            }
        }
        return endsWord(text, at: index) ? index : nil
    }

    /// Not inside a word: no letter or digit, and no hyphen and a letter or digit, after `index`.
    private func endsWord(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < text.count else { return true }
        if Words.isASCIILetterOrDigit(text[index]) { return false }
        return !(text[index] == UInt8(ascii: "-") && index + 1 < text.count && Words.isASCIILetterOrDigit(text[index + 1]))
    }

    /// Skips a run of white space and hyphens; false when there is none.
    private func skipSpace(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        let start = index
        while index < text.count, text[index] == 0x20 || text[index] == UInt8(ascii: "-") || (text[index] >= 0x09 && text[index] <= 0x0D) {
            index += 1
        }
        return index > start
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
