import Foundation
import ZIPFoundation

/// Checks files peerpath writes or reads: an `.xml` against the project schema, an `.odt` as an ODF
/// package (zip, `mimetype` first and stored with no extra field, a manifest that lists every part
/// with its media type and nothing else) and, given the ODF schemas, every part against them.
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

    public func problems(in file: String) -> [String] {
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

    private func packageProblems(_ data: Data, file: String) -> [String] {
        var problems: [String] = []
        func fail(_ message: String) { problems.append("\(file): error: \(message)") }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            return ["\(file): error: not a zip package"]
        }
        let entries = Array(archive)
        // The first local header: signature, then the method at 8, name length at 26, extra length at 28.
        if data.count < 30 || entries.first?.path != "mimetype" {
            fail("the first entry is not 'mimetype'")
        } else {
            let bytes = [UInt8](data.prefix(30))
            if bytes[8] != 0 || bytes[9] != 0 { fail("'mimetype' is compressed; it must be stored") }
            if bytes[28] != 0 || bytes[29] != 0 { fail("'mimetype' has an extra field") }
            let mimetype = String(decoding: (try? Self.read(entries[0], from: archive)) ?? Data(), as: UTF8.self)
            if !Self.textTypes.contains(mimetype) { fail("'mimetype' holds '\(mimetype)', not an ODF text document type") }
        }
        guard let manifestEntry = archive["META-INF/manifest.xml"], let manifestData = try? Self.read(manifestEntry, from: archive) else {
            fail("no META-INF/manifest.xml")
            return problems
        }
        let manifestName = "\(file)/META-INF/manifest.xml"
        guard let manifest = try? XMLTree(data: manifestData, name: manifestName) else {
            fail("META-INF/manifest.xml is not well-formed XML")
            return problems
        }
        if let manifestSchema { problems += manifestSchema.problems(in: manifest, name: manifestName).map(Self.asError) }
        let listed = ManifestEntries(tree: manifest)
        let parts = entries.filter { $0.type == .file && $0.path != "mimetype" && $0.path != "META-INF/manifest.xml" }.map(\.path)
        for part in parts where listed.types[part] == nil {
            fail("'\(part)' is in the package but not in the manifest")
        }
        for (path, _) in listed.types where path != "/" && !path.hasSuffix("/") && !parts.contains(path) {
            fail("the manifest lists '\(path)', which is not in the package")
        }
        if let root = listed.types["/"], !Self.textTypes.contains(root) { fail("the manifest's root entry has media type '\(root)'") }
        for part in ["content.xml", "styles.xml", "meta.xml"] where !parts.contains(part) { fail("no \(part)") }
        for part in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] where parts.contains(part) {
            guard let entry = archive[part], let bytes = try? Self.read(entry, from: archive) else { continue }
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

    static let maximumPartSize = 64 * 1024 * 1024

    static func read(_ entry: Entry, from archive: Archive) throws -> Data {
        var data = Data()
        _ = try archive.extract(entry) { chunk in
            data.append(chunk)
            if data.count > maximumPartSize { throw CocoaError(.fileReadTooLarge) }
        }
        return data
    }
}

/// The `full-path` → `media-type` pairs of a manifest.
struct ManifestEntries {
    var types: [String: String] = [:]

    init(tree: XMLTree) {
        guard let root = xmlDocGetRootElement(tree.document) else { return }
        for entry in XMLElement(root, file: "").children("file-entry") {
            if let path = Self.attribute(entry, "full-path") {
                types[path] = Self.attribute(entry, "media-type") ?? ""
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
