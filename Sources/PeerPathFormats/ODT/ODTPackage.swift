import Foundation
import ZIPFoundation

/// Zips the parts of an ODF text package: `mimetype` first and stored, then the parts in a fixed
/// order, compressed, all with one fixed date, so the same document gives the same bytes.
enum ODTPackage {
    /// 1 January 2020, 00:00 in the local time zone: zip stores local times, so building the date
    /// from local components gives the same stored bytes in any time zone.
    static let fixedDate: Date = {
        var components = DateComponents()
        components.year = 2020
        components.month = 1
        components.day = 1
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 1_577_836_800)
    }()

    static func zip(_ parts: [ODTPart]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let mimetype = Array(ODFNamespace.textMediaType.utf8)
        try add(mimetype, as: "mimetype", compressed: false, to: archive)
        for part in parts {
            try add(part.bytes, as: part.path, compressed: true, to: archive)
        }
        let manifest = try ODTManifest(parts: parts).write()
        try add(manifest, as: "META-INF/manifest.xml", compressed: true, to: archive)
        guard let data = archive.data else { throw XMLWriteError(message: "the zip archive could not be produced") }
        return data
    }

    private static func add(_ bytes: [UInt8], as path: String, compressed: Bool, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                             modificationDate: fixedDate, permissions: 0o644,
                             compressionMethod: compressed ? .deflate : .none) { position, size in
            Data(bytes[Int(position)..<Int(position) + size])
        }
    }
}
