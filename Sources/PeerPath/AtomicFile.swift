import Foundation

/// Writes a file so that it is either wholly the new content or untouched: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws(PeerPathError) {
        let folder = (path as NSString).deletingLastPathComponent
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PeerPathError(.io, "\(folder): error: cannot create the folder: \(Self.reason(error))")
        }
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        guard manager.createFile(atPath: temporary, contents: data) else {
            throw PeerPathError(.io, "\(path): error: cannot write (\(String(cString: strerror(errno))))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PeerPathError(.io, "\(path): error: cannot put the file in place (\(reason))")
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
