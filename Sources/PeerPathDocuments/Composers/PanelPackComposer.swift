/// Builds the panel pack for a role: a cover, a table of contents, then the job description, person
/// specification, organisation chart, banding justification, the national context of peer support
/// (cited), and the pathway ladder — each part starting on a new page.
public struct PanelPackComposer: Sendable {
    public let templates: TemplateSet
    public let wording: Wording

    public init(templates: TemplateSet, wording: Wording) {
        self.templates = templates
        self.wording = wording
    }

    public func compose(_ facts: RoleCase, jobDescription: Document, personSpecification: Document,
                        bandingJustification: Document) throws(TemplateError) -> Document {
        let role = facts.role
        let blocks = try templates.render("panel-pack", context: facts.context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "cover": return cover(facts)
            case "contents": return [.pageBreak, .contents(title: "Contents")]
            case "job-description":
                return part(jobDescription, title: "Job description").filter { if case .figure = $0 { false } else { true } }
            case "person-specification": return part(personSpecification, title: "Person specification")
            case "organisation-chart":
                return [.pageBreak, .heading(level: 1, text: "Organisation chart"),
                        .paragraph(OrganisationChart.description(for: role, in: facts.pathway)), .figure(facts.organisationChart)]
            case "banding-justification": return part(bandingJustification, title: "Banding justification")
            case "national-context": return nationalContext
            case "ladder":
                return [.pageBreak, .heading(level: 1, text: "The career pathway"),
                        .paragraph("Where the \(role.title) sits on the \(facts.pathway.title), with the band and points of every role."),
                        .figure(facts.ladder)]
            default: throw TemplateError(file: "panel-pack.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .panelPack, title: "Panel pack: \(role.title)",
                        subject: "Job evaluation panel pack for \(role.title), \(facts.evaluation.points) points, \(facts.bandText)",
                        keywords: ["panel pack", "job evaluation"] + facts.keywords, properties: facts.properties, blocks: blocks)
    }

    private func cover(_ facts: RoleCase) -> [Block] {
        [.title("Job evaluation panel pack"),
         .subtitle(facts.role.title),
         .subtitle(facts.pathway.organisation.name),
         .table(Table(name: "Cover", header: nil, rows: [
             ["Band sought", facts.role.expectedBand.map { "Band \($0)" } ?? "Not stated; the evidence gives \(facts.bandText)"],
             ["Total points", "\(facts.evaluation.points) (\(facts.bandText))"],
             ["Pathway", facts.pathway.title],
             ["Prepared with", "peerpath \(facts.version)"],
         ], widths: [1, 2])),
         .paragraph("This pack holds the job description, the person specification, the organisation chart and the factor-by-factor banding case for the post, with the national context of peer support and the career pathway the post belongs to.")]
    }

    /// A document as a part of the pack: a new page, its title heading renamed for the contents.
    private func part(_ document: Document, title: String) -> [Block] {
        var blocks: [Block] = [.pageBreak]
        var renamed = false
        for block in document.blocks {
            if !renamed, case .heading(1, let text) = block {
                blocks.append(.heading(level: 1, text: "\(title): \(text.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? text)"))
                renamed = true
            } else {
                blocks.append(block)
            }
        }
        return blocks
    }

    private var nationalContext: [Block] {
        var blocks: [Block] = [.pageBreak, .heading(level: 1, text: "The national context of peer support")]
        for section in wording.context {
            blocks.append(.heading(level: 2, text: section.heading))
            for paragraph in section.paragraphs {
                blocks.append(.paragraph("\(paragraph.text) (Watson and Repper, 2022, \(paragraph.cite).)"))
            }
        }
        blocks.append(.paragraph("Source: \(wording.contextSource)"))
        return blocks
    }
}

import Foundation
