/// Text made ready for cue matching: lower-cased words (runs of letters or digits; a hyphen or an
/// apostrophe splits words), `£` as a word of its own, and the thousands commas of a number dropped.
public struct CueText: Sendable {
    public let words: [String]
    /// The distinct words: a cue with a word the text lacks is ruled out without a scan.
    let vocabulary: Set<String>

    public init(_ text: String) {
        words = Self.asciiWords(text) ?? Self.scalarWords(text)
        vocabulary = Set(words)
    }

    /// The words of any text, scalar by scalar.
    static func scalarWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                current.append(scalar)
            } else if scalar == ",", let last = current.last, last.properties.numericType != nil,
                      index + 1 < scalars.count, scalars[index + 1].properties.numericType != nil {
                continue
            } else {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
                if scalar == "£" { words.append("£") }
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The same words for ASCII text, read from its bytes (most duties): nil for other text.
    static func asciiWords(_ text: String) -> [String]? {
        var utf8 = Array(text.utf8)
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        for index in utf8.indices where utf8[index] &- UInt8(ascii: "A") < 26 { utf8[index] |= 0x20 }
        func isWordByte(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        var words: [String] = []
        var current: [UInt8] = []
        for (index, byte) in utf8.enumerated() {
            if isWordByte(byte) {
                current.append(byte)
            } else if byte == UInt8(ascii: ","), let last = current.last, isDigit(last), index + 1 < utf8.count, isDigit(utf8[index + 1]) {
                continue
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
                                           "hundred", "dozen"]

    /// The sums of money the text names (`£60,000` is 60000).
    public var sums: [Int] {
        zip(words, words.dropFirst()).compactMap { $0 == "£" ? Int($1) : nil }
    }
}

/// One cue: a phrase of words, each exact, with any ending (`supervis*`), any number (`#`) or a sum (`£#`).
public struct Cue: Sendable, Equatable, CustomStringConvertible {
    public enum Piece: Sendable, Equatable {
        case word(String)
        case prefix(String)
        case number
    }

    public let pieces: [Piece]
    public let description: String

    public init?(_ phrase: String) {
        let pieces = Self.asciiPieces(phrase) ?? Self.pieces(phrase)
        guard !pieces.isEmpty else { return nil }
        self.pieces = pieces
        self.description = phrase
    }

    /// The pieces of any phrase, character by character.
    static func pieces(_ phrase: String) -> [Piece] {
        var pieces: [Piece] = []
        for raw in phrase.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" }) {
            var word = String(raw)
            if word == "#" { pieces.append(.number); continue }
            if word.hasPrefix("£") {
                pieces.append(.word("£"))
                word.removeFirst()
                if word == "#" { pieces.append(.number); continue }
            }
            let anyEnding = word.hasSuffix("*")
            if anyEnding { word.removeLast() }
            let letters = String(word.filter { $0.isLetter || $0.isNumber })
            guard !letters.isEmpty else { continue }
            pieces.append(anyEnding ? .prefix(letters) : .word(letters))
        }
        return pieces
    }

    /// The same pieces for an ASCII phrase, read from its bytes (every shipped cue): nil for other text.
    static func asciiPieces(_ phrase: String) -> [Piece]? {
        var bytes = Array(phrase.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        for index in bytes.indices where bytes[index] &- UInt8(ascii: "A") < 26 { bytes[index] |= 0x20 }
        var pieces: [Piece] = []
        for raw in bytes.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }) {
            if raw.count == 1, raw.first == UInt8(ascii: "#") { pieces.append(.number); continue }
            let anyEnding = raw.last == UInt8(ascii: "*")
            let word = anyEnding ? raw.dropLast() : raw
            let letters = word.filter { $0 &- UInt8(ascii: "a") < 26 || $0 &- UInt8(ascii: "0") < 10 }
            guard !letters.isEmpty else { continue }
            let text = String(decoding: letters, as: UTF8.self)
            pieces.append(anyEnding ? .prefix(text) : .word(text))
        }
        return pieces
    }

    public func isFound(in text: CueText) -> Bool {
        let words = text.words
        guard words.count >= pieces.count else { return false }
        for case .word(let word) in pieces where !text.vocabulary.contains(word) { return false }
        for start in 0...(words.count - pieces.count) where matches(words, at: start) { return true }
        return false
    }

    private func matches(_ words: [String], at start: Int) -> Bool {
        for (offset, piece) in pieces.enumerated() {
            let word = words[start + offset]
            switch piece {
            case .word(let expected): if word != expected { return false }
            case .prefix(let stem): if !word.hasPrefix(stem) { return false }
            case .number: if Int(word) == nil && !CueText.numberWords.contains(word) { return false }
            }
        }
        return true
    }
}

/// Something a claim or a criterion must show, in plain words, and the cues any one of which shows it.
public struct CueNeed: Sendable {
    public var what: String
    public var cues: [Cue]

    public init(what: String, cues: [Cue]) {
        self.what = what
        self.cues = cues
    }

    public func isShown(in text: CueText) -> Bool { cues.contains { $0.isFound(in: text) } }
}

/// What a claim of one factor level must show: needs for every claim, needs for each lettered
/// alternative, and cues that contradict the level.
public struct LevelCues: Sendable {
    public var needs: [CueNeed]
    public var letters: [String: [CueNeed]]
    public var never: [CueNeed]

    public init(needs: [CueNeed] = [], letters: [String: [CueNeed]] = [:], never: [CueNeed] = []) {
        self.needs = needs
        self.letters = letters
        self.never = never
    }
}

/// A kind of person specification criterion and what it stands for on one factor.
public struct CriterionCue: Sendable {
    public var factor: Int
    public var need: CueNeed
    /// The least level of the factor a role must have to ask for this as essential.
    public var asks: Int
    /// Factor 2: the highest knowledge level such a criterion evidences.
    public var supports: Int?
    /// Claims (`4a`, `5`) that, when they set the role's level, need an essential criterion of this kind.
    public var neededBy: [LevelClaim]

    public init(factor: Int, need: CueNeed, asks: Int, supports: Int? = nil, neededBy: [LevelClaim] = []) {
        self.factor = factor
        self.need = need
        self.asks = asks
        self.supports = supports
        self.neededBy = neededBy
    }

    /// Whether a claim that sets the role's level needs an essential criterion of this kind: a
    /// listed claim with no letter covers every letter of its level.
    public func isNeeded(by claim: LevelClaim) -> Bool {
        neededBy.contains { listed in
            listed.high == claim.high && (listed.subLevel == nil || listed.subLevel == claim.subLevel)
        }
    }
}

/// What a claimed level did not show: the needs its words lack, or the words that contradict it.
public struct CueVerdict: Sendable, Equatable {
    public var missing: [String]
    public var contradicted: [String]

    public var isSupported: Bool { missing.isEmpty && contradicted.isEmpty }
}

/// The evidence cues of every factor level (`data/evidence-cues.yaml`), and the kinds of criterion.
public struct EvidenceCues: Sendable {
    public var levels: [Int: [Int: LevelCues]]
    public var criteria: [CriterionCue]

    public init(levels: [Int: [Int: LevelCues]] = [:], criteria: [CriterionCue] = []) {
        self.levels = levels
        self.criteria = criteria
    }

    public static let none = EvidenceCues()

    /// Whether the cues say anything about this factor.
    public func covers(factor: Int) -> Bool { levels[factor] != nil }

    /// Judges a claim against the words that make it. A claim of a level with no cues is supported;
    /// a range is judged at its upper end.
    public func verdict(on claim: LevelClaim, factor: Int, text: CueText) -> CueVerdict {
        guard let cues = levels[factor]?[claim.high] else { return CueVerdict(missing: [], contradicted: []) }
        var missing = cues.needs.filter { !$0.isShown(in: text) }.map(\.what)
        if !cues.letters.isEmpty {
            if let letter = claim.subLevel, let needs = cues.letters[letter] {
                missing += needs.filter { !$0.isShown(in: text) }.map(\.what)
            } else if claim.subLevel == nil {
                let met = cues.letters.values.contains { needs in needs.allSatisfy { $0.isShown(in: text) } }
                if !met {
                    let options = cues.letters.keys.sorted().map { letter in
                        "(\(letter)) " + cues.letters[letter]!.map(\.what).joined(separator: " and ")
                    }
                    missing.append("one of: " + options.joined(separator: "; or "))
                }
            }
        }
        let contradicted = cues.never.filter { $0.isShown(in: text) }.map(\.what)
        return CueVerdict(missing: missing, contradicted: contradicted)
    }

    /// The kinds of criterion a criterion's words match.
    public func kinds(of criterion: Criterion) -> [CriterionCue] {
        let text = CueText(criterion.text)
        return criteria.filter { $0.need.isShown(in: text) }
    }
}
