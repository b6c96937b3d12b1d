import PeerPathDocuments
import PeerPathFormats

/// `/p/{pathway}/r/{role}/preview/{document}`: one document in HTML, from the same document tree as
/// the ODT and DOCX, with the same numbering.
struct PreviewPage {
    let workbench: Workbench
    let served: ServedPathway
    let roleTitle: String
    let roleID: String
    let document: Document

    func render() throws(XMLWriteError) -> String {
        var body = HTML(capacity: 131_072)
        body.raw("<p class=\"preview-note\">A preview of the document as the pathway file has it. ")
        body.link("/p/\(served.id)/r/\(roleID)", "Back to the role")
        body.raw("</p>\n")
        body.trusted(try HTMLWriter().render(document))
        return Layout.page(title: document.title, token: workbench.token,
                           crumbs: [.init(title: "Pathways", href: "/"), .init(title: served.pathway.title, href: "/p/\(served.id)"),
                                    .init(title: roleTitle, href: "/p/\(served.id)/r/\(roleID)"), .init(title: document.title)],
                           body: body)
    }
}
