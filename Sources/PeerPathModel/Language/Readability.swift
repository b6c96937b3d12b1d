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
        self.init(sentences: Self.sentences(in: text))
    }

    /// Counts sentences already split (each string one sentence; one with no word is not counted).
    public init(sentences: [String]) {
        var counted = 0
        var words = 0
        var syllables = 0
        for sentence in sentences {
            let found = Self.words(in: sentence)
            guard !found.isEmpty else { continue }
            counted += 1
            words += found.count
            syllables += found.reduce(0) { $0 + Self.syllables(in: $1) }
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

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = ["e.g", "eg", "i.e", "ie", "etc", "approx", "incl", "cf", "vs",
                                             "dr", "mr", "mrs", "ms", "prof", "dept", "min", "max"]

    /// The sentences of a text. A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets
    /// after it) followed by a space or the end of the text; a full stop after one of the common
    /// abbreviations (e.g., i.e., etc., Mr) or a single capital letter (an initial) does not end one.
    /// Whatever follows the last end is a sentence too, so a line with no full stop — a criterion
    /// written as a phrase — counts as one sentence. Sentences are returned trimmed.
    public static func sentences(in text: String) -> [String] {
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
        var body = Substring(text)
        while let last = body.last, ".\"'\u{2019}\u{201D})]".contains(last) { body.removeLast() }
        let word = body.reversed().prefix { $0.isLetter || $0 == "." }
        let token = String(word.reversed())
        if token.count == 1, token.first!.isUppercase { return true }
        return abbreviations.contains(token.lowercased())
    }

    // MARK: Words

    private static let wordPattern = try! NSRegularExpression(
        pattern: #"[\p{L}\p{N}]+(?:['\u2019\-\u2010\u2011.,][\p{L}\p{N}]+)*"#)

    /// The words of a text: runs of letters and digits, which may be joined by an apostrophe
    /// ("don't"), a hyphen ("one-to-one", one word), or a full stop or comma between digits or
    /// letters ("37.5", "40,000", "e.g"). A slash separates words ("and/or" is two).
    public static func words(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return wordPattern.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }.flatMap { word -> [String] in
            // A comma or full stop between letters ("well,then") is punctuation missing its space.
            guard word.contains(where: { $0 == "," || $0 == "." }), word.contains(where: \.isLetter),
                  !word.contains(where: \.isNumber) else { return [word] }
            let parts = word.split(whereSeparator: { $0 == "," || $0 == "." }).map(String.init)
            return parts.allSatisfy({ $0.count == 1 }) ? [word] : parts   // "e.g" stays one word
        }
    }

    // MARK: Syllables

    /// The syllables of one word of English, by rule (no dictionary but a few exceptions), correct
    /// for most everyday words and within one for nearly all others:
    ///
    /// - a hyphenated word is the sum of its parts; digits count one syllable each ("15" is 2);
    /// - a word of two to five capitals is an abbreviation, spelt out: one syllable a letter ("NHS" is 3);
    /// - otherwise, in lower case with apostrophes dropped: a plural or possessive `s` is removed
    ///   (`-es` after s, x, z, ch, sh, or a `ce`/`ge`/`se`/`ze` ending, adds one: "boxes", "places");
    ///   then the endings `-ly`, `-ful`, `-ment`, `-ness`, `-less`, `-ing` and `-ed` are each one
    ///   syllable ("-ed" only after t or d: "wanted" 2, "walked" 1) counted on top of the stem,
    ///   when the stem keeps a vowel; a final silent `e` is dropped (not after a vowel, not in a
    ///   consonant + `le` ending such as "table", and not where `-ing` was removed: "be-ing");
    /// - the syllables are the groups of vowels (a e i o u, and y except at the start; u after q is
    ///   a consonant), at least one;
    /// - plus one where a group of vowels is spoken as two: i before a, o or u other than in -cia,
    ///   -tio, -sio, -gio, -xio and -nion/-lion ("me-di-a", "pe-ri-od"); -ie- before t ("qui-et",
    ///   "so-ci-e-ty"); -ien- before t or c other than after c, t, s, g, x ("cli-ent",
    ///   "ex-pe-ri-ence"); a final -ier ("ear-li-er"); u before a other than after g or q
    ///   ("ac-tu-al"); u before e and n or l other than after g or q ("in-flu-ence"); e before o other
    ///   than after p, before u, or in -geon ("the-o-ry"); the prefixes co-op, co-ord and re- before i, o or u; a final -ism.
    public static func syllables(in word: String) -> Int {
        let parts = word.split(whereSeparator: { "-\u{2010}\u{2011}".contains($0) })
        if parts.count > 1 { return parts.reduce(0) { $0 + syllables(in: String($1)) } }
        var letters = ""
        var digits = 0
        for character in word {
            if character.isLetter { letters.append(character) } else if character.isNumber { digits += 1 }
        }
        if letters.isEmpty { return digits }
        if (2...5).contains(letters.count), letters.allSatisfy(\.isUppercase) { return letters.count + digits }
        return englishSyllables(letters.lowercased()) + digits
    }

    /// Words the rules get wrong that job descriptions for peer roles use often.
    static let exceptions: [String: Int] = [
        "suicide": 3, "suicidal": 4, "area": 3, "idea": 3, "create": 2, "created": 3, "creating": 3,
        "creative": 3, "creation": 3, "business": 2, "something": 2, "sometimes": 2, "somewhere": 2,
        "someone": 2, "somebody": 3, "science": 2, "safeguard": 2, "safeguarding": 3, "every": 2,
        "everyday": 3, "everything": 3, "everybody": 4, "element": 3, "elements": 3, "being": 2,
        "react": 2, "reality": 4, "real": 1, "really": 2, "people": 2, "hundred": 2, "beyond": 2,
    ]

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    static func englishSyllables(_ word: String) -> Int {
        if let known = exceptions[word] { return known }
        var stem = word
        var extra = 0
        // Plural or possessive s.
        if stem.count > 3, stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            let single = String(stem.dropLast())
            if let known = exceptions[single] { return known }
            if ["xes", "ches", "shes", "zes", "sses"].contains(where: stem.hasSuffix)
                || (["ce", "ge", "se", "ze"].contains(where: single.hasSuffix) && single.count >= 3) {
                extra += 1
                stem = String(single.dropLast())   // "places" → "plac" + 1
            } else {
                stem = single
            }
        }
        // Endings that are a syllable of their own.
        var droppedIng = false
        for _ in 0..<2 {
            if stem.count > 4, stem.hasSuffix("ly"), hasVowel(stem.dropLast(2)) {
                stem.removeLast(2); extra += 1
            } else if stem.count > 5, stem.hasSuffix("ful"), hasVowel(stem.dropLast(3)) {
                stem.removeLast(3); extra += 1
            } else if stem.count > 6, stem.hasSuffix("ment"), hasVowel(stem.dropLast(4)) {
                stem.removeLast(4); extra += 1
            } else if stem.count > 6, stem.hasSuffix("ness") || stem.hasSuffix("less"), hasVowel(stem.dropLast(4)) {
                stem.removeLast(4); extra += 1
            } else if stem.count > 4, stem.hasSuffix("ing"), hasVowel(stem.dropLast(3)) {
                stem.removeLast(3); extra += 1; droppedIng = true
                break
            } else if stem.count > 3, stem.hasSuffix("ed"), !stem.hasSuffix("eed"), hasVowel(stem.dropLast(2)) {
                stem.removeLast(2)
                if stem.hasSuffix("t") || stem.hasSuffix("d") { extra += 1 }
                break
            } else {
                break
            }
        }
        if let known = exceptions[stem] { return known + extra }
        // Silent final e.
        let chars = Array(stem)
        if !droppedIng, chars.count > 2, chars.last == "e", !vowels.contains(chars[chars.count - 2]) {
            let consonantLe = chars[chars.count - 2] == "l" && chars.count > 3 && !vowels.contains(chars[chars.count - 3])
            if !consonantLe { stem.removeLast() }
        }
        return max(1, vowelGroups(stem)) + extra + splitVowels(stem)
    }

    private static func hasVowel(_ text: Substring) -> Bool {
        text.contains { "aeiouy".contains($0) }
    }

    private static func isVowel(_ chars: [Character], _ index: Int) -> Bool {
        let character = chars[index]
        if character == "y" { return index > 0 }
        if character == "u", index > 0, chars[index - 1] == "q" { return false }
        return vowels.contains(character)
    }

    static func vowelGroups(_ word: String) -> Int {
        let chars = Array(word)
        var groups = 0
        var previous = false
        for index in chars.indices {
            let vowel = isVowel(chars, index)
            if vowel && !previous { groups += 1 }
            previous = vowel
        }
        return groups
    }

    /// Groups of vowels spoken as two syllables (see `syllables(in:)`).
    static func splitVowels(_ word: String) -> Int {
        let c = Array(word)
        var extra = 0
        func at(_ i: Int) -> Character? { c.indices.contains(i) ? c[i] : nil }
        for i in c.indices {
            let before = at(i - 1)
            switch (c[i], at(i + 1)) {
            case ("i", "a"?), ("i", "o"?), ("i", "u"?):
                if let before, "ctsgx".contains(before) { break }
                if at(i + 1) == "o", at(i + 2) == "n", let before, "nl".contains(before) { break }
                if before == "u", at(i - 2) == "q" { break }
                extra += 1
            case ("i", "e"?):
                if at(i + 2) == "t" {
                    extra += 1
                } else if at(i + 2) == "n", let next = at(i + 3), "tc".contains(next), !(before.map { "ctsgx".contains($0) } ?? false) {
                    extra += 1
                } else if at(i + 2) == "r", i + 3 == c.count {
                    extra += 1
                }
            case ("u", "a"?):
                if let before, "gq".contains(before) { break }
                extra += 1
            case ("u", "e"?):
                if let before, "gq".contains(before) { break }
                if let next = at(i + 2), "nl".contains(next) { extra += 1 }
            case ("e", "o"?):
                if before == "p" || at(i + 2) == "u" { break }          // people, courageous
                if before == "g", at(i + 2) == "n" { break }            // surgeon
                extra += 1
            default:
                break
            }
        }
        if word.hasPrefix("coop") || word.hasPrefix("coord") { extra += 1 }
        if word.count > 4, word.hasPrefix("re"), let third = at(2), "iou".contains(third), !word.hasPrefix("reig") { extra += 1 }
        if word.hasSuffix("ism") { extra += 1 }
        return extra
    }
}
