@testable import PeerPathDocuments
@testable import PeerPath
import PeerPathLoading
import PeerPathModel
import Testing

@Suite("The job description's content")
struct JobDescriptionTests {
    let pipeline = TestSupport.pipeline
    let pathway = try! TestSupport.pipeline.load(TestSupport.fixture("two-roles.yaml"))

    func document(_ roleID: String) throws -> Document {
        let assessment = pipeline.assess(pathway, file: "two-roles.yaml")
        let entry = try #require(assessment.role(roleID))
        return try pipeline.documentWriters().jobDescriptions.compose(pipeline.roleCase(entry, in: assessment, payScale: pipeline.documentWriters().payScale))
    }

    var headings: (Document) -> [String] {
        { $0.blocks.compactMap { if case .heading(_, let text) = $0 { return text } else { return nil } } }
    }

    @Test func sectionsComeInOrder() throws {
        let titles = headings(try document("peer-worker"))
        #expect(titles.first == "Peer Worker")
        let expected = ["Job purpose", "Where the job sits", "Main duties and responsibilities",
                        "Physical, mental and emotional demands and working conditions",
                        "Supervision and support", "Person specification", "How this role progresses", "General responsibilities", "Agreement"]
        let positions = expected.compactMap { titles.firstIndex(of: $0) }
        #expect(positions.count == expected.count)
        #expect(positions == positions.sorted())
    }

    @Test func identificationTableComesFirstWithEveryField() throws {
        let doc = try document("lead")
        guard case .table(let table) = doc.blocks.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no table")
            return
        }
        #expect(table.isLabelled)
        // The fixture gives none of the optional lines (reference, service, posts, pattern, disclosure).
        #expect(table.rows.map { $0[0] } == ["Job title", "Band", "Pay", "Organisation", "Base", "Hours", "Contract", "Reports to",
                                             "Peer and professionally supervised by", "Version"])
        let value = { (label: String) in table.rows.first { $0[0] == label }?[1] }
        #expect(value("Job title") == "Peer Lead")
        #expect(value("Band") == "Band 1")
        #expect(value("Reports to") == "Service Manager")
        #expect(value("Hours") == "30 hours a week")
        #expect(value("Contract") == "Fixed term: Funded for two years by a grant.")
    }

    @Test func dutiesAreNumberedListsUnderAreaHeadings() throws {
        let doc = try document("peer-worker")
        #expect(headings(doc).contains("1. Working alongside people"))
        #expect(headings(doc).contains("2. Groups"))
        let lists = doc.blocks.compactMap { block -> ListBlock? in
            if case .list(let list) = block, case .numbered = list.style { return list }
            return nil
        }
        #expect(lists.count == 2)
        #expect(lists[0].items == ["Meet people one to one.", "Help people write their own recovery plans."])
        #expect(lists[0].label(ofItemAt: 1) == "1.2")
        #expect(lists[1].label(ofItemAt: 0) == "2.1")
    }

    @Test func personSpecificationHasAHeaderRow() throws {
        let doc = try document("peer-worker")
        let tables = doc.blocks.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        let specification = try #require(tables.first { $0.name == "PersonSpecification" })
        #expect(specification.header == ["Area", "Criterion", "Essential or desirable", "How assessed"])
        #expect(specification.rows.first == ["Experience", "Lived experience of mental health challenges.", "Essential", "Application, Interview"])
    }

    @Test func progressionNamesTheNextStepAndWhatItNeeds() throws {
        let worker = try document("peer-worker")
        #expect(worker.blocks.contains(.list(ListBlock(style: .bulleted, items: ["Peer Lead (Band 4): A year in post."]))))
        let lead = try document("lead")
        #expect(lead.blocks.contains(.list(ListBlock(style: .bulleted, items: ["Peer Worker"]))))
        #expect(lead.blocks.contains { if case .paragraph(let text) = $0 { text.hasPrefix("This is the most senior peer role") } else { false } })
    }

    @Test func metadataNamesTheRole() throws {
        let doc = try document("peer-worker")
        #expect(doc.title == "Job description: Peer Worker")
        #expect(doc.keywords.contains("two-roles"))
    }
}

@Suite("Reading a template's outline")
struct OutlineTests {
    @Test func blocksHeadingsListsAndSlots() {
        let outline = Outline("""
        # Title

        ## Section
        First line
        continues here.

        - one
        - two

        @table
        """)
        #expect(outline.parts == [
            .block(.heading(level: 1, text: "Title")),
            .block(.heading(level: 2, text: "Section")),
            .block(.paragraph("First line continues here.")),
            .block(.list(ListBlock(style: .bulleted, items: ["one", "two"]))),
            .slot("table"),
        ])
    }
}
