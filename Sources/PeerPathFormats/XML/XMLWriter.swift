import CLibXML2
import Foundation

/// Writes XML through libxml2's text writer, so every name, attribute and text is escaped by
/// libxml2 and never assembled by hand. Text that XML 1.0 cannot hold is refused.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var open: [String] = []

    public init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    public func start(_ name: String) throws(XMLWriteError) {
        try check(xmlTextWriterStartElement(writer, name), "start element \(name)")
        open.append(name)
    }

    public func attribute(_ name: String, _ value: String) throws(XMLWriteError) {
        try Self.checkCharacters(value, in: name)
        try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
    }

    public func text(_ value: String) throws(XMLWriteError) {
        try Self.checkCharacters(value, in: open.last ?? "document")
        try check(xmlTextWriterWriteString(writer, value), "text")
    }

    public func end() throws(XMLWriteError) {
        try check(xmlTextWriterEndElement(writer), "end element")
        open.removeLast()
    }

    /// An element with attributes and optional text, opened and closed.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) throws(XMLWriteError) {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text { try self.text(text) }
        try end()
    }

    /// Ends the document and returns its bytes.
    public func finish() throws(XMLWriteError) -> Data {
        try check(xmlTextWriterEndDocument(writer), "end document")
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    private func check(_ result: Int32, _ what: String) throws(XMLWriteError) {
        if result < 0 { throw XMLWriteError(message: "libxml2 could not write \(what)") }
    }

    /// XML 1.0 allows tab, line feed, carriage return and characters from U+0020, less U+FFFE/U+FFFF.
    /// Scans bytes first (C0 controls are single bytes; U+FFFE and U+FFFF are EF BF BE/BF), and
    /// only looks at characters when a byte is suspect.
    static func checkCharacters(_ value: String, in context: String) throws(XMLWriteError) {
        let suspect = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return true }
            }
            return false
        } ?? true
        guard suspect else { return }
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0xFFFE, 0xFFFF:
                throw XMLWriteError(message: "text for '\(context)' holds U+\(String(format: "%04X", scalar.value)), which XML 1.0 cannot carry")
            default: continue
            }
        }
    }
}

public struct XMLWriteError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}


