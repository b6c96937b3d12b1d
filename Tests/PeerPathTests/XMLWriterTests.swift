import Foundation
@testable import PeerPathFormats
import Testing

@Suite("XML is written by libxml2, escaped, and refuses what XML 1.0 cannot hold")
struct XMLWriterTests {
    @Test func textAndAttributesAreEscaped() throws {
        let w = XMLWriter()
        try w.element("note", ["by": "Ann \"Annie\" <O'Neil> & co"], text: "a & b < c > d \"e\" 🌱 مرحبا")
        let output = String(decoding: try w.finish(), as: UTF8.self)
        #expect(output.contains("a &amp; b &lt; c &gt; d &quot;e&quot; 🌱 مرحبا"))
        #expect(output.contains("by=\"Ann &quot;Annie&quot; &lt;O'Neil&gt; &amp; co\""))
        #expect(output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        _ = try XMLTree(data: Data(output.utf8), name: "note.xml")
    }

    @Test(arguments: ["\u{01}", "\u{0B}", "\u{1F}", "\u{FFFE}"])
    func controlCharactersAreRefused(_ bad: String) {
        let w = XMLWriter()
        #expect(throws: XMLWriteError.self) { try w.element("note", text: "before\(bad)after") }
    }

    @Test func tabsAndNewlinesAreAllowed() throws {
        let w = XMLWriter()
        try w.element("note", text: "one\ttwo\nthree\r")
        #expect(!(try w.finish()).isEmpty)
    }

    @Test func aDoctypeIsRefusedWhenReading() {
        let hostile = """
        <?xml version="1.0"?>
        <!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <lol>&b;</lol>
        """
        #expect(throws: XMLReadError.self) { try XMLTree(data: Data(hostile.utf8), name: "bomb.xml") }
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        do {
            _ = try XMLTree(data: Data("<a>\n<b>\n</a>".utf8), name: "bad.xml")
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("bad.xml:3: error:"))
        }
    }
}
