/// Reads a pattern in ICU syntax into an `Expression`, or gives nil when the pattern uses syntax
/// outside the subset `Expression` describes, or is not valid: the caller then leaves the pattern
/// to `NSRegularExpression`, which compiles it or reports the error. Whatever this parser accepts
/// ICU accepts too, and means the same by it on every `ExpressionText`.
///
/// Matching in any case is decided here. A literal outside ASCII must be one case folding leaves
/// unchanged, so that it equals exactly the characters ICU would match in any case among those of
/// an `ExpressionText`; a negated class matched in any case may hold no cased character.
struct ExpressionParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// Syntax outside the subset, or an error: the pattern goes to ICU.
    private struct Unsupported: Error {}

    private init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String, ignoringCase: Bool) -> Expression? {
        var parser = ExpressionParser(pattern)
        guard let expression = try? parser.alternation(ignoringCase: ignoringCase),
              parser.index == parser.scalars.count else { return nil }
        return expression
    }

    private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Takes `text` (ASCII) when the pattern goes on with it.
    private mutating func take(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= scalars.count else { return false }
        for offset in 0..<count where scalars[index + offset].value != UInt32(text.utf8Start[offset]) { return false }
        index += count
        return true
    }

    // MARK: Structure

    private mutating func alternation(ignoringCase: Bool) throws(Unsupported) -> Expression {
        var choices = [try sequence(ignoringCase: ignoringCase)]
        while next == "|" {
            index += 1
            choices.append(try sequence(ignoringCase: ignoringCase))
        }
        return choices.count == 1 ? choices[0] : .alternation(choices)
    }

    private mutating func sequence(ignoringCase: Bool) throws(Unsupported) -> Expression {
        var parts: [Expression] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            let atom = try atom(ignoringCase: ignoringCase)
            parts.append(try quantified(atom))
        }
        switch parts.count {
        case 0: return .empty
        case 1: return parts[0]
        default: return .sequence(parts)
        }
    }

    private mutating func atom(ignoringCase: Bool) throws(Unsupported) -> Expression {
        guard let scalar = next else { throw Unsupported() }
        index += 1
        switch scalar {
        case "(": return try group(ignoringCase: ignoringCase)
        case "[": return .characterClass(try characterClass(ignoringCase: ignoringCase))
        case "\\": return try escape(ignoringCase: ignoringCase)
        case ".": return .anyCharacter
        case "^", "$", "?", "*", "+", "{", "}", "]", ")": throw Unsupported()
        default: return try literal(scalar, ignoringCase: ignoringCase)
        }
    }

    /// After `(`: a group, a lookaround or a group with case switched on or off.
    private mutating func group(ignoringCase: Bool) throws(Unsupported) -> Expression {
        var caseInside = ignoringCase
        var kind: (ahead: Bool, negative: Bool)?
        if next == "?" {
            index += 1
            if take(":") {
            } else if take("i:") {
                caseInside = true
            } else if take("-i:") {
                caseInside = false
            } else if take("=") {
                kind = (true, false)
            } else if take("!") {
                kind = (true, true)
            } else if take("<=") {
                kind = (false, false)
            } else if take("<!") {
                kind = (false, true)
            } else {
                throw Unsupported()
            }
        }
        let body = try alternation(ignoringCase: caseInside)
        guard next == ")" else { throw Unsupported() }
        index += 1
        guard let kind else { return body }
        if kind.ahead { return .lookahead(body, negative: kind.negative) }
        // ICU needs a bound on a lookbehind's length; a word boundary or lookaround inside one
        // sees the text differently in ICU, so such patterns are left to it.
        guard !body.hasAssertion, body.length.maximum != nil else { throw Unsupported() }
        return .lookbehind(body, negative: kind.negative)
    }

    private mutating func quantified(_ atom: Expression) throws(Unsupported) -> Expression {
        guard let scalar = next else { return atom }
        var bounds: (Int, Int?)
        switch scalar {
        case "?": bounds = (0, 1); index += 1
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "{": index += 1; bounds = try interval()
        default: return atom
        }
        var lazy = false
        if next == "?" { lazy = true; index += 1 }
        if let after = next, "?*+{".unicodeScalars.contains(after) { throw Unsupported() }
        switch atom {
        case .wordBoundary, .lookahead, .lookbehind, .empty: throw Unsupported()
        default: break
        }
        // A body that can match nothing, repeated more than once, loops differently in each engine.
        if atom.length.minimum == 0, bounds.1 != 1 { throw Unsupported() }
        return .repetition(atom, minimum: bounds.0, maximum: bounds.1, lazy: lazy)
    }

    /// After `{`: `n}`, `n,}` or `n,m}`.
    private mutating func interval() throws(Unsupported) -> (Int, Int?) {
        let low = try number()
        if take("}") { return (low, low) }
        guard take(",") else { throw Unsupported() }
        if take("}") { return (low, nil) }
        let high = try number()
        guard take("}"), low <= high else { throw Unsupported() }
        return (low, high)
    }

    private mutating func number() throws(Unsupported) -> Int {
        var value = 0
        var digits = 0
        while let scalar = next, let digit = scalar.properties.numericType == .decimal && scalar.isASCII ? Int(scalar.value) - 48 : nil {
            value = value * 10 + digit
            digits += 1
            index += 1
            guard value <= 1000 else { throw Unsupported() }
        }
        guard digits > 0 else { throw Unsupported() }
        return value
    }

    // MARK: Characters

    /// One character to match, in any case when `ignoringCase` (ASCII letters folded to lower case).
    private func literal(_ scalar: Unicode.Scalar, ignoringCase: Bool) throws(Unsupported) -> Expression {
        let unit = try Self.unit(scalar, ignoringCase: ignoringCase)
        if ignoringCase, ExpressionCharacter.isASCIILetter(unit) { return .character(unit | 0x20, folded: true) }
        return .character(unit, folded: false)
    }

    /// The unit of a character the matcher can take literally (see the type's note).
    private static func unit(_ scalar: Unicode.Scalar, ignoringCase: Bool) throws(Unsupported) -> UInt16 {
        guard scalar.value <= 0xFFFF, !(0xD800...0xDFFF).contains(scalar.value) else { throw Unsupported() }
        if !scalar.isASCII, ignoringCase, scalar.properties.changesWhenCaseFolded { throw Unsupported() }
        return UInt16(scalar.value)
    }

    /// After `\` outside a class.
    private mutating func escape(ignoringCase: Bool) throws(Unsupported) -> Expression {
        guard let scalar = next else { throw Unsupported() }
        switch scalar {
        case "b": index += 1; return .wordBoundary(true)
        case "B": index += 1; return .wordBoundary(false)
        default: break
        }
        switch try classEscape() {
        case .properties(let properties): return .characterClass(ExpressionClass(properties))
        case .character(let character): return try literal(character, ignoringCase: ignoringCase)
        }
    }

    private enum ClassEscape {
        case properties(ExpressionClass.Properties)
        case character(Unicode.Scalar)
    }

    /// An escape that may stand inside or outside a class (after the `\`).
    private mutating func classEscape() throws(Unsupported) -> ClassEscape {
        guard let scalar = next else { throw Unsupported() }
        index += 1
        switch scalar {
        case "d": return .properties(.decimalNumber)
        case "s": return .properties(.whitespace)
        case "n": return .character("\n")
        case "t": return .character("\t")
        case "r": return .character("\r")
        case "p":
            if take("{L}") { return .properties(.letter) }
            if take("{N}") { return .properties(.number) }
            if take("{Nd}") { return .properties(.decimalNumber) }
            throw Unsupported()
        case "u":
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = next, digit.isASCII, let hex = Int(String(digit), radix: 16) else { throw Unsupported() }
                value = value * 16 + UInt32(hex)
                index += 1
            }
            guard let character = Unicode.Scalar(value) else { throw Unsupported() }
            return .character(character)
        default:
            // A backslash before any ASCII character but a letter or digit quotes it.
            guard scalar.isASCII, !scalar.properties.isAlphabetic, scalar.properties.numericType == nil,
                  scalar.value > 0x20, scalar.value < 0x7F else { throw Unsupported() }
            return .character(scalar)
        }
    }

    /// After `[`: members until `]`.
    private mutating func characterClass(ignoringCase: Bool) throws(Unsupported) -> ExpressionClass {
        var set = ExpressionClass(negated: take("^"))
        var cased = false
        // `]` or `:` first, nested sets and set operations are ICU's own syntax: left to it.
        if next == "]" || next == ":" { throw Unsupported() }
        var first = true
        while true {
            guard let scalar = next else { throw Unsupported() }
            index += 1
            var member: Unicode.Scalar
            switch scalar {
            case "]":
                if first { throw Unsupported() }
                if set.negated, ignoringCase, cased || set.hasASCIILetter { throw Unsupported() }
                return set
            case "[", "{", "}", "$", "^": throw Unsupported()
            case "&" where next == "&": throw Unsupported()
            case "-" where !first: throw Unsupported()
            case "\\":
                switch try classEscape() {
                case .properties(let properties):
                    set.insert(properties)
                    if properties.contains(.letter) || properties.contains(.number) { cased = true }
                    first = false
                    continue
                case .character(let character):
                    member = character
                }
            default:
                member = scalar
            }
            first = false
            var upper = member
            if next == "-", peek(1) != "]" {
                index += 1
                guard let end = next, end != "[", end != "]", end != "-", end != "^" else { throw Unsupported() }
                index += 1
                if end == "\\" {
                    guard case .character(let character) = try classEscape() else { throw Unsupported() }
                    upper = character
                } else {
                    upper = end
                }
                guard member.value <= upper.value else { throw Unsupported() }
            }
            let low = try Self.unit(member, ignoringCase: false)
            let high = try Self.unit(upper, ignoringCase: false)
            if high >= 128 {
                // Outside ASCII, in any case, every member must be left unchanged by case folding.
                guard high - max(low, 128) < 1024 else { throw Unsupported() }
                for unit in max(low, 128)...high {
                    guard let character = Unicode.Scalar(UInt32(unit)) else { throw Unsupported() }
                    if ignoringCase, character.properties.changesWhenCaseFolded { throw Unsupported() }
                    if character.properties.isCased { cased = true }
                }
            }
            set.insert(low, through: high, foldingCase: ignoringCase)
        }
    }
}
