import Foundation
import PeerPath

/// What the fuzz targets share: the pipeline they run inputs through, libFuzzer's driver for
/// fuzzing builds, and a replayer of input files for ordinary builds.
public enum FuzzDriver {
    /// The pipeline, from `$PEERPATH_SHARE` or the current folder.
    public static let pipeline: Pipeline = {
        let root = ProcessInfo.processInfo.environment["PEERPATH_SHARE"] ?? FileManager.default.currentDirectoryPath
        return try! Pipeline(installation: Installation(root: root))
    }()

    /// Writes an input to a temporary file with the extension given, runs `body` on its path, removes it.
    public static func withInputFile(_ data: Data, extension suffix: String, _ body: (String) -> Void) {
        let path = NSTemporaryDirectory() + "peerpath-fuzz-\(getpid()).\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: data)
        defer { unlink(path) }
        body(path)
    }

    /// Runs every file named on the command line through `exercise`.
    public static func replay(_ exercise: (Data) -> Void) {
        for file in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            exercise(data)
            print("ok \(file)")
        }
    }

    nonisolated(unsafe) static var target: ((Data) -> Void)?

    /// Hands control to libFuzzer, which calls `exercise` with each input it makes.
    public static func fuzz(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                            _ exercise: @escaping (Data) -> Void) -> CInt {
        target = exercise
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { bytes, size in
            FuzzDriver.target?(bytes.map { Data(bytes: $0, count: size) } ?? Data())
            return 0
        }
    }
}

#if FUZZING
/// libFuzzer's driver (from its no-main runtime, linked by `make fuzz`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    FileHandle.standardError.write(Data("this build has no fuzzer; build it with make fuzz-build\n".utf8))
    return 1
}
#endif
