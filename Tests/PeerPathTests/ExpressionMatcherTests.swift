import Foundation
@testable import PeerPath
@testable import PeerPathLoading
@testable import PeerPathModel
import Testing

/// peerpath's own regular expression matcher (`ExpressionParser`, `ExpressionMatcher`) against ICU's
/// (`NSRegularExpression`): the same matches, range by range, for every pattern the shipped data
/// and checks use on every text of the shipped pathways and catalogues, and on hand-written texts.
@Suite("Expression matcher: ICU's matches without ICU")
struct ExpressionMatcherTests {
    static let data: LanguageData = try! LanguageLoader.load(folder: TestSupport.repository + "/data/language")

    static let pathways: [Pathway] = TestSupport.shippedPathways.map { try! TestSupport.pipeline.load($0) }

    /// Every language pattern of the data and every role title, as the checks build them.
    static var languagePatterns: [LanguagePattern] {
        let criteria = data.criteria
        var patterns = data.stigmatising.map(\.pattern) + data.genderCoded.ignore + data.factorPlan.phrases.map(\.pattern)
        patterns += data.factorPlan.factors.flatMap(\.headings)
        patterns += criteria.vague.map(\.pattern) + criteria.standards + criteria.numbers
        patterns += criteria.exclusionary.flatMap { [$0.pattern] + $0.unless }
        patterns += pathways.flatMap(\.roles).compactMap { LanguagePattern(phrase: $0.title + "*") }
        return patterns
    }

    /// (pattern in ICU syntax, matched in any case) for every expression the check path can run.
    static let expressions: [(String, Bool)] = {
        var seen: Set<String> = []
        var all: [(String, Bool)] = []
        func add(_ pattern: String, _ ignoringCase: Bool) {
            if seen.insert("\(ignoringCase) \(pattern)").inserted { all.append((pattern, ignoringCase)) }
        }
        for pattern in languagePatterns {
            switch pattern.source {
            case .phrase(let phrase): add(try! #require(LanguagePattern.regularExpression(forPhrase: phrase)), true)
            case .pattern(let text): add(text, true)
            }
        }
        for (pattern, ignoringCase) in PracticeChecks.credentialPatterns { add(pattern, ignoringCase) }
        add(#"\p{Nd}"#, false)
        return all
    }()

    static let trickyTexts = [
        "", " ", "a", "BSc", "bsc", "a BSc in nursing", "MA or ma or Ma", "NMC-registered", "HCPC’s register",
        "don’t", "people’s", "people's lived experience", "one‐to‐one", "one‑to‑one", "one - to - one", "high‑functioning",
        "£500", "up to £40,000 a year", "café", "cafés and libraries", "naïve", "Zoë’s", "résumé", "ÉCOLE", "STRASSE straße",
        "the Kelvin sign K", "ſuffering", "İstanbul", "ﬁnding", "3 years' paid experience", "2+ years’ experience",
        "five GCSEs including grades A-C", "grade 4 or above", "GCSE maths and English at grade C", "A-levels", "A level",
        "a levels", "full, clean UK driving licence", "driving license", "a depressive episode", "a depressive",
        "A Psychotic", "an alcoholic drink", "ex-offenders", "mentally disordered offenders", "offenders' health",
        "suffers from depression", "suffering with schizophrenia", "the mentally ill", "psycho-education", "psycho",
        "Peer Support Worker", "peer support workers’", "Senior Peer Support Worker", "peer-support worker",
        "tab\there", "line\nbreak", "form\u{0C}feed", "vertical\u{0B}tab", "next\u{85}line", "no\u{A0}break", "line\u{2028}sep",
        "digits ٣ and ३", "١٢ months", "x\u{301}y", "a\u{200D}b", "under_score", "Ⅳ years", "½ day", "²",
        "good communication skills", "GOOD COMMUNICATION SKILLS, for example", "well-developed interpersonal skills",
        "well developed", "able to work under pressure", "uses initiative", "degree or equivalent experience",
        "professionally registered", "registration with the NMC", "Social Work England", "no criminal record",
        "good attendance record", "2 years stable", "in recovery for at least 2 years", "out of hospital for 12 months",
        "emoji 🌱 here", "Ω ohm and ω", "ǅ title case", "ΣΑΣ σας", "dıploma ın nursıng", "Ꭰ and ꭰ", "10µg", "ǆ",
        "oﬃce", "Kelvin K 5K", "ſocial work", "a\u{345}b", "ⓐ Ⓐ", "ﹰ", "x\u{FEFF}y", "\u{2060}degree",
    ]

    /// Every text of the shipped pathways (what the checks read) and their catalogues, and the tricky ones.
    static let texts: [String] = {
        var texts: [String] = []
        for pathway in pathways {
            texts += [pathway.title, pathway.organisation.name]
            for role in pathway.roles {
                texts += LanguageChecks.RoleTexts(role).all.map(\.text)
            }
            texts += pathway.routes.flatMap { $0.requirements.map(\.text) }
            if let catalogue = pathway.catalogue {
                texts += catalogue.dutyOrder.compactMap { catalogue.duties[$0]?.text }
                texts += catalogue.criterionOrder.compactMap { catalogue.criteria[$0]?.text }
                texts += catalogue.requirementOrder.compactMap { catalogue.requirements[$0]?.text }
            }
        }
        return Array(Set(texts)).sorted() + trickyTexts
    }()

    /// The shipped texts changed at random (the same way every run): letters put in capitals,
    /// spaces made hyphens, Unicode hyphens, line breaks or no-break spaces, apostrophes swapped,
    /// accents and letters outside ASCII put in, characters dropped.
    static let changedTexts: [String] = {
        var generator = Generator(seed: 14)   // LanguageTokenTests' SplitMix64
        let spaces = ["-", "\u{2010}", "\u{2011}", "  ", "\n", "\u{A0}", " - ", ""]
        let insertions = ["é", "\u{301}", "£", "ı", "’s", "2", "\u{200D}", "_"]
        return texts.prefix(400).map { text in
            var changed = ""
            for character in text {
                let roll = generator.next(in: 0...99)
                if character == " ", roll < 20 {
                    changed += generator.pick(spaces)
                } else if character == "'" || character == "\u{2019}", roll < 50 {
                    changed += character == "'" ? "\u{2019}" : "'"
                } else if character.isLetter, roll < 20 {
                    changed += character.uppercased()
                } else if roll < 2 {
                    continue
                } else {
                    changed.append(character)
                }
                if generator.next(in: 0...99) < 2 { changed += generator.pick(insertions) }
            }
            return changed
        }
    }()

    static func icu(_ pattern: String, ignoringCase: Bool, _ text: String) -> [NSRange] {
        let regex = try! NSRegularExpression(pattern: pattern, options: ignoringCase ? [.caseInsensitive] : [])
        return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
    }

    static func own(_ pattern: String, ignoringCase: Bool, _ text: String) -> [NSRange]? {
        guard let expression = ExpressionParser.parse(pattern, ignoringCase: ignoringCase), let units = ExpressionText(text) else { return nil }
        return ExpressionMatcher(expression).matches(in: units)
    }

    // MARK: Against ICU

    @Test func everyShippedExpressionIsInTheSubset() {
        #expect(Self.expressions.count > 300)
        for (pattern, ignoringCase) in Self.expressions {
            #expect(ExpressionParser.parse(pattern, ignoringCase: ignoringCase) != nil, "\(pattern)")
        }
    }

    @Test func everyShippedTextIsReadWithoutICU() {
        let shipped = Self.texts.dropLast(Self.trickyTexts.count)
        #expect(shipped.count > 300)
        for text in shipped where !text.unicodeScalars.contains(where: { $0.value > 0xFFFF }) {
            #expect(ExpressionText(text) != nil, "\(text)")
        }
        #expect(ExpressionText("ÉCOLE") == nil)
        #expect(ExpressionText("straße") == nil)
        #expect(ExpressionText("emoji 🌱") == nil)
        #expect(ExpressionText("café naïve Zoë £5 ‘quoted’") != nil)
    }

    @Test func everyShippedExpressionMatchesAsICUDoesOnEveryText() {
        var compared = 0
        var found = 0
        for (pattern, ignoringCase) in Self.expressions {
            let regex = try! NSRegularExpression(pattern: pattern, options: ignoringCase ? [.caseInsensitive] : [])
            guard let expression = ExpressionParser.parse(pattern, ignoringCase: ignoringCase) else {
                Issue.record("/\(pattern)/ is outside the subset")
                continue
            }
            let matcher = ExpressionMatcher(expression)
            for text in Self.texts + Self.changedTexts {
                let expected = regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
                guard let units = ExpressionText(text) else { continue }
                let actual = matcher.matches(in: units)
                #expect(actual == expected, "/\(pattern)/ on \"\(text)\"")
                #expect(matcher.firstMatch(in: units) == expected.first, "/\(pattern)/ first on \"\(text)\"")
                compared += 1
                found += expected.count
            }
        }
        #expect(compared > 200_000)
        #expect(found > 500)
    }

    @Test func languagePatternsMatchAsBeforeOnTextsLeftToICU() {
        // Text the matcher does not take goes to ICU; the phrase matcher and prefilters in front
        // of both give the same matches either way.
        for pattern in Self.languagePatterns {
            let expression: String = switch pattern.source {
            case .phrase(let phrase): LanguagePattern.regularExpression(forPhrase: phrase)!
            case .pattern(let text): text
            }
            let regex = try! NSRegularExpression(pattern: expression, options: [.caseInsensitive])
            for text in Self.trickyTexts {
                let expected = regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
                    .filter { $0.length > 0 }
                #expect(pattern.nsMatches(in: SearchText(text)) == expected, "\(pattern) on \"\(text)\"")
            }
        }
    }

    // MARK: Constructs

    /// (pattern, text, matches as [location, length] pairs) matched in any case unless `(?-i:`.
    static let constructs: [(String, String, [[Int]])] = [
        ("abc", "xABCabc", [[1, 3], [4, 3]]),
        ("a.c", "abc a\nc a£c", [[0, 3], [8, 3]]),
        ("[a-c]+", "xCaBd", [[1, 3]]),
        ("[^.;]+", "one. two;", [[0, 3], [4, 4]]),
        ("[- ]", "a-b c", [[1, 1], [3, 1]]),
        (#"[\-\u2010\u2011]"#, "a\u{2010}b-c\u{2011}", [[1, 1], [3, 1], [5, 1]]),
        (#"['’]s"#, "it's it’s", [[2, 2], [7, 2]]),
        (#"\bcat\b"#, "cat concat cat_ cat-x", [[0, 3], [16, 3]]),
        (#"\Bcat"#, "concat cat", [[3, 3]]),
        (#"\d+"#, "a12b٣4", [[1, 2], [4, 2]]),
        (#"\s+"#, "a \t\nb\u{A0}c", [[1, 3], [5, 1]]),
        (#"\p{L}+"#, "ab1café", [[0, 2], [3, 4]]),
        (#"\p{N}+"#, "x½²3", [[1, 3]]),
        (#"\p{Nd}"#, "½3", [[1, 1]]),
        (#"\u00a3\d"#, "£5", [[0, 2]]),
        (#"a\.b\+c"#, "a.b+c", [[0, 5]]),
        ("(ab)+", "ababa", [[0, 4]]),
        ("(?:ab)?c", "abc c", [[0, 3], [4, 1]]),
        ("(?-i:BSc)", "bsc BSc BSC", [[4, 3]]),
        ("(?-i:B(?i:s)c)", "BSc Bsc bsc", [[0, 3], [4, 3]]),
        ("cat|category", "category", [[0, 3]]),
        ("category|cat", "category", [[0, 8]]),
        ("a|", "ba", [[0, 0], [1, 1], [2, 0]]),
        ("a?", "aab", [[0, 1], [1, 1], [2, 0], [3, 0]]),
        ("a*b", "aaab b", [[0, 4], [5, 1]]),
        ("a+?", "aaa", [[0, 1], [1, 1], [2, 1]]),
        ("a{2}", "aaaaa", [[0, 2], [2, 2]]),
        ("a{2,}", "aaaaa a", [[0, 5]]),
        ("a{1,2}", "aaa", [[0, 2], [2, 1]]),
        ("a{1,2}?b", "aab", [[0, 3]]),
        ("x(?=y)", "xy xz", [[0, 1]]),
        ("x(?!y)", "xy xz", [[3, 1]]),
        ("(?<=a)b", "ab cb", [[1, 1]]),
        ("(?<!a)b", "ab cb", [[4, 1]]),
        ("(?<!mentally disordered )offenders?", "Mentally Disordered offenders and offender", [[34, 8]]),
        ("(?<=ab|c)d", "abd cd bd", [[2, 1], [5, 1]]),
        ("(?<=a{1,2})b", "aab", [[2, 1]]),
        (#"\bgrades?\b[^.;]*\bC\b"#, "grades A to C; grade C", [[0, 13], [15, 7]]),
        (#"\s"#, "a\u{0B}b\u{85}c\u{1C}d\u{2028}", [[1, 1], [3, 1], [7, 1]]),
        (".", "\r\n\u{0B}\u{0C}\u{85}\u{2028}\u{2029}x", [[7, 1]]),
        (#"\b"#, "a\u{301}b c", [[0, 0], [3, 0], [4, 0], [5, 0]]),
        (#"\b"#, "a\u{200D} b", [[0, 0], [2, 0], [3, 0], [4, 0]]),
        (#"\b_"#, "a_ _b", [[3, 1]]),
    ]

    @Test(arguments: 0..<constructs.count)
    func eachConstructMatchesAsICUDoes(_ number: Int) throws {
        let (pattern, text, pairs) = Self.constructs[number]
        let expected = pairs.map { NSRange(location: $0[0], length: $0[1]) }
        #expect(Self.icu(pattern, ignoringCase: true, text) == expected, "ICU, /\(pattern)/")
        #expect(try #require(Self.own(pattern, ignoringCase: true, text)) == expected, "/\(pattern)/")
    }

    @Test func caseMatters() throws {
        #expect(try #require(Self.own("bsc", ignoringCase: false, "bsc BSc")) == [NSRange(location: 0, length: 3)])
        #expect(try #require(Self.own("(?i:bsc)", ignoringCase: false, "bsc BSc")).count == 2)
        #expect(try #require(Self.own("[a-c]", ignoringCase: false, "AbC")) == [NSRange(location: 1, length: 1)])
    }

    @Test func lengthsOfWhatALookbehindMayHold() throws {
        let expression = try #require(ExpressionParser.parse("(?:ab|c)d{1,3}", ignoringCase: true))
        #expect(expression.length.minimum == 2)
        #expect(expression.length.maximum == 5)
        #expect(try #require(ExpressionParser.parse("a*", ignoringCase: true)).length.maximum == nil)
    }

    // MARK: Outside the subset

    /// Valid ICU patterns the parser leaves to ICU, and a text each matches.
    static let unsupported: [(String, String)] = [
        ("^a", "ab"), ("a$", "ba"), (#"\w+"#, "ab"), (#"\S"#, "a"), ("(?<name>a)", "a"), ("a++", "aa"), (#"(a)\1"#, "aa"),
        ("[[a-c]&&[b]]", "b"), ("(?x) a", "a"), (#"\x41"#, "A"), (#"\p{Lu}"#, "A"), ("(?>a)", "a"), ("(?i)a", "A"),
        ("É", "é"), ("[^a]", "b"), ("(a*)*b", "b"), (#"(?<=\b)a"#, " a"), (#"\Qa.b\E"#, "a.b"),
        ("[a-]", "-"),
    ]

    @Test(arguments: 0..<unsupported.count)
    func syntaxOutsideTheSubsetIsLeftToICU(_ number: Int) throws {
        let (pattern, text) = Self.unsupported[number]
        #expect(ExpressionParser.parse(pattern, ignoringCase: true) == nil, "/\(pattern)/")
        let tally = ICUExpression.Tally()
        let language = try ICUExpression.$tally.withValue(tally) { try LanguagePattern(pattern: pattern) }
        let found = ICUExpression.$tally.withValue(tally) { language.nsMatches(in: SearchText(text)) }
        #expect(found == Self.icu(pattern, ignoringCase: true, text).filter { $0.length > 0 })
        #expect(!found.isEmpty)
        #expect(tally.uses >= 2)   // checked at load, then compiled and run
    }

    @Test func invalidPatternsStillFailToLoad() {
        for pattern in ["(a", "a)", "[a", "a{2,1}", "*a", #"(?<=a*)b"#, #"\p{Nope}"#] {
            #expect(ExpressionParser.parse(pattern, ignoringCase: true) == nil, "/\(pattern)/")
            #expect(throws: (any Error).self, "/\(pattern)/") { try LanguagePattern(pattern: pattern) }
        }
    }

    @Test func aTextTheMatcherDoesNotTakeGoesToICU() throws {
        let pattern = try LanguagePattern(pattern: #"\bstrasse\b"#)
        let tally = ICUExpression.Tally()
        let found = ICUExpression.$tally.withValue(tally) { pattern.nsMatches(in: SearchText("STRASSE and straße")) }
        #expect(found == Self.icu(#"\bstrasse\b"#, ignoringCase: true, "STRASSE and straße"))
        #expect(tally.uses > 0)
    }

    // MARK: No ICU on the check path

    /// The language and practice fixtures: pathways whose checks find something.
    static var fixtureFiles: [String] {
        ["language", "practice"].flatMap { folder in
            let path = TestSupport.fixture(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
    }

    @Test func checkingTheShippedPathwaysRunsNoICUExpression() throws {
        let tally = ICUExpression.Tally()
        var assessed = 0
        var findings = 0
        try ICUExpression.$tally.withValue(tally) {
            _ = try LanguageLoader.load(folder: TestSupport.repository + "/data/language")
            for file in TestSupport.shippedPathways {
                let pipeline = TestSupport.pipeline
                findings += pipeline.assess(try pipeline.load(file), file: file).findings.count
                assessed += 1
            }
            for file in Self.fixtureFiles {
                let pipeline = TestSupport.fixturePipeline
                findings += pipeline.assess(try pipeline.load(file), file: file).findings.count
                assessed += 1
            }
        }
        #expect(assessed >= 20)
        #expect(findings > 20)
        #expect(tally.uses == 0)
    }
}

