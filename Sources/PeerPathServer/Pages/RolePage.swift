import PeerPath
import PeerPathDocuments
import PeerPathModel

/// `/p/{pathway}/r/{role}`: the role's job evaluation (points, band, margins, sensitivity), the
/// factor table with a level control per factor, the duties and criteria with their findings beside
/// them, the role's other findings, the trace, and the documents to preview and download. The
/// element ids and classes are the contract the browser tests and `peerpath.js` rely on.
struct RolePage {
    let workbench: Workbench
    let served: ServedPathway
    let roleID: String

    static let documentTitles: [(Document.Kind, String)] = [
        (.jobDescription, "Job description"), (.personSpecification, "Person specification"),
        (.jobAnalysis, "Job analysis questionnaire"), (.bandingJustification, "Banding justification"),
        (.panelPack, "Panel pack"), (.panelPackBlind, "Blind panel pack"),
    ]
    static let formats = ["odt", "docx", "xml", "md"]

    func render() -> String {
        let state = RoleState(assessment: served.assessment, roleID: roleID)
        let role = state.role
        let pathway = served.pathway
        let base = "/p/\(pathway.id)/r/\(role.id)"
        var body = HTML(capacity: 65_536)
        body.raw("<div id=\"role\"")
        body.attribute("data-pathway", pathway.id)
        body.attribute("data-role", role.id)
        body.attribute("data-what-if", base + "/what-if")
        body.attribute("data-catalogue", "/p/\(pathway.id)/catalogue")
        body.raw(">\n")
        body.element("h1", role.title)
        body.raw("<p class=\"lead\">")
        body.text("\(role.kind.rawValue), tier \(role.tier)" + (role.expectedBand.map { ", expected Band \($0)" } ?? ", no expected band"))
        body.raw("</p>\n")

        // The result, which what-if changes update in place.
        body.raw("<section class=\"result\" aria-labelledby=\"result-heading\">\n<h2 id=\"result-heading\">Job evaluation</h2>\n")
        body.raw("<p class=\"total\" aria-live=\"polite\">Total <output id=\"points\">")
        body.number(state.evaluation.points)
        body.raw("</output> points: Band <output id=\"band\">")
        body.text(state.bandName)
        body.raw("</output></p>\n<p>Margin: <output id=\"margins\">")
        body.text(state.marginText)
        body.raw("</output></p>\n<section id=\"sensitivity\" aria-labelledby=\"sensitivity-heading\">\n<h3 id=\"sensitivity-heading\">What moves the band</h3>\n<ul>\n")
        for line in state.sensitivityLines { body.element("li", line) }
        body.raw("</ul>\n</section>\n")
        body.raw("<p class=\"what-if-note\" id=\"what-if-status\" role=\"status\">Showing the pathway file. Changes below are a what-if: nothing is saved.</p>\n")
        body.raw("<p><button type=\"button\" id=\"reset\">Reset to the file</button></p>\n</section>\n")

        factors(state, into: &body)
        duties(state, into: &body)
        criteria(state, into: &body)

        body.raw("<section aria-labelledby=\"role-findings-heading\">\n<h2 id=\"role-findings-heading\">Other findings about the role</h2>\n")
        body.raw("<p>Findings about one duty or criterion are shown beside it above.</p>\n")
        FindingsList.render(state.findings.filter { $0.subject == "role" }.map(\.finding), id: "findings", into: &body)
        body.raw("</section>\n")

        trace(state, into: &body)
        documents(base: base, into: &body)
        body.raw("</div>\n")
        return Layout.page(title: role.title, token: workbench.token,
                           crumbs: [.init(title: "Pathways", href: "/"), .init(title: pathway.title, href: "/p/\(pathway.id)"),
                                    .init(title: role.title)],
                           scripts: true, body: body)
    }

    private func factors(_ state: RoleState, into body: inout HTML) {
        let scheme = workbench.pipeline.scheme
        body.raw("<section aria-labelledby=\"factors-heading\">\n<h2 id=\"factors-heading\">Factors</h2>\n")
        body.raw("<p>Choose another level for a factor to see what it does to the band. A changed level counts as an override of what the duties evidence.</p>\n")
        body.raw("<div class=\"scroll\"><table id=\"factors\">\n<caption>The 16 factors of the job evaluation scheme: the level that counts, its letter, its points, the duties that evidence it and what the level means.</caption>\n")
        body.raw("<thead><tr><th scope=\"col\">Factor</th><th scope=\"col\">Level</th><th scope=\"col\">Letter</th><th scope=\"col\">Points</th><th scope=\"col\">Evidence</th><th scope=\"col\">What the level means</th></tr></thead>\n<tbody>\n")
        for result in state.evaluation.factors {
            guard let factor = scheme.factor(result.factor) else { continue }
            let n = result.factor
            body.raw("<tr")
            body.attribute("data-factor", String(n))
            body.raw("><th scope=\"row\">")
            body.text("\(n) \(factor.name)")
            body.raw("</th><td><label class=\"visually-hidden\"")
            body.attribute("for", "level-\(n)")
            body.raw(">")
            body.text("Level of factor \(n), \(factor.name)")
            body.raw("</label><select")
            body.attribute("id", "level-\(n)")
            body.attribute("name", "level-\(n)")
            body.attribute("data-file-level", result.level.description)
            body.raw(">")
            var values = Self.levelValues(factor)
            if !values.contains(result.level.description) { values.insert(result.level.description, at: 0) }
            for value in values {
                body.raw("<option")
                body.attribute("value", value)
                if value == result.level.description { body.raw(" selected") }
                body.raw(">")
                body.text(value)
                body.raw("</option>")
            }
            body.raw("</select></td><td class=\"letter\">")
            body.text(result.level.subLevel ?? "")
            body.raw("</td><td class=\"points\">")
            body.number(result.points)
            body.raw("</td><td class=\"evidence\">")
            body.text(RoleState.evidenceText(result))
            body.raw("</td><td class=\"meaning\">")
            body.text(meaning(factor: n, level: result.level))
            body.raw("</td></tr>\n")
        }
        body.raw("</tbody>\n</table></div>\n</section>\n")
    }

    /// The values a factor's level control offers: each level, and each lettered alternative.
    static func levelValues(_ factor: Factor) -> [String] {
        factor.levels.flatMap { level in [String(level)] + factor.letters(atLevel: level).map { "\(level)\($0)" } }
    }

    func meaning(factor: Int, level: LevelClaim) -> String {
        guard let text = workbench.wording.factors[factor]?.meaning(of: level) else { return "" }
        return "At level \(level), \(text)"
    }

    private func duties(_ state: RoleState, into body: inout HTML) {
        body.raw("<section aria-labelledby=\"duties-heading\">\n<h2 id=\"duties-heading\">Duties</h2>\n<ul id=\"duties\">\n")
        for entry in state.duties {
            Self.duty(entry, findings: state.findings, into: &body)
        }
        body.raw("</ul>\n<div class=\"add\">\n<label for=\"duty-search\">Find a catalogue duty to add</label>\n")
        body.raw("<input id=\"duty-search\" type=\"search\" autocomplete=\"off\" aria-describedby=\"duty-search-hint\" aria-controls=\"duty-results\">\n")
        body.raw("<p id=\"duty-search-hint\" class=\"hint\">Type words from the duty; matching catalogue duties are listed below with their domains and levels.</p>\n")
        body.raw("<ul id=\"duty-results\" aria-live=\"polite\"></ul>\n</div>\n</section>\n")
    }

    static func duty(_ entry: RoleState.DutyEntry, findings: [RoleState.PlacedFinding], into body: inout HTML) {
        body.raw("<li")
        body.attribute("data-duty", entry.key)
        if entry.added { body.raw(" class=\"added\"") }
        body.raw("><span class=\"number\">")
        body.text(entry.number.description)
        body.raw("</span> <span class=\"text\">")
        body.text(entry.duty.text)
        body.raw("</span> <span class=\"levels\">")
        body.text(entry.duty.evidence.map { "F\($0.factor) \($0.level)" }.joined(separator: ", "))
        body.raw("</span> <button type=\"button\" class=\"remove-duty\"")
        body.attribute("aria-label", "Remove duty \(entry.number): \(entry.duty.text)")
        body.raw(">Remove</button>\n")
        for placed in findings where placed.subject == "duty:\(entry.key)" {
            FindingsList.paragraph(placed.finding, into: &body)
        }
        body.raw("</li>\n")
    }

    private func criteria(_ state: RoleState, into body: inout HTML) {
        body.raw("<section aria-labelledby=\"criteria-heading\">\n<h2 id=\"criteria-heading\">Person specification criteria</h2>\n<ul id=\"criteria\">\n")
        for entry in state.criteria {
            Self.criterion(entry, findings: state.findings, into: &body)
        }
        body.raw("</ul>\n<div class=\"add\">\n<label for=\"criterion-text\">A criterion to add</label>\n<input id=\"criterion-text\" type=\"text\">\n")
        body.raw("<label for=\"criterion-need\">Need</label>\n<select id=\"criterion-need\"><option value=\"essential\">essential</option><option value=\"desirable\">desirable</option></select>\n")
        body.raw("<button type=\"button\" id=\"add-criterion\">Add criterion</button>\n</div>\n</section>\n")
    }

    static func criterion(_ entry: RoleState.CriterionEntry, findings: [RoleState.PlacedFinding], into body: inout HTML) {
        body.raw("<li")
        body.attribute("data-criterion", entry.key)
        if entry.added { body.raw(" class=\"added\"") }
        body.raw("><span class=\"number\">C")
        body.number(entry.number)
        body.raw("</span> <span class=\"text\">")
        body.text(entry.criterion.text)
        body.raw("</span> <span class=\"need\">")
        body.text("\(entry.criterion.need.rawValue), \(entry.criterion.category.rawValue); assessed by \(entry.criterion.assessed.map(\.rawValue).joined(separator: ", "))")
        body.raw("</span> <button type=\"button\" class=\"remove-criterion\"")
        body.attribute("aria-label", "Remove criterion C\(entry.number): \(entry.criterion.text)")
        body.raw(">Remove</button>\n")
        for placed in findings where placed.subject == "criterion:\(entry.key)" {
            FindingsList.paragraph(placed.finding, into: &body)
        }
        body.raw("</li>\n")
    }

    private func trace(_ state: RoleState, into body: inout HTML) {
        body.raw("<section id=\"trace\" aria-labelledby=\"trace-heading\">\n<h2 id=\"trace-heading\">Trace</h2>\n")
        body.raw("<p>As peerpath trace gives it: each duty, the competence domains it serves, the evidence it carries, and the criteria that select for it.</p>\n")
        guard let trace = served.assessment.trace(of: roleID) else { body.raw("</section>\n"); return }
        body.raw("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Duty</th><th scope=\"col\">Domains</th><th scope=\"col\">Evidence</th><th scope=\"col\">Selected by</th></tr></thead>\n<tbody>\n")
        for entry in trace.entries {
            body.raw("<tr><th scope=\"row\">")
            body.text("\(entry.number) \(entry.duty.text)")
            body.raw("</th><td>")
            body.text(entry.domains.isEmpty ? "none" : entry.domains.map(\.name).joined(separator: "; "))
            body.raw("</td><td>")
            let evidence = entry.evidence.map { "F\($0.0.factor) \($0.0.level)\($0.setsLevel ? " (sets the level)" : "")" }
            body.text(evidence.isEmpty ? "none" : evidence.joined(separator: ", "))
            body.raw("</td><td>")
            body.text(entry.criteria.isEmpty ? "no criterion"
                      : entry.criteria.map { "C\($0.number) \($0.criterion.text) (\($0.criterion.need.rawValue); assessed by \($0.criterion.assessed.map(\.rawValue).joined(separator: ", ")))" }.joined(separator: " "))
            body.raw("</td></tr>\n")
        }
        body.raw("</tbody>\n</table></div>\n")
        let findings = state.findings.map(\.finding).filter { $0.code.family == .trace }
        if !findings.isEmpty { FindingsList.render(findings, into: &body) }
        body.raw("</section>\n")
    }

    private func documents(base: String, into body: inout HTML) {
        body.raw("<section aria-labelledby=\"documents-heading\">\n<h2 id=\"documents-heading\">Documents</h2>\n")
        body.raw("<p>As the pathway file has it (what-if changes are not in the documents).</p>\n<ul class=\"documents\">\n")
        for (kind, title) in Self.documentTitles {
            body.raw("<li")
            body.attribute("data-document", kind.rawValue)
            body.raw(">")
            body.link("\(base)/preview/\(kind.rawValue)", title, class: "preview")
            body.raw(" <span class=\"formats\">Download: ")
            for (index, format) in Self.formats.enumerated() {
                if index > 0 { body.raw(", ") }
                body.raw("<a class=\"download\"")
                body.attribute("href", "\(base)/download/\(kind.rawValue).\(format)")
                body.attribute("aria-label", "\(title) as \(format.uppercased())")
                body.attribute("download", "\(kind.rawValue).\(format)")
                body.raw(">")
                body.text(format.uppercased())
                body.raw("</a>")
            }
            body.raw("</span></li>\n")
        }
        body.raw("</ul>\n<p>")
        body.link("\(base)/pack.zip", "The panel pack in every format, as one zip", id: "pack")
        body.raw("</p>\n<p>")
        body.link("\(base)/edit", "Edit this role", id: "edit")
        body.raw("</p>\n</section>\n")
    }
}
