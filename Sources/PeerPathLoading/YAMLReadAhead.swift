import Foundation

/// A pathway file and its catalogue's files, parsed as YAML ahead of the loader (on another thread,
/// while a command reads peerpath's own data): the loader then takes each file's nodes from here
/// instead of parsing it itself. Only the YAML is read ahead, which needs nothing else; the model is
/// built by the loader as always. A file that failed to parse fails when the loader asks for it,
/// with the same message, so a read-ahead changes no result and no error, only when the work is done.
///
/// The catalogue folder is found as the loader finds it (named on the command line, else by the
/// pathway's `catalogue:` beside the pathway), and its files are read ahead only where the loader
/// would read them: a folder inside the pathway's own, files inside the folder. Anything the
/// loader asks for that was not read ahead is parsed then.
public struct YAMLReadAhead: @unchecked Sendable {
    /// The pathway file it was made for.
    public let file: String
    private let parsed: [String: Result<YAMLNode, LoadError>]

    public init(pathway file: String, catalogueFolder: String?) {
        self.file = file
        var parsed: [String: Result<YAMLNode, LoadError>] = [:]
        let pathway = Self.parse(file)
        parsed[file] = pathway
        if let folder = Self.catalogue(named: catalogueFolder, by: pathway, beside: file) {
            for name in CatalogueLoader.fileNames {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let target = CatalogueLoader.realPath(path), CatalogueLoader.contains(folder, target) else { continue }
                parsed[path] = Self.parse(path)
            }
        }
        self.parsed = parsed
    }

    /// The file's nodes: read ahead, or parsed now.
    func root(of file: String) throws(LoadError) -> YAMLNode {
        if let result = parsed[file] { return try result.get() }
        return try YAMLNode.parse(SourceText(contentsOf: file))
    }

    /// Whether the file was read ahead (for the tests).
    func holds(_ file: String) -> Bool { parsed[file] != nil }

    private static func parse(_ file: String) -> Result<YAMLNode, LoadError> {
        Result { () throws(LoadError) in try YAMLNode.parse(SourceText(contentsOf: file)) }
    }

    /// The resolved catalogue folder the loader will read, or nil when it will read none or refuse it.
    private static func catalogue(named folder: String?, by pathway: Result<YAMLNode, LoadError>, beside file: String) -> String? {
        if let folder {
            guard let real = CatalogueLoader.realPath(folder), CatalogueLoader.isFolder(real) else { return nil }
            return real
        }
        guard case .success(let root) = pathway, let node = root.value(forKey: "pathway")?.value(forKey: "catalogue"),
              let name = try? node.string() else { return nil }
        guard let real = CatalogueLoader.realPath(CatalogueLoader.path(of: name, beside: file)), CatalogueLoader.isFolder(real),
              CatalogueLoader.isInside(real, folderOf: file) else { return nil }
        return real
    }
}
