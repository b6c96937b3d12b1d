import Foundation
import Hummingbird
import PeerPathDocuments
import PeerPathFormats

/// `/p/{pathway}/r/{role}/download/{document}.{odt|docx|xml|md}` and `/p/{pathway}/r/{role}/pack.zip`:
/// the files `generate` writes, made in memory by the project's writers.
struct DownloadRoutes {
    let workbench: Workbench

    static let types = ["odt": "application/vnd.oasis.opendocument.text",
                        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "xml": "application/xml", "md": "text/markdown; charset=utf-8"]

    func register(on router: Router<BasicRequestContext>) {
        let lookup = Lookup(workbench: workbench)
        router.get("/p/:pathway/r/:role/download/:file") { _, context in
            switch lookup.role(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let (served, role)):
                let name = context.parameters.get("file") ?? ""
                let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 2, let kind = Document.Kind(rawValue: String(parts[0])), kind != .pathwayOverview,
                      let type = Self.types[String(parts[1])],
                      let data = try served.outputs(using: workbench.pipeline)["\(served.id)/\(role.id)/\(name)"] else {
                    return lookup.notFound(Miss(title: "No such download", message: "There is no file '\(name)' for a role: ask for a document (\(RolePage.documentTitles.map(\.0.rawValue).joined(separator: ", "))) as odt, docx, xml or md."))
                }
                return Reply.download(Array(data), type: type, name: "\(role.id)-\(name)")
            }
        }
        router.get("/p/:pathway/r/:role/pack.zip") { _, context in
            switch lookup.role(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let (served, role)):
                let outputs = try served.outputs(using: workbench.pipeline)
                var files: [(name: String, bytes: [UInt8])] = []
                for (kind, _) in RolePage.documentTitles {
                    for format in RolePage.formats {
                        let name = "\(kind.rawValue).\(format)"
                        if let data = outputs["\(served.id)/\(role.id)/\(name)"] { files.append(("\(role.id)/\(name)", Array(data))) }
                    }
                }
                return Reply.download(try ZipBundle.archive(files), type: "application/zip", name: "\(served.id)-\(role.id)-pack.zip")
            }
        }
    }
}
