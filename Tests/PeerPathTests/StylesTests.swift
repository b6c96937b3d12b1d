import Foundation
@testable import PeerPath
@testable import PeerPathFormats
import Testing

@Suite("An organisation's own styles, read safely and kept strictly valid")
struct StylesTests {
    static let folder = TestSupport.fixture("styles")
    static func path(_ name: String) -> String { "\(folder)/\(name).ott" }

    @Test func anOrganisationTemplateGivesItsLookAndLogo() throws {
        let styles = try OrganisationStyles(file: Self.path("organisation"), defaultStyles: TestSupport.installation.stylesFile)
        let text = String(decoding: styles.styles, as: UTF8.self)
        #expect(text.contains("fo:color=\"#7c2855\""))
        #expect(text.contains("xlink:href=\"Pictures/logo.png\""))
        #expect(!text.contains("loext:"))
        #expect(styles.dropped.contains("loext:margin-gutter"))
        #expect(styles.pictures.map(\.path) == ["Pictures/logo.png"])
        #expect(styles.pictures.first?.mediaType == "image/png")
        #expect(text.contains("office:version=\"1.3\""))
    }

    @Test func packagesWithOrganisationStylesCarryTheLogoAndStayValid() throws {
        let pipeline = try Pipeline(installation: TestSupport.installation, styles: Self.path("organisation"))
        #expect(pipeline.stylesReport.first?.contains("note: dropped 9 kinds of element or attribute that ODF 1.3 does not define") == true)
        let file = TestSupport.fixture("two-roles.yaml")
        let outputs = try pipeline.outputs(for: pipeline.load(file), file: file).filter { $0.path.hasSuffix(".odt") }
        #expect(!outputs.isEmpty)
        let schema: RelaxNGSchema? = try TestSupport.shared.map { try RelaxNGSchema(path: $0 + "/odf/OpenDocument-v1.3-schema.libxml2.rng") }
        for output in outputs {
            let package = try ODTPackageReader(data: output.data)
            #expect(package.entryNames.contains("Pictures/logo.png"))
            #expect(try package.text("META-INF/manifest.xml").contains("manifest:full-path=\"Pictures/logo.png\" manifest:media-type=\"image/png\""))
            if let schema {
                #expect(schema.problems(in: try package.bytes("styles.xml"), name: output.path).isEmpty)
            }
        }
    }

    @Test func missingStylesAreAddedFromTheDefaults() throws {
        // A template with only a page layout: every style the documents use comes from the defaults.
        let styles = try OrganisationStyles(file: Self.path("page-only"), defaultStyles: TestSupport.installation.stylesFile)
        #expect(styles.added == OrganisationStyles.requiredStyles)
        #expect(styles.dropped == ["loext:margin-gutter"])
        let text = String(decoding: styles.styles, as: UTF8.self)
        #expect(text.contains("fo:page-width=\"21.59cm\""))
        if let shared = TestSupport.shared {
            let schema = try RelaxNGSchema(path: shared + "/odf/OpenDocument-v1.3-schema.libxml2.rng")
            #expect(schema.problems(in: Data(styles.styles), name: "page-only/styles.xml").isEmpty)
        }
        for name in OrganisationStyles.requiredStyles {
            #expect(text.contains("style:name=\"\(name)\""), "\(name) missing")
        }
    }

    @Test(arguments: [
        ("not-a-zip", "is not an OpenDocument file (not a zip package)"),
        ("zip-bomb", "'styles.xml' unpacks to more than 8 MiB"),
        ("path-escape", "has an entry named '../x', which would escape the package"),
        ("no-styles", "has no styles.xml; save it from LibreOffice or Word as .odt or .ott"),
        ("malformed-styles", "error: Premature end of data"),
        ("entity-styles", "a DOCTYPE is not allowed (no DTDs or entities are read)"),
        ("read-past-end", "lists 2 entries, but only the first 1 can be read (the next is damaged or encrypted)"),
    ])
    func hostileOrBrokenTemplatesAreRefused(name: String, message: String) {
        do {
            _ = try OrganisationStyles(file: Self.path(name), defaultStyles: TestSupport.installation.stylesFile)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(!error.missing)
        }
    }

    @Test func aMissingTemplateIsMissingInput() throws {
        do {
            _ = try Pipeline(installation: TestSupport.installation, styles: "/nonexistent/styles.ott")
            Issue.record("a missing styles file was accepted")
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.message == "/nonexistent/styles.ott: error: no such file")
        }
    }

    // MARK: Issue 13: a styles file brings styles and pictures, never content or structure.

    static func load(_ data: Data) throws(StylesError) -> OrganisationStyles {
        try OrganisationStyles(file: HostileStyles.write(data), defaultStyles: TestSupport.installation.stylesFile)
    }

    /// The generated packages of the fixture pathway with these styles.
    static func packages(_ data: Data) throws -> [(path: String, package: ODTPackageReader)] {
        let pipeline = try Pipeline(installation: TestSupport.installation, styles: HostileStyles.write(data))
        let file = TestSupport.fixture("two-roles.yaml")
        return try pipeline.outputs(for: pipeline.load(file), file: file).filter { $0.path.hasSuffix(".odt") }
            .map { ($0.path, try ODTPackageReader(data: $0.data)) }
    }

    @Test(arguments: ["content.xml", "META-INF/manifest.xml", "mimetype", "meta.xml", "styles.xml", "settings.xml",
                      "Pictures/org-chart.svg", "Pictures/ladder.svg", "Thumbnails/thumbnail.png", "Pictures/missing.png"])
    func aPictureLinkToAPartPeerpathWritesIsDroppedAndNeverCarried(href: String) throws {
        // The template holds an entry of that name, with a body that must never reach a document.
        let extra = ["styles.xml", "mimetype", "Pictures/missing.png"].contains(href) ? [] : [(href, HostileStyles.hostileContent)]
        let data = HostileStyles.linking(to: href, extra: extra)
        let styles = try Self.load(data)
        #expect(styles.pictures.isEmpty)
        #expect(styles.droppedLinks == [href])
        let text = String(decoding: styles.styles, as: UTF8.self)
        #expect(!text.contains("xlink:href"), "\(text)")
        #expect(!text.contains("draw:image"))
        for (path, package) in try Self.packages(data) {
            #expect(Set(package.entryNames).count == package.entryNames.count, "\(path): \(package.entryNames)")
            for name in package.entryNames where name != "mimetype" {
                #expect(!(try package.text(name)).contains("INJECTED BODY"), "\(path)/\(name)")
            }
        }
    }

    @Test(arguments: ["../x.png", "Pictures/../content.xml", "Pictures/./logo.png", "/etc/passwd", "http://attacker.invalid/t.png",
                      "https://attacker.invalid/t.png", "file:///etc/passwd", "FILE:/etc/passwd", "//attacker.invalid/share/x.png",
                      "Pictures/%2e%2e/content.xml", "Pictures\\logo.png", "vnd.sun.star.script:Standard.Module1.Main?language=Basic", ""])
    func aLinkOutsideThePackageIsDroppedAndReported(href: String) throws {
        let data = HostileStyles.linking(to: href, extra: [("Pictures/logo.png", HostileStyles.png), ("Pictures/x.png", HostileStyles.png)])
        let styles = try Self.load(data)
        #expect(styles.pictures.isEmpty)
        #expect(styles.droppedLinks == [href])
        #expect(!String(decoding: styles.styles, as: UTF8.self).contains("xlink:href"))
        let pipeline = try Pipeline(installation: TestSupport.installation, styles: HostileStyles.write(data))
        let note = try #require(pipeline.stylesReport.first { $0.contains("link") })
        #expect(note.contains(": note: dropped 1 link to something outside the package or not a picture in it: "), "\(note)")
        #expect(!note.contains("\n"))
    }

    @Test func everyKindOfExternalLinkIsDroppedAndTheStylesStayValid() throws {
        let fonts = #"<style:font-face style:name="Remote" svg:font-family="Remote"><svg:font-face-src><svg:font-face-uri xlink:href="http://attacker.invalid/font.ttf" xlink:type="simple"/></svg:font-face-src></style:font-face>"#
        let styles = #"<style:style style:name="Boxed" style:family="paragraph"><style:paragraph-properties><style:background-image xlink:href="file:///etc/passwd" xlink:type="simple" xlink:actuate="onLoad"/></style:paragraph-properties></style:style>"#
        let header = ##"Visit <text:a xlink:type="simple" xlink:href="http://attacker.invalid/">our site</text:a> or <text:a xlink:type="simple" xlink:href="#Top">the top</text:a>"##
            + HostileStyles.image("Pictures/logo.png")
        let data = HostileStyles.zip([("styles.xml", HostileStyles.styles(header: header, styles: styles, fonts: fonts)),
                                      ("Pictures/logo.png", HostileStyles.png)])
        let result = try Self.load(data)
        let text = String(decoding: result.styles, as: UTF8.self)
        #expect(result.droppedLinks == ["http://attacker.invalid/font.ttf", "file:///etc/passwd", "http://attacker.invalid/"])
        #expect(!text.contains("attacker") && !text.contains("file:") && !text.contains("svg:font-face-src"))
        // A hyperlink's text stays; links within the document and carried pictures stay.
        #expect(text.contains("Visit our site or <text:a xlink:type=\"simple\" xlink:href=\"#Top\">the top</text:a>"), "\(text)")
        #expect(text.contains("xlink:href=\"Pictures/logo.png\""))
        #expect(result.pictures.map(\.path) == ["Pictures/logo.png"])
        if let shared = TestSupport.shared {
            let schema = try RelaxNGSchema(path: shared + "/odf/OpenDocument-v1.3-schema.libxml2.rng")
            #expect(schema.problems(in: Data(result.styles), name: "styles.xml").isEmpty)
        }
    }

    @Test func duplicateEntryNamesAreRefused() {
        for (name, entry) in [("styles-duplicate-entry", "Pictures/logo.png"), ("styles-duplicate-styles", "styles.xml")] {
            let data = HostileStyles.corpus.first { $0.name == name }!.data
            do {
                _ = try Self.load(data)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.description.hasSuffix(": error: has two entries named '\(entry)'; a package names each entry once"), "\(error)")
            }
        }
    }

    @Test func theEntryCapCountsEveryEntryDuplicatesIncluded() {
        let data = HostileStyles.corpus.first { $0.name == "styles-too-many-entries" }!.data
        do {
            _ = try Self.load(data)
            Issue.record("1,002 entries were accepted")
        } catch {
            #expect(error.description.hasSuffix(": error: has 1002 entries; a styles template has at most 1000"), "\(error)")
        }
    }

    @Test func theTotalOfCarriedPicturesIsCapped() {
        let data = HostileStyles.corpus.first { $0.name == "styles-pictures-too-big" }!.data
        do {
            _ = try Self.load(data)
            Issue.record("4.5 MiB of pictures were accepted")
        } catch {
            #expect(error.description.hasSuffix(": error: its pictures unpack to more than 4 MiB in all ('Pictures/p3.png' passes it); every document carries them, so a template's pictures are at most 4 MiB"), "\(error)")
        }
    }

    @Test func eachCarriedPictureIsCapped() {
        let big = HostileStyles.png + Array(repeating: 0, count: 3 * HostileStyles.mebibyte)
        let data = HostileStyles.linking(to: "Pictures/big.png", extra: [("Pictures/big.png", big)])
        do {
            _ = try Self.load(data)
            Issue.record("a 3 MiB picture was accepted")
        } catch {
            #expect(error.description.hasSuffix(": error: 'Pictures/big.png' unpacks to more than 2 MiB; a picture is at most 2 MiB"), "\(error)")
        }
    }

    @Test(arguments: [("styles-backslash-entry", #"'Pictures\..\..\x.png', which is not a safe name (a backslash)"#),
                      ("styles-nul-entry", #"'Pictures/a\u{0}.png', which is not a safe name (a control character)"#),
                      ("styles-newline-entry", #"'Pictures/a\u{A}error: b.png', which is not a safe name (a control character)"#)])
    func unsafeEntryNamesAreRefusedOnOneLine(name: String, message: String) {
        let data = HostileStyles.corpus.first { $0.name == name }!.data
        do {
            _ = try Self.load(data)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.description.hasSuffix(": error: has an entry named \(message)"), "\(error.description)")
            #expect(!error.description.contains("\n") && !error.description.contains("\0"))
        }
    }

    @Test func manyPicturesAndManyLinksCostLinearTime() throws {
        // 900 pictures, each linked from the header, and 20,000 distinct links to drop: half to
        // pictures the file lacks, half to the web.
        let pictures = (1...900).map { ("Pictures/p\($0).png", HostileStyles.png) }
        let header = pictures.map { HostileStyles.image($0.0) }.joined()
            + (1...10_000).map { HostileStyles.image("Pictures/missing-\($0).png") }.joined()
            + (1...10_000).map { "<text:a xlink:type=\"simple\" xlink:href=\"http://attacker.invalid/\($0)\">x</text:a>" }.joined()
        let data = HostileStyles.zip([("styles.xml", HostileStyles.styles(header: header))] + pictures)
        let start = Date()
        let styles = try Self.load(data)
        let seconds = Date().timeIntervalSince(start)
        #expect(styles.pictures.count == 900)
        #expect(styles.droppedLinks.count == 20_000)
        #expect(seconds < 3, "took \(seconds) s")
    }

    static func svg(_ body: String) -> [UInt8] {
        Array(#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">"#.utf8)
            + Array(body.utf8) + Array("</svg>".utf8)
    }

    @Test(arguments: [#"<image href="http://attacker.invalid/t.png" width="1" height="1"/>"#,
                      #"<image xlink:href="file:///etc/passwd" width="1" height="1"/>"#,
                      #"<use xlink:href="other.svg#a"/>"#,
                      #"<style>@import url(http://attacker.invalid/a.css);</style>"#,
                      #"<style>rect { fill: url( 'http://attacker.invalid/p.svg#g' ) }</style>"#,
                      #"<rect width="1" height="1" style="fill:url(http://attacker.invalid/p.svg#g)"/>"#,
                      #"<rect width="1" height="1" fill="URL(file:///x)"/>"#,
                      #"<script>fetch('http://attacker.invalid/')</script>"#,
                      #"<foreignObject width="1" height="1"/>"#])
    func anSVGPictureThatRefersOutsideItselfIsNotCarried(body: String) throws {
        let data = HostileStyles.linking(to: "Pictures/logo.svg", extra: [("Pictures/logo.svg", Self.svg(body))])
        let styles = try Self.load(data)
        #expect(styles.pictures.isEmpty)
        #expect(styles.droppedLinks == ["Pictures/logo.svg"])
        #expect(!String(decoding: styles.styles, as: UTF8.self).contains("xlink:href"))
        for (path, package) in try Self.packages(data) {
            #expect(!package.entryNames.contains("Pictures/logo.svg"), "\(path)")
        }
    }

    @Test func aSelfContainedSVGPictureIsCarried() throws {
        let body = ##"<defs><linearGradient id="g"><stop offset="0" stop-color="#7c2855"/></linearGradient><rect id="a" width="5" height="5"/></defs>"##
            + ##"<rect width="10" height="10" fill="url(#g)" style="stroke: url( '#g' )"/><use xlink:href="#a"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>"##
        let data = HostileStyles.linking(to: "Pictures/logo.svg", extra: [("Pictures/logo.svg", Self.svg(body))])
        let styles = try Self.load(data)
        #expect(styles.pictures.map(\.path) == ["Pictures/logo.svg"])
        #expect(styles.pictures.first?.mediaType == "image/svg+xml")
        #expect(styles.droppedLinks.isEmpty)
    }

    @Test func theCorpusStylesFilesAreWhatTheHelperMakes() throws {
        for (name, data) in HostileStyles.corpus {
            let path = "\(CorpusCase.folder)/\(name).ott"
            if ProcessInfo.processInfo.environment["PEERPATH_WRITE_CORPUS"] != nil {
                _ = FileManager.default.createFile(atPath: path, contents: data)
            }
            #expect(FileManager.default.contents(atPath: path) == data, "\(name).ott differs; rerun with PEERPATH_WRITE_CORPUS=1")
            #expect(CorpusCase.all.contains { $0.file == "\(name).ott" && $0.command == "styles" }, "\(name).ott is not in cases.tsv")
        }
    }
}
