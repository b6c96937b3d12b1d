/// What ICU's regular expressions (as `NSRegularExpression` runs them, Unicode 16) take each
/// character of the Basic Multilingual Plane for: a letter, a number, white space, a word
/// character for `\b`, a line end for `.`. Read from Swift's Unicode tables, which agree with
/// ICU's for every character of Unicode 15 and before (`ExpressionText` passes no other).
enum ExpressionCharacter {
    @inline(__always)
    static func isASCIILetter(_ unit: UInt16) -> Bool {
        (unit | 0x20) &- 0x61 < 26
    }

    /// The unit as a Unicode scalar (a unit of text `ExpressionText` accepts is never a surrogate).
    @inline(__always)
    private static func scalar(_ unit: UInt16) -> Unicode.Scalar {
        Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    static func has(_ properties: ExpressionClass.Properties, _ unit: UInt16) -> Bool {
        if unit < 128 {
            // ASCII by comparison: letters, digits, and tab to carriage return and space.
            return (properties.contains(.letter) && isASCIILetter(unit))
                || (!properties.isDisjoint(with: [.number, .decimalNumber]) && unit &- 0x30 < 10)
                || (properties.contains(.whitespace) && (unit == 0x20 || unit &- 0x09 < 5))
        }
        let scalar = scalar(unit)
        let category = scalar.properties.generalCategory
        if properties.contains(.letter) {
            switch category {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: break
            }
        }
        if properties.contains(.number) {
            switch category {
            case .decimalNumber, .letterNumber, .otherNumber: return true
            default: break
            }
        }
        if properties.contains(.decimalNumber), category == .decimalNumber { return true }
        if properties.contains(.whitespace), scalar.properties.isWhitespace { return true }
        return false
    }

    /// A word character for `\b`: ICU's `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
    @inline(__always)
    static func isWordCharacter(_ unit: UInt16) -> Bool {
        if unit < 128 { return isASCIILetter(unit) || unit &- 0x30 < 10 || unit == 0x5F }
        if unit == 0x200C || unit == 0x200D { return true }
        let properties = scalar(unit).properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// A character `\b` looks through: a grapheme extender (a combining mark) or a format character.
    @inline(__always)
    static func isIgnoredByBoundary(_ unit: UInt16) -> Bool {
        guard unit >= 128 else { return false }
        let properties = scalar(unit).properties
        return properties.isGraphemeExtend || properties.generalCategory == .format
    }

    /// A line end, which `.` does not match: U+000A–000D, U+0085, U+2028, U+2029.
    @inline(__always)
    static func isLineEnd(_ unit: UInt16) -> Bool {
        (unit &- 0x0A < 4) || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }
}
