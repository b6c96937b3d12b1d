import CLibXML2
import Foundation

/// A parsed XML document, read safely: no network, no DTD loading, no entity expansion.
/// A document carrying a DOCTYPE is refused, since nothing peerpath reads needs one.
public final class XMLTree {
    let document: xmlDocPtr

    public init(data: Data, name: String) throws(XMLReadError) {
        // Refuse a DOCTYPE before libxml2 sees it, so no DTD or entity is ever looked at.
        if let offset = Self.offset(of: "<!DOCTYPE", in: data) {
            let line = data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw XMLReadError(file: name, line: line, message: "a DOCTYPE is not allowed (no DTDs or entities are read)")
        }
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else { throw XMLReadError(file: name, line: 0, message: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let parsed = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, options)
        }
        guard let parsed else {
            if let error = xmlCtxtGetLastError(context) {
                let message = String(cString: error.pointee.message).split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                throw XMLReadError(file: name, line: Int(error.pointee.line), message: message)
            }
            throw XMLReadError(file: name, line: 0, message: "not well-formed XML")
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            let line = Int(xmlGetLineNo(UnsafeMutableRawPointer(parsed.pointee.intSubset).assumingMemoryBound(to: xmlNode.self)))
            xmlFreeDoc(parsed)
            throw XMLReadError(file: name, line: max(line, 1), message: "a DOCTYPE is not allowed (no DTDs or entities are read)")
        }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Where a string's bytes first occur in data: memchr finds each candidate first byte and
    /// memcmp compares the rest (Data's own search is slow).
    static func offset(of needle: String, in data: Data) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        return data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress else { return nil }
            var start = 0
            while raw.count - start >= pattern.count {
                guard let hit = memchr(base + start, Int32(first), raw.count - start - pattern.count + 1) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + index, pattern, pattern.count) == 0 { return index }
                start = index + 1
            }
            return nil
        }
    }

    /// The document written back out, as UTF-8 bytes.
    public func serialized() -> Data {
        var bytes: UnsafeMutablePointer<xmlChar>?
        var count: Int32 = 0
        xmlDocDumpMemoryEnc(document, &bytes, &count, "UTF-8")
        guard let bytes else { return Data() }
        defer { peerpath_xmlFree(bytes) }
        return Data(bytes: bytes, count: Int(count))
    }
}

public struct XMLReadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    /// A schema problem already in `file:line: message` form, printed as it is.
    public var preformatted: String?

    public init(file: String, line: Int, message: String, preformatted: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.preformatted = preformatted
    }

    public var description: String {
        if let preformatted, let colon = preformatted.range(of: ": ", options: [], range: preformatted.index(after: preformatted.startIndex)..<preformatted.endIndex) {
            return "\(preformatted[..<colon.lowerBound]): error: \(preformatted[colon.upperBound...])"
        }
        return line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}
