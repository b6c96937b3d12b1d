import Foundation
@testable import PeerPath
@testable import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading
@testable import PeerPathModel
import Testing

/// Issue 17: job descriptions an NHS trust can advertise as they are.
@Suite("Job descriptions a trust can advertise: identification, relationships, demands, requirement, clauses, sign-off")
struct TrustJobDescriptionTests {
    let pipeline = TestSupport.pipeline

    static let shipped: [(file: String, documents: [(folder: String, role: RoleCase?, document: Document)])] = TestSupport.shippedPathways.map { file in
        let pipeline = TestSupport.pipeline
        let assessment = pipeline.assess(try! pipeline.load(file), file: file)
        return (file, try! pipeline.documents(for: assessment))
    }

    static func headings(_ document: Document) -> [String] {
        document.blocks.compactMap { if case .heading(_, let text) = $0 { text } else { nil } }
    }

    @Test(arguments: TestSupport.shippedPathways)
    func everyRoleOfEveryShippedPathwayHasEverySection(_ file: String) throws {
        let documents = try #require(Self.shipped.first { $0.file == file }).documents
        let jobDescriptions = documents.filter { $0.document.kind == .jobDescription }
        #expect(!jobDescriptions.isEmpty)
        for entry in jobDescriptions {
            let facts = try #require(entry.role)
            let role = facts.role
            let document = entry.document
            let headings = Self.headings(document)
            for section in ["Key working relationships", "Physical, mental and emotional demands and working conditions",
                            "The occupational requirement", "General responsibilities", "Agreement"] {
                #expect(headings.contains(section), "\(role.id) lacks \(section)")
            }
            #expect(headings.last == "Agreement" || headings.suffix(1) == ["Agreement"], "\(role.id): the agreement block ends the job description")
            #expect(headings.contains("The apprenticeship") == (role.kind == .apprentice), "\(role.id)")
            let identification = try #require(document.tables.first { $0.name == "Identification" })
            let labels = identification.rows.map { $0[0] }
            for label in ["Job reference", "Directorate or service", "Base", "Number of posts", "Band", "Pay", "Hours",
                          "Working pattern", "Contract", "Disclosure check", "Reports to", "Version"] {
                #expect(labels.contains(label), "\(role.id) identification lacks \(label)")
            }
            #expect(labels.contains { $0.hasSuffix("supervised by") }, "\(role.id): a supervisor line apart from reports to")
            let pay = try #require(identification.rows.first { $0[0] == "Pay" })[1]
            #expect(pay.contains("£") && pay.contains("2025/26"), "\(role.id): \(pay)")
            #expect(identification.rows.first { $0[0] == "Number of posts" }?[1].contains("whole-time equivalent") == true)
            // Relationships from the pathway, inside and outside; demands with frequency and duration.
            #expect(document.tables.contains { $0.name == "InternalRelationships" && !$0.rows.isEmpty })
            #expect(document.tables.contains { $0.name == "ExternalRelationships" && !$0.rows.isEmpty })
            let demands = try #require(document.tables.first { $0.name == "Demands" })
            #expect(demands.rows.allSatisfy { $0[1] != "Not stated" && $0[2] != "Not stated" }, "\(role.id): every demand has frequency and duration")
            // The legal basis of the occupational requirement, in peerpath's words.
            #expect(document.paragraphs.contains { $0.contains("Schedule 9, Part 1, paragraph 1") && $0.contains("Equality") })
            // The organisation's clauses, review last.
            let clauses = ["Safeguarding", "Infection prevention and control", "Confidentiality and data protection", "Health and safety",
                           "Smoke-free sites", "Mandatory training", "Raising concerns", "Equality, diversity and inclusion",
                           "Flexibility and mobility", "Review of this job description"]
            for clause in clauses { #expect(headings.contains(clause), "\(role.id) lacks the clause \(clause)") }
            let agreement = try #require(document.tables.first { $0.name == "Agreement" })
            #expect(agreement.rows.map { $0[0] }.contains("Review date"))
            // Version on every page: the running header property.
            let header = try #require(document.properties.first { $0.name == "running-header" }).value
            let signOff = try #require(facts.pathway.signOff(of: role))
            #expect(header.contains("Version \(signOff.version)"))
            #expect(header.hasPrefix("DRAFT") == (signOff.status == .draft))
            // Wording found by reading: no "any one of" before a single item, one voice.
            if role.waysIn.count == 1 { #expect(!document.paragraphs.contains { $0.contains("any one of") }) }
            let text = MarkdownText.of(document)
            #expect(!(text.contains("The organisation ") || text.contains(" the organisation ")) || !text.contains(" our "),
                    "\(role.id) mixes 'our' with 'the organisation'")
        }
        // The overview lists each role's version and status, and says the shared requirement once.
        let overview = try #require(documents.first { $0.document.kind == .pathwayOverview }).document
        let versions = try #require(overview.tables.first { $0.name == "Versions" })
        #expect(versions.rows.count == jobDescriptions.count)
        #expect(versions.rows.allSatisfy { $0[1] != "Not stated" && $0[2] != "Not stated" })
        let text = MarkdownText.of(overview)
        #expect(text.components(separatedBy: "Personal experience of mental distress and recovery, and willing").count <= 2)
        #expect(!text.contains("Trust (NHS trust)"))
    }

    @Test func shippedPathwaysShowADraftAndAnAgreedRole() {
        let statuses = Self.shipped.flatMap { $0.documents }.filter { $0.document.kind == .jobDescription }
            .compactMap { $0.document.properties.first { $0.name == "status" }?.value }
        #expect(Set(statuses) == ["draft", "agreed"])
    }

    @Test func theApprenticeIsToldTheStandardTrainingTimePayAndTheEnd() throws {
        let apprentice = ShippedDocuments.document(.jobDescription, role: "apprentice-peer-support-worker")
        let text = MarkdownText.of(apprentice)
        #expect(text.contains("Peer Worker apprenticeship standard (Level 3, ST0896)"))
        #expect(text.contains("published minimum number of off-the-job training hours"))
        #expect(text.contains("paid working hours"))
        #expect(text.contains("Paid at band 3"))
        #expect(text.contains("guaranteed interview"))
    }

    @Test func imminentRiskIsReportedAtOnceInEverySafeguardingDuty() throws {
        for (_, documents) in Self.shipped {
            for entry in documents where entry.document.kind == .jobDescription {
                for duty in entry.role!.role.duties where duty.text.contains("same day") && (duty.text.contains("risk") || duty.text.contains("safe")) {
                    #expect(duty.text.contains("at once"), "\(entry.role!.role.id): \(duty.text)")
                }
            }
        }
    }

    @Test func sharedExperienceOfAServiceIsExplained() throws {
        let (file, documents) = try #require(Self.shipped.first { $0.file.hasSuffix("nhs-perinatal.yaml") })
        _ = file
        let worker = try #require(documents.first { $0.document.kind == .jobDescription && $0.role?.role.id == "perinatal-peer-support-worker" })
        #expect(worker.document.paragraphs.contains { $0.contains("also asks for experience of perinatal mental health care") })
        #expect(worker.document.paragraphs.contains { $0.contains("not in itself a protected characteristic") })
    }

    // MARK: Clauses

    @Test func clausesAreReplacedAndExtendedByPathwayAndRoleWithReviewLast() throws {
        let library = try ClauseLoader.load(file: TestSupport.installation.clausesFile)
        var pathway = try pipeline.load(TestSupport.fixture("two-roles.yaml"))
        pathway.clauses = [Clause(id: "smoke-free", heading: nil, text: "No smoking on the secure site or its grounds.")]
        var role = pathway.roles[0]
        role.clauses = [Clause(id: "vetting", heading: "Vetting, keys and security", text: "Police vetting, and keys and security training before starting.")]
        let merged = library.clauses(for: role, in: pathway)
        #expect(merged.first { $0.id == "smoke-free" }?.text == "No smoking on the secure site or its grounds.")
        #expect(merged.first { $0.id == "smoke-free" }?.heading == "Smoke-free sites")
        #expect(merged.contains { $0.id == "vetting" && $0.heading == "Vetting, keys and security" })
        #expect(merged.last?.id == "review")
        #expect(merged.count == library.clauses.count + 1)
    }

    @Test func clausesLoadFromAPathwayAndAnUnknownOneNeedsNoDefault() throws {
        let text = TestSupport.read(TestSupport.fixture("two-roles.yaml"))
            .replacingOccurrences(of: "  pay-year: 2025/26\n", with: """
              pay-year: 2025/26
              clauses:
                - id: smoke-free
                  text: No smoking anywhere on site.
                - {id: vetting, heading: Vetting, text: Police vetting before starting.}

            """)
        let pathway = try PathwayLoader(scheme: TestSupport.scheme).load(file: TestSupport.write(text))
        #expect(pathway.clauses.map(\.id) == ["smoke-free", "vetting"])
        let assessment = pipeline.assess(pathway, file: "x.yaml")
        let document = try pipeline.documentWriters().jobDescriptions.compose(
            pipeline.roleCase(try #require(assessment.role("peer-worker")), in: assessment, payScale: pipeline.documentWriters().payScale))
        #expect(document.paragraphs.contains("No smoking anywhere on site."))
        #expect(Self.headings(document).contains("Vetting"))
    }

    @Test func everyDefaultSentenceIsUnderFortyWords() throws {
        let library = try ClauseLoader.load(file: TestSupport.installation.clausesFile)
        let texts = library.clauses.map(\.text) + [library.livedExperience, library.livedExperienceShow, library.sharedExperience,
                                                   library.sharedExperienceShow, library.standardText, library.offTheJob,
                                                   library.payBasis, library.atTheEnd]
        for text in texts {
            for sentence in Readability.countedSentences(in: text) {
                #expect(sentence.words <= LanguageChecks.maximumSentenceWords, "\(sentence.text)")
            }
        }
    }

    // MARK: Located errors

    func failure(_ text: String) -> String? {
        do {
            _ = try PathwayLoader(scheme: TestSupport.scheme).load(file: TestSupport.write(text))
            return nil
        } catch {
            return error.description
        }
    }

    static let fixture = TestSupport.read(TestSupport.fixture("two-roles.yaml"))

    func withHead(_ lines: String) -> String {
        Self.fixture.replacingOccurrences(of: "  pay-year: 2025/26\n", with: "  pay-year: 2025/26\n" + lines)
    }

    @Test func aStatusThatIsNotDraftOrAgreedIsLocated() throws {
        let message = try #require(failure(withHead("  version: \"1.0\"\n  status: final\n")))
        #expect(message.contains(":9:11: error:"), "\(message)")
        #expect(message.contains("'final' is not allowed") && message.contains("draft, agreed"))
    }

    @Test func aReviewDateThatIsNotADateIsLocated() throws {
        let message = try #require(failure(withHead("  version: \"1.0\"\n  status: draft\n  review-date: next spring\n")))
        #expect(message.contains(":10:16: error:"), "\(message)")
        #expect(message.contains("is not a date for 'review-date'"))
        let february = try #require(failure(withHead("  version: \"1.0\"\n  status: draft\n  review-date: 2027-02-30\n")))
        #expect(february.contains("is not a date"))
    }

    @Test func anAgreedVersionNeedsWhoAgreedItAndAReviewAfterIt() throws {
        let unsigned = try #require(failure(withHead("  version: \"1.0\"\n  status: agreed\n")))
        #expect(unsigned.contains("needs 'agreed-by'"))
        let early = try #require(failure(withHead("  version: \"1.0\"\n  status: agreed\n  agreed-by: [{who: Postholder, date: 2026-03-04}]\n  review-date: 2026-01-01\n")))
        #expect(early.contains("must fall after"))
    }

    @Test func postsAndDisclosureAreChecked() throws {
        let role = "    hours: 37.5\n"
        #expect(Self.fixture.contains(role))
        let wte = try #require(failure(Self.fixture.replacingOccurrences(of: role, with: role + "    posts: {headcount: 2, wte: 3}\n")))
        #expect(wte.contains("'wte'") && wte.contains("at most the headcount"))
        let disclosure = try #require(failure(Self.fixture.replacingOccurrences(of: role, with: role + "    disclosure: enhanced-adult\n")))
        #expect(disclosure.contains("did you mean 'enhanced-adults'"))
        let standard = try #require(failure(Self.fixture.replacingOccurrences(of: role, with: role + "    apprenticeship: {standard: peer-worker}\n")))
        #expect(standard.contains("apprenticeship standard"))
    }

    // MARK: XML

    @Test func theXMLExportCarriesEveryNewKey() throws {
        let file = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"
        let folder = TestSupport.temporaryFolder()
        try pipeline.generate([file], into: folder)
        let original = try pipeline.load(file)
        let read = try pipeline.load(folder + "/nhs-adult-mental-health/pathway.xml")
        #expect(read.signOff == original.signOff)
        #expect(read.clauses == original.clauses)
        for (a, b) in zip(original.roles, read.roles) {
            #expect(a.reference == b.reference && a.service == b.service && a.posts == b.posts)
            #expect(a.workingPattern == b.workingPattern && a.disclosure == b.disclosure)
            #expect(a.internalRelationships == b.internalRelationships && a.externalRelationships == b.externalRelationships)
            #expect(a.sharedExperience == b.sharedExperience && a.apprenticeship == b.apprenticeship)
            #expect(a.clauses == b.clauses && a.signOff == b.signOff && a.supervision.by == b.supervision.by)
            #expect(a.environment.map(\.frequency) == b.environment.map(\.frequency))
            #expect(a.environment.map(\.duration) == b.environment.map(\.duration))
        }
        #expect(original.role("apprentice-peer-support-worker")?.apprenticeship?.standard == "ST0896")
    }
}

/// A document's text as Markdown, for searching.
enum MarkdownText {
    static func of(_ document: Document) -> String { MarkdownWriter().render(document) }
}
