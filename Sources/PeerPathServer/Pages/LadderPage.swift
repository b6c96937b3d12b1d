import Foundation
import PeerPathDocuments
import PeerPathFormats
import PeerPathModel

/// `/p/{pathway}`: the ladder picture the pathway overview prints, each role a link to its page;
/// each role's band, points, pay and posts; and the pathway's findings, as `peerpath check` gives them.
struct LadderPage {
    let workbench: Workbench
    let served: ServedPathway

    func render() throws(XMLWriteError) -> String {
        let assessment = served.assessment
        let pathway = assessment.pathway
        let base = "/p/" + pathway.id
        var body = HTML()
        body.element("h1", pathway.title)
        body.raw("<p class=\"lead\">")
        body.text("\(pathway.organisation.name) · pay year \(pathway.payYear) · \(served.file)")
        body.raw("</p>\n<section aria-labelledby=\"ladder-heading\">\n<h2 id=\"ladder-heading\">The ladder</h2>\n")
        body.raw("<p>Each box is a role: choose one to open it. Arrows are the routes between roles.</p>\n<figure class=\"ladder\">\n")
        let labels = Dictionary(uniqueKeysWithValues: assessment.roles.map { ($0.role.id, "\($0.evaluation.placement) · \($0.evaluation.points) points") })
        let links = Dictionary(uniqueKeysWithValues: pathway.roles.map { ($0.id, "\(base)/r/\($0.id)") })
        let diagram = LadderDiagram.diagram(for: pathway, labels: labels, links: links)
        body.trusted(try HTMLWriter.inlineSVG(diagram, description: LadderDiagram.description(for: pathway, labels: labels)))
        body.raw("<figcaption>")
        body.text("The \(pathway.title): roles by tier with their bands, and the routes between them.")
        body.raw("</figcaption>\n</figure>\n</section>\n")

        // The yearly cost is peerpath cost's: pay and employer's on-costs, in pence, at the bottom and
        // the top of each band; nil when the establishment cannot be costed (say, an area's supplement
        // not yet in the data), with the reason in the caption.
        var costNote = "the yearly cost is what peerpath cost gives: pay and the employer's on-costs for the posts, at the bottom and the top of the band."
        var bottom: EstablishmentCost?
        var top: EstablishmentCost?
        do {
            bottom = try workbench.pipeline.cost(assessment, payPoint: .bottom)
            top = try workbench.pipeline.cost(assessment, payPoint: .top)
        } catch {
            costNote = pathway.organisation.area == .none
                ? "the yearly cost is not shown: the pay data is incomplete."
                : "the yearly cost is not shown: the high cost area supplement for \(pathway.organisation.area.name) is not yet in the pay data (see peerpath cost)."
        }
        body.raw("<section aria-labelledby=\"roles-heading\">\n<h2 id=\"roles-heading\">Roles, bands and pay</h2>\n")
        body.raw("<div class=\"scroll\"><table id=\"roles\">\n<caption>")
        body.text("Pay is the \(workbench.payScale.year) scale for \(workbench.payScale.country), full time; \(costNote)")
        body.raw("</caption>\n<thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Tier</th><th scope=\"col\">Points</th><th scope=\"col\">Band</th><th scope=\"col\">Expected</th><th scope=\"col\">Pay</th><th scope=\"col\">Posts</th><th scope=\"col\">Yearly cost to the employer</th></tr></thead>\n<tbody>\n")
        for entry in assessment.roles {
            let role = entry.role
            let band = entry.evaluation.placement.band?.name
            body.raw("<tr")
            body.attribute("data-role", role.id)
            body.raw("><th scope=\"row\">")
            body.link("\(base)/r/\(role.id)", role.title)
            body.raw("</th><td>")
            body.number(role.tier)
            body.raw("</td><td>")
            body.number(entry.evaluation.points)
            body.raw("</td><td class=\"band\">")
            body.text(band ?? "outside")
            body.raw("</td><td>")
            body.text(role.expectedBand ?? "—")
            body.raw("</td><td>")
            body.text(band.flatMap { workbench.payScale.range(ofBand: $0) } ?? "—")
            body.raw("</td><td>")
            if let posts = role.posts {
                body.text("\(posts.headcount) (\(Self.decimal(posts.wholeTimeEquivalent)) WTE)")
            } else {
                body.raw("—")
            }
            body.raw("</td><td>")
            if let low = bottom?.posts.first(where: { $0.roleID == role.id }), let high = top?.posts.first(where: { $0.roleID == role.id }),
               low.notCosted == nil, high.notCosted == nil {
                body.text(Self.range(low.amounts.total, high.amounts.total))
            } else {
                body.raw("—")
            }
            body.raw("</td></tr>\n")
        }
        body.raw("</tbody>\n")
        if let bottom, let top {
            body.raw("<tfoot><tr><th scope=\"row\" colspan=\"7\">The establishment</th><td>")
            body.text(Self.range(bottom.total.total, top.total.total))
            body.raw("</td></tr></tfoot>\n")
        }
        body.raw("</table></div>\n<p>")
        body.link("\(base)/new-role", "Add a role to the pathway file", id: "new-role")
        body.raw("</p>\n</section>\n")

        if let folder = workbench.outputFolder {
            body.raw("<section aria-labelledby=\"write-heading\">\n<h2 id=\"write-heading\">Documents</h2>\n<form method=\"post\"")
            body.attribute("action", "\(base)/write")
            body.raw(">\n<input type=\"hidden\" name=\"token\"")
            body.attribute("value", workbench.token)
            body.raw(">\n<p>")
            body.text("Every document of every role, as the pathway file has it, in ODT, Word, XML and Markdown, into \(folder)/\(pathway.id).")
            body.raw("</p>\n<button type=\"submit\" id=\"write\">Write the documents</button>\n</form>\n</section>\n")
        }
        body.raw("<section aria-labelledby=\"findings-heading\">\n<h2 id=\"findings-heading\">Findings</h2>\n<p>")
        body.text("As peerpath check gives them: \(FindingsList.count(assessment.findings)), \(assessment.findings.filter { $0.severity == .note }.count) notes.")
        body.raw("</p>\n")
        let sorted = assessment.findings.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
        FindingsList.render(sorted, id: "findings", into: &body)
        body.raw("</section>\n")
        return Layout.page(title: pathway.title, token: workbench.token,
                           crumbs: [.init(title: "Pathways", href: "/"), .init(title: pathway.title)], body: body)
    }

    /// "£89,773.00 to £95,120.00", or one amount when both ends are the same.
    static func range(_ low: Int, _ high: Int) -> String {
        low == high ? Money.text(low) : "\(Money.text(low)) to \(Money.text(high))"
    }

    static func decimal(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
