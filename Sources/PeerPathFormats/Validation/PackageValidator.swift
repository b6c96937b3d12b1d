import Foundation
import ZIPFoundation

/// Checks files peerpath writes or reads: an `.xml` against the project schema, an `.odt` as an ODF
/// package (zip, `mimetype` first and stored with no extra field, a manifest that lists every part
/// with its media type and nothing else) and, given the ODF schemas, every part against them.
/// A package's entries must have safe names, each name once, and every entry must unpack with a
/// matching CRC-32 within the caps below: what cannot be checked makes the file invalid.
/// Problems come back as `file:line: error: message` lines (without a line where there is none).
public struct PackageValidator: Sendable {
    public let projectSchema: RelaxNGSchema
    public let odfSchema: RelaxNGSchema?
    public let manifestSchema: RelaxNGSchema?

    public init(projectSchema: RelaxNGSchema, odfSchemas folder: String?) throws(XMLReadError) {
        self.projectSchema = projectSchema
        if let folder {
            let libxml2 = (folder as NSString).appendingPathComponent("OpenDocument-v1.3-schema.libxml2.rng")
            let official = (folder as NSString).appendingPathComponent("OpenDocument-v1.3-schema.rng")
            odfSchema = try RelaxNGSchema(path: FileManager.default.fileExists(atPath: libxml2) ? libxml2 : official)
            manifestSchema = try RelaxNGSchema(path: (folder as NSString).appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng"))
        } else {
            odfSchema = nil
            manifestSchema = nil
        }
    }

    /// The largest file checked; a larger one is invalid without being read.
    public static let maximumFileSize = 64 * 1024 * 1024
    /// The most entries a package may have, every entry counted.
    public static let maximumEntries = 10_000
    /// The most one part may unpack to, and all parts together.
    public static let maximumPartSize = 32 * 1024 * 1024
    public static let maximumUnpackedSize = 256 * 1024 * 1024

    public func problems(in file: String) -> [String] {
        let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int
        if let size, size > Self.maximumFileSize {
            return ["\(file): error: is larger than \(Self.maximumFileSize / 1024 / 1024) MiB; peerpath validates files of at most that"]
        }
        guard let data = FileManager.default.contents(atPath: file) else { return ["\(file): error: no such file"] }
        switch (file as NSString).pathExtension.lowercased() {
        case "xml": return xmlProblems(data, file: file)
        case "odt", "ott": return packageProblems(data, file: file)
        default: return ["\(file): error: not a file peerpath validates (expected .xml or .odt)"]
        }
    }

    private func xmlProblems(_ data: Data, file: String) -> [String] {
        do {
            let tree = try XMLTree(data: data, name: file)
            return projectSchema.problems(in: tree, name: file).map(Self.asError)
        } catch {
            return [error.description]
        }
    }

    /// `name:line: message` as `name:line: error: message`.
    static func asError(_ problem: String) -> String {
        guard let range = problem.range(of: ": ") else { return "error: \(problem)" }
        return "\(problem[..<range.lowerBound]): error: \(problem[range.upperBound...])"
    }

    static let textTypes: Set<String> = ["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"]

    /// The problems of an ODF package. Every entry is unpacked (CRC-checked, capped) whether or
    /// not its content is checked further; an entry that cannot be is a problem, never skipped.
    /// Entries and manifest lines are matched through sets and dictionaries: linear in both.
    private func packageProblems(_ data: Data, file: String) -> [String] {
        var problems: [String] = []
        func fail(_ message: String) { problems.append("\(file): error: \(message)") }
        let declared = ZipInspection.declaredEntryCount(data)
        if let declared, declared > Self.maximumEntries {
            return ["\(file): error: has \(declared) entries; peerpath validates packages of at most \(Self.maximumEntries)"]
        }
        if let name = ZipInspection.unendingEntry(in: data, limit: Self.maximumPartSize) {
            return ["\(file): error: the entry '\(ZipInspection.shown(name))' has damaged compressed data (it does not end)"]
        }
        let archive: Archive
        do {
            // From the file, not from `data`: ZIPFoundation's in-memory reader traps on a read
            // past the end, which an entry's offset can ask for (found by FuzzStylesImporter).
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            return ["\(file): error: not a zip package"]
        }
        var entries: [Entry] = []
        var byName: [String: Entry] = [:]
        var reported: Set<String> = []
        for entry in archive {
            guard entries.count < Self.maximumEntries else {
                fail("has more than \(Self.maximumEntries) entries; peerpath validates packages of at most \(Self.maximumEntries)")
                return problems
            }
            entries.append(entry)
            let (shownName, unsafety) = ZipInspection.name(of: entry)
            let name = entry.path
            if let reason = unsafety {
                fail("an entry is named '\(ZipInspection.shown(shownName))', which is not a safe name (\(reason))")
            }
            if byName.updateValue(entry, forKey: name) != nil, reported.insert(name).inserted {
                fail("two entries are named '\(ZipInspection.shown(shownName))'")
            }
        }
        if let declared, entries.count < declared {
            fail("the central directory lists \(declared) entries, but only the first \(entries.count) can be read (the next is damaged or encrypted)")
        }
        // Every file entry unpacked; the parts checked as XML are kept.
        let kept: Set<String> = ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "settings.xml"]
        var contents: [String: Data] = [:]
        var unreadable: Set<String> = []
        var total = 0
        for entry in entries where entry.type == .file {
            let name = ZipInspection.shown(entry.path)
            do {
                let bytes = try Self.read(entry, from: archive, total: &total)
                if kept.contains(entry.path), contents[entry.path] == nil { contents[entry.path] = bytes }
            } catch ReadLimit.part {
                unreadable.insert(entry.path)
                fail("'\(name)' unpacks to more than \(Self.maximumPartSize / 1024 / 1024) MiB; peerpath checks parts of at most that")
            } catch ReadLimit.total {
                fail("its parts unpack to more than \(Self.maximumUnpackedSize / 1024 / 1024) MiB in all ('\(name)' passes it); peerpath checks at most that")
                return problems
            } catch {
                unreadable.insert(entry.path)
                fail("'\(name)' cannot be unpacked (\(error))")
            }
        }
        // The first local header: signature, then the method at 8, name length at 26, extra length at 28.
        if data.count < 30 || entries.first?.path != "mimetype" {
            fail("the first entry is not 'mimetype'")
        } else {
            let bytes = [UInt8](data.prefix(30))
            if bytes[8] != 0 || bytes[9] != 0 { fail("'mimetype' is compressed; it must be stored") }
            if bytes[28] != 0 || bytes[29] != 0 { fail("'mimetype' has an extra field") }
            if let mimetypeData = contents["mimetype"] {
                let mimetype = String(decoding: mimetypeData.prefix(200), as: UTF8.self)
                if !Self.textTypes.contains(mimetype) { fail("'mimetype' holds '\(ZipInspection.shown(mimetype))', not an ODF text document type") }
            }
        }
        guard let manifestData = contents["META-INF/manifest.xml"] else {
            if !unreadable.contains("META-INF/manifest.xml") { fail("no META-INF/manifest.xml") }
            return problems
        }
        let manifestName = "\(file)/META-INF/manifest.xml"
        guard let manifest = try? XMLTree(data: manifestData, name: manifestName) else {
            fail("META-INF/manifest.xml is not well-formed XML")
            return problems
        }
        if let manifestSchema { problems += manifestSchema.problems(in: manifest, name: manifestName).map(Self.asError) }
        let listed = ManifestEntries(tree: manifest)
        for path in listed.duplicates { fail("the manifest lists '\(ZipInspection.shown(path))' more than once") }
        let parts = entries.filter { $0.type == .file && $0.path != "mimetype" && $0.path != "META-INF/manifest.xml" }.map(\.path)
        let partSet = Set(parts)
        for part in parts where listed.types[part] == nil {
            fail("'\(ZipInspection.shown(part))' is in the package but not in the manifest")
        }
        for path in listed.paths where path != "/" && !path.hasSuffix("/") && !partSet.contains(path) {
            fail("the manifest lists '\(ZipInspection.shown(path))', which is not in the package")
        }
        if let root = listed.types["/"], !Self.textTypes.contains(root) { fail("the manifest's root entry has media type '\(ZipInspection.shown(root))'") }
        for part in ["content.xml", "styles.xml", "meta.xml"] where !partSet.contains(part) { fail("no \(part)") }
        for part in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            // Absent, or unreadable and so already a problem.
            guard let bytes = contents[part] else { continue }
            let name = "\(file)/\(part)"
            do {
                let tree = try XMLTree(data: bytes, name: name)
                if let odfSchema { problems += odfSchema.problems(in: tree, name: name).map(Self.asError) }
            } catch {
                problems.append(error.description)
            }
        }
        return problems
    }

    enum ReadLimit: Error {
        case part, total
    }

    /// Unpacks an entry, checking its CRC-32, stopping past the part cap or the package's.
    static func read(_ entry: Entry, from archive: Archive, total: inout Int) throws -> Data {
        var data = Data()
        var unpacked = total
        defer { total = unpacked }
        try ZipInspection.extract(entry, from: archive) { chunk in
            data.append(chunk)
            unpacked += chunk.count
            if data.count > maximumPartSize { throw ReadLimit.part }
            if unpacked > maximumUnpackedSize { throw ReadLimit.total }
        }
        return data
    }
}

/// The `full-path` → `media-type` pairs of a manifest.
struct ManifestEntries {
    var types: [String: String] = [:]
    /// The paths in the order listed, each once.
    var paths: [String] = []
    /// Paths listed more than once, each once.
    var duplicates: [String] = []

    init(tree: XMLTree) {
        guard let root = xmlDocGetRootElement(tree.document) else { return }
        var repeated: Set<String> = []
        for entry in XMLElement(root, file: "").children("file-entry") {
            if let path = Self.attribute(entry, "full-path") {
                if types[path] == nil {
                    types[path] = Self.attribute(entry, "media-type") ?? ""
                    paths.append(path)
                } else if repeated.insert(path).inserted {
                    duplicates.append(path)
                }
            }
        }
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        guard let value = xmlGetNsProp(element.node, name, "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0") else { return nil }
        defer { peerpath_xmlFree(value) }
        return String(cString: value)
    }
}

import CLibXML2
