import Foundation
import PeerPath

/// The style sheet and script the pages use, read from peerpath's share (`templates/serve/`) once at
/// start and served from memory under `/assets/NAME`: no page loads anything from another site.
struct Assets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var bytes: [UInt8]
    }

    private let byName: [String: Asset]

    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]

    init(folder: String) throws(PeerPathError) {
        var byName: [String: Asset] = [:]
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw PeerPathError(.software, "\(folder): error: the server's style sheet and script are missing (\(error.localizedDescription))")
        }
        for name in names {
            guard let type = Self.types[(name as NSString).pathExtension],
                  let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            byName[name] = Asset(contentType: type, bytes: Array(data))
        }
        self.byName = byName
    }

    subscript(name: String) -> Asset? { byName[name] }
}
