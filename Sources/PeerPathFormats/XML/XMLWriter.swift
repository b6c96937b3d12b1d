import Foundation

/// Writes XML 1.0 as UTF-8 bytes: elements, attributes and text, each escaped here as it is
/// written, so no markup is ever put together from strings. Element and attribute names are the
/// callers' own constants (never data). Text that XML 1.0 cannot hold is refused. What this writes
/// is the same, byte for byte, as libxml2's text writer writes for the same calls, with one
/// exception: characters outside ASCII in attribute values stay UTF-8 rather than becoming
/// character references. Every peerpath XML file is parsed back and validated before it is kept
/// (`PeerPathXML`), and every ODF part is checked against the ODF schema in the tests.
public final class XMLWriter {
    /// What has been written and what is open. Held behind a pointer the writer owns: appending
    /// to a class's stored array costs a dynamic exclusivity check on every call, which was a
    /// tenth of the cost of writing.
    private struct State {
        var bytes: [UInt8] = []
        var open: [String] = []
        /// Whether the last start tag still waits for its `>` (more attributes may come).
        var startTagOpen = false
    }

    private let state: UnsafeMutablePointer<State>

    private var bytes: [UInt8] {
        get { state.pointee.bytes }
        _modify { yield &state.pointee.bytes }
    }

    private var open: [String] {
        get { state.pointee.open }
        _modify { yield &state.pointee.open }
    }

    private var startTagOpen: Bool {
        get { state.pointee.startTagOpen }
        set { state.pointee.startTagOpen = newValue }
    }

    /// A writer of a whole document, starting with the XML declaration.
    public convenience init() {
        self.init(declaration: true)
    }

    private init(declaration: Bool) {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        bytes.reserveCapacity(declaration ? 32_768 : 4_096)
        if declaration { append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    /// Writes a piece of XML once, for several documents to include (see `include(_:)`): the
    /// writes must close every element they open.
    public static func fragment(_ write: (XMLWriter) throws(XMLWriteError) -> Void) throws(XMLWriteError) -> XMLFragment {
        let writer = XMLWriter(declaration: false)
        try write(writer)
        guard writer.open.isEmpty else { throw XMLWriteError(message: "a fragment left <\(writer.open.last!)> open") }
        writer.closeStartTag()
        return XMLFragment(bytes: writer.bytes)
    }

    /// Puts a fragment written by `fragment(_:)` here, as if its writes were made now.
    public func include(_ fragment: XMLFragment) {
        closeStartTag()
        bytes.append(contentsOf: fragment.bytes)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    public func start(_ name: String) throws(XMLWriteError) {
        closeStartTag()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        open.append(name)
        startTagOpen = true
    }

    public func attribute(_ name: String, _ value: String) throws(XMLWriteError) {
        guard startTagOpen else { throw XMLWriteError(message: "attribute \(name) written outside a start tag") }
        bytes.append(UInt8(ascii: " "))
        append(name)
        append("=\"")
        try escape(value, Self.attributeEscapes, in: name)
        bytes.append(UInt8(ascii: "\""))
    }

    public func text(_ value: String) throws(XMLWriteError) {
        closeStartTag()
        try escape(value, Self.textEscapes, in: open.last ?? "document")
    }

    public func end() throws(XMLWriteError) {
        guard let name = open.popLast() else { throw XMLWriteError(message: "end element with no element open") }
        if startTagOpen {
            append("/>")
            startTagOpen = false
        } else {
            append("</")
            append(name)
            bytes.append(UInt8(ascii: ">"))
        }
    }

    /// An element with attributes and optional text, opened and closed.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) throws(XMLWriteError) {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text { try self.text(text) }
        try end()
    }

    /// Closes every element still open, ends the document and returns its bytes.
    public func finish() throws(XMLWriteError) -> Data {
        while !open.isEmpty { try end() }
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    private func closeStartTag() {
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            startTagOpen = false
        }
    }

    private func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Escapes by byte (see `EscapeTable`).
    private static let textEscapes = EscapeTable(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "\r": "&#13;"])
    private static let attributeEscapes = EscapeTable(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;",
                                                      "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"])

    /// Appends a value escaped: runs of bytes that need nothing are copied whole.
    private func escape(_ value: String, _ table: EscapeTable, in context: String) throws(XMLWriteError) {
        var value = value
        let refused: UInt32? = value.withUTF8 { input -> UInt32? in
            table.kind.withUnsafeBufferPointer { kind -> UInt32? in
                let count = input.count
                var run = 0
                var index = 0
                while index < count {
                    let byte = input[index]
                    switch kind[Int(byte)] {
                    case EscapeTable.plain:
                        index += 1
                        continue
                    case EscapeTable.maybeNonCharacter:
                        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
                        if index + 2 < count, input[index + 1] == 0xBF, input[index + 2] >= 0xBE {
                            return 0xFFFE + UInt32(input[index + 2] - 0xBE)
                        }
                        index += 1
                        continue
                    case EscapeTable.refused:
                        return UInt32(byte)
                    default:
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<index]))
                        bytes.append(contentsOf: table.replacements[Int(byte)])
                        index += 1
                        run = index
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<count]))
                return nil
            }
        }
        if let refused {
            throw XMLWriteError(message: "text for '\(context)' holds U+\(String(format: "%04X", refused)), which XML 1.0 cannot carry")
        }
    }
}

/// What each byte of UTF-8 becomes when escaped: itself, a reference, or refused (a C0 control
/// other than tab, line feed and carriage return, which XML 1.0 cannot hold); 0xEF starts the
/// two non-characters U+FFFE and U+FFFF, so it is looked at more closely.
private struct EscapeTable {
    static let plain: UInt8 = 0
    static let refused: UInt8 = 1
    static let replaced: UInt8 = 2
    static let maybeNonCharacter: UInt8 = 3

    var kind: [UInt8]
    var replacements: [[UInt8]]

    init(_ references: [Character: String]) {
        kind = [UInt8](repeating: Self.plain, count: 256)
        replacements = Array(repeating: [], count: 256)
        for byte in 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D { kind[byte] = Self.refused }
        kind[0xEF] = Self.maybeNonCharacter
        for (character, reference) in references {
            let byte = Int(character.asciiValue!)
            kind[byte] = Self.replaced
            replacements[byte] = Array(reference.utf8)
        }
    }
}

/// Elements written once by an `XMLWriter`, complete and escaped, for several documents to include.
public struct XMLFragment: Sendable {
    fileprivate let bytes: [UInt8]
}

public struct XMLWriteError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
