/// The letters a regular expression's every match must contain, read from the expression itself:
/// for each alternative at the top level, its longest run of plain letters that no quantifier
/// makes optional and no group, class or escape interrupts ("experience" in
/// `\b(\d+|one|two) years? (of )?experience\b`). In ASCII text, matched in any case, a match must
/// contain one of these runs, so a text with none of them is ruled out before the expression runs.
///
/// Read conservatively: an expression with an alternative that has no such run, or with syntax
/// this reading does not follow (`\Q`, `\u`, `\x`, `\N`, free spacing), has no required letters.
struct RequiredLetters: Sendable {
    /// One run (lower case) for each top-level alternative.
    let runs: [[UInt8]]

    init?(pattern: String) {
        let p = Array(pattern.utf8)
        var runs: [[UInt8]] = []
        var best: [UInt8] = []
        var run: [UInt8] = []
        func flush() {
            if run.count > best.count { best = run }
            run = []
        }
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case UInt8(ascii: "\\"):
                guard let end = Self.escapeEnd(p, i) else { return nil }
                flush()
                i = end
                continue
            case UInt8(ascii: "["):
                guard let end = Self.classEnd(p, i) else { return nil }
                flush()
                i = end
                continue
            case UInt8(ascii: "("):
                guard let end = Self.groupEnd(p, i) else { return nil }
                flush()
                i = end
                continue
            case UInt8(ascii: "|"):
                flush()
                guard !best.isEmpty else { return nil }
                runs.append(best)
                best = []
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{"):
                // The letter before a quantifier may be missing or repeated.
                if !run.isEmpty { run.removeLast() }
                flush()
                if c == UInt8(ascii: "{") {
                    guard let close = p[i...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                    i = close
                }
            case UInt8(ascii: ")"), UInt8(ascii: "#"):
                return nil
            default:
                if Words.isASCIILetter(c) { run.append(c | 0x20) } else { flush() }
            }
            i += 1
        }
        flush()
        guard !best.isEmpty else { return nil }
        runs.append(best)
        self.runs = runs
    }

    /// Whether ASCII text may match: it has one of the runs, in any case.
    func mayOccur(in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        runs.contains { LanguagePattern.contains(utf8, $0) }
    }

    /// The end of the escape at `i`; nil for an escape this reading does not follow.
    private static func escapeEnd(_ p: [UInt8], _ i: Int) -> Int? {
        guard i + 1 < p.count else { return nil }
        let c = p[i + 1]
        if c == UInt8(ascii: "p") || c == UInt8(ascii: "P") {
            guard i + 2 < p.count else { return nil }
            guard p[i + 2] == UInt8(ascii: "{") else { return i + 3 }
            return p[(i + 2)...].firstIndex(of: UInt8(ascii: "}")).map { $0 + 1 }
        }
        if Words.isASCIILetterOrDigit(c) {
            return "bBdDsSwWntrfeaGAzZXRhHvV0123456789".utf8.contains(c) ? i + 2 : nil
        }
        return c < 0x80 ? i + 2 : nil
    }

    /// The end of the character class at `i` (classes may nest).
    private static func classEnd(_ p: [UInt8], _ i: Int) -> Int? {
        var depth = 0
        var j = i
        while j < p.count {
            switch p[j] {
            case UInt8(ascii: "\\"):
                guard j + 1 < p.count, p[j + 1] != UInt8(ascii: "Q") else { return nil }
                j += 2
                continue
            case UInt8(ascii: "["):
                // A class may not begin with `]` here: that reading is not followed.
                let next = j + 1 < p.count && p[j + 1] == UInt8(ascii: "^") ? j + 2 : j + 1
                if next < p.count, p[next] == UInt8(ascii: "]") { return nil }
                depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return j + 1 }
            default:
                break
            }
            j += 1
        }
        return nil
    }

    /// The end of the group at `i`, with the classes and escapes inside it; nil for free spacing.
    private static func groupEnd(_ p: [UInt8], _ i: Int) -> Int? {
        var depth = 0
        var j = i
        while j < p.count {
            switch p[j] {
            case UInt8(ascii: "\\"):
                guard let end = escapeEnd(p, j) else { return nil }
                j = end
                continue
            case UInt8(ascii: "["):
                guard let end = classEnd(p, j) else { return nil }
                j = end
                continue
            case UInt8(ascii: "("):
                if j + 1 < p.count, p[j + 1] == UInt8(ascii: "?") {
                    let flags = p[(j + 2)...].prefix { Words.isASCIILetter($0) || $0 == UInt8(ascii: "-") }
                    if flags.contains(UInt8(ascii: "x")) { return nil }
                }
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return j + 1 }
            default:
                break
            }
            j += 1
        }
        return nil
    }
}
