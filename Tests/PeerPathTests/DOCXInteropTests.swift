import Foundation
@testable import PeerPath
import PeerPathDocuments
@testable import PeerPathFormats
import Testing
import ZIPFoundation

/// Whether python-docx can be imported, for the second-reader test.
enum PythonDocx {
    static let available: Bool = {
        guard let python = ExternalTool.path("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import docx"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}

/// What a reader independent of peerpath finds in the .docx: python-docx (scripts/read-docx).
@Suite("A .docx read by python-docx", .enabled(if: PythonDocx.available, "python-docx is not installed (pip install python-docx): the second reader did not run"))
struct PythonDocxTests {
    static func read(_ document: Document) throws -> [String: Any] {
        let folder = TestSupport.temporaryFolder()
        let path = "\(folder)/\(document.kind.rawValue).docx"
        _ = FileManager.default.createFile(atPath: path, contents: try TestSupport.pipeline.documentWriters().docx.package(document))
        let json = try ExternalTool.run(ExternalTool.path("python3")!, [TestSupport.repository + "/scripts/read-docx", path])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "read-docx printed: \(json)")
    }

    @Test(arguments: [Document.Kind.jobDescription, .personSpecification, .bandingJustification, .panelPack])
    func headingsNumberedDutiesAndTableCellsReadAsWritten(_ kind: Document.Kind) throws {
        let document = ShippedDocuments.document(kind)
        let read = try Self.read(document)
        let headings = (read["headings"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" }
        let expected = document.blocks.compactMap { if case .heading(let level, let text) = $0 { "\(level) \(text)" } else { nil } }
        #expect(headings == expected)

        let numbered = (read["numbered"] as? [[String]] ?? []).map { "\($0[0]) \($0[1])" }
        var duties: [String] = []
        var bullets: [String] = []
        for case .list(let list) in document.blocks {
            for (index, item) in list.items.enumerated() {
                if case .numbered = list.style { duties.append("\(list.label(ofItemAt: index)) \(item)") } else { bullets.append(item) }
            }
        }
        #expect(numbered == duties)
        #expect(read["bullets"] as? [String] ?? [] == bullets)

        let tables = read["tables"] as? [[String: Any]] ?? []
        #expect(tables.count == document.tables.count)
        for (table, found) in zip(document.tables, tables) {
            let rows = found["rows"] as? [[String]] ?? []
            #expect(rows == (table.header.map { [$0] } ?? []) + table.rows)
            let header = found["header"] as? [Bool] ?? []
            #expect(header.first == (table.header != nil))
        }
        let core = read["core"] as? [String: Any] ?? [:]
        #expect(core["title"] as? String == document.title)
        #expect((read["pictures"] as? [String] ?? []) == document.figures.map(\.alternativeText))
    }
}

/// The .docx as LibreOffice lays it out, against the ODT of the same document.
@Suite("A .docx opened in LibreOffice", .enabled(if: ExternalTool.path("soffice") != nil && ExternalTool.path("pdftotext") != nil && ExternalTool.path("pdfinfo") != nil,
                                                 "LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is not installed: the layout comparison did not run"))
struct DOCXLibreOfficeTests {
    static func pages(_ pdf: String) throws -> Int {
        let info = try ExternalTool.run(ExternalTool.path("pdfinfo")!, [pdf])
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    /// The page numbers of a PDF's contents entries ("Title....... 7").
    static func contentsPages(_ pdf: String) throws -> [Int] {
        let text = try ExternalTool.run(ExternalTool.path("pdftotext")!, [pdf, "-"])
        let pattern = try NSRegularExpression(pattern: #"\.{5,}\s*(\d+)\n"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).flatMap { Int(text[$0]) }
        }
    }

    /// Text without any whitespace, so a heading wrapped over two lines is still found.
    static func squeezed(_ text: String) -> String { String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    /// The first words of each short list (at most `KeepTogether.shortList` items) whose last item
    /// LibreOffice put on a later page than its first. Items are found in order, whitespace ignored.
    static func splitShortLists(_ document: Document, pdf: String) throws -> [String] {
        let pages = try ExternalTool.run(ExternalTool.path("pdftotext")!, [pdf, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
        var text = ""
        var pageStarts: [String.Index] = []
        for page in pages {
            pageStarts.append(text.endIndex)
            text += squeezed(String(page))
        }
        func page(of index: String.Index) -> Int { pageStarts.lastIndex { $0 <= index } ?? 0 }
        var cursor = text.startIndex
        var split: [String] = []
        for case .list(let list) in document.blocks where list.items.count > 1 {
            // The start of each item is enough to place it, and stays clear of the label LibreOffice adds.
            let first = String(squeezed(list.items[0]).prefix(40))
            let last = String(squeezed(list.items[list.items.count - 1]).prefix(40))
            guard let start = text.range(of: first, range: cursor..<text.endIndex),
                  let end = text.range(of: last, range: start.lowerBound..<text.endIndex) else { continue }
            cursor = end.upperBound
            if list.items.count <= KeepTogether.shortList && page(of: start.lowerBound) != page(of: end.lowerBound) {
                split.append(String(list.items[0].prefix(50)))
            }
        }
        return split
    }

    @Test func everyDocumentLaysOutLikeItsODTWithEveryHeading() throws {
        let folder = TestSupport.temporaryFolder()
        let writers = try TestSupport.pipeline.documentWriters()
        let documents = Document.Kind.allCases.map { ShippedDocuments.document($0, role: $0 == .pathwayOverview ? nil : "peer-leader") }
        var files: [String] = []
        for document in documents {
            let base = "\(folder)/\(document.kind.rawValue)"
            _ = FileManager.default.createFile(atPath: base + ".docx", contents: try writers.docx.package(document))
            _ = FileManager.default.createFile(atPath: base + "-odt.odt", contents: try writers.odt.package(document))
            files += [base + ".docx", base + "-odt.odt"]
        }
        // One LibreOffice process for all ten.
        try ExternalTool.run(ExternalTool.path("soffice")!, ["-env:UserInstallation=file://\(folder)/profile", "--headless",
                                                            "--convert-to", "pdf", "--outdir", folder] + files)
        for document in documents {
            let base = "\(folder)/\(document.kind.rawValue)"
            let docx = try Self.pages(base + ".pdf")
            let odt = try Self.pages(base + "-odt.pdf")
            print("\(document.kind.rawValue): LibreOffice lays out the .docx on \(docx) pages, the .odt on \(odt)")
            #expect(docx > 0)
            #expect(abs(docx - odt) <= 1, "\(document.kind.rawValue): .docx \(docx) pages, .odt \(odt)")
            // Both keep short lists whole on one page by the same chain of keep-with-next items, so the
            // same lists stay whole in both. LibreOffice follows the chain except, rarely, where it would
            // have to move the whole chain to the next page (the person specification's last list); Word
            // always follows it. More than one split list in a document means the chain is gone.
            let splitDOCX = try Self.splitShortLists(document, pdf: base + ".pdf")
            let splitODT = try Self.splitShortLists(document, pdf: base + "-odt.pdf")
            if !splitODT.isEmpty { print("\(document.kind.rawValue): LibreOffice splits the short lists starting \(splitODT)") }
            #expect(splitDOCX == splitODT, "\(document.kind.rawValue): split in the .docx \(splitDOCX), in the .odt \(splitODT)")
            #expect(splitODT.count <= 1, "\(document.kind.rawValue): short lists split over a page break: \(splitODT)")
            let text = Self.squeezed(try ExternalTool.run(ExternalTool.path("pdftotext")!, [base + ".pdf", "-"]))
            for case .heading(_, let heading) in document.blocks {
                #expect(text.contains(Self.squeezed(heading)), "\(document.kind.rawValue): '\(heading)' is not in the PDF")
            }
            #expect(text.contains(Self.squeezed("Page 1 of \(docx)")))
            if document.blocks.contains(where: { if case .contents = $0 { true } else { false } }) {
                // The contents page numbers the .docx carries (estimated) against those LibreOffice finds for the .odt.
                let written = try Self.contentsPages(base + ".pdf")
                let found = try Self.contentsPages(base + "-odt.pdf")
                print("\(document.kind.rawValue): contents pages in the .docx \(written), in the .odt \(found)")
                #expect(written.count == document.sections.count)
                #expect(zip(written, found).allSatisfy { abs($0 - $1) <= 1 }, "\(written) against \(found)")
            }
        }
    }
}

/// `generate --formats`, the pdf path, and `--styles` with a Word file.
@Suite("Choosing formats and Word styles", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct FormatsTests {
    let fixture = TestSupport.fixture("two-roles.yaml")

    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".") && ($0 as NSString).pathExtension != "" }.sorted()
    }

    @Test func theDefaultIsODTWordXMLAndMarkdown() throws {
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", fixture, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let extensions = Set(Self.files(under: out).map { ($0 as NSString).pathExtension })
        #expect(extensions == ["odt", "docx", "xml", "md"])
    }

    @Test func onlyTheFormatsAskedForAreWritten() throws {
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", fixture, "--out", out, "--formats", "docx"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = Self.files(under: out)
        // Two roles × six documents, and the overview.
        #expect(files.count == 13)
        #expect(files.allSatisfy { $0.hasSuffix(".docx") })
        let md = TestSupport.temporaryFolder()
        #expect(try PeerPathProcess(["generate", fixture, "--out", md, "--formats", "md,xml"]).status == 0)
        #expect(Set(Self.files(under: md).map { ($0 as NSString).pathExtension }) == ["md", "xml"])
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", fixture, "--out", out, "--formats", "odt,rtf"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("'rtf' is not a format peerpath writes"))
        #expect(Self.files(under: out).isEmpty)
    }

    @Test func pdfWithoutLibreOfficeExits69NamingThePackage() throws {
        let out = TestSupport.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(PeerPathProcess.executable))
        process.arguments = ["generate", fixture, "--out", out, "--formats", "pdf", "--share", TestSupport.repository]
        process.environment = ["PATH": TestSupport.temporaryFolder()]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 69)
        #expect(message.contains("libreoffice-writer-nogui"))
        #expect(Self.files(under: out).isEmpty)
    }

    @Test(.enabled(if: ExternalTool.path("soffice") != nil, "LibreOffice (soffice) is not installed: the pdf path did not run"))
    func pdfIsMadeForEveryDocumentInOneGo() throws {
        let out = TestSupport.temporaryFolder()
        let run = try PeerPathProcess(["generate", fixture, "--out", out, "--formats", "pdf,docx"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = Self.files(under: out)
        let pdfs = files.filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 13)
        #expect(files.filter { $0.hasSuffix(".docx") }.count == 13)
        for pdf in pdfs {
            #expect(FileManager.default.contents(atPath: "\(out)/\(pdf)")?.starts(with: Array("%PDF".utf8)) == true)
        }
    }
}
