import Foundation

/// Where peerpath's own data lives: the scheme data (`data/`), the document templates
/// (`templates/`) and the XML schema (`schemas/`). Found from `--share DIR`, else the
/// `PEERPATH_SHARE` environment variable, else the nearest folder above the executable that holds
/// all three (a built binary under `.build/` finds the checkout it was built from).
public struct Installation: Sendable {
    public static let version = "0.1.0"

    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var schemeFile: String { path("data/agenda-for-change.yaml") }
    public var domainsFile: String { path("data/competence-domains.yaml") }
    public var evidenceCuesFile: String { path("data/evidence-cues.yaml") }
    public var payScaleFile: String { path("data/pay-2025-26.yaml") }
    /// Employer on-costs and high cost area supplements of the same pay year.
    public var onCostsFile: String { path("data/on-costs-2025-26.yaml") }
    public var clausesFile: String { path("data/clauses.yaml") }
    public var wordingFolder: String { path("templates/banding") }
    /// peerpath's own national context, used when a pathway names none.
    public var nationalContextFile: String { path("templates/banding/national-context.yaml") }
    public var languageFolder: String { path("data/language") }
    public var templatesFolder: String { path("templates") }
    public var stylesFile: String { path("templates/odt/styles.xml") }
    public var schemaFile: String { path("schemas/peerpath.rng") }
    /// The catalogue that ships with peerpath, beside its pathways.
    public var catalogueFolder: String { path("pathways/catalogue") }

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    static func holdsShare(_ folder: String) -> Bool {
        ["data", "templates", "schemas"].allSatisfy {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// Finds the installation, or says where it looked.
    public static func locate(explicit: String?, executable: String) throws(PeerPathError) -> Installation {
        if let explicit {
            guard holdsShare(explicit) else {
                throw PeerPathError(.missingInput, "\(explicit): error: not a peerpath share folder (needs data/, templates/ and schemas/)")
            }
            return Installation(root: explicit)
        }
        // getenv and realpath: ProcessInfo's environment and URL's link resolution build far more
        // than the one variable and the one path a start-up needs.
        if let variable = getenv("PEERPATH_SHARE"), case let fromEnvironment = String(cString: variable), !fromEnvironment.isEmpty {
            return try locate(explicit: fromEnvironment, executable: executable)
        }
        var folder = (resolved(executable) as NSString).deletingLastPathComponent
        while !folder.isEmpty && folder != "/" {
            if holdsShare(folder) { return Installation(root: folder) }
            folder = (folder as NSString).deletingLastPathComponent
        }
        let here = FileManager.default.currentDirectoryPath
        if holdsShare(here) { return Installation(root: here) }
        throw PeerPathError(.missingInput, "peerpath: error: cannot find its data, templates and schemas; pass --share DIR or set PEERPATH_SHARE")
    }

    /// The executable's path with every link resolved, made absolute from the working folder when
    /// it is relative; as given when it cannot be resolved (a name found on PATH, say).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else {
            return path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        }
        defer { free(real) }
        return String(cString: real)
    }
}
