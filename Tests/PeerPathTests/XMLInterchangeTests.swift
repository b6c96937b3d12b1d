import Foundation
@testable import PeerPath
import PeerPathFormats
import PeerPathModel
import Testing
import ZIPFoundation

@Suite("XML others can build on: round trip, validation, hostile input")
struct XMLInterchangeTests {
    let pipeline = TestSupport.pipeline

    /// Writes a pathway's outputs into a new folder and returns it.
    func generate(_ file: String) throws -> String {
        let folder = TestSupport.temporaryFolder()
        try pipeline.generate([file], into: folder)
        return folder
    }

    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { !$0.hasSuffix("/") }.sorted()
    }

    @Test(arguments: TestSupport.shippedPathways)
    func documentsFromTheXMLExportAreByteIdenticalToThoseFromTheYAML(_ yaml: String) throws {
        let fromYAML = try generate(yaml)
        let id = try pipeline.load(yaml).id
        let fromXML = try generate("\(fromYAML)/\(id)/pathway.xml")
        let files = Self.files(under: fromYAML).filter { FileManager.default.fileExists(atPath: "\(fromYAML)/\($0)", isDirectory: nil) }
        #expect(files.count > 20)
        #expect(files == Self.files(under: fromXML))
        for file in files {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(fromYAML)/\(file)", isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            #expect(FileManager.default.contents(atPath: "\(fromYAML)/\(file)") == FileManager.default.contents(atPath: "\(fromXML)/\(file)"), "\(file) differs")
        }
    }

    @Test func theExportCarriesOverridesReasonsAndRanges() throws {
        let folder = try generate(TestSupport.fixture("findings.yaml"))
        let pathway = try pipeline.load("\(folder)/findings/pathway.xml")
        let original = try pipeline.load(TestSupport.fixture("findings.yaml"))
        let mismatch = try #require(pathway.role("mismatch"))
        #expect(mismatch.overrides.map(\.reason) == original.role("mismatch")!.overrides.map(\.reason))
        #expect(mismatch.overrides.map(\.level) == [LevelClaim(3), LevelClaim(2)])
        #expect(pathway.role("dropper")?.ladderReasons.first?.reason == "This role works indoors only.")
        #expect(mismatch.duties[0].evidence.map(\.level) == [LevelClaim(3, subLevel: "b"), LevelClaim(4), LevelClaim(low: 2, high: 3)])
        #expect(pipeline.scheme.evaluate(mismatch).points == 197)
    }

    static let hostile: [(String, String, String)] = [
        ("doctype", """
         <?xml version="1.0"?>
         <!DOCTYPE pathway-export>
         <pathway-export xmlns="urn:peerpath:xml:1"/>
         """, "a DOCTYPE is not allowed"),
        ("external-entity", """
         <?xml version="1.0"?>
         <!DOCTYPE p [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
         <pathway-export xmlns="urn:peerpath:xml:1">&secret;</pathway-export>
         """, "a DOCTYPE is not allowed"),
        ("entity-bomb", """
         <?xml version="1.0"?>
         <!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
         <pathway-export xmlns="urn:peerpath:xml:1">&c;&c;&c;</pathway-export>
         """, "a DOCTYPE is not allowed"),
        ("malformed", "<?xml version=\"1.0\"?>\n<pathway-export xmlns=\"urn:peerpath:xml:1\">\n<pathway>\n</pathway-export>\n", ":5: error: Premature end of data"),
        ("wrong-root", "<?xml version=\"1.0\"?>\n<job-description xmlns=\"urn:peerpath:xml:1\"/>\n", "error:"),
    ]

    @Test(arguments: hostile)
    func hostileOrBrokenXMLIsRefusedWithALocatedError(name: String, text: String, message: String) throws {
        let path = TestSupport.write(text, named: "\(name).xml")
        do {
            _ = try pipeline.load(path)
            Issue.record("\(name) loaded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message.hasPrefix(path + ":"), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.contains("root:"), "an entity was expanded")
        }
    }

    @Test func anUnknownRoleInTheXMLIsLocated() throws {
        let folder = try generate(TestSupport.fixture("two-roles.yaml"))
        let text = TestSupport.read("\(folder)/two-roles/pathway.xml").replacingOccurrences(of: "<reports-to role=\"lead\">", with: "<reports-to role=\"boss\">")
        let path = TestSupport.write(text, named: "pathway.xml")
        do {
            _ = try pipeline.load(path)
            Issue.record("an unknown role loaded")
        } catch {
            #expect(error.message.hasPrefix("\(path):2: error: 'reports-to' names 'boss'"), "\(error.message)")
        }
    }
}

@Suite("peerpath validate", .enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
struct ValidateCommandTests {
    @Test func generatedFilesAreValidIncludingAgainstTheODFSchemas() throws {
        let folder = TestSupport.temporaryFolder()
        try TestSupport.pipeline.generate([TestSupport.fixture("two-roles.yaml")], into: folder)
        let files = XMLInterchangeTests.files(under: folder).filter { $0.hasSuffix(".odt") || $0.hasSuffix(".xml") }.map { "\(folder)/\($0)" }
        var arguments = ["validate"] + files
        if let shared = TestSupport.shared { arguments += ["--odf-schemas", shared + "/odf"] }
        let run = try PeerPathProcess(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(files.count) valid, 0 invalid\n")
    }

    @Test func brokenFilesAreReportedOnePerLineAndExit1() throws {
        let folder = TestSupport.temporaryFolder()
        try TestSupport.pipeline.generate([TestSupport.fixture("two-roles.yaml")], into: folder)
        let good = "\(folder)/two-roles/lead/job-description.xml"
        let badXML = TestSupport.write(TestSupport.read(good).replacingOccurrences(of: "kind=\"peer-leader\"", with: "kind=\"boss\""), named: "bad.xml")
        // A package whose mimetype is compressed and which holds a part the manifest does not list.
        let badODT = TestSupport.temporaryFolder() + "/bad.odt"
        let source = try Archive(url: URL(fileURLWithPath: "\(folder)/two-roles/lead/job-description.odt"), accessMode: .read)
        let target = try Archive(url: URL(fileURLWithPath: badODT), accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { (position: Int64, size: Int) -> Data in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try target.addEntry(with: "extra.txt", type: .file, uncompressedSize: Int64(1), compressionMethod: .none) { (_: Int64, _: Int) -> Data in Data("x".utf8) }
        let run = try PeerPathProcess(["validate", good, badXML, badODT, "/nonexistent.xml"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(badXML):2: error: ") })
        #expect(lines.contains("\(badODT): error: 'mimetype' is compressed; it must be stored"))
        #expect(lines.contains("\(badODT): error: 'extra.txt' is in the package but not in the manifest"))
        #expect(lines.contains("/nonexistent.xml: error: no such file"))
        #expect(run.stdout == "1 valid, 3 invalid\n")
    }
}
