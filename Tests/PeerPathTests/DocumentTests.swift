import Foundation
@testable import PeerPath
@testable import PeerPathDocuments
@testable import PeerPathFormats
import PeerPathModel
import Testing

/// The documents of the shipped pathway's peer leader, composed once.
enum ShippedDocuments {
    static let file = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"
    static let assessment: Assessment = {
        let pipeline = TestSupport.pipeline
        return pipeline.assess(try! pipeline.load(file), file: file)
    }()
    static let all = try! TestSupport.pipeline.documents(for: assessment)

    static func document(_ kind: Document.Kind, role: String? = "peer-leader") -> Document {
        if kind == .changes { return changes }
        return all.first { $0.document.kind == kind && $0.role?.role.id == role }!.document
    }

    /// The peer leader's changes document, against an earlier version of the pathway in which the
    /// role had a duty fewer and other hours.
    static let changes: Document = {
        let folder = TestSupport.temporaryFolder() + "/pathways"
        try! FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways", toPath: folder)
        let earlierFile = folder + "/nhs-adult-mental-health.yaml"
        let earlierText = TestSupport.read(earlierFile).replacingOccurrences(of: "      - use: peer-training-budget\n", with: "")
            .replacingOccurrences(of: "    hours: 37.5\n    reference: NDH-PL", with: "    hours: 30\n    reference: NDH-PL")
        try! Data(earlierText.utf8).write(to: URL(fileURLWithPath: earlierFile))
        let pipeline = TestSupport.pipeline
        let earlier = pipeline.assess(try! pipeline.load(earlierFile), file: earlierFile)
        return try! pipeline.documents(for: assessment, since: earlier)
            .first { $0.document.kind == .changes && $0.role?.role.id == "peer-leader" }!.document
    }()
}

extension Document {
    var tables: [Table] { blocks.compactMap { if case .table(let table) = $0 { table } else { nil } } }
    var paragraphs: [String] { blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } } }
    var figures: [Figure] { blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } } }
    func headings(level: Int) -> [String] { blocks.compactMap { if case .heading(level, let text) = $0 { text } else { nil } } }
}

@Suite("Documents a panel can use")
struct DocumentTests {
    @Test func everyRoleGetsFourDocumentsAndThePathwayAnOverview() {
        let kinds = ShippedDocuments.all.map(\.document.kind)
        #expect(kinds.filter { $0 == .jobDescription }.count == 6)
        #expect(kinds.filter { $0 == .panelPack }.count == 6)
        #expect(kinds.filter { $0 == .pathwayOverview }.count == 1)
    }

    @Test func personSpecificationIsATableByCategory() throws {
        let document = ShippedDocuments.document(.personSpecification)
        let table = try #require(document.tables.first)
        #expect(table.header == ["Area", "Criterion", "Essential or desirable", "How assessed"])
        let categories = table.rows.map(\.[0]).filter { !$0.isEmpty }
        #expect(categories == Criterion.Category.allCases.map(\.name).filter(categories.contains))
        #expect(table.rows.allSatisfy { ["Essential", "Desirable"].contains($0[2]) && !$0[3].isEmpty })
        #expect(document.headings(level: 2).contains("How each criterion is assessed"))
    }

    @Test func bandingJustificationHasTheSixteenFactorsWithEvidence() throws {
        let document = ShippedDocuments.document(.bandingJustification)
        let table = try #require(document.tables.first { $0.name == "Factors" })
        #expect(table.rows.count == 17)
        #expect(table.rows[0] == ["1. Communication and relationship skills", "5a", "45", "duties 1.2, 1.4, 3.2"])
        #expect(table.rows[16] == ["Total", "", "495", "Band 7 (466 to 539 points)"])
        let reasons = document.headings(level: 3).filter { $0.contains(": level ") }
        #expect(reasons.count == 16)
        #expect(reasons[1] == "2. Knowledge, training and experience: level 6, 156 points")
        #expect(document.paragraphs.contains { $0.contains("At level 6, the job holder has specialist knowledge across the whole range") })
        // A lettered level cites its letter and what that alternative means.
        #expect(document.paragraphs.contains { $0.contains("At level 5a, the job holder passes on and takes in highly complicated, sensitive or disputed information") })
        #expect(document.blocks.contains { block in
            if case .list(let list) = block { list.items.contains { $0.hasPrefix("Duty 1.3: ") } } else { false }
        })
    }

    @Test func bandingJustificationStatesThePrinciplesWithThisRolesNumbers() {
        let text = ShippedDocuments.document(.bandingJustification).paragraphs.joined(separator: "\n")
        #expect(text.contains("The Peer Leader scores 495 points because of the duties numbered in the job description"))
        #expect(text.contains("This role is at level 6 (156 of a possible 240 points)"))
        #expect(text.contains("No professional registration is needed for it"))
        // No nudge towards a higher level: the principle says what separates levels 3 and 4.
        #expect(!text.contains("would add"))
        #expect(text.contains("This role is at level 3d, worth 21 points, from what its duties say the job does with money and resources. Whether a budget is delegated to the job holder or held by them for a whole department or service is what separates levels 3 and 4"))
        // Points to the next band are counted to its first point (540), and the multi-factor picture is given.
        #expect(text.contains("Losing 30 points would drop it to the band below. Reaching Band 8a needs 45 points more, counted to its first point, 540."))
        #expect(text.contains("A drop of one level on any one of these factors would take the job out of its band: 2 (Knowledge, training and experience)."))
        #expect(text.contains("Among the other factors, 2 factors one level lower together would move the band: one such set, such as factors 3 and 4 (465 points, Band 6)."))
        #expect(text.contains("Scoring this factor at level 1 would take away 16 points against a margin of 29 below the band: the band would hold."))
        #expect(text.contains("The sixteen factors total 495 points. Band 7 runs from 466 to 539 points, so the job sits 29 points above the bottom of the band and 44 below the top."))
    }

    @Test func bandingJustificationShowsSensitivityAndFindings() throws {
        let document = ShippedDocuments.document(.bandingJustification)
        let sensitivity = try #require(document.tables.first { $0.name == "Sensitivity" })
        #expect(sensitivity.rows.count == 16)
        #expect(sensitivity.rows[1] == ["2. Knowledge, training and experience", "6", "459 points, Band 6", "535 points, Band 7"])
        // A panel document leaves out a findings section with nothing in it.
        #expect(!document.paragraphs.contains("The checks found nothing to raise."))
        #expect(!document.headings(level: 2).contains("Findings for this role"))
    }

    @Test func findingsAppearInTheirRolesJustification() throws {
        let pipeline = TestSupport.pipeline
        let file = TestSupport.fixture("findings.yaml")
        let assessment = pipeline.assess(try pipeline.load(file), file: file)
        let entry = try #require(assessment.role("mismatch"))
        let document = try pipeline.documentWriters().bandingJustifications.compose(pipeline.roleCase(entry, in: assessment, payScale: pipeline.documentWriters().payScale))
        let findings = try #require(document.tables.first { $0.name == "Findings" })
        #expect(findings.rows.contains { $0[1] == "band-mismatch" && $0[0] == "Error" && $0[4] == "line 37" })
        #expect(document.paragraphs.contains { $0.hasPrefix("The case as written is not in the expected Band 5. Either the job is the band its evidence gives, and the expected band should change; or the job description leaves out work the job truly does.") })
        #expect(document.paragraphs.contains { $0.contains("The pathway states this level rather than deriving it from the duties (the duties show level 1). Its reason: Signs off the training budget.") })
    }

    @Test func panelPackHasEveryPartInOrderWithContentsAndMetadata() {
        let pack = ShippedDocuments.document(.panelPack)
        #expect(pack.sections == ["Job description: Peer Leader", "Person specification: Peer Leader", "Organisation chart",
                                  "Banding justification: Peer Leader", "The national context of peer support", "The career pathway"])
        #expect(pack.blocks.first == .title("Job evaluation: the case for the band"))
        #expect(pack.blocks.contains(.contents(title: "Contents")))
        #expect(pack.figures.map(\.name) == ["org-chart", "ladder"])
        #expect(pack.properties == [.init("pathway", "nhs-adult-mental-health"), .init("role", "peer-leader"), .init("band", "7"),
                                    .init("points", "495"), .init("peerpath-version", Installation.version),
                                    .init("document-version", "2.0"), .init("status", "agreed"), .init("version-date", "2026-06-12"),
                                    .init("review-date", "2027-06-30"),
                                    .init("running-header", "Northfield and Dale NHS Foundation Trust. Version 2.0, agreed 12 June 2026. Review by 30 June 2027.")])
        let context = pack.paragraphs.filter { $0.range(of: #"\[[0-9]+\]\.$"#, options: .regularExpression) != nil }
        #expect(context.count == 3)
    }

    @Test func figuresHaveAlternativeTextAndFitThePage() {
        let pack = ShippedDocuments.document(.panelPack)
        for figure in pack.figures {
            #expect(!figure.alternativeText.isEmpty)
            #expect(figure.width <= 16.0001 && figure.height <= 20.0001)
        }
        let chart = pack.figures[0]
        #expect(chart.alternativeText == "Peer Leader reports to Head of Peer Support and Lived Experience, who reports to Chief Nursing Officer. Reporting to the Peer Leader: Peer Support Development Worker (2 posts). Managed through the Peer Support Development Worker: Senior Peer Support Workers, Peer Support Workers and apprentices (38 posts).")
        #expect(chart.diagram.boxes.count == 5)
        #expect(chart.diagram.boxes[2].emphasis == .focus)
        #expect(chart.diagram.boxes[2].lines == ["Peer Leader", "Band 7"])
        // The chart's words are its alternative text; the caption does not repeat them.
        #expect(chart.caption != chart.alternativeText)
        #expect(!pack.paragraphs.contains(chart.alternativeText))
    }

    @Test func overviewShowsBandsPayCostStepsAndFindings() throws {
        let overview = ShippedDocuments.document(.pathwayOverview, role: nil)
        let roles = try #require(overview.tables.first { $0.name == "Roles" })
        #expect(roles.rows.count == 6)
        #expect(roles.rows[4] == ["Peer Leader", "Band 7", "495", "£47,810 to £54,710", "Full time", "Head of Peer Support and Lived Experience"])
        // The costs: each role from the bottom to the top of its band (worked in CostingTests), and the total.
        let costs = try #require(overview.tables.first { $0.name == "Costs" })
        #expect(costs.header == ["Role", "Band", "Posts", "WTE", "Basic pay", "On-costs", "Total a year"])
        #expect(costs.rows.count == 7)
        #expect(costs.rows[4] == ["Peer Leader", "Band 7", "2", "2", "£95,620 to £109,420", "£27,071 to £31,195", "£122,691 to £140,615"])
        #expect(costs.rows[6] == ["Total", "", "31", "29.6", "£898,677 to £1,009,271", "£245,275 to £278,320", "£1,143,952 to £1,287,591"])
        #expect(overview.paragraphs.contains { $0.hasPrefix("What the posts cost a year at 2025/26 pay") && $0.contains("apprenticeship levy (0.5% of pay)") })
        let chart = try #require(overview.figures.first { $0.name == "cost-by-band" })
        // One row per band (label, top bar, bottom bar, amounts), Bands 3 to 8a.
        #expect(chart.diagram.boxes.count == 6 * 4)
        #expect(chart.diagram.boxes[0].lines == ["Band 3"])
        #expect(chart.alternativeText.contains("Band 7, £122,691 to £140,615"))
        #expect(overview.headings(level: 3).contains("From Peer Support Worker to Senior Peer Support Worker"))
        #expect(overview.paragraphs.contains("The checks found nothing to raise on this pathway."))
        let ladder = try #require(overview.figures.first)
        #expect(ladder.diagram.boxes.count == 6)
        #expect(ladder.diagram.arrows.count == 5)
    }

    @Test func ladderStepsUpFromTheEntryRole() throws {
        let ladder = try #require(ShippedDocuments.document(.pathwayOverview, role: nil).figures.first).diagram
        let ys = ladder.boxes.map(\.y)
        let xs = ladder.boxes.map(\.x)
        #expect(ys == ys.sorted(by: >))
        #expect(xs == xs.sorted())
    }
}

@Suite("SVG and Markdown writers")
struct WriterTests {
    @Test func svgIsWellFormedWithTitleAndDescription() throws {
        let figure = ShippedDocuments.document(.panelPack).figures[1]
        let svg = try SVGWriter().render(figure.diagram, description: figure.alternativeText)
        _ = try XMLTree(data: Data(svg), name: "ladder.svg")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<title>Career pathway: Peer support career pathway, adult mental health services</title>"))
        #expect(text.contains("<desc>The pathway's roles from the entry role up:"))
        #expect(text.components(separatedBy: "marker-end=\"url(#head)\"").count - 1 == 5)
    }

    @Test func markdownRendersHeadingsNumberedDutiesAndTables() {
        let markdown = MarkdownWriter().render(ShippedDocuments.document(.jobDescription))
        // The line other formats show on every page comes first, then the title.
        #expect(markdown.hasPrefix("*Northfield and Dale NHS Foundation Trust. Version 2.0, agreed 12 June 2026. Review by 30 June 2027.*\n\n# Peer Leader\n"))
        #expect(markdown.contains("\n1.1 "))
        #expect(markdown.contains("| Job title | Peer Leader |"))
        #expect(markdown.contains("| Area | Criterion | Essential or desirable | How assessed |"))
    }

    @Test func markdownEscapesWhatWouldBecomeSyntax() {
        #expect(MarkdownWriter.inline("a *b* [c] <d> #e | f_g") == "a \\*b\\* \\[c\\] \\<d\\> \\#e | f\\_g")
        #expect(MarkdownWriter.inline("- not a list") == "\\- not a list")
        let document = Document(kind: .jobDescription, title: "t", subject: "s", keywords: [], blocks: [
            .table(Table(name: "T", header: ["a|b"], rows: [["c"]], widths: [1])),
        ])
        #expect(MarkdownWriter().render(document).contains("| a\\|b |"))
    }
}
