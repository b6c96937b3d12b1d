import Foundation
@testable import PeerPath
import PeerPathLoading
import PeerPathModel

/// Paths and shared, once-loaded objects the tests use.
enum TestSupport {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let installation = Installation(root: repository)
    static let fixtures = (repository as NSString).appendingPathComponent("Tests/PeerPathTests/Fixtures")
    static func fixture(_ name: String) -> String { (fixtures as NSString).appendingPathComponent(name) }

    /// `../shared` beside the checkout, when it is there.
    static let shared: String? = {
        let path = ((repository as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("odf")) ? path : nil
    }()

    static let scheme: Scheme = try! SchemeLoader.load(file: installation.schemeFile)

    /// What a pipeline makes of a file, as `evaluate` and `check` report it (every family), or its
    /// error: for comparing two ways of building the pipeline.
    static func reports(_ file: String, pipeline build: () throws(PeerPathError) -> Pipeline) -> String {
        do {
            let pipeline = try build()
            let assessment = pipeline.assess(try pipeline.load(file), file: file)
            return EvaluationReport(assessment: assessment, scheme: pipeline.scheme, roleID: nil).text()
                + CheckReport(assessment: assessment, families: [.evaluation, .evidence, .practice, .trace, .language]).text()
        } catch {
            return "error \(error.exitCode): \(error.message)"
        }
    }
    /// Every test that writes documents validates each XML file against the schema as it is written.
    static let pipeline: Pipeline = try! Pipeline(installation: installation, validating: true)
    /// The pipeline for the practice and language fixtures, which share `Fixtures/catalogue`
    /// (named as on the command line, since a pathway's own catalogue stays in its folder).
    /// The same catalogue, as the command line names it.
    static let fixtureCatalogue = ["--catalogue", fixture("catalogue")]
    static let fixturePipeline: Pipeline = try! Pipeline(installation: installation, catalogue: fixture("catalogue"), validating: true)

    static var shippedPathways: [String] {
        let folder = (repository as NSString).appendingPathComponent("pathways")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("peerpath-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes text to a new file in a new temporary folder and returns its path.
    static func write(_ text: String, named name: String = "pathway.yaml") -> String {
        let path = (temporaryFolder() as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}
