/// The one escaping function for HTML: every text and every attribute value that the server's pages
/// and the HTML document writer show goes through it. `&`, `<`, `>`, `"` and `'` become entities,
/// and so do the invisible Unicode controls that reorder text (the bidirectional embeddings,
/// overrides and isolates, U+202A–U+202E and U+2066–U+2069, and the marks U+200E, U+200F), so a
/// title carrying a right-to-left override cannot turn the words after it around unseen in the
/// page's source; other C0 controls but tab and line feed are dropped.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `text` to `out`; runs that need nothing are copied whole.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in escape(bytes, markup: false, into: &out) }
    }

    /// Markup made by peerpath's XML writer (an SVG diagram to place inside a page), whose text is
    /// already escaped for XML: the same function, leaving `& < > "` (the markup's own) alone and
    /// turning the apostrophes and the reordering controls of its text into references, as in
    /// every other text of the page. The writer's markup itself uses neither.
    public static func escape(markup: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        markup.withUnsafeBufferPointer { escape($0, markup: true, into: &out) }
        return out
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, markup: Bool, into out: inout [UInt8]) {
        do {
            out.reserveCapacity(out.count + bytes.count + 16)
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var replacement: StaticString?
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = markup ? nil : "&amp;"
                case UInt8(ascii: "<"): replacement = markup ? nil : "&lt;"
                case UInt8(ascii: ">"): replacement = markup ? nil : "&gt;"
                case UInt8(ascii: "\""): replacement = markup ? nil : "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0x09, 0x0a: break
                case 0x0d: replacement = markup ? nil : ""
                case 0x00..<0x20, 0x7f: replacement = ""
                case 0xe2 where index + 2 < bytes.count:
                    // U+200E, U+200F: E2 80 8E/8F; U+202A–U+202E: E2 80 AA–AE; U+2066–U+2069: E2 81 A6–A9.
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80, third == 0x8e || third == 0x8f || (0xaa...0xae).contains(third) {
                        replacement = third == 0x8e ? "&#x200E;" : third == 0x8f ? "&#x200F;" : bidi[Int(third - 0xaa)]
                        skip = 3
                    } else if second == 0x81, (0xa6...0xa9).contains(third) {
                        replacement = isolates[Int(third - 0xa6)]
                        skip = 3
                    }
                default: break
                }
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    index += skip
                    run = index
                } else {
                    index += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    private static let bidi: [StaticString] = ["&#x202A;", "&#x202B;", "&#x202C;", "&#x202D;", "&#x202E;"]
    private static let isolates: [StaticString] = ["&#x2066;", "&#x2067;", "&#x2068;", "&#x2069;"]
}
