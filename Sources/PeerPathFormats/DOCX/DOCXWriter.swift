import Foundation
import PeerPathDocuments

/// Turns a document into an Office Open XML WordprocessingML package (.docx), ECMA-376
/// Transitional and nothing else (no markup-compatibility or Word-only namespaces, but the SVG
/// extension inside DrawingML's open extension list), from the same tree as the ODT.
///
/// The parts are zipped in a fixed order with one fixed date (`ZipArchive`), and no part carries a
/// date, so the same document gives the same bytes. Parts the same in every package (styles,
/// settings, font table, footer) are made and compressed once per writer.
public struct DOCXWriter: Sendable {
    public let look: DOCXLook
    let generator: String
    let compressed: [String: ZipEntry]
    let shared: [DOCXPart]

    /// - Parameters:
    ///   - look: fonts and colours (peerpath's default, or an organisation's `.docx`/`.dotx`).
    ///   - generator: what `docProps/app.xml` names as the application, e.g. "peerpath/0.1.0".
    public init(look: DOCXLook = DOCXLook(), generator: String) throws(XMLWriteError) {
        self.look = look
        self.generator = generator
        shared = [
            DOCXPart(path: "word/styles.xml", contentType: DOCXNamespace.ContentType.styles, bytes: try DOCXStyles(look: look).write()),
            DOCXPart(path: "word/settings.xml", contentType: DOCXNamespace.ContentType.settings, bytes: try DOCXParts.settings()),
            DOCXPart(path: "word/fontTable.xml", contentType: DOCXNamespace.ContentType.fontTable, bytes: try DOCXParts.fontTable(look: look)),
            DOCXPart(path: "word/footer1.xml", contentType: DOCXNamespace.ContentType.footer, bytes: try DOCXParts.footer()),
            DOCXPart(path: "docProps/app.xml", contentType: DOCXNamespace.ContentType.extended, bytes: try DOCXParts.app(generator: generator)),
        ]
        var entries: [String: ZipEntry] = [:]
        for part in shared { entries[part.path] = try ZipEntry(deflating: part.bytes, as: part.path) }
        compressed = entries
    }

    /// Parts smaller than this are stored: deflating a few hundred bytes saves little and costs a
    /// deflate stream's set-up, which is most of the time a small part takes.
    static let storedBelow = 4096

    static func entry(_ bytes: [UInt8], as name: String) throws(XMLWriteError) -> ZipEntry {
        bytes.count < storedBelow ? ZipEntry(storing: bytes, as: name) : try ZipEntry(deflating: bytes, as: name)
    }

    /// The marking a document's header carries, from its `status` and `document-version`
    /// properties ("DRAFT · version 0.3"); nil when it has neither (no header is written).
    public static func marking(of document: Document) -> String? {
        // The version line the ODT shows in its header band on every page, when the document has one.
        if let header = document.properties.first(where: { $0.name == "running-header" })?.value, !header.isEmpty {
            return header
        }
        let status = document.properties.first { $0.name == "status" }?.value.trimmingCharacters(in: .whitespaces) ?? ""
        let version = document.properties.first { $0.name == "document-version" }?.value.trimmingCharacters(in: .whitespaces) ?? ""
        var pieces: [String] = []
        if !status.isEmpty { pieces.append(status.uppercased()) }
        if !version.isEmpty { pieces.append("version \(version)") }
        return pieces.isEmpty ? nil : pieces.joined(separator: " · ")
    }

    public func package(_ document: Document) throws -> Data {
        let marking = Self.marking(of: document)
        let body = DOCXBody(document: document, hasHeader: marking != nil, look: look)
        typealias R = DOCXBody.RelationshipID
        typealias T = DOCXNamespace.Relationship
        var relationships: [DOCXParts.Relationship] = [
            .init(id: R.styles, type: T.styles, target: "styles.xml"),
            .init(id: R.numbering, type: T.numbering, target: "numbering.xml"),
            .init(id: R.settings, type: T.settings, target: "settings.xml"),
            .init(id: R.fontTable, type: T.fontTable, target: "fontTable.xml"),
            .init(id: R.footer, type: T.footer, target: "footer1.xml"),
        ]
        var parts: [DOCXPart] = [
            DOCXPart(path: "docProps/core.xml", contentType: DOCXNamespace.ContentType.core, bytes: try DOCXParts.core(document)),
            shared[4],
            DOCXPart(path: "docProps/custom.xml", contentType: DOCXNamespace.ContentType.custom, bytes: try DOCXParts.custom(document)),
            DOCXPart(path: "word/document.xml", contentType: DOCXNamespace.ContentType.document, bytes: try body.write()),
        ]
        parts += shared[0..<4]
        parts.append(DOCXPart(path: "word/numbering.xml", contentType: DOCXNamespace.ContentType.numbering,
                              bytes: try DOCXParts.numbering(prefixes: body.numberedPrefixes, look: look)))
        if let marking {
            relationships.append(.init(id: R.header, type: T.header, target: "header1.xml"))
            parts.append(DOCXPart(path: "word/header1.xml", contentType: DOCXNamespace.ContentType.header,
                                  bytes: try DOCXParts.header(marking: marking)))
        }
        for (index, figure) in body.figures.enumerated() {
            let pictures = try PNGRenderer.pictures(of: figure)
            // Named by position, so two figures of one name never share a part.
            let name = "media/figure\(index + 1)-\(figure.name)"
            relationships.append(.init(id: R.png(index), type: T.image, target: "\(name).png"))
            relationships.append(.init(id: R.svg(index), type: T.image, target: "\(name).svg"))
            parts.append(DOCXPart(path: "word/\(name).png", contentType: DOCXNamespace.ContentType.png, bytes: pictures.png))
            parts.append(DOCXPart(path: "word/\(name).svg", contentType: DOCXNamespace.ContentType.svg, bytes: pictures.svg))
        }
        parts.append(DOCXPart(path: "word/_rels/document.xml.rels", contentType: DOCXNamespace.ContentType.relationships,
                              bytes: try DOCXParts.relationships(relationships)))
        let packageRelationships = try DOCXParts.relationships([
            .init(id: "rId1", type: T.officeDocument, target: "word/document.xml"),
            .init(id: "rId2", type: T.core, target: "docProps/core.xml"),
            .init(id: "rId3", type: T.extended, target: "docProps/app.xml"),
            .init(id: "rId4", type: T.custom, target: "docProps/custom.xml"),
        ])
        var archive = ZipArchive()
        archive.add(try Self.entry(try DOCXParts.contentTypes(parts), as: "[Content_Types].xml"))
        archive.add(try Self.entry(packageRelationships, as: "_rels/.rels"))
        for part in parts {
            if let entry = compressed[part.path] {
                archive.add(entry)
            } else if part.contentType == DOCXNamespace.ContentType.png {
                archive.add(ZipEntry(storing: part.bytes, as: part.path))
            } else {
                archive.add(try Self.entry(part.bytes, as: part.path))
            }
        }
        return Data(archive.finish())
    }
}
