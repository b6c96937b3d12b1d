import Foundation
@testable import PeerPath
@testable import PeerPathFormats
import Testing
import ZIPFoundation

@Suite("Generated packages are ODF 1.3, complete and repeatable")
struct ODTPackageTests {
    /// Every output file of every shipped pathway and the fixture, built in memory.
    static let outputs: [OutputFile] = {
        let files = TestSupport.shippedPathways + [TestSupport.fixture("two-roles.yaml")]
        return files.flatMap { try! TestSupport.pipeline.outputs(for: TestSupport.pipeline.load($0), file: $0) }
    }()

    static var packages: [OutputFile] { outputs.filter { $0.path.hasSuffix(".odt") } }

    @Test func everyShippedRoleGetsBothFiles() throws {
        #expect(!TestSupport.shippedPathways.isEmpty)
        for file in TestSupport.shippedPathways {
            let pathway = try TestSupport.pipeline.load(file)
            for role in pathway.roles {
                for name in ["job-description.odt", "job-description.xml"] {
                    #expect(Self.outputs.contains { $0.path == "\(pathway.id)/\(role.id)/\(name)" })
                }
            }
        }
    }

    @Test func mimetypeIsFirstAndStored() throws {
        for output in Self.packages {
            let package = try ODTPackageReader(data: output.data)
            #expect(package.entryNames.first == "mimetype")
            let mimetype = try #require(package.entry("mimetype"))
            #expect(mimetype.isCompressed == false)
            #expect(try package.text("mimetype") == "application/vnd.oasis.opendocument.text")
            // The first local header holds no extra field: "mimetype" starts at byte 30, its bytes at 38.
            #expect(output.data[28] == 0 && output.data[29] == 0)
            #expect(String(decoding: output.data[38..<38 + 39], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        }
    }

    @Test func manifestListsEveryPartAndNothingElse() throws {
        for output in Self.packages {
            let package = try ODTPackageReader(data: output.data)
            let manifest = try package.text("META-INF/manifest.xml")
            let listed = manifest.split(separator: "manifest:full-path=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            let parts = package.entryNames.filter { $0 != "mimetype" && $0 != "META-INF/manifest.xml" }
            #expect(Set(listed) == Set(parts + ["/"]))
            #expect(Set(parts.filter { !$0.hasPrefix("Pictures/") }) == ["content.xml", "styles.xml", "meta.xml"])
            let content = try package.text("content.xml")
            for picture in parts where picture.hasPrefix("Pictures/") {
                #expect(content.contains("xlink:href=\"\(picture)\""))
                // Each figure's SVG, and its PNG fallback for readers that show no SVG.
                let type = picture.hasSuffix(".png") ? "image/png" : "image/svg+xml"
                #expect(manifest.contains("manifest:full-path=\"\(picture)\" manifest:media-type=\"\(type)\""))
            }
        }
    }

    @Test func metaCarriesTheTitle() throws {
        let output = try #require(Self.packages.first { $0.path == "two-roles/peer-worker/job-description.odt" })
        let meta = try ODTPackageReader(data: output.data).text("meta.xml")
        #expect(meta.contains("<dc:title>Job description: Peer Worker</dc:title>"))
        #expect(meta.contains("<meta:generator>peerpath/"))
    }

    @Test func specialCharactersSurviveIntoTheDocument() throws {
        let output = try #require(Self.packages.first { $0.path == "two-roles/peer-worker/job-description.odt" })
        let content = try ODTPackageReader(data: output.data).text("content.xml")
        #expect(content.contains("Test &amp; Sons &lt;Community&gt; &quot;Peer&quot; Trust 🌱"))
        #expect(content.contains("text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Job purpose</text:h>"))
        #expect(content.contains("<table:table-header-rows>"))
    }

    @Test func everyStyleNameUsedIsDefined() throws {
        for output in Self.packages {
            let package = try ODTPackageReader(data: output.data)
            let content = try package.text("content.xml")
            let styles = try package.text("styles.xml")
            let defined = Set((content + styles).split(separator: "style:name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            for attribute in ["text:style-name=\"", "table:style-name=\""] {
                let used = Set(content.split(separator: attribute).dropFirst().map { String($0.prefix { $0 != "\"" }) })
                #expect(used.subtracting(defined).isEmpty, "undefined styles in \(output.path): \(used.subtracting(defined))")
            }
        }
    }

    @Test(.enabled(if: TestSupport.shared != nil, "../shared/odf is absent, so the ODF 1.3 schemas cannot be used"))
    func everyPartIsValidAgainstTheODFSchemas() throws {
        let odf = (TestSupport.shared! as NSString).appendingPathComponent("odf")
        let schema = try RelaxNGSchema(path: (odf as NSString).appendingPathComponent("OpenDocument-v1.3-schema.libxml2.rng"))
        let manifestSchema = try RelaxNGSchema(path: (odf as NSString).appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng"))
        for output in Self.packages {
            let package = try ODTPackageReader(data: output.data)
            for part in ["content.xml", "styles.xml", "meta.xml"] {
                let problems = schema.problems(in: try package.bytes(part), name: "\(output.path)/\(part)")
                #expect(problems.isEmpty, "\(problems)")
            }
            let problems = manifestSchema.problems(in: try package.bytes("META-INF/manifest.xml"), name: output.path)
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func theODFSchemaCatchesAnInvalidPart() throws {
        guard let shared = TestSupport.shared else { return }
        let schema = try RelaxNGSchema(path: shared + "/odf/OpenDocument-v1.3-schema.libxml2.rng")
        let bad = #"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:body><office:text><office:nonsense/></office:text></office:body></office:document-content>"#
        #expect(!schema.problems(in: Data(bad.utf8), name: "bad.xml").isEmpty)
    }

    @Test func xmlExportsAreValidAgainstTheProjectSchema() throws {
        let schema = try RelaxNGSchema(path: TestSupport.installation.schemaFile)
        for output in Self.outputs where output.path.hasSuffix(".xml") {
            #expect(schema.problems(in: output.data, name: output.path).isEmpty)
        }
        let broken = Data(#"<job-description xmlns="urn:peerpath:xml:1"><pathway/></job-description>"#.utf8)
        #expect(!schema.problems(in: broken, name: "broken.xml").isEmpty)
    }

    @Test func xmlExportCarriesTheEvaluationWithEvidence() throws {
        let output = try #require(Self.outputs.first { $0.path == "two-roles/peer-worker/job-description.xml" })
        let text = String(decoding: output.data, as: UTF8.self)
        #expect(text.contains(#"<evaluation scheme="NHS Agenda for Change job evaluation scheme" points="145" band="1">"#))
        #expect(text.contains(#"<factor number="1" name="Communication and relationship skills" level="4" sub-level="a" points="32"><evidence duty="1.1"/></factor>"#))
        #expect(text.contains(#"<duty number="1.1"><text>Meet people one to one.</text><evidence factor="1" level="4" sub-level="a"/><evidence factor="6" level="2"/></duty>"#))
        #expect(text.contains("<organisation sector=\"voluntary-sector\">Test &amp; Sons &lt;Community&gt; &quot;Peer&quot; Trust 🌱</organisation>"))
    }

    @Test func aPackageNeverHoldsTwoEntriesWithOneName() {
        let part = { (path: String) in ODTPart(path: path, mediaType: "text/xml", bytes: Array("<x/>".utf8)) }
        for parts in [[part("content.xml"), part("styles.xml"), part("content.xml")], [part("mimetype")], [part("META-INF/manifest.xml")]] {
            #expect(throws: XMLWriteError.self) { try ODTPackage.zip(parts) }
        }
        #expect(throws: Never.self) { try ODTPackage.zip([part("content.xml"), part("styles.xml")]) }
    }

    @Test func everyPicturePeerpathWritesIsKeptFromStylesFiles() throws {
        // A styles file may not bring a picture named like one of these (ODTContent.ownPictures).
        for output in Self.packages {
            for name in try ODTPackageReader(data: output.data).entryNames where name.hasPrefix("Pictures/") {
                #expect(ODTContent.ownPictures.contains(name), "\(name) is not in ODTContent.ownPictures")
                #expect(!OrganisationStyles.isPictureName(name))
            }
        }
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let first = TestSupport.temporaryFolder()
        let second = TestSupport.temporaryFolder()
        let files = TestSupport.shippedPathways + [TestSupport.fixture("two-roles.yaml")]
        let written = try TestSupport.pipeline.generate(files, into: first)
        try TestSupport.pipeline.generate(files, into: second)
        #expect(!written.isEmpty)
        for path in written {
            let relative = String(path.dropFirst(first.count))
            let a = try #require(FileManager.default.contents(atPath: path))
            let b = try #require(FileManager.default.contents(atPath: second + relative))
            #expect(a == b, "\(relative) differs between runs")
        }
    }
}
