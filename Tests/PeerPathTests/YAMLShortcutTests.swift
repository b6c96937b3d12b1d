import Foundation
@testable import PeerPathLoading
import PeerPathModel
import Testing

/// The short ways loading takes (key paths put into words only for a message, the walk of the
/// expanded tree skipped when a file has no alias, duplicate keys ruled out without the full
/// comparison) give what the long ways gave: the same paths, the same budget, the same duplicates,
/// the same places.
@Suite("YAML loading shortcuts: paths, expansion budget, duplicate keys, places")
struct YAMLShortcutTests {
    // MARK: Paths

    @Test func aPathIsWrittenAsKeysAndPositions() {
        let roles = YAMLPath.root.appending(key: "roles")
        #expect(YAMLPath.root.text == "" && YAMLPath.root.isEmpty)
        #expect(roles.text == "roles")
        #expect(roles.appending(position: 2).appending(key: "duties").appending(position: 4).appending(key: "evidence").text
                == "roles[2].duties[4].evidence")
        #expect(YAMLPath.root.appending(position: 1).text == "[1]")
        #expect(roles.appending(position: 3).appending(position: 1).text == "roles[3][1]")
    }

    @Test func emptyKeysAddNothingToAnEmptyPath() {
        // As the text was built before, step by step: a key under an empty path is the whole path.
        let empty = YAMLPath.root.appending(key: "")
        #expect(empty.isEmpty && empty.text == "")
        #expect(empty.appending(key: "x").text == "x")
        #expect(empty.appending(key: "").isEmpty)
        #expect(!empty.appending(position: 1).isEmpty && empty.appending(position: 1).text == "[1]")
        #expect(YAMLPath.root.appending(key: "a").appending(key: "").text == "a.")
    }

    @Test func aMessageNamesTheDeepPath() throws {
        let node = try YAMLNode.parse(SourceText(text: "a:\n  - b:\n      - {c: 1}\n      - {c: x}\n", file: "f.yaml"))
        let b = try node.mapping(keys: ["a"]).required("a").sequence()[0].mapping(keys: ["b"]).required("b").sequence()
        let c = try b[1].mapping(keys: ["c"]).required("c")
        #expect(c.path == "a[1].b[2].c")
        #expect(throws: LoadError.self) { try c.int() }
        do {
            _ = try c.int()
        } catch {
            #expect(error.description == "f.yaml:4:13: error: expected a whole number for 'a[1].b[2].c', found 'x'")
        }
        // An unknown key names its mapping's path, and the keys allowed, sorted.
        do {
            _ = try b[0].mapping(keys: ["d", "b"])
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description == "f.yaml:3:10: error: unknown key 'c' in 'a[1].b[1]'; did you mean 'b'? Expected one of: b, d")
        }
    }

    // MARK: The expansion budget

    /// Every node and the bytes of every scalar, aliases expanded: the walk the composer's counts replace.
    static func walk(_ value: YAMLValue) -> (values: Int, text: Int) {
        switch value.content {
        case .scalar(let scalar):
            return (1, scalar.string.utf8.count)
        case .sequence(let elements):
            return elements.map(walk).reduce((1, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        case .mapping(let pairs):
            return pairs.flatMap { [walk($0.key), walk($0.value)] }.reduce((1, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
    }

    @Test func theComposersCountsAreTheWalksWithoutAliases() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("two-roles.yaml"), encoding: .utf8)
            + "extra: \"caf\\u00e9 \\L line\"\nblock: |\n  one\n  two\n"
        let composed = try YAMLComposer.composeCounting(text)
        let root = try #require(composed.root)
        #expect(!composed.aliased)
        #expect(composed.values == Self.walk(root).values)
        #expect(composed.text == Self.walk(root).text)
        #expect(composed.values > 100)
    }

    @Test func anAliasMakesTheWalkRun() throws {
        let composed = try YAMLComposer.composeCounting("x: &a [one, two]\ny: *a\n")
        #expect(composed.aliased)
        #expect(composed.values == 6)
        #expect(Self.walk(try #require(composed.root)).values == 9)
    }

    @Test func aFileWithNoAliasIsStillHeldToTheBudget() throws {
        // 2,000,001 values in a 4 MB file: over the budget with nothing expanded.
        let text = "[" + String(repeating: "a,", count: YAMLNode.maximumExpandedValues) + "a]\n"
        do {
            _ = try YAMLNode.parse(SourceText(text: text, file: "many.yaml"))
            Issue.record("the budget was not applied")
        } catch {
            #expect(error.description.hasPrefix("many.yaml:1:"))
            #expect(error.message.hasPrefix("with its aliases expanded the file holds more than 2000000 values"))
        }
    }

    // MARK: Duplicate keys

    static func duplicate(_ yaml: String) -> (key: String, line: Int)? {
        do {
            _ = try YAMLComposer.compose(yaml)
            return nil
        } catch {
            if case .duplicateKey(let key, let line) = error { return (key, line) }
            return nil
        }
    }

    @Test func duplicatesAreFoundInSmallAndLargeMappings() {
        let keys = (1...20).map { "k\($0)" }
        let large = keys.map { "\($0): 1\n" }.joined()
        #expect(Self.duplicate(large) == nil)
        #expect(Self.duplicate(large + "k7: 2\n")! == ("k7", 7))
        #expect(Self.duplicate(large + "\"k20\": 2\n")! == ("k20", 20))
        // Of several, the one whose text sorts first, at its first occurrence.
        #expect(Self.duplicate(large + "k9: 2\nk10: 3\n")! == ("k10", 10))
        // A tagged key differs from the plain one; a key's own tag does not.
        #expect(Self.duplicate(large + "!!int k3: 2\n") == nil)
        #expect(Self.duplicate(large + "!!str k3: 2\n")! == ("k3", 3))
        let small = "a: 1\nb: 2\nc: 3\n"
        #expect(Self.duplicate(small) == nil)
        #expect(Self.duplicate(small + "'b': 4\n")! == ("b", 2))
        #expect(Self.duplicate("[x]: 1\n[x]: 2\n")! == ("<uncovertable>", 1))
    }

    // MARK: Places

    /// The error for a pathway's text, and for the same text with CRLF line ends.
    func errors(_ text: String) throws -> (lf: String, crlf: String) {
        let loader = PathwayLoader(scheme: TestSupport.scheme)
        func error(_ text: String) -> String {
            do {
                _ = try loader.load(text: text, file: "p.yaml")
                return "loaded"
            } catch {
                return error.description
            }
        }
        return (error(text), error(text.replacingOccurrences(of: "\n", with: "\r\n")))
    }

    @Test func placesCountCharactersAndIgnoreCarriageReturns() throws {
        // Each expected message is what peerpath said before the shortcuts.
        let valid = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
        func expect(_ old: String, _ new: String, _ message: String, crlf: String? = nil) throws {
            precondition(valid.contains(old))
            let got = try errors(valid.replacingOccurrences(of: old, with: new))
            #expect(got.lf == message)
            #expect(got.crlf == (crlf ?? message))
        }
        // Multi-byte text before the fault on its line: the column counts characters.
        try expect("    reports-to: {post: Service Manager}", "    reports-to: {post: Sérvice 🌱 Manager, x: 1}",
                   "p.yaml:47:43: error: unknown key 'x' in 'roles[2].reports-to'; expected one of: post")
        // Deep in flow collections.
        try expect("        evidence: {F9: 2, F12: 2-3}", "        evidence: {F9: 2, F12: [[é🌱, \"🌱\"], {a: b}]}",
                   "p.yaml:60:32: error: expected a value for 'roles[2].duties[1].evidence.F12', found a list")
        try expect("        evidence: {F9: 2, F12: 2-3}", "        evidence: {F9: [é🌱, {a: b}, c, [a: b: c]], F12: 9}",
                   "p.yaml:60:45: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 60)")
        try expect("    hours: 30", "    \"hours\" : thirty",
                   "p.yaml:55:15: error: expected a number for 'roles[2].hours', found 'thirty'")
        // A tab, and a key written twice, explained from the lines of an LF file (a CRLF file
        // keeps libyaml's words, and its duplicate's first line).
        try expect("    hours: 30", "\thours: 30",
                   "p.yaml:55:1: error: YAML indentation: line 55 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces that line it up with its neighbours (YAML: found a tab character that violates indentation)",
                   crlf: "p.yaml:55:1: error: YAML syntax: found a tab character that violates indentation (while scanning a plain scalar at line 54)")
        try expect("    hours: 30\n", "    hours: 30\n    hours: 31\n",
                   "p.yaml:56:1: error: key 'hours' appears twice in one mapping",
                   crlf: "p.yaml:55:1: error: key 'hours' appears twice in one mapping")
    }

    // MARK: Text, ids, trimming

    /// The scan as it was, byte by byte: nil when a byte must be refused, else whether all is ASCII.
    static func byteByByte(_ bytes: [UInt8]) -> Bool? {
        var ascii = true
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return nil }
            } else if byte >= 0x7F {
                if byte == 0x7F { return nil }
                ascii = false
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] <= 0x9F { return nil }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return nil }
            }
        }
        return ascii
    }

    @Test func theWordAtATimeScanRefusesWhatTheByteScanRefused() {
        let line = Array("duties:\n  - text: Walks with people, listens. \"Quoted\" {F1: 3a}\r\n".utf8)
        let odd: [[UInt8]] = [[0x00], [0x01], [0x08], [0x0B], [0x1F], [0x7F], [0x09], [0x0A], [0x0D], [0x20], [0x7E],
                              [0xC2, 0x85], [0xC2, 0xA0], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBD], Array("é🌱".utf8)]
        var cases = 0
        for insert in odd {
            // The odd bytes at every place of two words and a tail, so each lands at each offset of a word.
            for position in 0...19 {
                var bytes = line
                bytes.insert(contentsOf: insert, at: position)
                let expected = Self.byteByByte(bytes)
                let text = SourceText.plainText(bytes)
                #expect((text == nil) == (expected == nil), "\(insert) at \(position)")
                if let text { #expect(Array(text.utf8) == bytes) }
                cases += 1
            }
        }
        #expect(cases == 320)
        #expect(SourceText.plainText([]) == "")
        #expect(SourceText.plainText(Array("abcdefg\u{7F}".utf8)) == nil)
    }

    @Test func anIdIsValidExactlyWhenItHasNoProblem() {
        let samples = ["a", "peer-support", "f1", "0", "-a", "a-", "A", "a b", "é", "", "a_b", "a.b", "peer–support",
                       String(repeating: "a", count: 64), String(repeating: "a", count: 65), "a\u{301}", "-", "--", "z9-0"]
        for sample in samples {
            #expect(Identifier.isValid(sample) == (Identifier.problem(sample, for: "x") == nil), "\(sample)")
        }
    }

    @Test func trimmingKeepsPrintableEndsAndCutsSpace() {
        #expect("peer support".trimmed() == "peer support")
        #expect(" peer support\n".trimmed() == "peer support")
        #expect("\u{A0}peer\u{2003}".trimmed() == "peer")
        #expect("x".trimmed() == "x" && "".trimmed() == "" && " \t\n".trimmed() == "")
        #expect("Walks with people.\n".trimmed() == "Walks with people.")
        #expect("é".trimmed() == "é" && " café ".trimmed() == "café")
    }
}
