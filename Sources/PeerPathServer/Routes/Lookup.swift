import Hummingbird
import PeerPathModel

/// Finds what a request's ids name among what the server holds: ids are looked up, never used as
/// paths. A miss is a 404 page naming what was not found.
struct Lookup {
    let workbench: Workbench

    func pathway(_ context: BasicRequestContext) -> Result<ServedPathway, Miss> {
        let id = context.parameters.get("pathway") ?? ""
        guard let served = workbench.pathway(id) else {
            return .failure(Miss(title: "No such pathway", message: "This workbench serves no pathway with the id '\(id)'."))
        }
        return .success(served)
    }

    func role(_ context: BasicRequestContext) -> Result<(ServedPathway, Role), Miss> {
        pathway(context).flatMap { served in
            let id = context.parameters.get("role") ?? ""
            guard let role = served.pathway.role(id) else {
                return .failure(Miss(title: "No such role", message: "The pathway '\(served.pathway.title)' has no role with the id '\(id)'."))
            }
            return .success((served, role))
        }
    }

    func notFound(_ miss: Miss, json: Bool = false) -> Response {
        json ? Reply.error(.notFound, miss.message, json: true)
             : Reply.html(ErrorPage.render(title: miss.title, message: miss.message, token: workbench.token), status: .notFound)
    }
}

struct Miss: Error {
    var title: String
    var message: String
}
