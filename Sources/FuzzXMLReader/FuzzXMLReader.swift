import Foundation
import FuzzDriver

// Fuzz target for the XML pathway reader (libxml2, schema validation, model). Built for libFuzzer by
// `make fuzz`; built normally, it replays inputs given as files. Any input must end in a pathway or a
// located error — never a crash, a hang or an expanded entity.

func exercise(_ data: Data) {
    FuzzDriver.withInputFile(data, extension: "xml") { path in
        let pipeline = FuzzDriver.pipeline
        if let pathway = try? pipeline.load(path) {
            _ = pipeline.assess(pathway, file: path)
        }
    }
}

#if FUZZING
@_cdecl("FuzzXMLReader_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.fuzz(argc, argv, exercise)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(exercise) }
}
#endif
