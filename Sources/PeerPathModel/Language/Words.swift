import Foundation

/// The words of a text as the language checks count and match them: runs of letters and digits
/// (any Unicode letter or number, `\p{L}` and `\p{N}`), where one joining mark between two runs
/// makes them one word — an apostrophe ("don't", "people’s"), a hyphen ("one-to-one"), or a full
/// stop or comma ("37.5", "40,000", "e.g"), as the caller allows. Anything else separates words.
///
/// The words are found in one pass over the text's UTF-8, ASCII decided by comparison and other
/// characters by their Unicode general category. They are the words, in the same places, that the
/// ICU expression `[\p{L}\p{N}]+(?:[joins][\p{L}\p{N}]+)*` finds; places are UTF-8 offsets.
enum Words {
    /// The marks that may join two runs of letters and digits into one word.
    struct Joins: OptionSet, Sendable {
        let rawValue: UInt8
        /// `'` and `’` (U+2019).
        static let apostrophes = Joins(rawValue: 1)
        /// `-`, `‐` (U+2010) and `‑` (U+2011): the hyphens, not the dashes.
        static let hyphens = Joins(rawValue: 2)
        /// `.` and `,`.
        static let points = Joins(rawValue: 4)
    }

    /// One word of a text: its UTF-8 offsets, the joins inside it, and whether it is all ASCII.
    struct Word {
        var range: Range<Int>
        var joins: Joins
        var isASCII: Bool
    }

    /// Calls `body` with each word of `utf8[range]`, in order. `utf8` must be whole UTF-8 (a
    /// String's), and `range` must start and end on characters.
    static func forEach(in utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, joins: Joins, _ body: (Word) -> Void) {
        let end = range.upperBound
        var index = range.lowerBound
        while index < end {
            let length = letterOrDigitLength(utf8, at: index)
            guard length > 0 else {
                index += max(-length, 1)
                continue
            }
            let start = index
            var isASCII = length == 1
            var found: Joins = []
            index = runEnd(utf8, from: index + length, end: end, isASCII: &isASCII)
            while index < end, let (join, joinLength) = joinAt(utf8, index, joins) {
                let next = index + joinLength
                guard next < end else { break }
                let letter = letterOrDigitLength(utf8, at: next)
                guard letter > 0 else { break }
                found.insert(join)
                if joinLength > 1 || letter > 1 { isASCII = false }
                index = runEnd(utf8, from: next + letter, end: end, isASCII: &isASCII)
            }
            body(Word(range: start..<index, joins: found, isASCII: isASCII))
        }
    }

    /// Whether a text has a word at all: a letter or digit anywhere.
    static func any(in utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let length = letterOrDigitLength(utf8, at: index)
            if length > 0 { return true }
            index += max(-length, 1)
        }
        return false
    }

    /// The end of the run of letters and digits going on at `index`.
    private static func runEnd(_ utf8: UnsafeBufferPointer<UInt8>, from index: Int, end: Int, isASCII: inout Bool) -> Int {
        var index = index
        while index < end {
            let length = letterOrDigitLength(utf8, at: index)
            guard length > 0 else { break }
            if length > 1 { isASCII = false }
            index += length
        }
        return index
    }

    /// The join at `index` among those allowed, and its length in bytes.
    @inline(__always)
    private static func joinAt(_ utf8: UnsafeBufferPointer<UInt8>, _ index: Int, _ joins: Joins) -> (Joins, Int)? {
        switch utf8[index] {
        case UInt8(ascii: "'"): return joins.contains(.apostrophes) ? (.apostrophes, 1) : nil
        case UInt8(ascii: "-"): return joins.contains(.hyphens) ? (.hyphens, 1) : nil
        case UInt8(ascii: "."), UInt8(ascii: ","): return joins.contains(.points) ? (.points, 1) : nil
        case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80:
            switch utf8[index + 2] {
            case 0x99: return joins.contains(.apostrophes) ? (.apostrophes, 3) : nil   // U+2019
            case 0x90, 0x91: return joins.contains(.hyphens) ? (.hyphens, 3) : nil     // U+2010, U+2011
            default: return nil
            }
        default: return nil
        }
    }

    /// The length in bytes of the character at `index` if it is a letter or digit; otherwise minus
    /// its length.
    @inline(__always)
    static func letterOrDigitLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        if byte < 0x80 { return isASCIILetterOrDigit(byte) ? 1 : -1 }
        let (scalar, length) = decode(utf8, at: index)
        return isLetterOrDigit(scalar) ? length : -length
    }

    @inline(__always)
    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// The scalar of a multi-byte UTF-8 sequence, and its length.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                | UInt32(utf8[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether a scalar is a letter or digit for ICU (`[\p{L}\p{N}]`): general category L* or N*.
    /// Swift's Unicode tables may be newer than ICU's (Swift 6.3 has Unicode 17, its ICU 76 has
    /// Unicode 16), so a scalar Swift dates from Unicode 16 on, or does not know, is asked of ICU.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        guard let age = properties.age, age.major < 16 else {
            let text = String(Character(scalar))
            ICUExpression.noteRun()
            return icuLetterOrDigit.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static let icuLetterOrDigit = try! ICUExpression.compile(#"[\p{L}\p{N}]"#, ignoringCase: false)
}
