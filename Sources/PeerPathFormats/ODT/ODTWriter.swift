import Foundation
import PeerPathDocuments

/// Turns a document into an ODF 1.3 text package, with the styles of a template `styles.xml`.
public struct ODTWriter: Sendable {
    /// The styles part, already parsed and re-serialised by libxml2, and the pictures it uses.
    let styles: [UInt8]
    let stylePictures: [ODTPart]
    let generator: String
    /// The styles part and its pictures, compressed once for every package.
    let compressed: [String: ZipEntry]

    /// - Parameters:
    ///   - stylesFile: an ODF `styles.xml` (the default is `templates/odt/styles.xml`).
    ///   - generator: what `meta.xml` names as the generator, e.g. "peerpath/0.1.0".
    public init(stylesFile: String, generator: String) throws(XMLReadError) {
        guard let data = FileManager.default.contents(atPath: stylesFile) else {
            throw XMLReadError(file: stylesFile, line: 0, message: "the styles file cannot be read")
        }
        self.styles = Array(try XMLTree(data: data, name: stylesFile).serialized())
        self.stylePictures = []
        self.generator = generator
        compressed = Self.compress([ODTPart(path: "styles.xml", mediaType: "text/xml", bytes: styles)])
    }

    /// A writer using an organisation's own styles (see `OrganisationStyles`).
    public init(styles: OrganisationStyles, generator: String) {
        self.styles = styles.styles
        self.stylePictures = styles.pictures
        self.generator = generator
        compressed = Self.compress([ODTPart(path: "styles.xml", mediaType: "text/xml", bytes: styles.styles)] + styles.pictures)
    }

    /// Entries made now for parts every package has; a part that cannot be compressed is left to
    /// each package, which reports the error.
    private static func compress(_ parts: [ODTPart]) -> [String: ZipEntry] {
        var entries: [String: ZipEntry] = [:]
        for part in parts {
            entries[part.path] = try? ZipEntry(deflating: part.bytes, as: part.path)
        }
        return entries
    }

    public func package(_ document: Document) throws -> Data {
        var parts = [
            ODTPart(path: "content.xml", mediaType: "text/xml", bytes: try ODTContent(document: document).write()),
            ODTPart(path: "styles.xml", mediaType: "text/xml", bytes: styles),
            ODTPart(path: "meta.xml", mediaType: "text/xml", bytes: try ODTMeta(document: document, generator: generator).write()),
        ]
        parts += stylePictures
        for case .figure(let figure) in document.blocks {
            let pictures = try PNGRenderer.pictures(of: figure)
            parts.append(ODTPart(path: ODTContent.picturePath(figure), mediaType: "image/svg+xml", bytes: pictures.svg))
            parts.append(ODTPart(path: ODTContent.fallbackPath(figure), mediaType: "image/png", bytes: pictures.png))
        }
        return try ODTPackage.zip(parts, compressed: compressed)
    }
}
