import Foundation
import FuzzDriver
import PeerPath
import PeerPathDocuments
import PeerPathFormats

// Fuzz target for the styles importer (`--styles`: zip reading, entry names, caps, styles.xml through
// libxml2, links and pictures). Built for libFuzzer by `make fuzz`; built normally, it replays inputs
// given as files. Any input must end in a located error, or in styles whose package is valid ODF with
// each entry named once and peerpath's own body — never a crash, a hang or a stray part.

let root = ProcessInfo.processInfo.environment["PEERPATH_SHARE"] ?? FileManager.default.currentDirectoryPath
let installation = Installation(root: root)
/// One document with a figure, to package with each accepted styles file.
let document: Document = {
    let pipeline = FuzzDriver.pipeline
    let file = (root as NSString).appendingPathComponent("Tests/PeerPathTests/Fixtures/two-roles.yaml")
    let documents = try! pipeline.documents(for: pipeline.assess(pipeline.load(file), file: file))
    return documents.first { $0.document.blocks.contains { if case .figure = $0 { true } else { false } } }!.document
}()
let validator = try! PackageValidator(projectSchema: RelaxNGSchema(path: installation.schemaFile), odfSchemas: nil)

func exercise(_ data: Data) {
    FuzzDriver.withInputFile(data, extension: "ott") { path in
        guard let styles = try? OrganisationStyles(file: path, defaultStyles: installation.stylesFile) else { return }
        let package: Data
        do {
            package = try ODTWriter(styles: styles, generator: "fuzz").package(document)
        } catch {
            fatalError("accepted styles could not be packaged: \(error)")
        }
        FuzzDriver.withInputFile(package, extension: "odt") { packagePath in
            let problems = validator.problems(in: packagePath)
            precondition(problems.isEmpty, "accepted styles gave an invalid package: \(problems)")
        }
    }
}

#if FUZZING
@_cdecl("FuzzStylesImporter_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.fuzz(argc, argv, exercise)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(exercise) }
}
#endif
