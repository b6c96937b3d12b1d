import Foundation
@testable import PeerPath
@testable import PeerPathDocuments
@testable import PeerPathFormats
@testable import PeerPathModel
import Testing

/// Every document of every shipped pathway, composed once.
enum ShippedPacks {
    static let assessments: [Assessment] = TestSupport.shippedPathways.map { file in
        TestSupport.pipeline.assess(try! TestSupport.pipeline.load(file), file: file)
    }
    static let documents = assessments.flatMap { try! TestSupport.pipeline.documents(for: $0) }
    static func all(_ kind: Document.Kind) -> [(role: RoleCase, document: Document)] {
        documents.compactMap { entry in
            guard entry.document.kind == kind, let role = entry.role else { return nil }
            return (role, entry.document)
        }
    }
}

extension Document {
    /// Every piece of text the document shows or carries, blocks and metadata alike.
    var allText: [String] {
        var texts = [title, subject] + keywords + properties.flatMap { [$0.name, $0.value] }
        for block in blocks {
            switch block {
            case .heading(_, let text), .paragraph(let text), .title(let text), .subtitle(let text): texts.append(text)
            case .list(let list): texts += list.items
            case .table(let table): texts += (table.header ?? []) + table.rows.flatMap { $0 }
            case .contents(let title): texts.append(title)
            case .figure(let figure):
                texts += [figure.caption, figure.alternativeText, figure.diagram.title] + figure.diagram.boxes.flatMap(\.lines)
            case .pageBreak: break
            }
        }
        return texts
    }
}

/// What would tell a panel the band, level or points the job is thought to reach. A factor level
/// is written in lower case ("level 5a"); a qualification's level ("Level 3 Peer Worker
/// apprenticeship") is capitalised and allowed.
enum Leak {
    static let patterns = [#"(?i)\bband\s+[0-9]"#, #"(?i)\b[0-9]+\s+points\b"#, #"(?i)\bpoints\s*[:(]"#, #"\blevels?\s+[0-9]"#,
                           #"(?i)band sought"#, #"(?i)sensitivity"#, #"(?i)total points"#, #"(?i)outside agenda for change"#,
                           #"(?i)\bexpected band\b"#]

    static func find(in text: String) -> String? {
        for pattern in patterns {
            if let range = text.range(of: pattern, options: .regularExpression) {
                return String(text[text.index(range.lowerBound, offsetBy: -min(30, text.distance(from: text.startIndex, to: range.lowerBound)))..<range.upperBound])
            }
        }
        return nil
    }
}

@Suite("Panel packs a job evaluation panel would accept")
struct PanelPackTests {
    @Test func everyRoleHasAJobAnalysisQuestionnaireAndTwoPacks() {
        let roles = ShippedPacks.assessments.map(\.roles.count).reduce(0, +)
        #expect(roles == 15)
        for kind in [Document.Kind.jobAnalysis, .panelPack, .panelPackBlind] {
            #expect(ShippedPacks.all(kind).count == roles, "\(kind)")
        }
    }

    @Test func theBlindPackHoldsTheJobDescriptionPersonSpecificationQuestionnaireAndChart() throws {
        let blind = ShippedDocuments.document(.panelPackBlind)
        #expect(blind.sections == ["Job description: Peer Leader", "Person specification: Peer Leader",
                                   "Job analysis questionnaire: Peer Leader", "Organisation chart"])
        #expect(blind.properties == [.init("pathway", "nhs-adult-mental-health"), .init("role", "peer-leader"),
                                     .init("peerpath-version", Installation.version)])
        // The person specification appears once: the job description's copy of the criteria is left out.
        #expect(blind.tables.filter { $0.name == "PersonSpecification" }.count == 1)
        #expect(blind.figures.map(\.name) == ["org-chart"])
    }

    @Test func noLevelPointsOrBandLeaksIntoAnyBlindPack() throws {
        for (role, document) in ShippedPacks.all(.panelPackBlind) {
            for text in document.allText {
                if let leak = Leak.find(in: text) {
                    Issue.record("\(role.role.id): the blind pack says '\(leak)'")
                }
            }
            #expect(!document.properties.contains { ["band", "points"].contains($0.name) })
        }
    }

    @Test func theBlindPacksMetadataAndXMLCarryNoBand() throws {
        let file = ShippedDocuments.file
        let outputs = try TestSupport.pipeline.outputs(for: ShippedDocuments.assessment)
        let blind = outputs.filter { $0.path.hasSuffix("/panel-pack-blind.odt") || $0.path.hasSuffix("/panel-pack-blind.xml") }
        #expect(blind.count == 12, "\(file)")
        for output in blind {
            let text: String
            if output.path.hasSuffix(".odt") {
                let package = try ODTPackageReader(data: output.data)
                let meta = try package.text("meta.xml")
                #expect(!meta.contains("meta:name=\"band\"") && !meta.contains("meta:name=\"points\""), "\(output.path)")
                text = meta + (try package.text("content.xml"))
                for name in package.entryNames where name.hasSuffix(".svg") {
                    let svg = try package.text(name)
                    #expect(Leak.find(in: svg) == nil, "\(output.path) \(name)")
                }
            } else {
                text = String(decoding: output.data, as: UTF8.self)
                // The blind XML carries the pathway's head, the post and the document, nothing that
                // states a level, points or band: no role export, evaluation or findings.
                for element in ["<role ", "<evaluation", "<findings", "expected-band", "<evidence", "<override"] {
                    #expect(!text.contains(element), "\(output.path) has \(element)")
                }
                #expect(text.contains("<post id="))
            }
            #expect(Leak.find(in: text) == nil, "\(output.path): \(Leak.find(in: text) ?? "")")
        }
    }

    @Test func theQuestionnaireAnswersEveryFactorWithoutLevels() throws {
        for (role, document) in ShippedPacks.all(.jobAnalysis) {
            let questions = document.headings(level: 3).filter { $0.hasSuffix("?") }
            #expect(questions.count == 16 + 2, "\(role.role.id)")
            #expect(document.headings(level: 2).count == 17)
            for text in document.allText {
                #expect(Leak.find(in: text) == nil, "\(role.role.id): \(Leak.find(in: text) ?? "")")
            }
        }
        let peerLeader = ShippedDocuments.document(.jobAnalysis)
        let text = peerLeader.allText.joined(separator: "\n")
        #expect(text.contains("Reporting to the Peer Leader: Peer Support Development Worker (2 posts)."))
        #expect(text.contains("Managed through the Peer Support Development Worker: Senior Peer Support Workers, Peer Support Workers and apprentices (38 posts)."))
        #expect(text.contains("The duties plan over these spans of time: three-year"))
        // Effort and environment answers say when the job description leaves out how often or how long.
        #expect(text.contains("how long at a time is not stated"))
    }

    @Test func theFactorParagraphsSpeakOfTheRoleNotToThePanel() {
        var paragraphs: [String: Int] = [:]
        for (role, document) in ShippedPacks.all(.bandingJustification) {
            let text = document.allText.joined(separator: "\n")
            for advice in ["A panel should", "Look for", "look for", "do not describe", "builds hope with someone"] {
                #expect(!text.contains(advice), "\(role.role.id): \(advice)")
            }
            #expect(document.headings(level: 2).filter { $0 == "Peer roles in general" }.count == 1)
            #expect(!text.contains("The checks found nothing to raise"))
            for paragraph in document.paragraphs where paragraph.hasPrefix("For the ") || paragraph.hasPrefix("With ") {
                paragraphs[paragraph, default: 0] += 1
            }
        }
        // Each factor's own paragraph is about one role: none repeats across the fifteen roles.
        #expect(!paragraphs.isEmpty)
        #expect(paragraphs.values.allSatisfy { $0 == 1 }, "\(paragraphs.filter { $0.value > 1 }.keys.prefix(3))")
    }

    @Test func levelsAreWrittenWithTheirLetterInEveryTable() throws {
        let document = ShippedDocuments.document(.bandingJustification)
        let factors = try #require(document.tables.first { $0.name == "Factors" })
        let sensitivity = try #require(document.tables.first { $0.name == "Sensitivity" })
        #expect(factors.rows[0][1] == "5a")
        #expect(sensitivity.rows[0][1] == "5a")
        #expect(document.paragraphs.contains { $0.contains("At level 5a, the job holder") })
    }

    @Test func theNationalContextIsDatedSourcedAndShort() throws {
        let pack = ShippedDocuments.document(.panelPack)
        let start = try #require(pack.blocks.firstIndex(of: .heading(level: 1, text: "The national context of peer support")))
        let end = pack.blocks[(start + 1)...].firstIndex { if case .heading(1, _) = $0 { true } else { false } } ?? pack.blocks.endIndex
        let text = pack.blocks[start..<end].compactMap { if case .paragraph(let text) = $0 { text } else { nil } }.joined(separator: " ")
        #expect(text.contains("Facts as of 2022"))
        #expect(!text.contains("(Watson and Repper, 2022, section"))
        #expect(text.components(separatedBy: " ").count < 520)
        #expect(text.contains("[1] Watson, E. and Repper, J. (2022)"))
        #expect(text.contains("https://"))
        // Each figure with its year; the two national targets explained as different measures.
        #expect(text.contains("In 2019, 862 peer support workers"))
        #expect(text.contains("2,780 new peer workers employed by 2023/24") && text.contains("4,730 more peer support workers over the five years"))
        #expect(text.contains("measured different things"))
        let sentences = text.components(separatedBy: ". ")
        #expect(sentences.filter { $0.hasPrefix("The paper") }.isEmpty)
    }

    @Test func asOfDatesAndPayYears() {
        #expect(NationalContext.yearAndMonth("2022")! == (2022, 12))
        #expect(NationalContext.yearAndMonth("2022-06")! == (2022, 6))
        #expect(NationalContext.yearAndMonth("2022-06-30")! == (2022, 6))
        #expect(NationalContext.yearAndMonth("June 2022") == nil)
        #expect(NationalContext.yearAndMonth("2022-13") == nil)
        let context = NationalContext(asOf: "2022-06", sources: [], sections: [])
        #expect(!context.isOutOfDate(forPayYear: "2025/26"))
        #expect(context.isOutOfDate(forPayYear: "2026/27"))
    }

    @Test func aPathwayNamesItsOwnNationalContextInsideItsFolder() throws {
        let pipeline = TestSupport.fixturePipeline
        let clean = TestSupport.read(TestSupport.fixture("practice/clean.yaml"))
        let folder = TestSupport.temporaryFolder()
        let context = """
        as-of: 2019-05
        sources:
          - {id: own, citation: "Our own survey (2019).", address: https://example.org/survey}
        sections:
          - heading: Locally
            facts:
              - {text: We employed 12 peer workers in 2019., source: own}
        """
        _ = FileManager.default.createFile(atPath: folder + "/context.yaml", contents: Data(context.utf8))
        let file = folder + "/pathway.yaml"
        _ = FileManager.default.createFile(atPath: file, contents: Data(clean.replacingOccurrences(of: "  pay-year: 2025/26\n", with: "  pay-year: 2025/26\n  national-context: context.yaml\n").utf8))
        let pathway = try pipeline.load(file)
        #expect(pathway.nationalContext?.asOf == "2019-05")
        let finding = try #require(pipeline.assess(pathway, file: file).findings.first { $0.code == .contextOutOfDate })
        #expect(finding.severity == .warning)
        #expect(finding.location?.file.hasSuffix("context.yaml") == true)
        #expect(finding.message.contains("as of 2019-05"))
        let blocks = PanelPackComposer.nationalContext(try #require(pathway.nationalContext))
        #expect(blocks.contains(.paragraph("Facts as of 2019-05, from the published sources listed at the end; the numbers in brackets refer to that list.")))
        #expect(blocks.contains(.paragraph("We employed 12 peer workers in 2019 [1].")))
        #expect(blocks.contains(.paragraph("[1] Our own survey (2019). https://example.org/survey")))

        let outside = TestSupport.temporaryFolder()
        let escaping = outside + "/pathway.yaml"
        _ = FileManager.default.createFile(atPath: escaping, contents: Data(clean.replacingOccurrences(of: "  pay-year: 2025/26\n", with: "  pay-year: 2025/26\n  national-context: ../\((folder as NSString).lastPathComponent)/context.yaml\n").utf8))
        #expect(throws: PeerPathError.self) { try pipeline.load(escaping) }
    }

    @Test func theChartShowsTheLineAboveThePeersAndHeadcounts() throws {
        let chart = ShippedDocuments.document(.panelPack).figures[0]
        let lines = chart.diagram.boxes.map(\.lines)
        #expect(lines.count == 5)
        #expect(lines[0] == ["Chief Nursing Officer", "outside the pathway"])
        #expect(lines[2] == ["Peer Leader", "Band 7"])
        #expect(lines[3].last == "2 posts · Band 6")
        #expect(lines[4].last == "38 posts")
        #expect(chart.diagram.boxes[2].emphasis == .focus)
        // Long titles wrap inside their boxes instead of being cut off.
        let wrapped = TextWrap.lines("Peer Support Worker (Secure Services and Forensic Community Teams)", width: OrganisationChart.titleWidth,
                                     maximum: OrganisationChart.titleLines)
        #expect(!wrapped.joined().contains("…"))
        #expect(wrapped.joined(separator: " ") == "Peer Support Worker (Secure Services and Forensic Community Teams)")
        #expect(wrapped.allSatisfy { $0.count <= OrganisationChart.titleWidth })
    }

    @Test func aTeamEntryMustReportToTheRole() throws {
        let text = TestSupport.read(TestSupport.fixture("practice/clean.yaml"))
            .replacingOccurrences(of: "    reports-to: senior\n", with: "    reports-to: senior\n    team: [{role: senior, count: 2}]\n")
        let file = TestSupport.write(text)
        #expect(throws: PeerPathError.self) { try TestSupport.fixturePipeline.load(file) }
    }

    @Test func theCoverGivesTheVersionItsDateAndStatusFromThePathwayNeverTheClock() throws {
        let pack = ShippedDocuments.document(.panelPack)
        let cover = try #require(pack.tables.first { $0.name == "Cover" })
        #expect(cover.rows.first == ["Prepared by", "Northfield and Dale NHS Foundation Trust"])
        #expect(cover.rows.contains { $0 == ["Date", "12 June 2026"] })
        #expect(cover.rows.contains { $0 == ["Version", "2.0"] })
        #expect(cover.rows.contains { $0[0] == "Status" && $0[1].lowercased().contains("agreed") })
    }
}
