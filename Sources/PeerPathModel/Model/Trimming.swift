import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without white space (and line breaks) at either end. Most text starts and ends with
    /// a printable ASCII character, which settles it at once; Foundation's trimming, which is slow,
    /// runs only for the rest.
    public func trimmed(_ set: CharacterSet = .whitespacesAndNewlines) -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(self)
        }
        return trimmingCharacters(in: set)
    }
}
