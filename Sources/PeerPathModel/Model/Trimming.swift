import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without white space and line breaks at either end. When what is left starts and
    /// ends with a printable ASCII character once ASCII white space (space, tab, line breaks) is cut
    /// off, that settles it (most text, a folded block's final line break included); Foundation's
    /// trimming, which is slow, runs only for the rest. Inlinable, so a caller in another module
    /// gets it made for its own string type rather than through the protocol.
    @inlinable
    public func trimmed() -> String {
        let bytes = utf8
        // Printable ASCII at both ends: nothing to cut, and the text itself (no copy of a `String`).
        if let head = bytes.first, let tail = bytes.last, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F {
            return String(self)
        }
        // Nothing but ASCII white space: nothing is left.
        guard let first = bytes.firstIndex(where: { !Self.isASCIISpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !Self.isASCIISpace($0) })!
        let head = bytes[first], tail = bytes[last]
        if head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F {
            return String(self[first...last])
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text without characters of `set` at either end; printable ASCII at both ends settles it.
    public func trimmed(_ set: CharacterSet) -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(self)
        }
        return trimmingCharacters(in: set)
    }

    @usableFromInline
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
