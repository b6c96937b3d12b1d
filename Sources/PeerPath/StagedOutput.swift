import Foundation

/// The files of a run, written so that a failure anywhere changes nothing: each file's bytes go to
/// a temporary file beside its target (`.name.<pid>.tmp`), and only when every file of the run is
/// staged are they all renamed into place. `discard()` removes the temporary files and the folders
/// the run made. Safe to use from several threads. A staged file costs a few dozen bytes (its
/// folder's number and its name), so a region's batch of a hundred thousand files stays small.
final class StagedOutput: @unchecked Sendable {
    private let lock = NSLock()
    /// Every folder written to, in the order first used; files refer to them by number.
    private var folders: [String] = []
    private var folderNumbers: [String: Int] = [:]
    private var staged: [(folder: Int, name: String)] = []
    private var madeFolders: [String] = []
    private let suffix = ".\(getpid()).tmp"

    /// Writes one file's bytes to its temporary file, making its folder if need be.
    func stage(_ data: Data, to path: String) throws(PeerPathError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let number = try folderNumber(folder)
        let temporary = temporaryPath(folder, name)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot write") }
        // The error number of a failed write, else of a failed close, else nil.
        var failed: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if close(descriptor) != 0, failed == nil { failed = errno }
        if let failed {
            unlink(temporary)
            throw PeerPathError(.io, "\(path): error: cannot write (\(String(cString: strerror(failed))))")
        }
        lock.withLock { staged.append((number, name)) }
    }

    /// Renames every staged file into place, in the order staged; returns how many.
    /// A rename that fails stops the commit and discards the files not yet in place.
    func commit() throws(PeerPathError) -> Int {
        let (files, folders) = lock.withLock { (staged, self.folders) }
        for (index, file) in files.enumerated() {
            let folder = folders[file.folder]
            let path = (folder as NSString).appendingPathComponent(file.name)
            guard rename(temporaryPath(folder, file.name), path) == 0 else {
                let error = Self.failure(path, "cannot put the file in place")
                for rest in files[index...] { unlink(temporaryPath(folders[rest.folder], rest.name)) }
                lock.withLock { staged = [] }
                throw error
            }
        }
        lock.withLock { staged = [] }
        return files.count
    }

    /// The paths of the files staged (or, after `commit()`, of none).
    var paths: [String] {
        lock.withLock { staged.map { (folders[$0.folder] as NSString).appendingPathComponent($0.name) } }
    }

    /// Removes every staged file and, deepest first, the folders this run made that are now empty.
    func discard() {
        lock.withLock {
            for file in staged { unlink(temporaryPath(folders[file.folder], file.name)) }
            staged = []
            for folder in madeFolders.reversed() { rmdir(folder) }
            madeFolders = []
        }
    }

    private func temporaryPath(_ folder: String, _ name: String) -> String {
        "\(folder)/.\(name)\(suffix)"
    }

    /// The number of a folder, made (with any missing parents) the first time it is used.
    private func folderNumber(_ folder: String) throws(PeerPathError) -> Int {
        if let known = lock.withLock({ folderNumbers[folder] }) { return known }
        try makeFolder(folder)
        return lock.withLock {
            if let known = folderNumbers[folder] { return known }
            folders.append(folder)
            folderNumbers[folder] = folders.count - 1
            return folders.count - 1
        }
    }

    /// Makes a folder and any missing parents, remembering which it made.
    private func makeFolder(_ folder: String) throws(PeerPathError) {
        if folder.isEmpty { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw PeerPathError(.io, "\(folder): error: cannot create the folder: a file is in the way")
            }
            return
        }
        try makeFolder((folder as NSString).deletingLastPathComponent)
        if mkdir(folder, 0o777) == 0 {
            lock.withLock { madeFolders.append(folder) }
        } else if errno != EEXIST {
            throw PeerPathError(.io, "\(folder): error: cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    private static func failure(_ path: String, _ what: String) -> PeerPathError {
        PeerPathError(.io, "\(path): error: \(what) (\(String(cString: strerror(errno))))")
    }
}
