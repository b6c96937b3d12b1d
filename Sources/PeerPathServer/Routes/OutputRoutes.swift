import Foundation
import Hummingbird
import PeerPath

/// `POST /p/{pathway}/write`: with `--out DIR`, writes the pathway's documents (the files
/// `generate` writes, from the file as loaded) into DIR, all or nothing. Without `--out`, 404.
struct OutputRoutes {
    let workbench: Workbench

    func register(on router: Router<BasicRequestContext>) {
        let lookup = Lookup(workbench: workbench)
        router.post("/p/:pathway/write") { _, context in
            guard let folder = workbench.outputFolder else {
                return lookup.notFound(Miss(title: "No output folder", message: "The workbench was started without --out, so it writes no documents."))
            }
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let served):
                let outputs = try served.outputs(using: workbench.pipeline)
                let files = outputs.keys.sorted().map { OutputFile(path: $0, data: outputs[$0]!) }
                var body = HTML()
                do throws(PeerPathError) {
                    let count = try OutputFolder.write(files, into: folder)
                    body.element("h1", "Documents written")
                    body.element("p", "\(count) files of \(served.pathway.title) written to \(folder)/\(served.id).")
                } catch {
                    body.element("h1", "The documents were not written")
                    body.element("p", error.message)
                    body.raw("<p>")
                    body.link("/p/\(served.id)", "Back to the ladder")
                    body.raw("</p>\n")
                    return Reply.html(Layout.page(title: "Not written", token: workbench.token, body: body), status: .internalServerError)
                }
                body.raw("<p>")
                body.link("/p/\(served.id)", "Back to the ladder")
                body.raw("</p>\n")
                return Reply.html(Layout.page(title: "Documents written", token: workbench.token,
                                              crumbs: [.init(title: "Pathways", href: "/"), .init(title: served.pathway.title, href: "/p/\(served.id)"),
                                                       .init(title: "Documents written")], body: body))
            }
        }
    }
}
