import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Staging folders (`.peerpath-stage-XXXXXX`) and their `owner` files: which run made one, whether
/// that run is still alive, and removing a folder tree without following any link.
enum StaleStaging {
    static let ownerFile = "owner"

    /// This process's owner record: `pid N`, `host NAME` and, where /proc tells it, `started T`
    /// (the process's start time in clock ticks after boot, which tells a reused pid apart).
    static func ownerText() -> String {
        var text = "pid \(getpid())\nhost \(hostName)\n"
        if let started = startTime(of: getpid()) { text += "started \(started)\n" }
        return text
    }

    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// Field 22 of /proc/PID/stat, when there is one.
    static func startTime(of pid: pid_t) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }

    /// Whether an owner record names a process of this host that no longer exists. A folder
    /// without a readable record, or made on another host sharing the drive, is left alone.
    static func isDead(owner text: String) -> Bool {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let pidText = fields["pid"], let pid = pid_t(pidText), pid > 0, fields["host"] == hostName else { return false }
        if kill(pid, 0) != 0 { return errno == ESRCH }
        // Alive: unless the pid now belongs to a later process.
        if let started = fields["started"], let now = startTime(of: pid) { return started != now }
        return false
    }

    /// Removes the staging folders under the folder `root` whose runs no longer exist.
    static func removeDead(in root: Int32) {
        for name in entries(of: root) where name.hasPrefix(StagedOutput.stagingPrefix) {
            let folder = openat(root, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { continue }
            let owner = readText(ownerFile, in: folder)
            var status = stat()
            let age = fstat(folder, &status) == 0 ? time(nil) - status.st_mtim.tv_sec : 0
            close(folder)
            // A run writes its owner file straight after making the folder: a folder still without
            // one a minute on is one whose run was killed in between.
            if owner.map({ isDead(owner: $0) }) ?? (age > 60) { removeTree(name, in: root, ownerLast: true) }
        }
    }

    /// A small file's text, opened without following a link.
    static func readText(_ name: String, in folder: Int32) -> String? {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    /// The names in a folder, but `.` and `..`.
    static func entries(of folder: Int32) -> [String] {
        var names: [String] = []
        forEachEntry(of: folder) { names.append($0) }
        return names
    }

    /// Calls `body` with each name in a folder but `.` and `..`, reading the folder as it goes.
    static func forEachEntry(of folder: Int32, _ body: (String) -> Void) {
        let descriptor = dup(folder)
        guard descriptor >= 0, let stream = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return
        }
        defer { closedir(stream) }
        rewinddir(stream)
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { body(name) }
        }
    }

    /// Removes the folder `name` in `parent` and everything in it, never following a link. Names
    /// are removed as the folder is read, so a staging folder of any size costs no memory. With
    /// `ownerLast`, the owner file goes last, so that a run killed while removing a staging folder
    /// leaves one the next run still knows to remove.
    static func removeTree(_ name: String, in parent: Int32, ownerLast: Bool = false) {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer {
            if ownerLast { unlinkat(folder, ownerFile, 0) }
            close(folder)
            unlinkat(parent, name, AT_REMOVEDIR)
        }
        // Read again while a pass removed something: entries removed while reading may hide others.
        for _ in 0..<8 {
            var removed = 0
            forEachEntry(of: folder) { entry in
                if ownerLast && entry == ownerFile { return }
                if unlinkat(folder, entry, 0) == 0 {
                    removed += 1
                } else if errno == EISDIR || errno == EPERM {
                    removeTree(entry, in: folder)
                    removed += 1
                }
            }
            if removed == 0 { break }
        }
    }
}
