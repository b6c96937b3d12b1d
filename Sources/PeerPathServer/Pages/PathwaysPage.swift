import PeerPathModel

/// `/`: the pathways this server was started with, each with its roles' bands and its findings count.
struct PathwaysPage {
    let workbench: Workbench

    func render() -> String {
        var body = HTML()
        body.raw("<h1>Pathways</h1>\n")
        let pathways = workbench.pathways
        body.raw("<p>This workbench serves ")
        body.text(pathways.count == 1 ? "one pathway" : "\(pathways.count) pathways")
        body.raw(", read when it started. Choose one to see its ladder.</p>\n<ul class=\"pathways\">\n")
        for served in pathways {
            let pathway = served.pathway
            body.raw("<li>")
            body.link("/p/" + pathway.id, pathway.title)
            body.raw("<p>")
            body.text("\(pathway.organisation.name) · \(pathway.roles.count) roles · \(FindingsList.count(served.assessment.findings)) · \(served.file)")
            body.raw("</p></li>\n")
        }
        body.raw("</ul>\n")
        return Layout.page(title: "Pathways", token: workbench.token, body: body)
    }
}
