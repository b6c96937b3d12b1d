import Foundation
@testable import PeerPath
import Testing

/// Tools found on the PATH, for the tests that drive them.
enum ExternalTool {
    static func path(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("A panel pack as a panel member sees it", .enabled(if: ExternalTool.path("soffice") != nil && ExternalTool.path("pdftotext") != nil && ExternalTool.path("pdfinfo") != nil,
                                                           "LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is not installed"))
struct LibreOfficeTests {
    @Test func thePanelPackConvertsToAPDFWithTheRoleBandAndPoints() throws {
        let folder = TestSupport.temporaryFolder()
        let pack = try #require(ShippedDocuments.all.first { $0.document.kind == .panelPack && $0.role?.role.id == "peer-leader" })
        let odt = folder + "/panel-pack.odt"
        _ = FileManager.default.createFile(atPath: odt, contents: try TestSupport.pipeline.documentWriters().odt.package(pack.document))
        try ExternalTool.run(ExternalTool.path("soffice")!, ["-env:UserInstallation=file://\(folder)/profile", "--headless",
                                                            "--convert-to", "pdf", "--outdir", folder, odt])
        let pdf = folder + "/panel-pack.pdf"
        #expect(FileManager.default.fileExists(atPath: pdf), "LibreOffice wrote no PDF")
        let info = try ExternalTool.run(ExternalTool.path("pdfinfo")!, [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 15, "the pack has \(pages) pages")
        let text = try ExternalTool.run(ExternalTool.path("pdftotext")!, [pdf, "-"])
        #expect(text.contains("Peer Leader"))
        #expect(text.contains("Band 7"))
        #expect(text.contains("495"))
        #expect(text.contains("Page 1 of \(pages)"))
        // The contents page numbers are resolved by LibreOffice from the bookmarks at each part.
        #expect(text.range(of: #"Banding justification: Peer Leader\.+\s*\d+"#, options: .regularExpression) != nil)
    }

    /// The lines of text on each page of a PDF, without the page footer.
    static func linesPerPage(_ pdf: String) throws -> [Int] {
        let info = try ExternalTool.run(ExternalTool.path("pdfinfo")!, [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        return try (1...max(pages, 1)).map { page in
            let text = try ExternalTool.run(ExternalTool.path("pdftotext")!, ["-layout", "-f", "\(page)", "-l", "\(page)", pdf, "-"])
            return text.split(separator: "\n").filter { line in
                !line.trimmingCharacters(in: .whitespaces).isEmpty
                    && line.range(of: #"^\s*Page [0-9]+ of [0-9]+\s*$"#, options: .regularExpression) == nil
            }.count
        }
    }

    /// Every panel pack and blind pack of every shipped pathway, as LibreOffice lays it out: no page
    /// but the last holds fewer than five lines of text (a lone bullet, a two-line tail).
    @Test func noPackLeavesAnAlmostEmptyPage() throws {
        let folder = TestSupport.temporaryFolder()
        var odts: [String] = []
        for (role, document) in ShippedPacks.all(.panelPack) + ShippedPacks.all(.panelPackBlind) {
            let path = "\(folder)/\(role.pathway.id)_\(role.role.id)_\(document.kind.rawValue).odt"
            _ = FileManager.default.createFile(atPath: path, contents: try TestSupport.pipeline.documentWriters().odt.package(document))
            odts.append(path)
        }
        #expect(odts.count == 30)
        try ExternalTool.run(ExternalTool.path("soffice")!, ["-env:UserInstallation=file://\(folder)/profile", "--headless",
                                                            "--convert-to", "pdf", "--outdir", folder] + odts)
        for odt in odts {
            let pdf = String(odt.dropLast(4)) + ".pdf"
            let lines = try Self.linesPerPage(pdf)
            #expect(lines.count > 1, "\(pdf) was not written")
            for (page, count) in lines.enumerated().dropLast() where count < 5 {
                Issue.record("\((pdf as NSString).lastPathComponent): page \(page + 1) of \(lines.count) holds \(count) lines of text")
            }
        }
        // The national context takes one page: the next part starts on the page after its heading.
        let pack = "\(folder)/nhs-adult-mental-health_peer-leader_panel-pack.pdf"
        let text = try ExternalTool.run(ExternalTool.path("pdftotext")!, [pack, "-"]).components(separatedBy: "\u{0C}")
        let context = try #require(text.firstIndex { $0.contains("The national context of peer support\n") && !$0.contains("Contents") })
        #expect(text[context + 1].contains("The career pathway"))
    }
}

@Suite("DRAFT on every page, as LibreOffice prints it")
struct DraftMarkingTests {
    @Test func aDraftJobDescriptionSaysDraftOnEveryPageAndAnAgreedOneGivesItsVersion() throws {
        guard let soffice = ExternalTool.path("soffice"), let pdftotext = ExternalTool.path("pdftotext"),
              let pdfinfo = ExternalTool.path("pdfinfo") else {
            print("skipped: LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is not installed, so the DRAFT header cannot be read back")
            return
        }
        let folder = TestSupport.temporaryFolder()
        for (role, draft) in [("head-of-peer-support", true), ("peer-leader", false)] {
            let document = ShippedDocuments.document(.jobDescription, role: role)
            let odt = folder + "/\(role).odt"
            _ = FileManager.default.createFile(atPath: odt, contents: try TestSupport.pipeline.documentWriters().odt.package(document))
            try ExternalTool.run(soffice, ["-env:UserInstallation=file://\(folder)/profile", "--headless", "--convert-to", "pdf", "--outdir", folder, odt])
            let pdf = folder + "/\(role).pdf"
            let info = try ExternalTool.run(pdfinfo, [pdf])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect(pages >= 2)
            let text = try ExternalTool.run(pdftotext, [pdf, "-"])
            let drafts = text.components(separatedBy: "DRAFT, not agreed for use").count - 1
            if draft {
                #expect(drafts == pages, "DRAFT on \(drafts) of \(pages) pages")
                #expect(text.contains("Version 0.3, 20 November 2026"))
            } else {
                #expect(drafts == 0)
                #expect(text.components(separatedBy: "Version 2.0, agreed 12 June 2026").count - 1 == pages)
            }
        }
    }
}
