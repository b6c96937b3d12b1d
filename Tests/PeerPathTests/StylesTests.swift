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
}
