import Foundation
import PeerPathModel

/// Builds a role's two panel packs.
///
/// - The panel pack (`panel-pack`) is the case for the job's advocate: a cover, the contents, then
///   the job description, person specification, organisation chart, banding justification, the
///   national context of peer support (dated, with numbered sources) and the pathway ladder.
/// - The blind pack (`panel-pack-blind`) is what a panel evaluates from: the job description,
///   person specification, job analysis questionnaire and organisation chart, with no levels,
///   points, band sought or sensitivity anywhere, in its text or its metadata.
///
/// Each part starts on a new page; the person specification appears once (the job description's
/// own copy of the criteria is left out of a pack).
public struct PanelPackComposer: Sendable {
    public let templates: TemplateSet
    public let wording: Wording

    public init(templates: TemplateSet, wording: Wording) {
        self.templates = templates
        self.wording = wording
    }

    public func compose(_ facts: RoleCase, jobDescription: Document, personSpecification: Document,
                        jobAnalysis: Document? = nil, bandingJustification: Document) throws(TemplateError) -> Document {
        let role = facts.role
        let blocks = try templates.render("panel-pack", context: facts.context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "cover": return cover(facts, blind: false)
            case "contents": return [.contents(title: "Contents")]
            case "job-description": return Self.jobDescriptionPart(jobDescription)
            case "person-specification": return Self.part(personSpecification, title: "Person specification")
            case "job-analysis": return jobAnalysis.map { Self.part($0, title: "Job analysis questionnaire") } ?? []
            case "organisation-chart": return Self.chartPart(facts.organisationChart)
            case "banding-justification": return Self.part(bandingJustification, title: "Banding justification")
            case "national-context": return Self.nationalContext(facts.pathway.nationalContext ?? wording.context)
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

    /// The pack a panel evaluates from: nothing in it says what band, levels or points the job is
    /// thought to reach.
    public func composeBlind(_ facts: RoleCase, jobDescription: Document, personSpecification: Document,
                             jobAnalysis: Document) throws(TemplateError) -> Document {
        let role = facts.role
        let blocks = try templates.render("panel-pack-blind", context: facts.context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "cover": return cover(facts, blind: true)
            case "contents": return [.contents(title: "Contents")]
            case "job-description": return Self.withoutBands(Self.jobDescriptionPart(jobDescription))
            case "person-specification": return Self.withoutBands(Self.part(personSpecification, title: "Person specification"))
            case "job-analysis": return Self.withoutBands(Self.part(jobAnalysis, title: "Job analysis questionnaire"))
            case "organisation-chart": return Self.chartPart(facts.blindOrganisationChart)
            default: throw TemplateError(file: "panel-pack-blind.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .panelPackBlind, title: "Panel pack for evaluation: \(role.title)",
                        subject: "Job evaluation panel pack for \(role.title), \(facts.pathway.organisation.name)",
                        keywords: ["panel pack", "job evaluation"] + facts.blindKeywords, properties: facts.blindProperties,
                        blocks: blocks)
    }

    private func cover(_ facts: RoleCase, blind: Bool) -> [Block] {
        var rows = [["Prepared by", facts.pathway.organisation.name]]
        if let date = facts.preparedOn { rows.append(["Date", date]) }
        // Filled from the pathway's version and status once it has them (issue 17).
        if let version = facts.documentVersion { rows.append(["Version", version]) }
        if let status = facts.documentStatus { rows.append(["Status", status]) }
        rows.append(["Pathway", facts.pathway.title])
        if !blind {
            rows.append(["Band sought", facts.role.expectedBand.map { "Band \($0)" } ?? "Not stated; the evidence gives \(facts.bandText)"])
            rows.append(["Total points", "\(facts.evaluation.points) (\(facts.bandText))"])
        }
        rows.append(["Prepared with", "peerpath \(facts.version)"])
        let summary = blind
            ? "This pack holds the job description, the person specification, the job analysis questionnaire and the organisation chart of the post, for the panel to evaluate. It states no band, levels or points."
            : "This pack holds the case for the post's band: the job description, the person specification, the organisation chart and the factor-by-factor banding justification, with the national context of peer support and the career pathway the post belongs to. The panel evaluates from the blind pack, which leaves the case out."
        return [.title(blind ? "Job evaluation panel pack" : "Job evaluation: the case for the band"),
                .subtitle(facts.role.title),
                .subtitle(facts.pathway.organisation.name),
                .table(Table(name: "Cover", header: nil, rows: rows, widths: [1, 2])),
                .paragraph(summary)]
    }

    /// The organisation chart on a page of its own; the chart's own words are its alternative text,
    /// so the caption only says what it is.
    static func chartPart(_ figure: Figure) -> [Block] {
        [.pageBreak, .heading(level: 1, text: "Organisation chart"), .figure(figure)]
    }

    /// The job description as a part of a pack: without its picture (the pack has the chart as a
    /// part of its own) and without its copy of the person specification (the pack has that too).
    static func jobDescriptionPart(_ document: Document) -> [Block] {
        var blocks: [Block] = []
        var skipping = false
        for block in part(document, title: "Job description") {
            if case .heading(let level, let text) = block, level <= 2 {
                skipping = level == 2 && text == "Person specification"
            }
            if skipping { continue }
            if case .figure = block { continue }
            blocks.append(block)
        }
        return blocks
    }

    /// A document as a part of the pack: a new page, its title heading renamed for the contents.
    static func part(_ document: Document, title: String) -> [Block] {
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

    /// Blocks with every mention of a band taken out: labelled table rows about the band or points,
    /// "(Band 6)" after a title, a sentence that only names the band, and any other sentence that
    /// names one (an apprentice's pay).
    static func withoutBands(_ blocks: [Block]) -> [Block] {
        blocks.map { (block: Block) -> Block in
            switch block {
            case .paragraph(let text): return .paragraph(redact(text))
            case .subtitle(let text): return .subtitle(redact(text))
            case .heading(let level, let text): return .heading(level: level, text: redact(text))
            case .list(var list):
                list.items = list.items.map(redact)
                return .list(list)
            case .table(var table):
                if table.isLabelled {
                    table.rows = table.rows.filter { row in
                        let label = (row.first ?? "").lowercased()
                        return !(label.hasPrefix("band") || label.contains("points") || label.contains("grade"))
                    }
                }
                table.rows = table.rows.map { $0.map(redact) }
                return .table(table)
            default: return block
            }
        }
    }

    static func redact(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in [
            (#"\s*\((?:Band [0-9]+[a-d]?|outside Agenda for Change)\)"#, ""),
            (#"(^|(?<=[.:;]))\s*(?:Band [0-9]+[a-d]?|Outside Agenda for Change)\.(?=\s|$)"#, ""),
            (#",\s*Band [0-9]+[a-d]?(?=[,.;])"#, ""),
            (#"(?i)\s*\(band [0-9]+[a-d]?\)"#, ""),
            // Any other sentence that names a band, such as an apprentice's pay: the panel
            // evaluates the job, not its pay.
            (#"(?i)(^|(?<=[.!?]))[^.!?]*\bband [0-9]+[a-d]?\b[^.!?]*[.!?]?"#, ""),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text.trimmed(.whitespaces)
    }

    /// The national context in at most a page: the facts under their headings, each once, with the
    /// number of its source, then the numbered sources with their addresses.
    static func nationalContext(_ context: NationalContext) -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading(level: 1, text: "The national context of peer support"),
                               .paragraph("Facts as of \(context.asOf), from the published sources listed at the end; the numbers in brackets refer to that list.")]
        for section in context.sections {
            blocks.append(.heading(level: 2, text: section.heading))
            let text = section.facts.map { fact -> String in
                let number = context.number(of: fact.source).map { " [\($0)]" } ?? ""
                let sentence = fact.text.trimmed(.whitespaces)
                if sentence.hasSuffix(".") { return "\(sentence.dropLast())\(number)." }
                return "\(sentence)\(number)."
            }
            blocks.append(.paragraph(text.joined(separator: " ")))
        }
        blocks.append(.heading(level: 2, text: "Sources"))
        for (index, source) in context.sources.enumerated() {
            blocks.append(.paragraph("[\(index + 1)] \(source.citation) \(source.address)"))
        }
        return blocks
    }
}
