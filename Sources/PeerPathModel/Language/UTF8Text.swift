import Foundation

/// A string's UTF-8 for reading byte by byte, and the offsets and character boundaries that relate
/// the bytes to what ICU (UTF-16) and Swift (`Character`s) make of the same text.
extension String {
    /// Calls `body` with the text's UTF-8, contiguous.
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// The UTF-8 offsets of a range of UTF-16 offsets (an ICU match).
    func utf8Range(utf16 range: NSRange) -> Range<Int> {
        let start = utf16.index(startIndex, offsetBy: range.location)
        let end = utf16.index(start, offsetBy: range.length)
        return utf8.distance(from: startIndex, to: start)..<utf8.distance(from: startIndex, to: end)
    }

    /// Whether a UTF-8 offset falls between two characters: only there can a range of the string
    /// become a `Range<String.Index>` (`Range(_:in:)` is nil for a range that splits a character,
    /// such as a word before a combining accent).
    func isCharacterBoundary(utf8 offset: Int) -> Bool {
        Index(utf8.index(startIndex, offsetBy: offset), within: self) != nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether UTF-8 is all ASCII: then a byte is a character (but for CR LF, one `Character`).
    var isASCII: Bool {
        var any: UInt8 = 0
        for byte in self { any |= byte }
        return any < 0x80
    }
}
