/// The frame of every page: the language, the title, the session's token in a meta tag (every POST
/// must send it back), the local style sheet and script, a skip link and the breadcrumb trail.
enum Layout {
    struct Crumb {
        var title: String
        var href: String?
    }

    static func page(title: String, token: String, crumbs: [Crumb] = [], scripts: Bool = false, body: HTML) -> String {
        var page = HTML(capacity: body.bytes.count + 2_048)
        page.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<meta name=\"peerpath-token\"")
        page.attribute("content", token)
        page.raw(">\n<title>")
        page.text(title)
        page.raw(" — peerpath</title>\n<link rel=\"stylesheet\" href=\"/assets/peerpath.css\">\n")
        if scripts { page.raw("<script src=\"/assets/peerpath.js\" defer></script>\n") }
        page.raw("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n")
        page.raw("<header class=\"site\"><p class=\"brand\"><a href=\"/\">peerpath</a> workbench</p>\n")
        if !crumbs.isEmpty {
            page.raw("<nav aria-label=\"Breadcrumb\"><ol class=\"crumbs\">")
            for crumb in crumbs {
                page.raw("<li>")
                if let href = crumb.href {
                    page.link(href, crumb.title)
                } else {
                    page.raw("<span aria-current=\"page\">")
                    page.text(crumb.title)
                    page.raw("</span>")
                }
                page.raw("</li>")
            }
            page.raw("</ol></nav>\n")
        }
        page.raw("</header>\n<main id=\"main\">\n")
        page.trusted(body.bytes)
        page.raw("</main>\n<footer class=\"site\"><p>Changes on this page are not saved to the pathway file unless you save them.</p></footer>\n</body>\n</html>\n")
        return page.string
    }
}
