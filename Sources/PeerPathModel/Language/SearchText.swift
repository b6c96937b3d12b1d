/// A text made ready to look for many phrases in: its UTF-8, whether it is all ASCII, the ASCII the
/// hand matchers read (`handBytes`), and a fingerprint of each run of letters in that. A written
/// phrase can only occur where its key run of letters (`PhraseMatcher.key`) is a run of the text,
/// so most phrases are ruled out by a look at a few numbers instead of a scan of the text.
struct SearchText {
    let text: String
    let utf8: [UInt8]
    let isASCII: Bool
    /// What the hand matchers (`PhraseMatcher`, `RequiredLetters`) read: the UTF-8 of ASCII text;
    /// for other text a stand-in with one byte for each UTF-16 unit (so its offsets are ICU's),
    /// when every character outside ASCII reads to a phrase's ICU expression as one ASCII byte
    /// does (`standIn(for:)`); nil when one does not (a letter or digit outside ASCII, say), and
    /// then the expression runs.
    let handBytes: [UInt8]?
    /// The fingerprints of the runs of ASCII letters in `handBytes` (`LetterRun`), sorted, so that
    /// a run, or the runs beginning with one, are found by halving instead of a look at each.
    private var runs: [LetterRun] = []
    /// One bit for each run's fingerprint (`LetterRun.bit`): most runs looked for are ruled out by it.
    private var bits: UInt64 = 0
    /// The text as `ExpressionMatcher` reads it; nil when it leaves the text to ICU.
    let expressionText: ExpressionText?

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        isASCII = utf8.withUnsafeBufferPointer(\.isASCII)
        handBytes = isASCII ? utf8 : Self.standIn(for: text)
        expressionText = isASCII ? ExpressionText(ascii: utf8) : ExpressionText(text)
        guard let bytes = handBytes else { return }
        var start = -1
        for index in 0...bytes.count {
            if index < bytes.count, Words.isASCIILetter(bytes[index]) {
                if start < 0 { start = index }
            } else if start >= 0 {
                let run = bytes.withUnsafeBufferPointer { LetterRun($0[start..<index]) }
                runs.append(run)
                bits |= run.bit
                start = -1
            }
        }
        runs.sort()
    }

    /// The ASCII stand-in of a text, one byte for each UTF-16 unit, or nil. A phrase's expression
    /// (`LanguagePattern.regularExpression(forPhrase:)`), matched in any case, reads a character
    /// outside ASCII as: `'` for a right single quotation mark (`['\u2019]`); `-` for the hyphens
    /// U+2010 and U+2011; a space for a space or line separator (`\s`); and any other character
    /// that is not a letter or digit, not white space and unchanged by case folding (`£`, `–`, a
    /// combining accent) as a byte no phrase holds and no class takes for a letter, digit or space
    /// (0x01). Any other character (a letter or digit outside ASCII, which may fold to ASCII
    /// letters or sit inside a word) leaves the expression to decide.
    static func standIn(for text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)); continue }
            switch scalar.value {
            case 0x2019: bytes.append(UInt8(ascii: "'")); continue
            case 0x2010, 0x2011: bytes.append(UInt8(ascii: "-")); continue
            default: break
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator:
                bytes.append(0x20)
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return nil
            default:
                break
            }
            guard !properties.isWhitespace, !properties.changesWhenCaseFolded else { return nil }
            bytes.append(contentsOf: repeatElement(0x01, count: UTF16.width(scalar)))
        }
        return bytes
    }

    /// Whether the text has this run of letters (or, rarely, another with the same fingerprint).
    func has(_ run: LetterRun) -> Bool {
        guard bits & run.bit != 0 else { return false }
        let index = firstRun(notBelow: run)
        return index < runs.count && runs[index] == run
    }

    /// Whether the text has a run of letters that begins with this one. The runs that do are
    /// together in sorted order, from the first not below it (its letters lead the fingerprint,
    /// so a longer run with the same start sorts after it).
    func hasRun(beginningWith run: LetterRun) -> Bool {
        var index = firstRun(notBelow: run)
        while index < runs.count, runs[index].sharesLetters(with: run) {
            if runs[index].begins(with: run) { return true }
            index += 1
        }
        return false
    }

    /// Each different run of letters of the text, once.
    func forEachRun(_ body: (LetterRun) -> Void) {
        for (index, run) in runs.enumerated() where index == 0 || runs[index - 1] != run { body(run) }
    }

    /// The index of the first run not below `run` in sorted order.
    private func firstRun(notBelow run: LetterRun) -> Int {
        var (low, high) = (0, runs.count)
        while low < high {
            let middle = (low + high) / 2
            if runs[middle] < run { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A fingerprint of a run of ASCII letters, in any case: its first 12 letters, 5 bits each, and
/// its length (up to 15). Two runs with different fingerprints differ; two with the same one
/// nearly always are the same.
struct LetterRun: Comparable, Hashable, Sendable {
    private let value: UInt64

    init(_ letters: Slice<UnsafeBufferPointer<UInt8>>) {
        var value: UInt64 = 0
        for (number, byte) in letters.prefix(12).enumerated() {
            value |= UInt64((byte | 0x20) &- 0x60) << (59 - 5 * number)
        }
        self.value = value | UInt64(min(letters.count, 15))
    }

    private var length: Int { Int(value & 0xF) }

    static func < (a: LetterRun, b: LetterRun) -> Bool { a.value < b.value }

    /// A bit of 64 chosen by the fingerprint.
    var bit: UInt64 { 1 << ((value &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// Whether this run begins with `other`, as far as the fingerprints tell (never false when it does).
    func begins(with other: LetterRun) -> Bool {
        guard length >= other.length else { return false }
        return sharesLetters(with: other)
    }

    /// Whether this run's fingerprinted letters begin with all of `other`'s.
    func sharesLetters(with other: LetterRun) -> Bool {
        let letters = UInt64(min(other.length, 12))
        let mask: UInt64 = letters == 0 ? 0 : ~0 << (64 - 5 * letters)
        return value & mask == other.value & mask
    }
}
