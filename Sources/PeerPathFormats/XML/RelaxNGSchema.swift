import CLibXML2
import Foundation

/// A RELAX NG schema compiled by libxml2, used to validate what peerpath writes.
public final class RelaxNGSchema: @unchecked Sendable {
    /// The compiled schema is only read once parsed; each validation has its own context, so
    /// several threads can validate against one schema at once.
    private let schema: xmlRelaxNGPtr
    public let path: String

    public init(path: String) throws(XMLReadError) {
        self.path = path
        xmlInitParser()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XMLReadError(file: path, line: 0, message: "schema not found")
        }
        // Parsed by peerpath's own reader (no DTD, no network, errors collected rather than
        // printed), then compiled from the tree, so a broken schema gives one located line.
        let tree: XMLTree
        do {
            tree = try XMLTree(data: data, name: path)
        } catch {
            throw XMLReadError(file: path, line: error.line, message: "the schema is not well-formed XML: \(error.message)")
        }
        guard let context = xmlRelaxNGNewDocParserCtxt(tree.document) else {
            throw XMLReadError(file: path, line: 0, message: "cannot read the schema")
        }
        defer { xmlRelaxNGFreeParserCtxt(context) }
        let sink = ErrorSink()
        xmlRelaxNGSetParserStructuredErrors(context, ErrorSink.handler, Unmanaged.passUnretained(sink).toOpaque())
        guard let parsed = xmlRelaxNGParse(context) else {
            // The sink's messages are "line: text".
            let first = sink.messages.first ?? "0: it could not be compiled"
            let parts = first.split(separator: ":", maxSplits: 1)
            let line = parts.count == 2 ? Int(parts[0]) ?? 0 : 0
            let text = parts.count == 2 && Int(parts[0]) != nil ? parts[1].trimmingCharacters(in: .whitespaces) : first
            throw XMLReadError(file: path, line: line, message: "not a valid RELAX NG schema: \(text)")
        }
        schema = parsed
    }

    deinit { xmlRelaxNGFree(schema) }

    /// The problems found, each `name:line: message`; empty when the document is valid.
    public func problems(in tree: XMLTree, name: String) -> [String] {
        guard let context = xmlRelaxNGNewValidCtxt(schema) else { return ["\(name): cannot validate (out of memory)"] }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        let sink = ErrorSink()
        xmlRelaxNGSetValidStructuredErrors(context, ErrorSink.handler, Unmanaged.passUnretained(sink).toOpaque())
        let result = xmlRelaxNGValidateDoc(context, tree.document)
        if result == 0 { return [] }
        return sink.messages.isEmpty ? ["\(name): not valid against \(path)"] : sink.messages.map { "\(name):\($0)" }
    }

    /// Parses and validates bytes in one step.
    public func problems(in data: Data, name: String) -> [String] {
        do {
            return problems(in: try XMLTree(data: data, name: name), name: name)
        } catch {
            return [error.description]
        }
    }
}

/// Collects libxml2's structured errors as `line: message` strings.
final class ErrorSink {
    var messages: [String] = []

    static let handler: xmlStructuredErrorFunc = { user, error in
        guard let user, let error else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(user).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "invalid"
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        sink.messages.append("\(error.pointee.line): \(oneLine)")
    }
}
