import Foundation

/// Reads an input file whole, up to a limit, only when it is a regular file. It is opened without
/// waiting (an ordinary open of a FIFO blocks until a writer comes) and checked before a byte is
/// read, so a device, pipe or socket named as input is refused at once. Shared by the YAML and XML
/// readers, so both refuse the same things with the same words.
public enum RegularFile {
    public enum Failure: Error, Sendable {
        /// Not there (or a path through something that is not a folder).
        case missing
        /// A folder, not a file.
        case folder
        /// A device, pipe or socket.
        case notRegular
        /// Larger than the limit.
        case tooLarge
        /// Could not be opened or read; the system's reason.
        case unreadable(String)

        /// What to say after the file's name.
        public var message: String {
            switch self {
            case .missing: "no such file"
            case .folder: "is a folder, not a file"
            case .notRegular: "is not a regular file (a device, pipe or socket); give a file"
            case .tooLarge: "is too large"
            case .unreadable(let reason): "cannot be read (\(reason))"
            }
        }
    }

    /// The file's bytes; at most `limit` of them, else `.tooLarge`.
    public static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { throw .missing }
            throw .unreadable(String(cString: strerror(reason)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        default: throw .notRegular
        }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        guard data.count <= limit else { throw .tooLarge }
        return data
    }
}
