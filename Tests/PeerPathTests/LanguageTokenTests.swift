import Foundation
@testable import PeerPath
@testable import PeerPathLoading
@testable import PeerPathModel
import Testing

/// The language checks read text byte by byte (ASCII) and scalar by scalar, and match written
/// phrases by hand. These tests pin that reading on tricky text, and check it against the reading
/// as first written — ICU expressions, `Character`s — on the shipped texts and on many generated
/// ones: the same words, sentences, syllables, coded words and phrase matches, in the same places.
@Suite("Language checks: words, sentences and phrases read byte by byte, as ICU reads them")
struct LanguageTokenTests {
    static let data = LanguageTests.data
    static let checks = LanguageTests.checks

    // MARK: Pinned words

    @Test(arguments: [
        ("", [String]()),
        ("people’s groups and people's notes", ["people’s", "groups", "and", "people's", "notes"]),
        ("one‐to‐one and one‑to‑one and one-to-one", ["one‐to‐one", "and", "one‑to‑one", "and", "one-to-one"]),
        ("dashes – and — split; so do -leading and trailing- hyphens", ["dashes", "and", "split", "so", "do", "leading", "and", "trailing", "hyphens"]),
        ("café, Straße, ψυχική υγεία", ["café", "Straße", "ψυχική", "υγεία"]),
        ("works 37.5 hours for 40,000 people", ["works", "37.5", "hours", "for", "40,000", "people"]),
        ("e.g. a diary, i.e. paper", ["e.g", "a", "diary", "i.e", "paper"]),
        ("well,then.next", ["well", "then", "next"]),
        ("and/or", ["and", "or"]),
        ("good 👍 work 👩‍👩‍👧 here", ["good", "work", "here"]),
        // A word that ends inside a character (before a combining accent) is no word, as first written.
        ("cafe\u{301} and nai\u{308}ve", ["and", "ve"]),
        ("x². 3½ Ⅻ", ["x²", "3½", "Ⅻ"]),
        ("'quoted' ‘curly’ - - ''", ["quoted", "curly"]),
    ])
    func readabilityWords(text: String, words: [String]) {
        #expect(Readability.words(in: text) == words)
        #expect(Readability.words(in: text) == Reference.readabilityWords(text))
    }

    @Test func languageWordsAndTheirParts() {
        let text = "Self‐confident, co-operative people’s lead—and e.g. 37.5"
        #expect(words(text, [.apostrophes, .hyphens]) == ["Self‐confident", "co-operative", "people’s", "lead", "and", "e", "g", "37", "5"])
        #expect(words(text, .apostrophes) == ["Self", "confident", "co", "operative", "people’s", "lead", "and", "e", "g", "37", "5"])
        #expect(words("", [.apostrophes, .hyphens, .points]) == [])
    }

    @Test func codedWordsInTrickyText() {
        let text = "A self‐confident, Co-Operative LEADER’s support; Leaders' team-leading and über-kind."
        #expect(Self.checks.codedWords(in: text, ignoring: []).map(\.word) == ["confident", "Co-Operative", "LEADER’s", "support", "Leaders", "leading", "kind"])
        #expect(Self.checks.codedWords(in: text, ignoring: []).map(\.word) == Reference.codedWords(Self.checks, text, ignoring: []).map(\.word))
    }

    @Test func sentencesInTrickyText() {
        let text = "Use a diary (e.g. a paper one). Then rest!\r\nIs it done?” Mr. Smith’s team. J. Bloggs signs. 37.5 hours…"
        #expect(Readability.sentences(in: text) == ["Use a diary (e.g. a paper one).", "Then rest!", "Is it done?”", "Mr. Smith’s team.", "J. Bloggs signs.", "37.5 hours…"])
        #expect(Readability.sentences(in: text) == Reference.sentences(in: text))
        let ascii = "Works 37.5 hours a week.\tDr. Smith signs it off.\r\n(See etc.) 'Done.' ... !?"
        #expect(Readability.sentences(in: ascii) == Reference.sentences(in: ascii))
        #expect(Readability.sentences(in: "") == [])
        #expect(Readability(text: "") == Readability(sentences: 0, words: 0, syllables: 0))
    }

    // MARK: Letters and digits as ICU has them

    /// Every scalar is a letter or digit for the tokeniser exactly when ICU's `[\p{L}\p{N}]` says so.
    @Test func lettersAndDigitsAreICUs() {
        let expression = try! NSRegularExpression(pattern: #"[\p{L}\p{N}]"#)
        var disagreeing: [String] = []
        var start: UInt32 = 0
        while start < 0x110000 {
            let scalars = (start..<min(start + 0x1000, 0x110000)).compactMap(Unicode.Scalar.init)
            var view = String.UnicodeScalarView()
            for scalar in scalars { view.append(scalar); view.append(" ") }
            let text = String(view)
            var icu = Set<UInt32>()
            let ns = text as NSString
            for match in expression.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                icu.formUnion(ns.substring(with: match.range).unicodeScalars.map(\.value))
            }
            for scalar in scalars where Words.isLetterOrDigit(scalar) != icu.contains(scalar.value) {
                disagreeing.append(String(scalar.value, radix: 16))
            }
            start += 0x1000
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20))")
    }

    // MARK: Against the first reading

    @Test func wordsAreTheExpressionsWords() {
        for text in Self.texts {
            #expect(words(text, [.apostrophes, .hyphens]) == Reference.strings(Reference.languageWord, text), "\(text.debugDescription)")
            #expect(words(text, .apostrophes) == Reference.strings(Reference.part, text), "\(text.debugDescription)")
            #expect(words(text, [.apostrophes, .hyphens, .points]) == Reference.strings(Reference.readabilityWord, text), "\(text.debugDescription)")
            #expect(Readability.words(in: text) == Reference.readabilityWords(text), "\(text.debugDescription)")
        }
    }

    @Test func sentencesAndCountsAreTheFirstReadings() {
        for text in Self.texts {
            let sentences = Reference.sentences(in: text)
            #expect(Readability.sentences(in: text) == sentences, "\(text.debugDescription)")
            #expect(Readability.countedSentences(in: text).map(\.text) == sentences, "\(text.debugDescription)")
            #expect(Readability(text: text) == Reference.readability(sentences), "\(text.debugDescription)")
            #expect(Readability(sentences: sentences) == Reference.readability(sentences), "\(text.debugDescription)")
        }
    }

    @Test func syllablesAreTheFirstRules() {
        var words = Set(Self.texts.flatMap(Reference.readabilityWords))
        words.formUnion(Self.data.genderCoded.masculine.map(\.word) + Self.data.genderCoded.feminine.map(\.word))
        words.formUnion(Readability.exceptions.keys.flatMap { [$0, $0 + "s", $0 + "ly", $0.uppercased(), $0.capitalized] })
        // Words made of the pieces the rules look at: prefixes, vowel pairs, endings.
        let prefixes = ["", "", "", "re", "co", "coop", "coord", "reig", "qu", "y", "u", "i", "e"]
        let pieces = ["a", "e", "i", "o", "u", "y", "q", "c", "g", "t", "s", "x", "z", "l", "n", "p", "d", "r", "m", "h", "b",
                      "ia", "io", "iu", "ie", "iet", "ient", "ienc", "ua", "ue", "uen", "uel", "eo", "geon", "peo", "eou", "tio", "cia",
                      "nion", "lion", "qui", "gua", "ch", "sh", "ss", "ee", "'", "-", "A", "E", "1", "é"]
        let endings = ["", "", "s", "es", "xes", "ches", "shes", "zes", "sses", "ces", "ges", "ses", "us", "is", "ly", "ful", "ment",
                       "ness", "less", "ing", "ed", "ted", "ded", "eed", "e", "le", "ble", "ier", "ism", "ies", "'s", "ingly", "fully",
                       "edly", "mently", "lessness"]
        var random = Generator(seed: 7)
        for _ in 0..<20000 {
            let middle = (0..<random.next(in: 0...4)).map { _ in random.pick(pieces) }.joined()
            words.insert(random.pick(prefixes) + middle + random.pick(endings))
        }
        for word in words.sorted() {
            #expect(Readability.syllables(in: word) == Reference.syllables(in: word), "\(word)")
        }
    }

    @Test func codedWordsAreTheFirstReadings() {
        let titles = ["Peer Leader", "Senior Peer Support Worker", "Café Lead"].compactMap { LanguagePattern(phrase: $0 + "*") }
        let ignoring = titles + Self.data.genderCoded.ignore
        for text in Self.texts {
            for patterns in [[], ignoring] {
                let found = Self.checks.codedWords(in: text, ignoring: patterns)
                let expected = Reference.codedWords(Self.checks, text, ignoring: patterns)
                #expect(found.map(\.word) == expected.map(\.word), "\(text.debugDescription)")
                #expect(found.map(\.coded) == expected.map(\.coded), "\(text.debugDescription)")
                #expect(found.map(\.side) == expected.map(\.side), "\(text.debugDescription)")
            }
            for word in Reference.strings(Reference.languageWord, text) + Reference.strings(Reference.part, text) {
                let (fast, slow) = (Self.data.genderCoded.match(word), Self.data.genderCoded.characterMatch(word))
                #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(word)")
            }
        }
    }

    /// Every pattern of the data, and phrases with every kind of piece, finds by hand (and after
    /// its required letters) what its ICU expression finds.
    @Test func patternsFindWhatTheirExpressionsFind() throws {
        var patterns = Self.patterns
        for phrase in ["e.g.", "24/7", "(sic)", "a+b", "x^2 [note] {a} |b| $5 ~a` @x #1 %s &c", "back\\slash", "trust's", "one-to-one*",
                       "Support, Work*", "lead*,", "can, for example,", "Co-op", "a", "-", "A-Z", "don't*", "\"quoted\""] {
            patterns += [LanguagePattern(phrase: phrase)].compactMap { $0 }
        }
        var matches = 0
        for text in Self.texts {
            let search = SearchText(text)
            for pattern in patterns {
                let expected = pattern.expressionMatches(in: search)
                matches += expected.count
                #expect(pattern.nsMatches(in: search) == expected, "\(pattern) in \(text.debugDescription)")
                #expect(pattern.occurs(in: search) == !expected.isEmpty, "\(pattern) in \(text.debugDescription)")
            }
        }
        #expect(matches > 1000)
    }

    @Test func aPhraseOfPrintableASCIIIsMatchedByHand() throws {
        #expect(LanguagePattern(phrase: "peer support*")?.parts.matcher != nil)
        #expect(LanguagePattern(phrase: "service user’s")?.parts.matcher == nil)
        #expect(LanguagePattern(phrase: "naïve")?.parts.matcher == nil)
        #expect(try LanguagePattern(pattern: #"\ba depressive\b"#).parts.required?.runs == [Array("depressive".utf8)])
        #expect(try LanguagePattern(pattern: #"\bpaid (work)\b|\bexperience in (a )?paid\b"#).parts.required?.runs
                == [Array("paid".utf8), Array("experience".utf8)])
        #expect(try LanguagePattern(pattern: #"\b(?-i:BSc|BA)\b|\bdiploma\b"#).parts.required == nil)
        #expect(try LanguagePattern(pattern: #"\b(?x) a b # comment"#).parts.required == nil)
        #expect(try LanguagePattern(pattern: #"years?\b"#).parts.required?.runs == [Array("year".utf8)])
    }

    // MARK: Texts

    /// The shipped texts (every passage of every role of the shipped pathways and language
    /// fixtures), tricky texts, and generated ones.
    static let texts: [String] = {
        var texts: [String] = []
        let files = TestSupport.shippedPathways + ["clean", "exclusionary-requirement", "factor-plan-wording", "gender-coded", "readability",
                                                    "stigmatising-language", "untestable-criterion"].map {
            (LanguageTests.folder as NSString).appendingPathComponent("\($0).yaml")
        }
        for file in files {
            guard let pathway = try? TestSupport.pipeline.load(file) else { continue }
            for role in pathway.roles { texts += LanguageChecks.RoleTexts(role).all.map(\.text) }
        }
        texts = Array(Set(texts)).sorted()
        precondition(texts.count > 100, "the shipped texts are read")
        texts += tricky
        var random = Generator(seed: 2025)
        for number in 0..<700 { texts.append(generated(&random, ascii: number % 3 != 0)) }
        return texts
    }()

    static let tricky = [
        "", " ", ".", "e.g.", "Mr. A. Smith.", "I.E. done. ETC. ok.", "word.", "word!)", "“Quote.” Next", "(Done.) Next.",
        "a.b.c. d", "A. B. C.", "37.5. 40,000, 1,2,3.", "people’s", "self‐confident", "co‑operative", "ſervice user", "KELVIN",
        "İstanbul leader", "ﬁnancial support", "Straße", "naïve", "cafe\u{301}. Next", "Σοφία. Ναι.", "👍. 👩‍👩‍👧 lead.", "กำ lead",
        "\u{1100}\u{1161} lead", "x\u{FF9E}'s lead", "-lead", "lead-", "--lead--", "lead's's", "LEAD'S", "lead’s", "Leaders'",
        "tab\tline\nbreak\u{0B}vt\u{0C}ff\r\ncrlf\u{1C}fs\u{85}nel\u{A0}nbsp", "\u{2028}sep", "a\u{0}b", "the mentally ill", "a mentally-ill",
        "high functioning", "High-Functioning", "high\u{2010}functioning", "high - functioning", "psycho-education", "a psycho.",
        "sufferers and a sufferer", "service user's illness", "service user’s illness", "the service users' illness",
        "peer support worker", "Peer-Support", "NHS trust-wide", "across the trust's teams", "a depressive episode", "a depressive",
        "an alcoholic drink", "An Alcoholic.", "5 years' paid experience", "two years’ experience", "a degree", "degree of",
        "BSc or MSc", "bsc", "A-levels", "A levels", "full, clean driving licence", "own car", "GCSEs grade C", "grade 4",
        "years child I.e. bedlead Dr. work e.g.objective ” LEADERSHIP stubborn detail\u{301}",
    ]

    /// A text of words of the data, other words, spaces, hyphens, marks and digits, in any case;
    /// with some other scalars (letters, marks, emoji) unless `ascii`.
    static func generated(_ random: inout Generator, ascii: Bool) -> String {
        let pieces = [" ", " ", " ", "  ", "-", " - ", "\t", "\n", ".", ". ", ",", ", ", "'", "'s", "!", "?", "\"", "(", ")", "]", "/", "&",
                      "*", ";", "37.5", "40,000", "2", "e.g.", "i.e.", "Dr.", "J.", "etc.", "s", "x"]
        let other = ["’", "‐", "‑", "–", "é", "ß", "Σ", "ſ", "\u{212A}", "İ", "ﬁ", "\u{301}", "👍", "👩‍👩‍👧", "ำ", "”", "…", "\u{A0}", "½", "\u{1E9E}"]
        var text = ""
        for _ in 0..<random.next(in: 0...24) {
            switch random.next(in: 0...9) {
            case 0...4: text += recase(random.pick(vocabulary), &random)
            case 5...7: text += random.pick(pieces)
            case 8: text += ascii ? random.pick(pieces) : random.pick(other)
            default: text += random.pick(["support", "lead", "leader", "people", "the", "and", "a", "work", "experience", "kind"])
            }
        }
        return text
    }

    static func recase(_ word: String, _ random: inout Generator) -> String {
        switch random.next(in: 0...5) {
        case 0: word.uppercased()
        case 1: word.capitalized
        default: word
        }
    }

    /// Every pattern of the language data.
    static let patterns: [LanguagePattern] = {
        let criteria = data.criteria
        return data.stigmatising.map(\.pattern) + data.genderCoded.ignore + data.factorPlan.phrases.map(\.pattern)
            + data.factorPlan.factors.flatMap(\.headings) + criteria.vague.map(\.pattern) + criteria.standards + criteria.numbers
            + criteria.exclusionary.flatMap { [$0.pattern] + $0.unless }
    }()

    /// The words of the data's phrases, and the gender-coded words and stems.
    static let vocabulary: [String] = {
        var words = Set<String>()
        for pattern in patterns {
            if case .phrase(let phrase) = pattern.source {
                words.formUnion(phrase.split(whereSeparator: { $0 == " " || $0 == "*" }).map(String.init))
            }
        }
        words.formUnion((data.genderCoded.masculine + data.genderCoded.feminine).map(\.word))
        return words.sorted()
    }()

    func words(_ text: String, _ joins: Words.Joins) -> [String] {
        var words: [String] = []
        let utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { buffer in
            Words.forEach(in: buffer, 0..<buffer.count, joins: joins) { word in
                words.append(String(decoding: buffer[word.range], as: UTF8.self))
            }
        }
        return words
    }
}

/// A small deterministic random number generator (SplitMix64).
struct Generator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[next(in: 0...elements.count - 1)]
    }
}

/// Words, sentences, syllables and coded words as the language checks first read them: ICU
/// expressions, `NSString` and `Character`s.
enum Reference {
    static let languageWord = try! NSRegularExpression(pattern: #"[\p{L}\p{N}]+(?:['\u2019\-\u2010\u2011][\p{L}\p{N}]+)*"#)
    static let part = try! NSRegularExpression(pattern: #"[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*"#)
    static let readabilityWord = try! NSRegularExpression(pattern: #"[\p{L}\p{N}]+(?:['\u2019\-\u2010\u2011.,][\p{L}\p{N}]+)*"#)

    static func strings(_ expression: NSRegularExpression, _ text: String) -> [String] {
        let ns = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    static func readabilityWords(_ text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return readabilityWord.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }.flatMap { word -> [String] in
            guard word.contains(where: { $0 == "," || $0 == "." }), word.contains(where: \.isLetter),
                  !word.contains(where: \.isNumber) else { return [word] }
            let parts = word.split(whereSeparator: { $0 == "," || $0 == "." }).map(String.init)
            return parts.allSatisfy({ $0.count == 1 }) ? [word] : parts
        }
    }

    static func readability(_ sentences: [String]) -> Readability {
        var (counted, words, syllables) = (0, 0, 0)
        for sentence in sentences {
            let found = readabilityWords(sentence)
            guard !found.isEmpty else { continue }
            counted += 1
            words += found.count
            syllables += found.reduce(0) { $0 + self.syllables(in: $1) }
        }
        return Readability(sentences: counted, words: words, syllables: syllables)
    }

    static func sentences(in text: String) -> [String] {
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
        return sentences.filter { !readabilityWords($0).isEmpty }
    }

    static func endsWithAbbreviation(_ text: String) -> Bool {
        var body = Substring(text)
        while let last = body.last, ".\"'\u{2019}\u{201D})]".contains(last) { body.removeLast() }
        let token = String(body.reversed().prefix { $0.isLetter || $0 == "." }.reversed())
        if token.count == 1, token.first!.isUppercase { return true }
        return Readability.abbreviations.contains(token.lowercased())
    }

    static func syllables(in word: String) -> Int {
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

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    static func englishSyllables(_ word: String) -> Int {
        let exceptions = Readability.exceptions
        if let known = exceptions[word] { return known }
        var stem = word
        var extra = 0
        if stem.count > 3, stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            let single = String(stem.dropLast())
            if let known = exceptions[single] { return known }
            if ["xes", "ches", "shes", "zes", "sses"].contains(where: stem.hasSuffix)
                || (["ce", "ge", "se", "ze"].contains(where: single.hasSuffix) && single.count >= 3) {
                extra += 1
                stem = String(single.dropLast())
            } else {
                stem = single
            }
        }
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
        let chars = Array(stem)
        if !droppedIng, chars.count > 2, chars.last == "e", !vowels.contains(chars[chars.count - 2]) {
            let consonantLe = chars[chars.count - 2] == "l" && chars.count > 3 && !vowels.contains(chars[chars.count - 3])
            if !consonantLe { stem.removeLast() }
        }
        return max(1, vowelGroups(stem)) + extra + splitVowels(stem)
    }

    static func hasVowel(_ text: Substring) -> Bool { text.contains { "aeiouy".contains($0) } }

    static func isVowel(_ chars: [Character], _ index: Int) -> Bool {
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
                if before == "p" || at(i + 2) == "u" { break }
                if before == "g", at(i + 2) == "n" { break }
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

    static func codedWords(_ checks: LanguageChecks, _ text: String, ignoring: [LanguagePattern])
        -> [(word: String, coded: CodedWord, side: GenderCodedWords.Side)] {
        let spans = ignoring.flatMap { $0.expressionMatches(in: SearchText(text)) }
        func inside(_ range: NSRange) -> Bool { spans.contains { NSIntersectionRange($0, range).length == range.length } }
        func overlaps(_ range: NSRange) -> Bool { spans.contains { NSIntersectionRange($0, range).length > 0 } }
        let ns = text as NSString
        var found: [(String, CodedWord, GenderCodedWords.Side)] = []
        for token in languageWord.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let range = token.range
            guard !inside(range) else { continue }
            let word = ns.substring(with: range)
            if !overlaps(range), let (coded, side) = checks.data.genderCoded.characterMatch(word) {
                found.append((word, coded, side))
                continue
            }
            guard word.contains(where: { "-\u{2010}\u{2011}".contains($0) }) else { continue }
            for part in self.part.matches(in: text, range: range) where !inside(part.range) {
                let piece = ns.substring(with: part.range)
                if let (coded, side) = checks.data.genderCoded.characterMatch(piece) { found.append((piece, coded, side)) }
            }
        }
        return found
    }
}
