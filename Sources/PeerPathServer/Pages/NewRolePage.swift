import PeerPathLoading
import PeerPathModel

/// `/p/{pathway}/new-role`: a form to add a role to the pathway file with what every role needs —
/// id, title, kind, tier, expected band, who it reports to, base, supervision, hours, purpose, and
/// duties and criteria from the catalogue. The rest is added afterwards on the role's edit form.
struct NewRolePage {
    let workbench: Workbench
    let served: ServedPathway
    let pathway: Pathway
    let digest: String
    var problem: String? = nil
    var typed = FormFields(pairs: [])

    static let fields: [(name: String, label: String)] = [
        ("id", "Id (lower-case letters, digits and hyphens; used in file names)"), ("title", "Title"),
        ("tier", "Tier (1 is the entry role)"), ("base", "Base"), ("hours", "Hours a week"),
    ]

    func render() -> String {
        var body = HTML(capacity: 131_072)
        body.raw("<h1>Add a role to ")
        body.text(pathway.title)
        body.raw("</h1>\n<p class=\"lead\">The role is added at the end of the roles in ")
        body.raw("<code>")
        body.text(served.file)
        body.raw("</code>.</p>\n<p>Nothing else in the file changes. Add its own duties, evidence, criteria and routes afterwards on its edit page.</p>\n")
        if let problem {
            body.raw("<div class=\"problem\" id=\"problem\" role=\"alert\"><h2>Not saved</h2><p>")
            body.text(problem)
            body.raw("</p></div>\n")
        }
        body.raw("<form method=\"post\" id=\"new-role-form\"")
        body.attribute("action", "/p/\(pathway.id)/roles")
        body.raw(">\n<input type=\"hidden\" name=\"token\"")
        body.attribute("value", workbench.token)
        body.raw("><input type=\"hidden\" name=\"digest\"")
        body.attribute("value", digest)
        body.raw(">\n<fieldset><legend>The role</legend>\n")
        for (name, label) in Self.fields {
            body.raw("<div class=\"field\"><label")
            body.attribute("for", name)
            body.raw(">")
            body.text(label)
            body.raw("</label> <input type=\"text\" required")
            body.attribute("id", name)
            body.attribute("name", name)
            body.attribute("value", typed[name] ?? (name == "hours" ? "37.5" : ""))
            body.raw("></div>\n")
        }
        select("kind", "Kind", Role.Kind.allCases.map { ($0.rawValue, $0.rawValue) }, into: &body)
        select("expected-band", "Expected band", [("", "No expected band")] + workbench.pipeline.scheme.bands.map { ($0.name, "Band \($0.name)") }, into: &body)
        select("reports-to", "Reports to", pathway.roles.map { ($0.id, $0.title) }, into: &body)
        select("supervision-kind", "Supervision", Supervision.Kind.allCases.map { ($0.rawValue, $0.name) }, into: &body)
        textarea("supervision-detail", "Supervision: who gives it and how often", into: &body)
        textarea("purpose", "Purpose of the role", into: &body)
        body.raw("</fieldset>\n")
        body.raw("<fieldset id=\"catalogue-duties\" class=\"catalogue\"><legend>Duties from the catalogue</legend>\n")
        CatalogueDutyChoices(catalogue: served.catalogue, field: "duty", checked: typed.all("duty")).render(into: &body)
        body.raw("</fieldset>\n<fieldset class=\"catalogue\"><legend>Criteria from the catalogue</legend>\n<ul>\n")
        for id in served.catalogue.criterionOrder {
            guard let criterion = served.catalogue.criteria[id] else { continue }
            body.raw("<li><input type=\"checkbox\" name=\"criterion\"")
            body.attribute("id", "criterion-" + id)
            body.attribute("value", id)
            if typed.all("criterion").contains(id) { body.raw(" checked") }
            body.raw("> <label")
            body.attribute("for", "criterion-" + id)
            body.raw(">")
            body.text("\(criterion.need.name) · \(criterion.category.name): \(criterion.text)")
            body.raw("</label></li>\n")
        }
        body.raw("</ul>\n</fieldset>\n<p class=\"actions\"><button type=\"submit\" id=\"add-role\">Add the role to the pathway file</button></p>\n</form>\n<script src=\"/assets/edit.js\" defer></script>\n")
        return Layout.page(title: "Add a role", token: workbench.token,
                           crumbs: [.init(title: "Pathways", href: "/"), .init(title: pathway.title, href: "/p/\(pathway.id)"),
                                    .init(title: "Add a role", href: nil)],
                           body: body)
    }

    private func select(_ name: String, _ label: String, _ options: [(String, String)], into body: inout HTML) {
        body.raw("<div class=\"field\"><label")
        body.attribute("for", name)
        body.raw(">")
        body.text(label)
        body.raw("</label> <select")
        body.attribute("id", name)
        body.attribute("name", name)
        body.raw(">")
        for (value, text) in options {
            body.raw("<option")
            body.attribute("value", value)
            if typed[name] == value { body.raw(" selected") }
            body.raw(">")
            body.text(text)
            body.raw("</option>")
        }
        body.raw("</select></div>\n")
    }

    private func textarea(_ name: String, _ label: String, into body: inout HTML) {
        body.raw("<div class=\"field\"><label")
        body.attribute("for", name)
        body.raw(">")
        body.text(label)
        body.raw("</label> <textarea rows=\"3\" required")
        body.attribute("id", name)
        body.attribute("name", name)
        body.raw(">")
        body.text(typed[name] ?? "")
        body.raw("</textarea></div>\n")
    }

    /// The role the form describes.
    static func role(from form: FormFields) -> NewRole {
        NewRole(id: (form["id"] ?? "").trimmed(), title: form["title"] ?? "", kind: form["kind"] ?? "", tier: (form["tier"] ?? "").trimmed(),
                expectedBand: form["expected-band"], reportsTo: form["reports-to"] ?? "", base: form["base"] ?? "",
                supervisionKind: form["supervision-kind"] ?? "", supervisionDetail: form["supervision-detail"] ?? "",
                hours: (form["hours"] ?? "").trimmed(), purpose: form["purpose"] ?? "", duties: form.all("duty"), criteria: form.all("criterion"))
    }
}
