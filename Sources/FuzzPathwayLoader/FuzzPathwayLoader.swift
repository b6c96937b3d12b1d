import Foundation
import FuzzDriver

// Fuzz target for the pathway loader (YAML → model → assessment → documents). Built for libFuzzer
// by `make fuzz`; built normally, it replays inputs given as files. Any input must end in documents
// or a located error — never a crash or a hang.

func exercise(_ data: Data) {
    FuzzDriver.withInputFile(data, extension: "yaml") { path in
        let pipeline = FuzzDriver.pipeline
        if let pathway = try? pipeline.load(path) {
            _ = try? pipeline.documents(for: pipeline.assess(pathway, file: path))
        }
    }
}

#if FUZZING
@_cdecl("FuzzPathwayLoader_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.fuzz(argc, argv, exercise)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(exercise) }
}
#endif
