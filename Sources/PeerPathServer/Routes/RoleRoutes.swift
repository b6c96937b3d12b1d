import Hummingbird
import PeerPathDocuments

/// `/p/{pathway}/r/{role}` and its document previews `/p/{pathway}/r/{role}/preview/{document}`.
struct RoleRoutes {
    let workbench: Workbench

    func register(on router: Router<BasicRequestContext>) {
        let lookup = Lookup(workbench: workbench)
        router.get("/p/:pathway/r/:role") { _, context in
            switch lookup.role(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let (served, role)): return Reply.html(RolePage(workbench: workbench, served: served, roleID: role.id).render())
            }
        }
        router.get("/p/:pathway/r/:role/preview/:document") { _, context in
            switch lookup.role(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let (served, role)):
                let name = context.parameters.get("document") ?? ""
                guard let kind = Document.Kind(rawValue: name), kind != .pathwayOverview,
                      let document = try served.documents(using: workbench.pipeline)[role.id]?.first(where: { $0.kind == kind }) else {
                    return lookup.notFound(Miss(title: "No such document", message: "A role has no document called '\(name)'; its documents are \(RolePage.documentTitles.map(\.0.rawValue).joined(separator: ", "))."))
                }
                return Reply.html(try PreviewPage(workbench: workbench, served: served, roleTitle: role.title, roleID: role.id, document: document).render())
            }
        }
    }
}
