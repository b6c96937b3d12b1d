import Foundation
import PeerPathModel

/// Reads a catalogue folder: `duties.yaml`, `criteria.yaml` and `requirements.yaml`, each optional.
///
/// A pathway's own `catalogue:` must stay inside the pathway's folder: a path that leaves it, through
/// `..` or a symbolic link, is refused (a catalogue elsewhere is named on the command line). Each
/// file is read only when it is a regular file inside the catalogue folder.
struct CatalogueLoader {
    let items: ItemReader
    /// Files parsed ahead (`YAMLReadAhead`), taken instead of parsing them here.
    var readAhead: YAMLReadAhead?

    init(items: ItemReader, readAhead: YAMLReadAhead? = nil) {
        self.items = items
        self.readAhead = readAhead
    }

    /// The files a catalogue folder may hold, in the order they are read.
    static let fileNames = ["duties.yaml", "criteria.yaml", "requirements.yaml"]

    /// The catalogue a pathway names, relative to the pathway file's folder.
    func load(folder: String, beside file: String, at node: YAMLNode) throws(LoadError) -> Catalogue {
        let path = Self.path(of: folder, beside: file)
        guard let real = Self.realPath(path), Self.isFolder(real) else {
            throw node.error("catalogue folder '\(folder)' not found beside the pathway (looked in \(Self.absolute(path)))")
        }
        guard Self.isInside(real, folderOf: file) else {
            throw node.error("catalogue folder '\(folder)' is outside the pathway's folder (it is \(real)); keep the catalogue in the pathway's folder, or name it with --catalogue")
        }
        return try load(folder: real)
    }

    /// The path of a catalogue folder a pathway names: relative to the pathway file's folder.
    static func path(of folder: String, beside file: String) -> String {
        let base = (file as NSString).deletingLastPathComponent
        return folder.hasPrefix("/") ? folder : ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(folder)
    }

    /// Whether a resolved folder is the pathway file's own folder or inside it.
    static func isInside(_ real: String, folderOf file: String) -> Bool {
        let base = (file as NSString).deletingLastPathComponent
        guard let home = realPath(base.isEmpty ? "." : base) else { return false }
        return contains(home, real)
    }

    /// A catalogue folder named on the command line (or already resolved).
    func load(folder: String) throws(LoadError) -> Catalogue {
        guard let real = Self.realPath(folder), Self.isFolder(real) else {
            throw LoadError(kind: .missingInput, file: folder, message: "catalogue folder not found (looked in \(Self.absolute(folder)))")
        }
        var catalogue = Catalogue()
        let path = { (name: String) throws(LoadError) -> String in
            let file = (real as NSString).appendingPathComponent(name)
            if let target = Self.realPath(file), !Self.contains(real, target) {
                throw LoadError(file: file, message: "is a link to \(target), outside the catalogue folder; put the file itself in the folder")
            }
            return file
        }
        if FileManager.default.fileExists(atPath: try path("duties.yaml")) {
            for node in try list(try path("duties.yaml"), key: "duties") {
                let (id, duty) = try items.catalogueDuty(node)
                guard catalogue.duties[id] == nil else { throw node.error("duty id '\(id)' is used twice in the catalogue") }
                catalogue.duties[id] = duty
                catalogue.dutyOrder.append(id)
            }
        }
        if FileManager.default.fileExists(atPath: try path("criteria.yaml")) {
            for node in try list(try path("criteria.yaml"), key: "criteria") {
                let (id, criterion) = try items.catalogueCriterion(node)
                guard catalogue.criteria[id] == nil else { throw node.error("criterion id '\(id)' is used twice in the catalogue") }
                catalogue.criteria[id] = criterion
                catalogue.criterionOrder.append(id)
            }
        }
        if FileManager.default.fileExists(atPath: try path("requirements.yaml")) {
            for node in try list(try path("requirements.yaml"), key: "requirements") {
                let entry = try node.mapping(keys: ["id", "kind", "text"])
                let id = try entry.required("id").identifier()
                guard catalogue.requirements[id] == nil else { throw node.error("requirement id '\(id)' is used twice in the catalogue") }
                catalogue.requirements[id] = Requirement(id: id, kind: try entry.required("kind").oneOf(Requirement.Kind.self),
                                                         text: try entry.required("text").string())
                catalogue.requirementOrder.append(id)
            }
        }
        return catalogue
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func absolute(_ path: String) -> String {
        ((path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)) as NSString).standardizingPath
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `inner` is `outer` or inside it (both resolved).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    private func list(_ file: String, key: String) throws(LoadError) -> [YAMLNode] {
        let root: YAMLNode
        if let readAhead {
            root = try readAhead.root(of: file)
        } else {
            root = try YAMLNode.parse(SourceText(contentsOf: file))
        }
        return try root.mapping(keys: [key]).required(key).sequence()
    }
}
