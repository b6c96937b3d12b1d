import Foundation

/// The word lists the language checks use, read from `data/language/`: stigmatising phrases, the
/// gender-coded words of Gaucher, Friesen & Kay (2011), the factor plan's wording and the wording of
/// vague and exclusionary criteria. The wording lives in data; the rules live in `LanguageChecks`.
public struct LanguageData: Sendable {
    /// Stigmatising phrases, each with what to write instead (`stigmatising.yaml`).
    public var stigmatising: [LanguagePhrase]
    public var genderCoded: GenderCodedWords
    public var factorPlan: FactorPlanWording
    public var criteria: CriterionWording

    public init(stigmatising: [LanguagePhrase], genderCoded: GenderCodedWords, factorPlan: FactorPlanWording,
                criteria: CriterionWording) {
        self.stigmatising = stigmatising
        self.genderCoded = genderCoded
        self.factorPlan = factorPlan
        self.criteria = criteria
    }
}

/// Something to look for in text: a written phrase or a regular expression, always matched in any case.
///
/// A phrase matches as whole words: it must not start or end inside a word (a hyphen followed by a
/// letter counts as inside, so "psycho" does not match "psycho-education"). Between its words any run
/// of spaces or hyphens matches ("high-functioning" finds "high functioning"); a straight apostrophe
/// matches a curly one; a comma at the end of a word may be missing in the text; a word ending in `*`
/// matches any ending ("sufferer*" finds "sufferers").
public struct LanguagePattern: Sendable, CustomStringConvertible {
    public enum Source: Sendable, Equatable {
        case phrase(String)
        case pattern(String)
    }

    public var source: Source { parts.source }
    /// What the pattern is and how it is matched, in one object: a copy of a pattern is one reference.
    let parts: Parts

    final class Parts: Sendable {
        let source: Source
        /// The expression, built on first use (a phrase's) or when read (a pattern's): most
        /// patterns never match most texts.
        let compiled: CompiledExpression
        /// A piece of ASCII every match must contain, lower-cased: a cheap scan rules most texts out
        /// before the expression runs. Nil for regular expressions and non-ASCII phrases.
        let literal: [UInt8]?
        /// The phrase matched by hand in ASCII text, where the expression need not run; nil for
        /// regular expressions and phrases not of printable ASCII.
        let matcher: PhraseMatcher?
        /// For a regular expression, letters every match contains: ASCII text without them is ruled out.
        let required: RequiredLetters?

        init(source: Source, literal: [UInt8]?, matcher: PhraseMatcher?, required: RequiredLetters?, parsed: Expression? = nil) {
            self.source = source
            self.compiled = CompiledExpression(source, parsed: parsed)
            self.literal = literal
            self.matcher = matcher
            self.required = required
        }
    }

    private var compiled: CompiledExpression { parts.compiled }

    /// A written phrase; nil when it has no word in it.
    public init?(phrase: String) {
        // A phrase with a letter or digit has a word, so it has an expression; the expression's
        // text is built only when it is first compiled (building it escapes each piece, which
        // costs as much as all the rest of reading the word lists).
        guard phrase.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        parts = Parts(source: .phrase(phrase), literal: Self.literal(of: phrase),
                      matcher: PhraseMatcher(phrase: phrase), required: nil)
    }

    /// A regular expression (ICU syntax), matched in any case; throws when it is not valid. A
    /// pattern in the subset `ExpressionParser` reads is valid; any other is left to ICU, which
    /// compiles it (without case folding: the same syntax, at a fraction of the cost) or throws.
    public init(pattern: String) throws {
        let parsed = ExpressionParser.parse(pattern, ignoringCase: true)
        if parsed == nil { _ = try ICUExpression.compile(pattern, ignoringCase: false) }
        parts = Parts(source: .pattern(pattern), literal: nil, matcher: nil,
                      required: RequiredLetters(pattern: pattern), parsed: parsed)
    }

    public var description: String {
        switch source {
        case .phrase(let phrase): phrase
        case .pattern(let pattern): "/\(pattern)/"
        }
    }

    /// Every match in the text, in order, not overlapping.
    public func matches(in text: String) -> [Range<String.Index>] {
        nsMatches(in: SearchText(text)).compactMap { Range($0, in: text) }
    }

    /// Whether the text contains a match.
    public func occurs(in text: String) -> Bool {
        occurs(in: SearchText(text))
    }

    func occurs(in text: SearchText) -> Bool {
        if let bytes = text.handBytes, let matcher = parts.matcher {
            return matcher.mayOccur(in: text) && bytes.withUnsafeBufferPointer { !matcher.matches(in: $0, first: true).isEmpty }
        }
        guard !lacksRequiredLetters(text), mayOccur(in: text) else { return false }
        return compiled.firstMatch(in: text) != nil
    }

    /// Every match in the text, in order, not overlapping, as UTF-16 offsets: found by hand when
    /// the pattern is a phrase and the text is ASCII or has an ASCII stand-in (`SearchText.handBytes`,
    /// whose offsets are UTF-16 offsets), by the expression otherwise (after its required letters).
    func nsMatches(in text: SearchText) -> [NSRange] {
        if let bytes = text.handBytes, let matcher = parts.matcher {
            guard matcher.mayOccur(in: text) else { return [] }
            return bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }.map { NSRange(location: $0.lowerBound, length: $0.count) }
        }
        guard !lacksRequiredLetters(text) else { return [] }
        return expressionMatches(in: text)
    }

    /// Whether the text's ASCII (or its stand-in, which has every letter of the text in place) has
    /// none of the expression's required letters: no match.
    private func lacksRequiredLetters(_ text: SearchText) -> Bool {
        guard let bytes = text.handBytes, let required = parts.required else { return false }
        return !bytes.withUnsafeBufferPointer(required.mayOccur)
    }

    /// The matches the expression finds (when the text has the phrase's literal).
    func expressionMatches(in text: SearchText) -> [NSRange] {
        guard mayOccur(in: text) else { return [] }
        return compiled.matches(in: text).filter { $0.length > 0 }
    }

    /// False only when the text cannot match: it lacks the phrase's longest ASCII piece in any case.
    func mayOccur(in text: SearchText) -> Bool {
        guard let literal = parts.literal, !literal.isEmpty else { return true }
        return text.utf8.withUnsafeBufferPointer { Self.contains($0, literal) }
    }

    /// Case-insensitive (ASCII) search of a lower-case needle in UTF-8 bytes.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard haystack.count >= count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] | 0x20 == first || haystack[index] == first {
                var matched = true
                for offset in 1..<max(count, 1) where count > 1 {
                    let byte = haystack[index + offset]
                    let lower = (byte >= 65 && byte <= 90) ? byte | 0x20 : byte
                    if lower != needle[offset] { matched = false; break }
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }

    /// The longest run of ASCII letters in any one word of the phrase, lower-cased.
    static func literal(of phrase: String) -> [UInt8]? {
        if phrase.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same for ASCII, read from the bytes (every shipped phrase).
            let pieces = phrase.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }.split { $0 &- UInt8(ascii: "a") >= 26 }
            guard let longest = pieces.max(by: { $0.count < $1.count }), longest.count >= 2 else { return nil }
            return Array(longest)
        }
        let pieces = phrase.lowercased().split { !($0.isASCII && $0.isLetter) }
        guard let longest = pieces.max(by: { $0.count < $1.count }), longest.count >= 2 else { return nil }
        return Array(longest.utf8)
    }

    /// Not inside a word: no letter or digit, and no letter or digit joined by a hyphen, on that side.
    static let before = #"(?<![\p{L}\p{N}])(?<![\p{L}\p{N}][\-\u2010\u2011])"#
    static let after = #"(?![\p{L}\p{N}])(?![\-\u2010\u2011][\p{L}\p{N}])"#

    static func regularExpression(forPhrase phrase: String) -> String? {
        var words: [String] = []
        for raw in phrase.split(whereSeparator: \.isWhitespace) {
            var word = String(raw)
            var optionalComma = false
            var anyEnding = false
            if word.hasSuffix(",") { optionalComma = true; word.removeLast() }
            if word.hasSuffix("*") { anyEnding = true; word.removeLast() }
            // Either apostrophe matches both (each replaced once: replacing one and then the other
            // put a class inside a class, `['['’]]`, which ICU reads as the same two characters).
            let pieces = word.split(whereSeparator: { "-\u{2010}\u{2011}".contains($0) }).map { piece in
                NSRegularExpression.escapedPattern(for: String(piece)).map { character in
                    character == "'" || character == "\u{2019}" ? "['\u{2019}]" : String(character)
                }.joined()
            }
            guard !pieces.isEmpty else { continue }
            var pattern = pieces.joined(separator: #"[\s\-\u2010\u2011]+"#)
            if anyEnding { pattern += #"[\p{L}\p{N}]*"# }
            if optionalComma { pattern += ",?" }
            words.append(pattern)
        }
        guard !words.isEmpty, phrase.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return before + words.joined(separator: #"[\s\-\u2010\u2011]+"#) + after
    }
}

/// A phrase to avoid and what to write instead.
public struct LanguagePhrase: Sendable {
    public var pattern: LanguagePattern
    public var instead: String
    public var location: SourceLocation?

    public init(_ pattern: LanguagePattern, instead: String, location: SourceLocation? = nil) {
        self.pattern = pattern
        self.instead = instead
        self.location = location
    }
}

// MARK: Gender-coded words

/// The masculine- and feminine-coded words of Gaucher, Friesen & Kay (2011), and the fixed phrases
/// whose words are not counted ("peer support").
public struct GenderCodedWords: Sendable {
    public enum Side: String, Sendable {
        case masculine, feminine
    }

    public var masculine: [CodedWord] { didSet { arrange() } }
    public var feminine: [CodedWord] { didSet { arrange() } }
    /// Phrases whose words are not counted: "peer support*", "NHS trust*", …
    public var ignore: [LanguagePattern]
    /// The first letters of all coded words, lower case, to rule most words out at once.
    private var initials: Set<String> = []
    /// The lists arranged for matching ASCII words; nil when a list has a word that is not ASCII.
    private var indexes: (masculine: CodedWordIndex, feminine: CodedWordIndex)?

    public init(masculine: [CodedWord], feminine: [CodedWord], ignore: [LanguagePattern] = []) {
        self.masculine = masculine
        self.feminine = feminine
        self.ignore = ignore
        arrange()
    }

    private mutating func arrange() {
        initials = Set((masculine + feminine).compactMap { $0.word.first.map(String.init) })
        if let masculine = CodedWordIndex(masculine), let feminine = CodedWordIndex(feminine) {
            indexes = (masculine, feminine)
        } else {
            indexes = nil
        }
    }

    /// The coded word a word of text matches, and its side: masculine words are tried first.
    /// `word` is one word as written (any case; a possessive 's is ignored). A hyphenated word is
    /// tried whole, then without its hyphens; its parts are tried one by one by `codedWords(in:)`.
    public func match(_ word: String) -> (CodedWord, Side)? {
        word.withUTF8Buffer { match($0[...]) }
    }

    /// `match(_:)` for a word of a text's UTF-8: ASCII words byte by byte, others by their characters.
    func match(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> (CodedWord, Side)? {
        let word = UnsafeBufferPointer(rebasing: word)
        guard let indexes, word.isASCII else { return characterMatch(String(decoding: word, as: UTF8.self)) }
        guard let first = word.first.map(Self.lowercased), indexes.masculine.isInitial(first) || indexes.feminine.isInitial(first)
        else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            var length = 0
            for byte in word {
                buffer[length] = Self.lowercased(byte)
                length += 1
            }
            if length >= 2, buffer[length - 2] == UInt8(ascii: "'"), buffer[length - 1] == UInt8(ascii: "s") { length -= 2 }
            let candidate = UnsafeBufferPointer(rebasing: buffer[..<length])
            if let found = match(form: candidate, indexes) { return found }
            guard candidate.contains(UInt8(ascii: "-")) else { return nil }
            var joined = 0
            for byte in candidate where byte != UInt8(ascii: "-") {
                buffer[joined] = byte
                joined += 1
            }
            return match(form: UnsafeBufferPointer(rebasing: buffer[..<joined]), indexes)
        }
    }

    private func match(form: UnsafeBufferPointer<UInt8>, _ indexes: (masculine: CodedWordIndex, feminine: CodedWordIndex)) -> (CodedWord, Side)? {
        if let position = indexes.masculine.first(matching: form) { return (masculine[position], .masculine) }
        if let position = indexes.feminine.first(matching: form) { return (feminine[position], .feminine) }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// `match(_:)` character by character, for any word.
    func characterMatch(_ word: String) -> (CodedWord, Side)? {
        // Most words start with a letter no coded word starts with: rule them out at once.
        guard let first = word.unicodeScalars.first.map({ Character($0).lowercased() }),
              initials.contains(first) else { return nil }
        var candidate = word.lowercased()
        for suffix in ["'s", "\u{2019}s"] where candidate.hasSuffix(suffix) { candidate.removeLast(2) }
        candidate = candidate.replacingOccurrences(of: "\u{2019}", with: "'")
        var forms = [candidate]
        let joined = candidate.filter { !"-\u{2010}\u{2011}".contains($0) }
        if joined != candidate { forms.append(joined) }
        for form in forms {
            if let coded = masculine.first(where: { $0.matches(form) }) { return (coded, .masculine) }
            if let coded = feminine.first(where: { $0.matches(form) }) { return (coded, .feminine) }
        }
        return nil
    }
}

/// One entry of a gender-coded word list: a whole word ("confident") or a stem ("lead*", which
/// matches "lead", "leads", "leading", "leadership").
public struct CodedWord: Sendable, Equatable {
    /// The word or stem, lower case, without the `*`.
    public var word: String
    public var isStem: Bool
    /// Neutral words to use instead, where the data gives them.
    public var instead: String?

    public init(word: String, isStem: Bool, instead: String? = nil) {
        self.word = word.lowercased()
        self.isStem = isStem
        self.instead = instead
    }

    /// Reads the list form: `lead*` is a stem, `confident` a whole word.
    public init(written: String, instead: String? = nil) {
        let isStem = written.hasSuffix("*")
        self.init(word: isStem ? String(written.dropLast()) : written, isStem: isStem, instead: instead)
    }

    /// As the list writes it: `lead*` or `confident`.
    public var written: String { isStem ? word + "*" : word }

    /// Whether a lower-case word of text is this word, or begins with this stem.
    public func matches(_ candidate: String) -> Bool {
        isStem ? candidate.hasPrefix(word) : candidate == word
    }
}

// MARK: Factor plan

/// Wording from the job evaluation factor plan, and the factor names as duty headings.
public struct FactorPlanWording: Sendable {
    public var phrases: [FactorPlanPhrase]
    public var factors: [FactorHeading]

    public init(phrases: [FactorPlanPhrase], factors: [FactorHeading]) {
        self.phrases = phrases
        self.factors = factors
    }

    public func factor(_ number: Int) -> FactorHeading? { factors.first { $0.number == number } }

    /// The factor a duty heading is named like, if any: the first factor one of whose heading phrases
    /// occurs in it ("&" is read as "and").
    public func factor(namedBy heading: String) -> FactorHeading? {
        let text = SearchText(heading.replacingOccurrences(of: "&", with: " and "))
        return factors.first { factor in factor.headings.contains { $0.occurs(in: text) } }
    }
}

/// A phrase of the factor plan, the factor it comes from, and what to write instead.
public struct FactorPlanPhrase: Sendable {
    public var pattern: LanguagePattern
    public var factor: Int
    public var instead: String
    public var location: SourceLocation?

    public init(_ pattern: LanguagePattern, factor: Int, instead: String, location: SourceLocation? = nil) {
        self.pattern = pattern
        self.factor = factor
        self.instead = instead
        self.location = location
    }
}

/// A factor of the plan and the phrases that make a duty heading "named like" it.
public struct FactorHeading: Sendable {
    public var number: Int
    public var name: String
    public var headings: [LanguagePattern]

    public init(number: Int, name: String, headings: [LanguagePattern]) {
        self.number = number
        self.name = name
        self.headings = headings
    }
}

// MARK: Criteria

/// Wording for the person specification: vague phrases, what shows a standard is given, and
/// requirements that shut people out.
public struct CriterionWording: Sendable {
    /// Phrases a panel cannot test without a standard ("good communication skills").
    public var vague: [LanguagePhrase]
    /// Words that show a standard is given when they follow a vague phrase ("can", "for example").
    public var standards: [LanguagePattern]
    /// Numbers in words ("two"); numbers in figures always count as a standard.
    public var numbers: [LanguagePattern]
    public var exclusionary: [ExclusionaryRequirement]

    public init(vague: [LanguagePhrase], standards: [LanguagePattern], numbers: [LanguagePattern],
                exclusionary: [ExclusionaryRequirement]) {
        self.vague = vague
        self.standards = standards
        self.numbers = numbers
        self.exclusionary = exclusionary
    }

    /// A digit of any script, for text not all ASCII.
    static let figures = CompiledExpression(pattern: #"\p{Nd}"#, ignoringCase: false)

    /// Where the last standard in the text begins (a UTF-16 offset), or nil when it gives none. A
    /// vague phrase ending at or before that offset is followed by a standard: one look at the text
    /// answers for every vague phrase in it.
    func lastStandardStart(in search: SearchText) -> Int? {
        var last: Int?
        func note(_ offset: Int) { last = max(last ?? offset, offset) }
        if search.isASCII {
            if let digit = search.utf8.lastIndex(where: { $0 &- UInt8(ascii: "0") < 10 }) { note(digit) }
        } else if let digit = Self.figures.matches(in: search).last {
            note(digit.location)
        }
        for pattern in standards + numbers {
            if let match = pattern.nsMatches(in: search).last { note(match.location) }
        }
        return last
    }

    /// Whether the text gives a standard: one of `standards`, a number in words or a number in figures.
    public func givesStandard(_ text: String) -> Bool {
        let text = SearchText(text)
        if text.isASCII {
            if text.utf8.contains(where: { $0 &- UInt8(ascii: "0") < 10 }) { return true }
        } else if Self.figures.firstMatch(in: text) != nil {
            return true
        }
        return standards.contains { $0.occurs(in: text) } || numbers.contains { $0.occurs(in: text) }
    }
}

/// A requirement that shuts out the people peer roles are for when it is essential: a degree, a
/// registration, years of paid experience in an entry role, a driving licence with no alternative.
public struct ExclusionaryRequirement: Sendable {
    public var pattern: LanguagePattern
    public var instead: String
    /// Applies only to the entry role (the lowest tier).
    public var entryOnly: Bool
    /// Phrases that, anywhere in the criterion, show an alternative is accepted.
    public var unless: [LanguagePattern]
    public var location: SourceLocation?

    public init(_ pattern: LanguagePattern, instead: String, entryOnly: Bool = false, unless: [LanguagePattern] = [],
                location: SourceLocation? = nil) {
        self.pattern = pattern
        self.instead = instead
        self.entryOnly = entryOnly
        self.unless = unless
        self.location = location
    }
}
