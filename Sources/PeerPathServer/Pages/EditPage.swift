import PeerPathLoading
import PeerPathModel

/// `/p/{pathway}/r/{role}/edit`: a form to edit a role of the pathway file — its simple fields,
/// its duties (catalogue duties found by a search showing each one's text, domains and levels;
/// own duties; each duty's evidence with the meaning of each level beside it), its criteria and
/// the routes from it. The form carries the digest of the file it was made from; a save from it is
/// refused when the file has changed since. A refused edit comes back with the loader's message
/// beside the field it concerns.
struct EditPage {
    let workbench: Workbench
    let served: ServedPathway
    /// The pathway as the file on disk gives it now, its text's digest, and the role.
    let pathway: Pathway
    let digest: String
    let role: Role
    /// A message to show beside a field (the form field's name), and what the person typed, kept.
    var problem: (field: String?, message: String)? = nil
    var typed = FormFields(pairs: [])
    var notice: String? = nil
    /// The difference shown when a save is refused because the file changed on disk.
    var conflict: String? = nil

    var base: String { "/p/\(pathway.id)/r/\(role.id)" }

    func render() -> String {
        var body = HTML(capacity: 131_072)
        body.raw("<h1>Edit ")
        body.text(role.title)
        body.raw("</h1>\n<p class=\"lead\">Saving writes the pathway file ")
        body.raw("<code>")
        body.text(served.file)
        body.raw("</code>.</p>\n<p>Only the lines you change are rewritten; comments and layout elsewhere stay as they are. The file is checked before it is replaced, and a save is refused if the file has changed since this page loaded it.</p>\n")
        if let notice {
            body.raw("<p class=\"notice\" role=\"status\" id=\"saved\">")
            body.text(notice)
            body.raw("</p>\n")
        }
        if let conflict {
            body.raw("<section class=\"problem\" id=\"conflict\" role=\"alert\" aria-labelledby=\"conflict-heading\">\n<h2 id=\"conflict-heading\">The file changed on disk</h2>\n<p>Nothing was saved. Someone or something changed the pathway file after this page loaded it; these are the lines that differ (- as the page loaded it, + as it is now). ")
            body.link(base + "/edit", "Load the page again")
            body.raw(" to edit the file as it is now.</p>\n<pre>")
            body.text(conflict)
            body.raw("</pre>\n</section>\n")
        }
        if let problem {
            body.raw("<div class=\"problem\" id=\"problem\" role=\"alert\"><h2>Not saved</h2><p>")
            body.text(problem.message)
            body.raw("</p>")
            if let field = problem.field {
                body.raw("<p>")
                body.link("#" + field, "Go to the field")
                body.raw("</p>")
            }
            body.raw("</div>\n")
        }
        body.raw("<form method=\"post\" id=\"edit-form\"")
        body.attribute("action", base + "/save")
        body.raw(">\n")
        body.raw("<input type=\"hidden\" name=\"token\"")
        body.attribute("value", workbench.token)
        body.raw("><input type=\"hidden\" name=\"digest\"")
        body.attribute("value", digest)
        body.raw(">\n")
        fields(into: &body)
        duties(into: &body)
        criteria(into: &body)
        routes(into: &body)
        body.raw("<p class=\"actions\"><button type=\"submit\" id=\"save\">Save to the pathway file</button> ")
        body.link(base, "Back to the role without saving")
        body.raw("</p>\n</form>\n<script src=\"/assets/edit.js\" defer></script>\n")
        return Layout.page(title: "Edit \(role.title)", token: workbench.token,
                           crumbs: [.init(title: "Pathways", href: "/"), .init(title: pathway.title, href: "/p/\(pathway.id)"),
                                    .init(title: role.title, href: base), .init(title: "Edit", href: nil)],
                           body: body)
    }

    /// The message beside a field, when the refused edit was this field's.
    func error(for field: String, into body: inout HTML) {
        guard let problem, problem.field == field else { return }
        body.raw("<p class=\"field-error\" role=\"alert\"")
        body.attribute("id", "error-" + field)
        body.raw(">")
        body.text(problem.message)
        body.raw("</p>\n")
    }

    func describedBy(_ field: String, into body: inout HTML) {
        if let problem, problem.field == field {
            body.attribute("aria-describedby", "error-" + field)
            body.raw(" aria-invalid=\"true\"")
        }
    }

    private func fields(into body: inout HTML) {
        let form = RoleEditForm(role: role, pathway: pathway)
        body.raw("<fieldset id=\"role-fields\"><legend>The role</legend>\n")
        for field in RoleField.allCases {
            let value = typed[field.rawValue] ?? form.current(field)
            body.raw("<div class=\"field\"><label")
            body.attribute("for", field.rawValue)
            body.raw(">")
            body.text(field.label + (field.isOptional ? " (optional)" : ""))
            body.raw("</label>\n")
            error(for: field.rawValue, into: &body)
            switch field {
            case .purpose, .supervisionDetail:
                body.raw("<textarea rows=\"5\"")
                body.attribute("id", field.rawValue)
                body.attribute("name", field.rawValue)
                describedBy(field.rawValue, into: &body)
                body.raw(">")
                body.text(value)
                body.raw("</textarea>")
            case .expectedBand:
                body.raw("<select")
                body.attribute("id", field.rawValue)
                body.attribute("name", field.rawValue)
                describedBy(field.rawValue, into: &body)
                body.raw("><option value=\"\">No expected band</option>")
                for band in workbench.pipeline.scheme.bands {
                    option(band.name, "Band \(band.name)", selected: band.name == value, into: &body)
                }
                body.raw("</select>")
            default:
                body.raw("<input type=\"text\"")
                body.attribute("id", field.rawValue)
                body.attribute("name", field.rawValue)
                body.attribute("value", value)
                if field.isNumber { body.raw(" inputmode=\"decimal\"") }
                describedBy(field.rawValue, into: &body)
                body.raw(">")
            }
            body.raw("</div>\n")
        }
        body.raw("</fieldset>\n")
    }

    func option(_ value: String, _ label: String, selected: Bool, into body: inout HTML) {
        body.raw("<option")
        body.attribute("value", value)
        if selected { body.raw(" selected") }
        body.raw(">")
        body.text(label)
        body.raw("</option>")
    }

    /// The meaning of a level of a factor, from the scheme's wording.
    func meaning(_ factor: Int, _ level: LevelClaim) -> String {
        workbench.wording.factors[factor]?.meaning(of: level) ?? ""
    }

    /// A select of a factor's levels, each option with its meaning, the chosen level's meaning beside it.
    private func levelSelect(name: String, label: String, factor: Factor, current: String?, allowNone: Bool, into body: inout HTML) {
        body.raw("<div class=\"field level\"><label")
        body.attribute("for", name)
        body.raw(">")
        body.text(label)
        body.raw("</label>\n")
        error(for: name, into: &body)
        body.raw("<select class=\"level-select\"")
        body.attribute("id", name)
        body.attribute("name", name)
        if let problem, problem.field == name {
            body.attribute("aria-describedby", "error-\(name) meaning-\(name)")
            body.raw(" aria-invalid=\"true\"")
        } else {
            body.attribute("aria-describedby", "meaning-" + name)
        }
        body.raw(">")
        if allowNone { option("", "none (remove)", selected: current == nil, into: &body) }
        var values = RolePage.levelValues(factor)
        if let current, !values.contains(current) { values.insert(current, at: 0) }
        for value in values {
            let text = LevelClaim(parsing: value).map { meaning(factor.number, $0) } ?? ""
            body.raw("<option")
            body.attribute("value", value)
            body.attribute("data-meaning", text)
            if value == current { body.raw(" selected") }
            body.raw(">")
            body.text(value)
            body.raw("</option>")
        }
        body.raw("</select>\n<p class=\"meaning\"")
        body.attribute("id", "meaning-" + name)
        body.raw(">")
        if let current, let claim = LevelClaim(parsing: current) { body.text(meaning(factor.number, claim)) }
        body.raw("</p></div>\n")
    }

    private func duties(into body: inout HTML) {
        let scheme = workbench.pipeline.scheme
        body.raw("<fieldset id=\"edit-duties\"><legend>Duties</legend>\n<ol class=\"edit-list\">\n")
        for (index, duty) in role.duties.enumerated() {
            body.raw("<li")
            body.attribute("data-duty", duty.catalogueID ?? String(index))
            body.raw("><p class=\"duty-text\">")
            body.text(duty.text)
            body.raw("</p><p class=\"duty-meta\">")
            body.text("\(duty.area) · " + (duty.catalogueID.map { "catalogue duty \($0)" } ?? "the role's own duty"))
            body.raw("</p>\n")
            error(for: "duty-\(index)", into: &body)
            body.raw("<p><input type=\"checkbox\" name=\"remove-duty\"")
            body.attribute("id", "duty-\(index)")
            body.attribute("value", String(index))
            if typed.all("remove-duty").contains(String(index)) { body.raw(" checked") }
            body.raw("> <label")
            body.attribute("for", "duty-\(index)")
            body.raw(">Remove this duty</label></p>\n<div class=\"evidence\">")
            for evidence in duty.evidence {
                guard let factor = scheme.factor(evidence.factor) else { continue }
                let name = "evidence-\(index)-F\(evidence.factor)"
                levelSelect(name: name, label: "Evidence for factor \(factor.number), \(factor.name)", factor: factor,
                            current: typed[name] ?? evidence.level.description, allowNone: true, into: &body)
            }
            body.raw("<div class=\"field\"><label")
            body.attribute("for", "add-evidence-\(index)-factor")
            body.raw(">Add evidence for factor</label>\n")
            error(for: "evidence-\(index)-F\(typed["add-evidence-\(index)-factor"] ?? "")", into: &body)
            body.raw("<select")
            body.attribute("id", "add-evidence-\(index)-factor")
            body.attribute("name", "add-evidence-\(index)-factor")
            body.raw("><option value=\"\">(none)</option>")
            for factor in scheme.factors where !duty.evidence.contains(where: { $0.factor == factor.number }) {
                option(String(factor.number), "\(factor.number) \(factor.name)", selected: false, into: &body)
            }
            body.raw("</select> <label")
            body.attribute("for", "add-evidence-\(index)-level")
            body.raw(">at level</label> <input type=\"text\" size=\"4\"")
            body.attribute("id", "add-evidence-\(index)-level")
            body.attribute("name", "add-evidence-\(index)-level")
            body.raw("></div>\n</div></li>\n")
        }
        body.raw("</ol>\n")
        catalogueDuties(into: &body)
        ownDuty(into: &body)
        body.raw("</fieldset>\n")
    }

    /// Every catalogue duty the role does not have, as a checkbox with its text, domains and levels;
    /// the search box narrows the list as you type (without script the whole list shows).
    private func catalogueDuties(into body: inout HTML) {
        body.raw("<fieldset id=\"catalogue-duties\" class=\"catalogue\"><legend>Add duties from the catalogue</legend>\n")
        error(for: "new-duty", into: &body)
        CatalogueDutyChoices(catalogue: served.catalogue, field: "add-duty", leaving: Set(role.duties.compactMap(\.catalogueID)),
                             checked: typed.all("add-duty")).render(into: &body)
        body.raw("</fieldset>\n")
    }

    private func ownDuty(into body: inout HTML) {
        let scheme = workbench.pipeline.scheme
        body.raw("<fieldset id=\"own-duty\"><legend>Add a duty of the role's own</legend>\n")
        error(for: "new-duty", into: &body)
        textInput("new-duty-area", "Area (the heading it goes under)", into: &body)
        body.raw("<div class=\"field\"><label for=\"new-duty-text\">What the postholder does</label>\n<textarea id=\"new-duty-text\" name=\"new-duty-text\" rows=\"3\">")
        body.text(typed["new-duty-text"] ?? "")
        body.raw("</textarea></div>\n")
        for row in 1...3 {
            body.raw("<div class=\"field\"><label")
            body.attribute("for", "new-duty-factor-\(row)")
            body.raw(">")
            body.text("Evidence \(row): factor")
            body.raw("</label> <select")
            body.attribute("id", "new-duty-factor-\(row)")
            body.attribute("name", "new-duty-factor-\(row)")
            body.raw("><option value=\"\">(none)</option>")
            for factor in scheme.factors {
                option(String(factor.number), "\(factor.number) \(factor.name)", selected: typed["new-duty-factor-\(row)"] == String(factor.number), into: &body)
            }
            body.raw("</select> <label")
            body.attribute("for", "new-duty-level-\(row)")
            body.raw(">level</label> <input type=\"text\" size=\"4\"")
            body.attribute("id", "new-duty-level-\(row)")
            body.attribute("name", "new-duty-level-\(row)")
            body.attribute("value", typed["new-duty-level-\(row)"] ?? "")
            body.raw("></div>\n")
        }
        body.raw("<fieldset><legend>Competence domains</legend>")
        for domain in workbench.domains {
            body.raw("<input type=\"checkbox\" name=\"new-duty-domain\"")
            body.attribute("id", "new-duty-domain-" + domain.id)
            body.attribute("value", domain.id)
            body.raw("> <label")
            body.attribute("for", "new-duty-domain-" + domain.id)
            body.raw(">")
            body.text(domain.name)
            body.raw("</label> ")
        }
        body.raw("</fieldset>\n</fieldset>\n")
    }

    func textInput(_ name: String, _ label: String, into body: inout HTML) {
        body.raw("<div class=\"field\"><label")
        body.attribute("for", name)
        body.raw(">")
        body.text(label)
        body.raw("</label> <input type=\"text\"")
        body.attribute("id", name)
        body.attribute("name", name)
        body.attribute("value", typed[name] ?? "")
        body.raw("></div>\n")
    }

    private func criteria(into body: inout HTML) {
        body.raw("<fieldset id=\"edit-criteria\"><legend>Person specification</legend>\n<ol class=\"edit-list\">\n")
        for (index, criterion) in role.criteria.enumerated() {
            body.raw("<li><p>")
            body.text("\(criterion.need.name): \(criterion.text)")
            body.raw("</p>")
            error(for: "criterion-\(index)", into: &body)
            body.raw("<input type=\"checkbox\" name=\"remove-criterion\"")
            body.attribute("id", "criterion-\(index)")
            body.attribute("value", String(index))
            body.raw("> <label")
            body.attribute("for", "criterion-\(index)")
            body.raw(">Remove this criterion</label></li>\n")
        }
        body.raw("</ol>\n")
        error(for: "new-criterion", into: &body)
        body.raw("<div class=\"field\"><label for=\"add-criterion\">Add a criterion from the catalogue</label> <select id=\"add-criterion\" name=\"add-criterion\"><option value=\"\">(none)</option>")
        let have = Set(role.criteria.compactMap(\.catalogueID))
        for id in served.catalogue.criterionOrder where !have.contains(id) {
            guard let criterion = served.catalogue.criteria[id] else { continue }
            option(id, "\(criterion.need.name) · \(criterion.category.name): \(criterion.text)", selected: false, into: &body)
        }
        body.raw("</select></div>\n<fieldset><legend>Or write one of the role's own</legend>\n")
        body.raw("<div class=\"field\"><label for=\"new-criterion-text\">Criterion</label> <textarea id=\"new-criterion-text\" name=\"new-criterion-text\" rows=\"2\">")
        body.text(typed["new-criterion-text"] ?? "")
        body.raw("</textarea></div>\n<div class=\"field\"><label for=\"new-criterion-category\">Category</label> <select id=\"new-criterion-category\" name=\"new-criterion-category\">")
        for category in Criterion.Category.allCases { option(category.rawValue, category.name, selected: false, into: &body) }
        body.raw("</select> <label for=\"new-criterion-need\">Need</label> <select id=\"new-criterion-need\" name=\"new-criterion-need\">")
        for need in Criterion.Need.allCases { option(need.rawValue, need.name, selected: false, into: &body) }
        body.raw("</select></div>\n<fieldset><legend>Assessed by</legend>")
        for assessment in Criterion.Assessment.allCases {
            body.raw("<input type=\"checkbox\" name=\"new-criterion-assessed\"")
            body.attribute("id", "new-criterion-assessed-" + assessment.rawValue)
            body.attribute("value", assessment.rawValue)
            body.raw("> <label")
            body.attribute("for", "new-criterion-assessed-" + assessment.rawValue)
            body.raw(">")
            body.text(assessment.name)
            body.raw("</label> ")
        }
        body.raw("</fieldset></fieldset>\n</fieldset>\n")
    }

    private func routes(into body: inout HTML) {
        body.raw("<fieldset id=\"edit-routes\"><legend>Routes from this role</legend>\n<ul class=\"edit-list\">\n")
        for (index, route) in pathway.routes.enumerated() where route.from == role.id || route.to == role.id {
            let other = route.from == role.id ? route.to : route.from
            let title = pathway.role(other)?.title ?? other
            body.raw("<li>")
            error(for: "route-\(index)", into: &body)
            body.raw("<input type=\"checkbox\" name=\"remove-route\"")
            body.attribute("id", "route-\(index)")
            body.attribute("value", String(index))
            body.raw("> <label")
            body.attribute("for", "route-\(index)")
            body.raw(">")
            body.text((route.from == role.id ? "Remove the route on to " : "Remove the route in from ") + title
                      + (route.needs.isEmpty ? "" : " (needs: \(route.needs.joined(separator: "; ")))"))
            body.raw("</label></li>\n")
        }
        body.raw("</ul>\n")
        error(for: "new-route", into: &body)
        body.raw("<div class=\"field\"><label for=\"new-route-to\">Add a route from this role to</label> <select id=\"new-route-to\" name=\"new-route-to\"><option value=\"\">(no new route)</option>")
        for other in pathway.roles where other.id != role.id {
            option(other.id, other.title, selected: false, into: &body)
        }
        body.raw("</select></div>\n<fieldset><legend>What the step requires (from the catalogue)</legend>")
        for id in served.catalogue.requirementOrder {
            guard let requirement = served.catalogue.requirements[id] else { continue }
            body.raw("<input type=\"checkbox\" name=\"new-route-requires\"")
            body.attribute("id", "new-route-requires-" + id)
            body.attribute("value", id)
            body.raw("> <label")
            body.attribute("for", "new-route-requires-" + id)
            body.raw(">")
            body.text(requirement.text)
            body.raw("</label><br>")
        }
        body.raw("</fieldset>\n<div class=\"field\"><label for=\"new-route-needs\">Other needs, one a line</label> <textarea id=\"new-route-needs\" name=\"new-route-needs\" rows=\"2\"></textarea></div>\n</fieldset>\n")
    }
}
