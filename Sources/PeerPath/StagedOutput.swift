import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a run, written so that a failure or an interruption anywhere changes nothing, and
/// so that no link planted in the output folder can send a write elsewhere.
///
/// Each file's bytes go to a private staging folder made with a unique name inside the output
/// folder (`.peerpath-stage-XXXXXX`, mode 0700, holding an `owner` file with the run's process id
/// and host), as a file named by its number (`n17`), opened with `O_CREAT | O_EXCL | O_NOFOLLOW`.
/// Only when every file of the run is staged does `commit()` put them in place, one at a time: the
/// target's folders are opened component by component with `O_NOFOLLOW` (made if missing), the
/// existing target, if any, is kept aside as a hard link in the staging folder (`o17`), and the new
/// file is renamed over it. A symbolic link anywhere below the output folder (the output folder
/// itself may be one) is refused, never followed. If any step fails, every file already replaced
/// is put back, new files that had no predecessor are removed, and so are the folders the run
/// made; only after the whole commit has succeeded is the staging folder (and with it the old
/// files) deleted. `interrupt()` (SIGINT, SIGTERM: see `Interruption`) does the same rollback from
/// whatever point the run has reached. A run killed outright leaves its staging folder, which the
/// next run into the same folder removes once the owner's process no longer exists.
///
/// Safe to use from several threads. A staged file costs a few dozen bytes (its folder's number
/// and its name), so a region's batch of a hundred thousand files stays small.
final class StagedOutput: @unchecked Sendable {
    /// The prefix of every staging folder's name.
    static let stagingPrefix = ".peerpath-stage-"

    /// The output folder, as given.
    let root: String
    /// Guards everything below; `wait()`s for writes in flight when interrupted.
    private let condition = NSCondition()
    /// Every folder written to, relative to the root, in the order first used; files refer to them by number.
    private var folders: [String] = []
    private var folderNumbers: [String: Int] = [:]
    /// The staged files, in order; the staged file of entry `i` is named `n<i>`, its predecessor kept aside `o<i>`.
    private var staged: [(folder: Int, name: String)] = []
    private var state = State.empty
    /// Writes between taking a number and closing their file: an interruption waits for them.
    private var inFlight = 0
    /// The output folder, opened once the first file is staged.
    private var rootDescriptor: Int32 = -1
    /// The staging folder, opened, and its name in the root.
    private var stagingDescriptor: Int32 = -1
    private var stagingName = ""
    /// The output folder and its parents when this run made them, outermost first.
    private var madeRoot: [String] = []
    /// Folders under the root that the commit made, outermost first.
    private var madeFolders: [String] = []
    /// Why the staging folder could not be made, for every later file.
    private var stagingFailure: PeerPathError?
    /// Files put in place so far (entries `0..<committed`).
    private var committed = 0

    private enum State {
        /// Nothing staged yet: no staging folder.
        case empty
        case staging
        case committing
        /// Interrupted while staging: waiting for writes in flight.
        case stopping
        /// Every file is in place; only the staging folder is left to remove.
        case committed
        /// Rolled back, or never staged anything: nothing more to do.
        case finished
        /// Committed and cleaned up.
        case done
    }

    init(root: String) {
        self.root = root
        Interruption.register(self)
    }

    deinit {
        Interruption.unregister(self)
        if stagingDescriptor >= 0 { close(stagingDescriptor) }
        if rootDescriptor >= 0 { close(rootDescriptor) }
    }

    // MARK: Staging

    /// Writes one file's bytes to the staging folder. `path` is relative to the root, its parts
    /// separated by `/`; none may be empty, `.` or `..`.
    func stage(_ data: Data, to path: String) throws(PeerPathError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw PeerPathError(.io, "\(display(path)): error: not a plain path under the output folder")
        }
        let folder = parts.dropLast().joined(separator: "/")
        let (index, staging) = try begin(folder: folder, name: name)
        defer { end() }
        let descriptor = openat(staging, "n\(index)", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.failure(display(path), "cannot write") }
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
            throw PeerPathError(.io, "\(display(path)): error: cannot write (\(String(cString: strerror(failed))))")
        }
    }

    /// Takes the next file number (making the staging folder the first time), and counts a write in flight.
    private func begin(folder: String, name: String) throws(PeerPathError) -> (Int, Int32) {
        let known = condition.withLock { folderNumbers[folder] }
        if known == nil { try checkFolder(folder) }
        condition.lock()
        defer { condition.unlock() }
        switch state {
        case .empty:
            do throws(PeerPathError) {
                try openStaging()
            } catch {
                if state != .empty { stagingFailure = error }
                throw error
            }
        case .staging: break
        default: throw stagingFailure ?? PeerPathError(.io, "\(root): error: the run was interrupted")
        }
        let number: Int
        if let known = folderNumbers[folder] {
            number = known
        } else {
            folders.append(folder)
            number = folders.count - 1
            folderNumbers[folder] = number
        }
        staged.append((number, name))
        inFlight += 1
        return (staged.count - 1, stagingDescriptor)
    }

    private func end() {
        condition.withLock {
            inFlight -= 1
            if inFlight == 0 { condition.broadcast() }
        }
    }

    /// Refuses early, before anything is rendered, a folder below the root that is reached through
    /// a symbolic link or is a file; the commit checks again as it writes.
    private func checkFolder(_ folder: String) throws(PeerPathError) {
        guard !folder.isEmpty else { return }
        let start = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard start >= 0 else { return }  // made, or reported, when the staging folder is
        var current = start
        defer { close(current) }
        var walked = ""
        for part in folder.split(separator: "/").map(String.init) {
            walked = walked.isEmpty ? part : "\(walked)/\(part)"
            let next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                if errno == ENOENT { return }
                throw folderFailure(current, part, walked)
            }
            close(current)
            current = next
        }
    }

    /// Opens (making it and its parents if need be) the root, removes the staging folders of runs
    /// that no longer exist, and makes this run's. Called under the lock.
    private func openStaging() throws(PeerPathError) {
        if rootDescriptor >= 0 { close(rootDescriptor) }  // an earlier attempt's
        rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if rootDescriptor < 0 && (errno == ENOENT || errno == ENOTDIR) {
            try makeRoot(root)
            rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard rootDescriptor >= 0 else {
            throw PeerPathError(.io, "\(root): error: cannot open the output folder (\(String(cString: strerror(errno))))")
        }
        StaleStaging.removeDead(in: rootDescriptor)
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let name = Self.stagingPrefix + String((0..<6).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
            if mkdirat(rootDescriptor, name, 0o700) == 0 {
                stagingName = name
                break
            }
            guard errno == EEXIST else {
                let error = Self.failure(root, "cannot create a staging folder in the output folder")
                removeMadeRoot()
                throw error
            }
        }
        guard !stagingName.isEmpty else {
            throw PeerPathError(.io, "\(root): error: cannot create a staging folder with a unique name")
        }
        // Opened without following a link, and only if it is still the private folder just made.
        stagingDescriptor = openat(rootDescriptor, stagingName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        var status = stat()
        guard stagingDescriptor >= 0, fstat(stagingDescriptor, &status) == 0, status.st_uid == geteuid(),
              status.st_mode & 0o077 == 0 else {
            let error = PeerPathError(.io, "\(display(stagingName)): error: the staging folder was replaced while it was being made")
            if stagingDescriptor >= 0 { close(stagingDescriptor) }
            stagingDescriptor = -1
            state = .finished
            removeMadeRoot()
            throw error
        }
        state = .staging
        let owner = StaleStaging.ownerText()
        let descriptor = openat(stagingDescriptor, StaleStaging.ownerFile, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        let written = descriptor >= 0 && owner.withCString { write(descriptor, $0, strlen($0)) } == strlen(owner)
        if descriptor >= 0 { close(descriptor) }
        guard written else {
            let error = Self.failure(display("\(stagingName)/\(StaleStaging.ownerFile)"), "cannot write")
            cleanUp()
            throw error
        }
    }

    /// Makes the root and any missing parents (the path as given, links and all: it is the user's).
    private func makeRoot(_ folder: String) throws(PeerPathError) {
        if folder.isEmpty || folder == "/" { return }
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw PeerPathError(.io, "\(folder): error: cannot create the folder: a file is in the way")
            }
            return
        }
        try makeRoot((folder as NSString).deletingLastPathComponent)
        if mkdir(folder, 0o777) == 0 {
            madeRoot.append(folder)
        } else if errno != EEXIST {
            throw PeerPathError(.io, "\(folder): error: cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    // MARK: Commit

    /// Puts every staged file in place, in the order staged; returns how many. If any fails, every
    /// file already replaced is put back, and the error is thrown.
    func commit() throws(PeerPathError) -> Int {
        condition.lock()
        guard state == .staging else {
            let interrupted = state != .empty
            condition.unlock()
            if interrupted { throw PeerPathError(.io, "\(root): error: the run was interrupted") }
            return 0
        }
        state = .committing
        let count = staged.count
        condition.unlock()
        var cache = FolderCache()
        defer { cache.close() }
        for index in 0..<count {
            condition.lock()
            guard state == .committing else {
                // Interrupted: the handler rolls back and exits.
                condition.unlock()
                throw PeerPathError(.io, "\(root): error: the run was interrupted")
            }
            do throws(PeerPathError) {
                try place(index, cache: &cache)
                committed = index + 1
                condition.unlock()
            } catch {
                cache.close()
                rollBack(failing: index)
                condition.unlock()
                throw error
            }
        }
        condition.withLock {
            state = .committed
            cleanUp()
        }
        return count
    }

    /// Puts file `index` in place: keeps the existing target aside, then renames the new file over it.
    private func place(_ index: Int, cache: inout FolderCache) throws(PeerPathError) {
        let entry = staged[index]
        let folder = folders[entry.folder]
        let path = display(folder.isEmpty ? entry.name : "\(folder)/\(entry.name)")
        let directory = try cache.descriptor(entry.folder) { () throws(PeerPathError) -> Int32 in
            try openFolder(folder, making: true)
        }
        var status = stat()
        if fstatat(directory, entry.name, &status, AT_SYMLINK_NOFOLLOW) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK: throw PeerPathError(.io, "\(path): error: is a symbolic link; peerpath does not write through links")
            case S_IFDIR: throw PeerPathError(.io, "\(path): error: cannot put the file in place: a folder is in the way")
            default: throw PeerPathError(.io, "\(path): error: cannot put the file in place: it is not a regular file")
            }
            // A hard link keeps the old file while the target never stops existing; where links
            // are not supported, the old file is moved aside instead.
            if linkat(directory, entry.name, stagingDescriptor, "o\(index)", 0) != 0,
               renameat(directory, entry.name, stagingDescriptor, "o\(index)") != 0 {
                throw Self.failure(path, "cannot keep the existing file aside")
            }
        } else if errno != ENOENT {
            throw Self.failure(path, "cannot put the file in place")
        }
        guard renameat(stagingDescriptor, "n\(index)", directory, entry.name) == 0 else {
            throw Self.failure(path, "cannot put the file in place")
        }
    }

    /// Puts back every file replaced so far (and, for the entry whose step failed, its old file if
    /// it was moved aside), removes new files that had none before and the folders the run made,
    /// then the staging folder. Called under the lock.
    private func rollBack(failing: Int? = nil) {
        var cache = FolderCache()
        defer { cache.close() }
        func restore(_ index: Int, unlinkingNew: Bool) {
            let entry = staged[index]
            let folder = folders[entry.folder]
            guard let directory = try? cache.descriptor(entry.folder, open: { () throws(PeerPathError) -> Int32 in
                try openFolder(folder, making: false)
            }) else { return }
            if renameat(stagingDescriptor, "o\(index)", directory, entry.name) != 0, errno == ENOENT, unlinkingNew {
                unlinkat(directory, entry.name, 0)
            }
        }
        if let failing { restore(failing, unlinkingNew: false) }
        for index in (0..<committed).reversed() { restore(index, unlinkingNew: true) }
        committed = 0
        cache.close()
        for folder in madeFolders.reversed() {
            let parts = folder.split(separator: "/").map(String.init)
            let parent = parts.dropLast().joined(separator: "/")
            if let descriptor = try? openFolder(parent, making: false) {
                unlinkat(descriptor, parts.last!, AT_REMOVEDIR)
                close(descriptor)
            }
        }
        madeFolders = []
        cleanUp()
    }

    /// Removes the staging folder (and with it any old files kept aside) and, if nothing else is in
    /// it, the root when this run made it. Called under the lock.
    private func cleanUp() {
        if stagingDescriptor >= 0 {
            close(stagingDescriptor)
            stagingDescriptor = -1
            StaleStaging.removeTree(stagingName, in: rootDescriptor, ownerLast: true)
        }
        if state != .committed { removeMadeRoot() }
        madeRoot = []
        state = state == .committed ? .done : .finished
    }

    private func removeMadeRoot() {
        for folder in madeRoot.reversed() { rmdir(folder) }
        madeRoot = []
    }

    /// Opens a folder under the root one component at a time without following links, making the
    /// missing ones when asked (and remembering them). The caller closes the descriptor.
    private func openFolder(_ folder: String, making: Bool) throws(PeerPathError) -> Int32 {
        var current = dup(rootDescriptor)
        guard current >= 0 else { throw Self.failure(root, "cannot open the output folder") }
        var walked = ""
        for part in folder.split(separator: "/").map(String.init) {
            walked = walked.isEmpty ? part : "\(walked)/\(part)"
            var next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, making {
                if mkdirat(current, part, 0o777) == 0 {
                    madeFolders.append(walked)
                } else if errno != EEXIST {
                    let error = Self.failure(display(walked), "cannot create the folder")
                    close(current)
                    throw error
                }
                next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let error = folderFailure(current, part, walked)
                close(current)
                throw error
            }
            close(current)
            current = next
        }
        return current
    }

    /// Why `part` (at `walked` under the root) could not be opened as a folder.
    private func folderFailure(_ parent: Int32, _ part: String, _ walked: String) -> PeerPathError {
        let number = errno
        var status = stat()
        if fstatat(parent, part, &status, AT_SYMLINK_NOFOLLOW) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK {
                return PeerPathError(.io, "\(display(walked)): error: is a symbolic link; peerpath does not write through links")
            }
            if status.st_mode & S_IFMT != S_IFDIR {
                return PeerPathError(.io, "\(display(walked)): error: cannot create the folder: a file is in the way")
            }
        }
        return PeerPathError(.io, "\(display(walked)): error: cannot open the folder (\(String(cString: strerror(number))))")
    }

    // MARK: Abandoning

    /// The paths of the files staged (or, after `commit()`, of none).
    var paths: [String] {
        condition.withLock { staged.map { display(folders[$0.folder].isEmpty ? $0.name : "\(folders[$0.folder])/\($0.name)") } }
    }

    /// Removes the staging folder and the output folder if this run made it; existing files are
    /// untouched. After a failed `commit()` there is nothing left to do.
    func discard() {
        condition.withLock {
            guard state == .staging else { return }
            // Writes still in flight on other threads finish first.
            state = .stopping
            while inFlight > 0 { condition.wait() }
            cleanUp()
        }
    }

    /// For a signal: stops new writes, waits for those in flight, rolls back whatever was put in
    /// place and removes the staging folder. Holds the lock on return, so no other thread can go
    /// on writing before the process exits.
    func interrupt() -> Interruption.Outcome {
        condition.lock()
        switch state {
        case .empty, .finished:
            state = .finished
            return .nothingStaged
        case .staging, .stopping:
            state = .stopping
            while inFlight > 0 { condition.wait() }
            cleanUp()
            return .rolledBack
        case .committing:
            rollBack()
            return .rolledBack
        case .committed:
            cleanUp()
            return .written
        case .done:
            return .written
        }
    }

    // MARK: Helpers

    private func display(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    private static func failure(_ path: String, _ what: String) -> PeerPathError {
        PeerPathError(.io, "\(path): error: \(what) (\(String(cString: strerror(errno))))")
    }
}

/// One open folder at a time, by folder number: consecutive files mostly share a folder.
private struct FolderCache {
    var number = -1
    var descriptor: Int32 = -1

    mutating func descriptor(_ folder: Int, open: () throws(PeerPathError) -> Int32) throws(PeerPathError) -> Int32 {
        if folder == number { return descriptor }
        close()
        let opened = try open()
        number = folder
        descriptor = opened
        return opened
    }

    mutating func close() {
        if descriptor >= 0 { _ = unistd_close(descriptor) }
        number = -1
        descriptor = -1
    }
}

private func unistd_close(_ descriptor: Int32) -> Int32 { close(descriptor) }
