import Foundation

/// The files of a run, written so that a failure anywhere changes nothing: each file's bytes go to
/// a temporary file beside its target (`.name.<pid>.tmp`), and only when every file of the run is
/// staged are they all renamed into place. `discard()` removes the temporary files and the folders
/// the run made. Safe to use from several threads.
final class StagedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var staged: [(temporary: String, path: String)] = []
    private var targets: Set<String> = []
    private var knownFolders: Set<String> = []
    private var madeFolders: [String] = []

    /// Writes one file's bytes to its temporary file, making its folder if need be.
    func stage(_ data: Data, to path: String) throws(PeerPathError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        let fresh = lock.withLock { targets.insert(path).inserted }
        guard fresh else {
            throw PeerPathError(.badData, "\(path): error: two pathways of the batch write this file (the same pathway id twice?)")
        }
        try makeFolder(folder)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot write") }
        let complete = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        let closed = close(descriptor) == 0
        guard complete, closed else {
            unlink(temporary)
            throw PeerPathError(.io, "\(path): error: cannot write (\(complete ? String(cString: strerror(errno)) : reason))")
        }
        lock.withLock { staged.append((temporary, path)) }
    }

    /// Renames every staged file into place, in the order staged; returns the paths.
    /// A rename that fails stops the commit and discards the files not yet in place.
    func commit() throws(PeerPathError) -> [String] {
        let files = lock.withLock { staged }
        var written: [String] = []
        written.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            guard rename(file.temporary, file.path) == 0 else {
                let error = Self.failure(file.path, "cannot put the file in place")
                for rest in files[index...] { unlink(rest.temporary) }
                lock.withLock { staged = [] }
                throw error
            }
            written.append(file.path)
        }
        lock.withLock { staged = [] }
        return written
    }

    /// Removes every staged file and, deepest first, the folders this run made that are now empty.
    func discard() {
        lock.withLock {
            for file in staged { unlink(file.temporary) }
            staged = []
            for folder in madeFolders.reversed() { rmdir(folder) }
            madeFolders = []
        }
    }

    /// Makes a folder and any missing parents, remembering which it made.
    private func makeFolder(_ folder: String) throws(PeerPathError) {
        if folder.isEmpty || lock.withLock({ knownFolders.contains(folder) }) { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw PeerPathError(.io, "\(folder): error: cannot create the folder: a file is in the way")
            }
        } else {
            try makeFolder((folder as NSString).deletingLastPathComponent)
            if mkdir(folder, 0o777) == 0 {
                lock.withLock { madeFolders.append(folder) }
            } else if errno != EEXIST {
                throw PeerPathError(.io, "\(folder): error: cannot create the folder: \(String(cString: strerror(errno)))")
            }
        }
        lock.withLock { _ = knownFolders.insert(folder) }
    }

    private static func failure(_ path: String, _ what: String) -> PeerPathError {
        PeerPathError(.io, "\(path): error: \(what) (\(String(cString: strerror(errno))))")
    }
}
