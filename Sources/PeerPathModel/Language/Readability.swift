import Foundation

/// How easy a text is to read: the Flesch reading ease score and the average sentence length.
///
/// Flesch reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)
/// (Flesch, 1948). 60–70 is plain English that most adults read easily; below 50 reads like an
/// academic paper. Sentences, words and syllables are counted as documented on `sentences(in:)`,
/// `words(in:)` and `syllables(in:)`.
public struct Readability: Sendable, Equatable {
    public var sentences: Int
    public var words: Int
    public var syllables: Int

    public init(sentences: Int, words: Int, syllables: Int) {
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
    }

    /// Counts a text: its sentences, then the words and syllables of each.
    public init(text: String) {
        self.init(counted: Self.countedSentences(in: text))
    }

    /// Counts sentences already split (each string one sentence; one with no word is not counted).
    public init(sentences: [String]) {
        self.init(counted: sentences.map(Sentence.init))
    }

    /// Totals sentences already counted (one with no word is not counted).
    init(counted sentences: [Sentence]) {
        var counted = 0
        var words = 0
        var syllables = 0
        for sentence in sentences where sentence.words > 0 {
            counted += 1
            words += sentence.words
            syllables += sentence.syllables
        }
        self.init(sentences: counted, words: words, syllables: syllables)
    }

    /// Words per sentence (0 for no text).
    public var averageSentenceLength: Double {
        sentences == 0 ? 0 : Double(words) / Double(sentences)
    }

    /// Syllables per word (0 for no text).
    public var averageSyllablesPerWord: Double {
        words == 0 ? 0 : Double(syllables) / Double(words)
    }

    /// The Flesch reading ease score; higher is easier. Not bounded: one-syllable words in very short
    /// sentences score above 100, long words in long sentences below 0. 0 for no text.
    public var fleschReadingEase: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 206.835 - 1.015 * averageSentenceLength - 84.6 * averageSyllablesPerWord
    }

    // MARK: Sentences

    /// One sentence of a text, with its words and syllables counted.
    struct Sentence {
        var text: String
        var words: Int
        var syllables: Int

        init(_ text: String) {
            self.text = text
            (words, syllables) = Readability.count(text)
        }

        init(text: String, words: Int, syllables: Int) {
            self.text = text
            self.words = words
            self.syllables = syllables
        }
    }

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = ["e.g", "eg", "i.e", "ie", "etc", "approx", "incl", "cf", "vs",
                                             "dr", "mr", "mrs", "ms", "prof", "dept", "min", "max"]

    /// The sentences of a text. A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets
    /// after it) followed by a space or the end of the text; a full stop after one of the common
    /// abbreviations (e.g., i.e., etc., Mr) or a single capital letter (an initial) does not end one.
    /// Whatever follows the last end is a sentence too, so a line with no full stop — a criterion
    /// written as a phrase — counts as one sentence. Sentences are returned trimmed.
    public static func sentences(in text: String) -> [String] {
        text.withUTF8Buffer { utf8 in
            guard utf8.isASCII else { return characterSentences(in: text) }
            return asciiSentences(utf8).map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
        }
    }

    /// The sentences of a text (as `sentences(in:)`), each with its words and syllables counted.
    static func countedSentences(in text: String) -> [Sentence] {
        text.withUTF8Buffer { utf8 in
            guard utf8.isASCII else { return characterSentences(in: text).map(Sentence.init) }
            return asciiSentences(utf8).map { range in
                let (words, syllables) = count(utf8, range, within: nil)
                return Sentence(text: String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self),
                                words: words, syllables: syllables)
            }
        }
    }

    /// The sentences of an ASCII text, read byte by byte: the same sentences as read character by
    /// character (`characterSentences(in:)`), as offsets.
    static func asciiSentences(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        func add(_ start: Int, _ end: Int) {
            var start = start
            var end = end
            while start < end, isSpace(utf8[start]) { start += 1 }
            while end > start, isSpace(utf8[end - 1]) { end -= 1 }
            if Words.any(in: utf8, start..<end) { sentences.append(start..<end) }
        }
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else { continue }
            while index < utf8.count, isEndMark(utf8[index]) || utf8[index] == UInt8(ascii: "!") || utf8[index] == UInt8(ascii: "?") {
                index += 1
            }
            guard index == utf8.count || isSpace(utf8[index]) else { continue }
            if byte == UInt8(ascii: "."), endsWithAbbreviation(utf8, start..<index) { continue }
            add(start, index)
            start = index
        }
        add(start, utf8.count)
        return sentences
    }

    /// ASCII white space (Unicode `White_Space`, and Foundation's `whitespacesAndNewlines`).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `.`, and the ASCII closing quotes and brackets: what may close a sentence after its end.
    private static func isEndMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): true
        default: false
        }
    }

    private static func endsWithAbbreviation(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, isEndMark(utf8[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound, Words.isASCIILetter(utf8[start - 1]) || utf8[start - 1] == UInt8(ascii: ".") { start -= 1 }
        if end - start == 1, utf8[start] &- UInt8(ascii: "A") < 26 { return true }
        return abbreviations.contains(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self).lowercased())
    }

    /// The sentences of any text, read character by character.
    static func characterSentences(in text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            index += 1
            guard ".!?".contains(character) else { continue }
            while index < characters.count, ".!?\"'\u{2019}\u{201D})]".contains(characters[index]) {
                current.append(characters[index])
                index += 1
            }
            guard index == characters.count || characters[index].isWhitespace else { continue }
            if character == "." && endsWithAbbreviation(current) { continue }
            let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { sentences.append(sentence) }
            current = ""
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences.filter { !words(in: $0).isEmpty }
    }

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        // Walks back through the text's own indices: reversed views of slices are generic types
        // the runtime must build at first use, which cost more than the whole walk.
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard closingMarks.contains(text[before]) else { break }
            end = before
        }
        var start = end
        while start > text.startIndex {
            let before = text.index(before: start)
            guard text[before].isLetter || text[before] == "." else { break }
            start = before
        }
        let token = text[start..<end]
        if token.count == 1, token.first!.isUppercase { return true }
        return abbreviations.contains(token.lowercased())
    }

    /// What may close a sentence after its full stop, read character by character.
    private static let closingMarks: Set<Character> = [".", "\"", "'", "\u{2019}", "\u{201D}", ")", "]"]

    // MARK: Words

    /// The words of a text: runs of letters and digits, which may be joined by an apostrophe
    /// ("don't"), a hyphen ("one-to-one", one word), or a full stop or comma between digits or
    /// letters ("37.5", "40,000", "e.g"). A slash separates words ("and/or" is two).
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        text.withUTF8Buffer { utf8 in
            forEachWord(utf8, 0..<utf8.count, within: utf8.isASCII ? nil : text) { range in
                words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self))
            }
        }
        return words
    }

    /// Counts the words of a text and their syllables.
    static func count(_ text: String) -> (words: Int, syllables: Int) {
        text.withUTF8Buffer { utf8 in count(utf8, 0..<utf8.count, within: utf8.isASCII ? nil : text) }
    }

    /// Counts the words of a piece of a text's UTF-8 and their syllables (`text`: as `forEachWord`).
    static func count(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, within text: String?) -> (words: Int, syllables: Int) {
        var words = 0
        var syllables = 0
        forEachWord(utf8, range, within: text) { word in
            words += 1
            syllables += Self.syllables(utf8, word)
        }
        return (words, syllables)
    }

    private static let joins: Words.Joins = [.apostrophes, .hyphens, .points]

    /// Calls `body` with the offsets of each word (as `words(in:)`). In a text that is not all
    /// ASCII, given as `text`, a word that begins or ends inside a character (before a combining
    /// accent, say) is left out, as it always has been: it is no range of the text's characters.
    private static func forEachWord(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, within text: String?,
                                    _ body: (Range<Int>) -> Void) {
        Words.forEach(in: utf8, range, joins: joins) { word in
            if let text, !text.isCharacterBoundary(utf8: word.range.lowerBound) || !text.isCharacterBoundary(utf8: word.range.upperBound) {
                return
            }
            guard word.joins.contains(.points) else { return body(word.range) }
            guard word.isASCII else {
                return characterParts(of: String(decoding: UnsafeBufferPointer(rebasing: utf8[word.range]), as: UTF8.self),
                                      at: word.range.lowerBound).forEach(body)
            }
            // A comma or full stop between letters ("well,then") is punctuation missing its space.
            var letter = false
            var digit = false
            var longPart = false
            var partStart = word.range.lowerBound
            for index in word.range {
                let byte = utf8[index]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                    partStart = index + 1
                } else {
                    if index > partStart { longPart = true }
                    if Words.isASCIILetter(byte) { letter = true } else if byte &- UInt8(ascii: "0") < 10 { digit = true }
                }
            }
            guard letter, !digit, longPart else { return body(word.range) }   // "e.g" stays one word
            partStart = word.range.lowerBound
            for index in word.range where utf8[index] == UInt8(ascii: ".") || utf8[index] == UInt8(ascii: ",") {
                body(partStart..<index)
                partStart = index + 1
            }
            body(partStart..<word.range.upperBound)
        }
    }

    /// The parts of a word that is not ASCII and has a full stop or comma in it, as offsets from
    /// `offset`, read character by character.
    private static func characterParts(of word: String, at offset: Int) -> [Range<Int>] {
        let isPoint = { (character: Character) in character == "," || character == "." }
        guard word.contains(where: isPoint), word.contains(where: \.isLetter), !word.contains(where: \.isNumber)
        else { return [offset..<offset + word.utf8.count] }
        let parts = word.split(whereSeparator: isPoint)
        guard !parts.allSatisfy({ $0.count == 1 }) else { return [offset..<offset + word.utf8.count] }
        return parts.map { part in
            let start = offset + word.utf8.distance(from: word.startIndex, to: part.startIndex)
            return start..<start + part.utf8.count
        }
    }
}
