import Foundation
@testable import PeerPathLoading
@testable import PeerPathModel
import Testing

/// The short cuts taken for command latency give what the slower code they stand in front of gives:
/// ASCII trimming and Foundation's, the byte search and Foundation's `contains`, a cue read from
/// bytes and from characters, the apprenticeship reference and its regular expression, and
/// YAMLComposer's keys, tags and aliases as Yams composed them. (The phrase matcher on non-ASCII
/// text, by its ASCII stand-in, is checked against ICU in LanguageTokenTests.)
@Suite("Fast paths give what the slow paths give")
struct FastPathTests {
    static let texts = [
        "", " ", "\n", "a", " a ", "word", "  two words\n", "folded text\n", "\tTabbed\t", "\r\ncrlf\r\n", " \u{A0}nbsp\u{A0} ",
        "£60,000 ", " – dash", "café ", " naïve", "\u{2028}line\u{2029}", "x\u{301}", " x\u{301} ", "\u{85}nel\u{85}", "👍 ", "a\u{0B}",
        "\u{0C}ff\u{0C}", "end.\n\n", "equivalent experience", "Equivalent Experience", "a degree\u{301} or", "degree", "BSc", "BSc\u{301}",
        "social work england", "NMC-registered", "regist", "ST0896", "ST089", "ST08966", "st0896", "ST０８９６", "ST0896\n", "SX0896",
    ]

    @Test func trimmingIsFoundationsTrimming() {
        for text in Self.texts {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            let sub = Substring(" " + text + " ").dropFirst()
            #expect(sub.trimmed() == sub.trimmingCharacters(in: .whitespacesAndNewlines), "\(sub.debugDescription)")
        }
    }

    @Test func wordSearchIsFoundationsContains() {
        let words = ["equivalent experience", "degree", "regist", "social work england", "NMC", "HCPC", "BSc", "BA", "MSc", "MA", "ST"]
        for text in Self.texts + Self.texts.map({ $0.lowercased() }) {
            for word in words {
                #expect(text.containsWord(word) == text.contains(word), "\(word) in \(text.debugDescription)")
            }
        }
    }

    @Test func cuesReadFromBytesAreCuesReadFromCharacters() {
        let phrases = ["supervis*", "£#", "# people", "one-to-one", "peer's", "Lead*", "A&E", "x*y", "#*", "--", "co-produc*",
                       "person-centred care", "budget of £#", "NHS 111", "'quoted'", "a  b", "UPPER case"]
        for phrase in phrases {
            if phrase.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(Cue.asciiPieces(phrase) == Cue.pieces(phrase), "\(phrase)")
            } else {
                #expect(Cue.asciiPieces(phrase) == nil, "\(phrase)")
            }
        }
        #expect(Cue.asciiPieces("naïve") == nil)
        #expect(Cue("--") == nil)
    }

    @Test func aMisplacedStarIsFoundAsBefore() {
        let phrases = ["lead*", "*", "a * b", "le*ad", "lead**", "peer support*", "a\t*", "*lead", "co-op*,", "naïve*", "naï*ve", "x\n*", "", "lead*\u{301}"]
        for phrase in phrases {
            let before = phrase.split(whereSeparator: \.isWhitespace).contains { word in word.dropLast().contains("*") || word == "*" }
            #expect(LanguageLoader.hasMisplacedStar(phrase) == before, "\(phrase.debugDescription)")
        }
    }

    /// The reference is read trimmed (`YAMLNode.string()`), as here.
    @Test func aStandardReferenceIsWhatItsExpressionAccepts() {
        for text in Self.texts.map({ $0.trimmed() }) {
            #expect(PathwayLoader.isStandardReference(text) == (text.range(of: "^ST[0-9]{4}$", options: .regularExpression) != nil),
                    "\(text.debugDescription)")
        }
    }

    @Test func aTextOfSymbolsHasAnASCIIStandInWithItsUTF16Offsets() throws {
        let text = "about £60,000 – peer\u{A0}support, people’s high\u{2010}functioning 👍 lead"
        let standIn = try #require(SearchText(text).handBytes)
        #expect(standIn.count == text.utf16.count)
        #expect(String(decoding: standIn, as: UTF8.self).contains("people's high-functioning"))
        #expect(SearchText("café lead").handBytes == nil)
        #expect(SearchText("\u{212A}elvin").handBytes == nil)
        #expect(SearchText("next\u{85}line").handBytes == nil)
        let pattern = try #require(LanguagePattern(phrase: "peer support*"))
        #expect(pattern.nsMatches(in: SearchText(text)) == pattern.expressionMatches(in: SearchText(text)))
        #expect(pattern.nsMatches(in: SearchText(text)).count == 1)
    }

    /// A text's runs of letters, sorted and found by halving, are those a look at each run finds:
    /// the run itself, and the runs beginning with one (words of up to 12 letters, which the
    /// fingerprint holds whole), in texts of a few words to a few hundred.
    @Test func runsFoundByHalvingAreThoseALookAtEachFinds() {
        var generator = SystemRandomNumberGenerator()
        let vocabulary = ["peer", "peers", "support", "supporting", "lead", "leader", "leadership", "a", "an", "team", "teams",
                          "recovery", "Recover", "self", "SELF-DIRECTED", "co-production", "mentally", "ill", "people’s", "x"]
        for size in [0, 1, 3, 10, 40, 300] {
            let words = (0..<size).map { _ in vocabulary.randomElement(using: &generator)! }
            let text = SearchText(words.joined(separator: " "))
            let runs = words.joined(separator: " ").lowercased().split { !("a"..."z").contains($0) }.map(String.init)
            for probe in vocabulary + ["pe", "suppo", "lea", "s", "z", "teamsx", "recoveryy", "directed", "production"] {
                let letters = probe.lowercased().filter { ("a"..."z").contains($0) }
                let run = Array(letters.utf8).withUnsafeBufferPointer { LetterRun($0[...]) }
                #expect(text.has(run) == runs.contains(letters), "\(probe) in \(size) words")
                #expect(text.hasRun(beginningWith: run) == runs.contains { $0.hasPrefix(letters) }, "\(probe) in \(size) words")
            }
        }
    }

    /// The phrases a text's runs of letters pick out (`PhraseIndex`) find what trying every phrase
    /// finds: in each phrase of the stigmatising and factor-plan lists written into a sentence (so
    /// each is found), in the shipped catalogue's duties, and in texts with symbols or letters
    /// outside ASCII.
    @Test func phrasesPickedOutByRunsFindWhatEveryPhraseFinds() throws {
        let data = try LanguageLoader.load(folder: TestSupport.installation.languageFolder)
        let catalogue = try String(contentsOfFile: TestSupport.repository + "/pathways/catalogue/duties.yaml", encoding: .utf8)
        let lists: [[LanguagePattern]] = [data.stigmatising.map(\.pattern), data.factorPlan.phrases.map(\.pattern)]
        var texts = catalogue.split(separator: "\n").map(String.init)
        for list in lists { texts += list.map { "The postholder will \($0.description.replacingOccurrences(of: "*", with: "ing")) each week." } }
        texts += ["A café for people’s recovery – £60", "Suffering from schizophrenia, the patient’s relapse", "", "?!", "co-produce co-production"]
        var found = 0
        for list in lists {
            let index = PhraseIndex(list)
            for text in texts {
                let search = SearchText(text)
                let picked = LanguageChecks.matches(list, { $0 }, in: search, index: index).map { "\($0.0.description)=\($0.1)" }
                let every = LanguageChecks.matches(list, { $0 }, in: search).map { "\($0.0.description)=\($0.1)" }
                #expect(picked == every, "\(text)")
                found += every.count
            }
        }
        #expect(found > 150)
    }

    // MARK: YAMLComposer

    static func compose(_ yaml: String) throws -> YAMLValue? {
        try YAMLComposer.compose(yaml)
    }

    static func problem(_ yaml: String) -> YAMLProblem? {
        do {
            _ = try YAMLComposer.compose(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func aKeyTwiceIsTheSameTextAndTag() throws {
        // Quoted and plain text are the same key; `!!str` is a scalar's own tag; `!!int` differs.
        guard case .duplicateKey(let key, let line)? = Self.problem("a: 1\n\"a\": 2\n") else { Issue.record("no duplicate"); return }
        #expect(key == "a" && line == 1)
        guard case .duplicateKey? = Self.problem("!!str b: 1\nb: 2\n") else { Issue.record("no duplicate"); return }
        #expect(Self.problem("!!int 1: x\n1: y\n") == nil)
        // Of several, the one that sorts first, at its first occurrence.
        guard case .duplicateKey(let first, let at)? = Self.problem("z: 1\ny: 2\nz: 3\ny: 4\n") else { Issue.record("no duplicate"); return }
        #expect(first == "y" && at == 2)
        guard case .duplicateKey(let complex, _)? = Self.problem("? [1, 2]\n: a\n? [1, 2]\n: b\n") else { Issue.record("no duplicate"); return }
        #expect(complex == "<uncovertable>")
    }

    @Test func anAliasIsItsAnchorsNode() throws {
        let root = try #require(try Self.compose("x: &list [a, 'b']\ny: *list\n"))
        guard case .mapping(let pairs) = root.content, case .sequence(let aliased) = pairs[1].value.content else {
            Issue.record("not a mapping of lists"); return
        }
        #expect(aliased.map { $0.scalar?.string } == ["a", "b"])
        #expect(aliased.map { $0.scalar?.isPlain } == [true, false])
        #expect(pairs[1].value.line == 1)
        guard case .syntax(let problem, let line, let column, nil)? = Self.problem("x: *missing\n") else { Issue.record("no problem"); return }
        #expect(problem == "found undefined alias" && line == 1 && column == 4)
        guard case .syntax(let another, _, _, let context?)? = Self.problem("a: 1\n---\nb: 2\n") else { Issue.record("no problem"); return }
        #expect(another == "but found another document" && context.text == "expected a single document in the stream")
        #expect(try Self.compose("# nothing\n") == nil)
        #expect(try Self.compose("") == nil)
    }
}
