import Foundation
@testable import PeerPath
import PeerPathDocuments
@testable import PeerPathFormats
import Testing
import ZIPFoundation

/// The .docx writer: the package's parts and what they say, byte-identical output, and the
/// strict ECMA-376 check where ../shared has it.
@Suite("Word documents (.docx)")
struct DOCXTests {
    static let writer = try! TestSupport.pipeline.documentWriters().docx

    static func package(_ document: Document) throws -> ODTPackageReader {
        try ODTPackageReader(data: try writer.package(document))
    }

    @Test func theSameDocumentGivesTheSameBytes() throws {
        let document = ShippedDocuments.document(.panelPack)
        let first = try Self.writer.package(document)
        let other = try DOCXWriter(generator: "peerpath/\(Installation.version)")
        #expect(first == (try Self.writer.package(document)))
        #expect(first == (try other.package(document)))
        let reader = try ODTPackageReader(data: first)
        #expect(reader.entryNames.first == "[Content_Types].xml")
        let dates = Set(reader.archive.map { entry -> Date? in entry.fileAttributes[.modificationDate] as? Date })
        #expect(dates.count == 1, "one fixed date on every entry")
    }

    @Test func headingsAreWordsHeadingStylesAndTheBodyKeepsTheTreesOrder() throws {
        let document = ShippedDocuments.document(.jobDescription)
        let body = try Self.package(document).text("word/document.xml")
        for case .heading(let level, let text) in document.blocks {
            #expect(body.contains("<w:pStyle w:val=\"Heading\(level)\"/>"), "no Heading\(level) for \(text)")
        }
        let styles = try Self.package(document).text("word/styles.xml")
        for level in 1...3 {
            #expect(styles.contains("w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"))
            #expect(styles.contains("<w:outlineLvl w:val=\"\(level - 1)\"/>"))
        }
        #expect(styles.contains("<w:rFonts w:ascii=\"Arial\""))
        #expect(styles.contains("<w:sz w:val=\"22\"/>"), "an 11 pt body")
    }

    @Test func numberedDutiesAreWordListsNumberedAsInTheODT() throws {
        let document = ShippedDocuments.document(.jobDescription)
        let prefixes = document.blocks.compactMap { block -> String? in
            if case .list(let list) = block, case .numbered(let prefix) = list.style { return prefix }
            return nil
        }
        #expect(!prefixes.isEmpty)
        let numbering = try Self.package(document).text("word/numbering.xml")
        for prefix in prefixes { #expect(numbering.contains("<w:lvlText w:val=\"\(prefix)%1\"/>")) }
        #expect(numbering.contains("<w:numFmt w:val=\"bullet\"/>"))
        let body = try Self.package(document).text("word/document.xml")
        #expect(body.contains("<w:numId w:val=\"2\"/>"))
    }

    @Test func tablesRepeatTheirHeaderRowAndTheFooterCountsPages() throws {
        let document = ShippedDocuments.document(.bandingJustification)
        let package = try Self.package(document)
        let body = try package.text("word/document.xml")
        let headed = document.blocks.filter { if case .table(let table) = $0 { table.header != nil } else { false } }.count
        #expect(headed > 0)
        #expect(body.components(separatedBy: "<w:tblHeader/>").count - 1 == headed)
        let footer = try package.text("word/footer1.xml")
        #expect(footer.contains(" PAGE "))
        #expect(footer.contains(" NUMPAGES "))
        #expect(footer.contains(">Page </w:t>") || footer.contains("Page </w:t>"))
    }

    @Test func thePanelPackHasATableOfContentsFieldFilledWithItsParts() throws {
        let document = ShippedDocuments.document(.panelPack)
        let body = try Self.package(document).text("word/document.xml")
        #expect(body.contains(#" TOC \o &quot;1-1&quot; \h \z \u "#))
        for (index, section) in document.sections.enumerated() {
            let escaped = section.replacingOccurrences(of: "&", with: "&amp;")
            #expect(body.contains("w:name=\"_TocPart\(index + 1)\""))
            #expect(body.contains("PAGEREF _TocPart\(index + 1) \\h"))
            #expect(body.contains(">\(escaped)</w:t>"))
        }
    }

    @Test func propertiesAndPicturesCarryWhatTheODTCarries() throws {
        let document = ShippedDocuments.document(.jobDescription)
        let package = try Self.package(document)
        let core = try package.text("docProps/core.xml")
        #expect(core.contains("<dc:title>\(document.title)</dc:title>"))
        #expect(core.contains("<dc:subject>"))
        #expect(core.contains("<cp:keywords>"))
        let custom = try package.text("docProps/custom.xml")
        for property in document.properties {
            #expect(custom.contains("name=\"\(property.name)\"><vt:lpwstr>\(property.value)</vt:lpwstr>"))
        }
        let figures = document.blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        #expect(!figures.isEmpty)
        let body = try package.text("word/document.xml")
        for figure in figures {
            #expect(body.contains("descr=\"\(figure.alternativeText)\""))
        }
        #expect(body.contains("<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed="))
        let png = try package.bytes("word/media/figure1-org-chart.png")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        #expect(try package.text("word/media/figure1-org-chart.svg").contains("<svg"))
        // The version line of the ODT's header band is the .docx header, on every page.
        #expect(try package.text("word/header1.xml").contains("Version 2.0, agreed 12 June 2026"))
    }

    @Test func aDraftWithAVersionIsMarkedInTheHeader() throws {
        var document = ShippedDocuments.document(.jobDescription)
        document.properties = document.properties.filter { !["running-header", "status", "document-version"].contains($0.name) }
        document.properties += [.init("status", "draft"), .init("document-version", "0.3")]
        #expect(DOCXWriter.marking(of: document) == "DRAFT · version 0.3")
        let package = try Self.package(document)
        #expect(try package.text("word/header1.xml").contains("DRAFT · version 0.3"))
        #expect(try package.text("word/document.xml").contains("<w:headerReference w:type=\"default\""))
    }

    @Test func pngFallbacksAreTheSameBytesEachTimeTheyAreDrawn() throws {
        let figure = try #require(ShippedDocuments.document(.panelPack).blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }.first)
        let svg = try SVGWriter().render(figure.diagram, description: figure.alternativeText)
        let first = try PNGRenderer.draw(svg, width: 400, height: 300)
        let second = try PNGRenderer.draw(svg, width: 400, height: 300)
        #expect(first == second)
        #expect(first.count > 1000)
    }

    /// The strict checker, on one document of each kind (`make check-docx` checks every one).
    @Test(.enabled(if: DOCXCheck.tool != nil, "../shared/tools/docx-check, python3 or xmllint is missing: the strict ECMA-376 check did not run"))
    func everyKindOfDocumentIsStrictlyValidOOXML() throws {
        let folder = TestSupport.temporaryFolder()
        var files: [String] = []
        for kind in Document.Kind.allCases {
            let document = ShippedDocuments.document(kind, role: kind == .pathwayOverview ? nil : "peer-leader")
            let path = "\(folder)/\(kind.rawValue).docx"
            _ = FileManager.default.createFile(atPath: path, contents: try Self.writer.package(document))
            files.append(path)
        }
        let (status, output) = try DOCXCheck.run(files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(files.count) valid, 0 invalid"), "\(output)")
    }
}

enum DOCXCheck {
    static let tool: String? = {
        guard let shared = TestSupport.shared, ExternalTool.path("python3") != nil, ExternalTool.path("xmllint") != nil else { return nil }
        let path = shared + "/tools/docx-check"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static func run(_ files: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTool.path("python3")!)
        process.arguments = [tool!] + files
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
