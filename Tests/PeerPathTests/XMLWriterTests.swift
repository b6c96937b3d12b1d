import CLibXML2
import Foundation
@testable import PeerPathFormats
import Testing

@Suite("XML is written escaped, as libxml2 would write it, and refuses what XML 1.0 cannot hold")
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

    /// The same calls through libxml2's own text writer, for comparison.
    static func libxml2Writes(_ calls: (xmlTextWriterPtr) -> Void) -> Data {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        let writer = xmlNewTextWriterMemory(buffer, 0)!
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        calls(writer)
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        return Data(bytes: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer)))
    }

    @Test func theBytesAreLibxml2sTextWritersBytes() throws {
        let awkward = "a & b < c > d \"e\" 'f'\ttab\nline\rreturn ]]> --"
        let w = XMLWriter()
        try w.start("doc")
        try w.attribute("a", awkward)
        try w.start("empty")
        try w.end()
        try w.start("full")
        try w.attribute("b", "")
        try w.text(awkward)
        try w.end()
        try w.element("pair", ["x": "1", "y": "2"], text: "")
        try w.element("mixed", text: "one")
        try w.end()
        let ours = try w.finish()
        let theirs = Self.libxml2Writes { writer in
            xmlTextWriterStartElement(writer, "doc")
            xmlTextWriterWriteAttribute(writer, "a", awkward)
            xmlTextWriterStartElement(writer, "empty")
            xmlTextWriterEndElement(writer)
            xmlTextWriterStartElement(writer, "full")
            xmlTextWriterWriteAttribute(writer, "b", "")
            xmlTextWriterWriteString(writer, awkward)
            xmlTextWriterEndElement(writer)
            xmlTextWriterStartElement(writer, "pair")
            xmlTextWriterWriteAttribute(writer, "x", "1")
            xmlTextWriterWriteAttribute(writer, "y", "2")
            xmlTextWriterWriteString(writer, "")
            xmlTextWriterEndElement(writer)
            xmlTextWriterStartElement(writer, "mixed")
            xmlTextWriterWriteString(writer, "one")
            xmlTextWriterEndElement(writer)
            xmlTextWriterEndElement(writer)
        }
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
        let tree = try XMLTree(data: ours, name: "awkward.xml")
        #expect(String(decoding: tree.serialized(), as: UTF8.self).contains("&lt;"))
    }

    @Test func aFragmentIncludedGivesTheBytesOfWritingItThere() throws {
        let write = { (w: XMLWriter) throws(XMLWriteError) in
            try w.start("role")
            try w.attribute("id", "lead & co")
            try w.element("title", text: "Peer <Lead>")
            try w.end()
        }
        let fragment = try XMLWriter.fragment(write)
        let included = XMLWriter()
        try included.start("doc")
        included.include(fragment)
        included.include(fragment)
        try included.end()
        let direct = XMLWriter()
        try direct.start("doc")
        try write(direct)
        try write(direct)
        try direct.end()
        #expect(try included.finish() == direct.finish())
        #expect(throws: XMLWriteError.self) { try XMLWriter.fragment { w throws(XMLWriteError) in try w.start("left-open") } }
    }

    @Test func finishClosesWhatIsOpenAndEndWithNothingOpenIsAnError() throws {
        let w = XMLWriter()
        try w.start("a")
        try w.start("b")
        #expect(String(decoding: try w.finish(), as: UTF8.self).hasSuffix("<a><b/></a>\n"))
        #expect(throws: XMLWriteError.self) { try XMLWriter().end() }
        let outside = XMLWriter()
        try outside.element("a")
        #expect(throws: XMLWriteError.self) { try outside.attribute("late", "1") }
    }

    @Test(arguments: ["\u{01}", "\u{0B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"])
    func controlCharactersAreRefused(_ bad: String) {
        let w = XMLWriter()
        #expect(throws: XMLWriteError.self) { try w.element("note", text: "before\(bad)after") }
        let inAttribute = XMLWriter()
        #expect(throws: XMLWriteError.self) { try inAttribute.element("note", ["by": "x\(bad)"]) }
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
