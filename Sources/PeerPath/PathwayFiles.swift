import Foundation

/// The pathway files a command line names: files as given, and for a folder every `.yaml` file
/// directly inside it whose top level has a `pathway:` key (the catalogue's files have none).
public enum PathwayFiles {
    public static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [argument]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            let found = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (argument as NSString).appendingPathComponent($0) }
                .filter(isPathway)
            // A folder with no pathway in it stays as given, so loading it says what is wrong.
            return found.isEmpty ? [argument] : found
        }
    }

    /// Whether a file starts a line with `pathway:` in its first 64 KiB.
    static func isPathway(_ file: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 64 * 1024)) ?? Data(), as: UTF8.self)
        return head.hasPrefix("pathway:") || head.contains("\npathway:") || head.hasPrefix("\u{FEFF}pathway:")
    }
}
