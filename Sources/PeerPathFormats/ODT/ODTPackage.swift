import Foundation

/// Zips the parts of an ODF text package: `mimetype` first and stored, then the parts in a fixed
/// order, compressed, then the manifest, all with one fixed date, so the same document gives the
/// same bytes. Parts the same in every package (the styles) come already compressed.
enum ODTPackage {
    static let mimetype = ZipEntry(storing: Array(ODFNamespace.textMediaType.utf8), as: "mimetype")

    /// - Parameters:
    ///   - parts: every part but the manifest, in package order; `compressed` gives the entries of
    ///     parts already compressed, by path.
    ///   A package never holds two entries with one name: a part named like another, or like
    ///   `mimetype` or the manifest, is an error.
    static func zip(_ parts: [ODTPart], compressed: [String: ZipEntry] = [:]) throws -> Data {
        var names: Set<String> = ["mimetype", "META-INF/manifest.xml"]
        for part in parts where !names.insert(part.path).inserted {
            throw XMLWriteError(message: "two parts of the package would be named '\(part.path)'")
        }
        var archive = ZipArchive()
        archive.add(mimetype)
        for part in parts {
            if let entry = compressed[part.path] {
                archive.add(entry)
            } else if part.mediaType == "image/png" {
                // Already compressed: deflating it again costs time and saves nothing.
                archive.add(ZipEntry(storing: part.bytes, as: part.path))
            } else {
                archive.add(try ZipEntry(deflating: part.bytes, as: part.path))
            }
        }
        archive.add(try ZipEntry(deflating: try ODTManifest(parts: parts).write(), as: "META-INF/manifest.xml"))
        return Data(archive.finish())
    }
}
