/// A page for a request the server cannot answer: an unknown pathway, role or document (404).
enum ErrorPage {
    static func render(title: String, message: String, token: String) -> String {
        var body = HTML(capacity: 1_024)
        body.element("h1", title)
        body.element("p", message)
        body.raw("<p><a href=\"/\">The pathways this workbench serves</a></p>\n")
        return Layout.page(title: title, token: token, body: body)
    }
}
