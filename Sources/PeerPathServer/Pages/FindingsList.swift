import PeerPathModel

/// Findings as the pages show them: severity, message, code and line, as `peerpath check` prints them.
enum FindingsList {
    static func render(_ findings: [Finding], id: String? = nil, into html: inout HTML) {
        html.raw("<ul class=\"findings\"")
        if let id { html.attribute("id", id) }
        html.raw(">\n")
        for finding in findings { item(finding, into: &html) }
        html.raw("</ul>\n")
    }

    static func item(_ finding: Finding, into html: inout HTML) {
        html.raw("<li")
        html.attribute("class", "finding-item " + finding.severity.rawValue)
        html.attribute("data-code", finding.code.rawValue)
        html.raw(">")
        body(finding, into: &html)
        html.raw("</li>\n")
    }

    /// A finding beside the duty or criterion it concerns.
    static func paragraph(_ finding: Finding, into html: inout HTML) {
        html.raw("<p")
        html.attribute("class", "finding " + finding.severity.rawValue)
        html.attribute("data-code", finding.code.rawValue)
        html.raw(">")
        body(finding, into: &html)
        html.raw("</p>\n")
    }

    private static func body(_ finding: Finding, into html: inout HTML) {
        html.raw("<strong class=\"severity\">")
        html.text(finding.severity.rawValue)
        html.raw("</strong> ")
        html.text(finding.message)
        html.raw(" <code>")
        html.text(finding.code.rawValue)
        html.raw("</code>")
        if let location = finding.location {
            html.raw(" <span class=\"where\">line ")
            html.number(location.line)
            html.raw("</span>")
        }
        if let suggestion = finding.suggestion {
            html.raw(" <span class=\"suggestion\">Suggestion: ")
            html.text(suggestion)
            html.raw("</span>")
        }
    }

    static func count(_ findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
}
