import Foundation
import ZIPFoundation

/// Reads a generated .odt back for assertions: its entries in order and their bytes.
struct ODTPackageReader {
    let archive: Archive

    init(data: Data) throws {
        archive = try Archive(data: data, accessMode: .read)
    }

    var entryNames: [String] { archive.map(\.path) }

    func entry(_ name: String) -> Entry? { archive[name] }

    func bytes(_ name: String) throws -> Data {
        guard let entry = archive[name] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }
}
