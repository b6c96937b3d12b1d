import Foundation
import HTTPTypes
import Hummingbird
import PeerPath
import PeerPathLoading
import PeerPathModel

/// The edit form of a role (`GET /p/{pathway}/r/{role}/edit`), its save
/// (`POST /p/{pathway}/r/{role}/save`), and adding a role (`GET /p/{pathway}/new-role`,
/// `POST /p/{pathway}/roles`). The only file ever written is the pathway file the server was started
/// with, found by the pathway's id; it is written through `PathwaySave` (only the edited lines
/// change, the result must load as intended, staged and renamed into place, refused when the file
/// changed since the page loaded it).
struct EditRoutes {
    let workbench: Workbench
    let versions = SourceVersions()

    var saver: PathwaySave { PathwaySave(pipeline: workbench.pipeline) }

    func register(on router: Router<BasicRequestContext>) {
        let lookup = Lookup(workbench: workbench)
        router.get("/p/:pathway/r/:role/edit") { request, context in
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let served):
                let roleID = context.parameters.get("role") ?? ""
                return editPage(served, roleID: roleID, lookup: lookup,
                                notice: request.uri.queryParameters.get("saved") == "1" ? "Saved to the pathway file." : nil)
            }
        }
        router.post("/p/:pathway/r/:role/save") { request, context in
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let served):
                var request = request
                let form = FormFields(body: String(buffer: try await request.collectBody(upTo: Safety.bodyLimit)))
                return save(served, roleID: context.parameters.get("role") ?? "", form: form, lookup: lookup)
            }
        }
        router.get("/p/:pathway/new-role") { _, context in
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let served):
                guard let (pathway, digest) = current(served) else { return unreadable(served) }
                return Reply.html(NewRolePage(workbench: workbench, served: served, pathway: pathway, digest: digest).render())
            }
        }
        router.post("/p/:pathway/roles") { request, context in
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let served):
                var request = request
                let form = FormFields(body: String(buffer: try await request.collectBody(upTo: Safety.bodyLimit)))
                return addRole(served, form: form)
            }
        }
    }

    /// The pathway as its file is now, and the file's digest; remembered for a later conflict.
    func current(_ served: ServedPathway) -> (Pathway, String)? {
        guard !served.file.lowercased().hasSuffix(".xml"), let (text, digest) = try? PathwaySave.read(served.file),
              let pathway = try? saver.loader.load(text: text, file: served.file) else { return nil }
        versions.remember(text, digest: digest)
        return (pathway, digest)
    }

    /// The pathway as the version with this digest gave it (the version a page was made from).
    func version(_ served: ServedPathway, digest: String) -> Pathway? {
        if let text = versions.text(digest) { return try? saver.loader.load(text: text, file: served.file) }
        guard let (pathway, now) = current(served), now == digest else { return nil }
        return pathway
    }

    func unreadable(_ served: ServedPathway) -> Response {
        let why = served.file.lowercased().hasSuffix(".xml")
            ? "This pathway was read from an XML export; edit the YAML file it came from."
            : "The pathway file cannot be read or no longer loads; run peerpath check on it to see why."
        return Reply.html(ErrorPage.render(title: "Cannot edit this pathway", message: why, token: workbench.token), status: .conflict)
    }

    func editPage(_ served: ServedPathway, roleID: String, lookup: Lookup, notice: String?) -> Response {
        guard let (pathway, digest) = current(served) else { return unreadable(served) }
        guard let role = pathway.role(roleID) else {
            return lookup.notFound(Miss(title: "No such role", message: "The pathway file has no role with the id '\(roleID)'."))
        }
        return Reply.html(EditPage(workbench: workbench, served: served, pathway: pathway, digest: digest, role: role, notice: notice).render())
    }

    func save(_ served: ServedPathway, roleID: String, form: FormFields, lookup: Lookup) -> Response {
        let digest = form["digest"] ?? ""
        guard let pathway = version(served, digest: digest) else {
            // The page's version is unknown here (the server restarted, or the file changed before the
            // page was made): the file on disk is not what the page showed.
            return conflict(served, digest: digest, roleID: roleID, form: form, lookup: lookup)
        }
        guard let role = pathway.role(roleID) else {
            return lookup.notFound(Miss(title: "No such role", message: "The pathway file has no role with the id '\(roleID)'."))
        }
        let edits = RoleEditForm(role: role, pathway: pathway).edits(from: form)
        let page = EditPage(workbench: workbench, served: served, pathway: pathway, digest: digest, role: role, typed: form)
        guard !edits.isEmpty else {
            var unchanged = page
            unchanged.notice = "Nothing was changed, so nothing was saved."
            unchanged.typed = FormFields(pairs: [])
            return Reply.html(unchanged.render())
        }
        do {
            try commit(edits, served: served, digest: digest)
            return redirect("/p/\(pathway.id)/r/\(role.id)/edit?saved=1")
        } catch {
            return refused(error, page: page)
        }
    }

    /// Saves, then serves the saved pathway in place of the old one.
    func commit(_ edits: [PathwayEdit], served: ServedPathway, digest: String) throws(PathwaySave.Refusal) {
        let saved = try saver.save(edits, to: served.file, loaded: digest, loadedText: versions.text(digest))
        versions.remember(saved.text, digest: saved.digest)
        workbench.replace(ServedPathway(file: served.file, assessment: workbench.pipeline.assess(saved.pathway, file: served.file),
                                        catalogue: served.catalogue, catalogueFolder: served.catalogueFolder))
    }

    func refused(_ refusal: PathwaySave.Refusal, page: EditPage) -> Response {
        var page = page
        switch refusal {
        case .changedOnDisk(let difference, _):
            page.conflict = difference.isEmpty ? "(the version this page was made from is no longer known to the server)" : difference
            return Reply.html(page.render(), status: .conflict)
        case .invalid(let error, let field):
            page.problem = (field, error.description)
            return Reply.html(page.render(), status: .unprocessableContent)
        case .notAsIntended, .io:
            page.problem = (nil, refusal.description)
            return Reply.html(page.render(), status: .internalServerError)
        }
    }

    func conflict(_ served: ServedPathway, digest: String, roleID: String, form: FormFields, lookup: Lookup) -> Response {
        guard let (pathway, now) = current(served), let role = pathway.role(roleID) else { return unreadable(served) }
        var page = EditPage(workbench: workbench, served: served, pathway: pathway, digest: now, role: role)
        page.conflict = versions.text(digest).flatMap { old in (try? PathwaySave.read(served.file)).map { LineDifference.unified(old: old, new: $0.text) } }
            ?? "(the version this page was made from is no longer known to the server)"
        return Reply.html(page.render(), status: .conflict)
    }

    func addRole(_ served: ServedPathway, form: FormFields) -> Response {
        let digest = form["digest"] ?? ""
        guard let (pathway, _) = current(served) else { return unreadable(served) }
        var page = NewRolePage(workbench: workbench, served: served, pathway: pathway, digest: digest, typed: form)
        let role = NewRolePage.role(from: form)
        do {
            try commit([.addRole(role)], served: served, digest: digest)
            return redirect("/p/\(pathway.id)/r/\(role.id)/edit?saved=1")
        } catch {
            switch error {
            case .changedOnDisk(let difference, _):
                page.problem = "The pathway file changed on disk since this page loaded it; nothing was saved. Load the page again to add the role to the file as it is now.\n\(difference)"
                return Reply.html(page.render(), status: .conflict)
            case .invalid(let load, _):
                page.problem = load.description
                return Reply.html(page.render(), status: .unprocessableContent)
            default:
                page.problem = error.description
                return Reply.html(page.render(), status: .internalServerError)
            }
        }
    }

    func redirect(_ location: String) -> Response {
        var reply = Response(status: .seeOther)
        reply.headers[.location] = location
        return reply
    }
}
