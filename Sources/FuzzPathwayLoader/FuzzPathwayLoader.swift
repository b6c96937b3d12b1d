import Foundation
import PeerPath

// Fuzz target for the pathway loader (YAML → model → assessment). Built for libFuzzer by
// `make fuzz` (-sanitize=fuzzer -D FUZZING); built normally, it replays inputs given as files.
// Any input must end in a Pathway or a located LoadError — never a crash or a hang.

let pipeline: Pipeline = {
    let root = ProcessInfo.processInfo.environment["PEERPATH_SHARE"] ?? FileManager.default.currentDirectoryPath
    return try! Pipeline(installation: Installation(root: root))
}()

/// Loads one input as a pathway file and, when it loads, assesses and composes it.
func exercise(_ data: Data) {
    let path = NSTemporaryDirectory() + "peerpath-fuzz-\(getpid()).yaml"
    FileManager.default.createFile(atPath: path, contents: data)
    defer { unlink(path) }
    if let pathway = try? pipeline.load(path) {
        let assessment = pipeline.assess(pathway, file: path)
        _ = try? pipeline.documents(for: assessment)
    }
}

#if FUZZING
/// libFuzzer's driver, run from the entry point SwiftPM gives this executable.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("FuzzPathwayLoader_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in
        exercise(bytes.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
#else
@main
struct Replay {
    static func main() {
        for file in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            exercise(data)
            print("ok \(file)")
        }
    }
}
#endif
