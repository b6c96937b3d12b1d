import PeerPathFormats

/// A page being written: literal markup goes in through `raw`, and everything else — every text
/// and every attribute value — through `text` and `attribute`, which use `HTMLText.escape`, the one
/// escaping function of the server and the HTML document writer.
struct HTML {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup written by the server itself: never anything from a pathway or a request.
    mutating func raw(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Markup already made safe: a fragment from `HTMLWriter`, or another `HTML`.
    mutating func trusted(_ fragment: [UInt8]) { bytes += fragment }
    mutating func trusted(_ fragment: String) { bytes += Array(fragment.utf8) }

    /// Text, escaped.
    mutating func text(_ text: String) { HTMLText.escape(text, into: &bytes) }

    /// A number, which needs no escaping.
    mutating func number(_ value: Int) { bytes += Array(String(value).utf8) }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(0x20)
        raw(name)
        raw("=\"")
        text(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `<tag class="…">text</tag>`.
    mutating func element(_ tag: StaticString, class name: String? = nil, _ content: String) {
        bytes.append(UInt8(ascii: "<"))
        raw(tag)
        if let name { attribute("class", name) }
        bytes.append(UInt8(ascii: ">"))
        text(content)
        raw("</")
        raw(tag)
        raw(">\n")
    }

    /// `<a href="…" class="…">text</a>`.
    mutating func link(_ href: String, _ content: String, class name: String? = nil, id: String? = nil) {
        raw("<a")
        attribute("href", href)
        if let name { attribute("class", name) }
        if let id { attribute("id", id) }
        raw(">")
        text(content)
        raw("</a>")
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
