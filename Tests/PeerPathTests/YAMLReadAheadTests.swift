import Foundation
import Testing
@testable import PeerPath
@testable import PeerPathLoading
import PeerPathModel

/// The pathway's YAML and its catalogue's, parsed while peerpath's data is read: the same pathway,
/// the same errors, and nothing read that the loader would refuse to read.
@Suite("Reading a pathway's YAML ahead")
struct YAMLReadAheadTests {
    /// What a pipeline makes of a file, as the evaluation and the checks report it.
    static func report(_ file: String, readingAhead: Bool, catalogue: String? = nil) -> String {
        TestSupport.reports(file) { () throws(PeerPathError) in
            let pipeline = try Pipeline(installation: TestSupport.installation, needs: .language, catalogue: catalogue,
                                        readingAhead: readingAhead ? file : nil)
            #expect((pipeline.preloaded != nil) == readingAhead)
            return pipeline
        }
    }

    @Test(arguments: TestSupport.shippedPathways)
    func aShippedPathwayGivesTheSameReports(file: String) {
        let ahead = Self.report(file, readingAhead: true)
        #expect(ahead.contains("Band"))
        #expect(ahead == Self.report(file, readingAhead: false))
    }

    @Test(arguments: ["clean", "exclusionary-requirement", "gender-coded"])
    func aFixtureWithTheCatalogueNamedOnTheCommandLineGivesTheSameReports(name: String) {
        let file = TestSupport.fixture("language/\(name).yaml")
        let catalogue = TestSupport.fixture("catalogue")
        #expect(Self.report(file, readingAhead: true, catalogue: catalogue) == Self.report(file, readingAhead: false, catalogue: catalogue))
    }

    @Test func thePathwayAndItsCatalogueAreReadAhead() throws {
        let file = try #require(TestSupport.shippedPathways.first)
        let ahead = YAMLReadAhead(pathway: file, catalogueFolder: nil)
        #expect(ahead.holds(file))
        let folder = try #require(CatalogueLoader.realPath(TestSupport.repository + "/pathways/catalogue"))
        for name in CatalogueLoader.fileNames {
            #expect(ahead.holds((folder as NSString).appendingPathComponent(name)), "\(name)")
        }
        let named = YAMLReadAhead(pathway: TestSupport.fixture("language/clean.yaml"), catalogueFolder: TestSupport.fixture("catalogue"))
        let fixtureFolder = try #require(CatalogueLoader.realPath(TestSupport.fixture("catalogue")))
        #expect(named.holds((fixtureFolder as NSString).appendingPathComponent("duties.yaml")))
    }

    /// A copy of a shipped pathway in a new folder, with its catalogue beside it, changed by `edit`.
    static func copy(catalogue: String = "catalogue", edit: (inout String, String) -> Void = { _, _ in }) throws -> String {
        let folder = TestSupport.temporaryFolder()
        let shipped = try #require(TestSupport.shippedPathways.first { $0.hasSuffix("nhs-adult-mental-health.yaml") })
        try FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways/catalogue", toPath: folder + "/catalogue")
        var text = TestSupport.read(shipped)
        edit(&text, folder)
        let file = folder + "/pathway.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aCatalogueOutsideThePathwaysFolderIsNotReadAheadAndIsRefusedAsBefore() throws {
        let outside = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways/catalogue", toPath: outside + "/catalogue")
        let file = try Self.copy { text, _ in
            text = text.replacingOccurrences(of: "catalogue: catalogue", with: "catalogue: \(outside)/catalogue")
        }
        let ahead = YAMLReadAhead(pathway: file, catalogueFolder: nil)
        #expect(ahead.holds(file))
        #expect(!ahead.holds(outside + "/catalogue/duties.yaml"))
        let report = Self.report(file, readingAhead: true)
        #expect(report.contains("is outside the pathway's folder"))
        #expect(report == Self.report(file, readingAhead: false))
    }

    @Test func brokenYAMLGivesTheSameErrorInThePathwayOrItsCatalogue() throws {
        let pathway = try Self.copy { text, _ in text = text.replacingOccurrences(of: "roles:", with: "roles:\n\t- bad") }
        let broken = Self.report(pathway, readingAhead: true)
        #expect(broken.hasPrefix("error 65: \(pathway):"))
        #expect(broken == Self.report(pathway, readingAhead: false))

        let catalogue = try Self.copy { _, folder in
            let duties = folder + "/catalogue/duties.yaml"
            try? (TestSupport.read(duties) + "\n  - id: [unclosed\n").write(toFile: duties, atomically: true, encoding: .utf8)
        }
        let brokenCatalogue = Self.report(catalogue, readingAhead: true)
        #expect(brokenCatalogue.hasPrefix("error 65: "))
        #expect(brokenCatalogue.contains("duties.yaml:"))
        #expect(brokenCatalogue == Self.report(catalogue, readingAhead: false))
    }

    @Test func aMissingFileGivesTheSameError() {
        let missing = TestSupport.temporaryFolder() + "/nothing.yaml"
        let report = Self.report(missing, readingAhead: true)
        #expect(report.hasPrefix("error 66: "))
        #expect(report == Self.report(missing, readingAhead: false))
    }

    /// A read-ahead made for one file is not used for another.
    @Test func aReadAheadIsUsedOnlyForItsOwnFile() throws {
        let files = TestSupport.shippedPathways
        try #require(files.count >= 2)
        let loader = try Pipeline(installation: TestSupport.installation, needs: []).loader
        let ahead = YAMLReadAhead(pathway: files[0], catalogueFolder: nil)
        let other = try loader.load(file: files[1], readAhead: ahead)
        #expect(other.id == (try loader.load(file: files[1])).id)
        #expect(other.id != (try loader.load(file: files[0], readAhead: ahead)).id)
    }
}
