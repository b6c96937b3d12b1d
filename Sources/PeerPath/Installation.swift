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
        if let fromEnvironment = ProcessInfo.processInfo.environment["PEERPATH_SHARE"], !fromEnvironment.isEmpty {
            return try locate(explicit: fromEnvironment, executable: executable)
        }
        var folder = (URL(fileURLWithPath: executable).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
        while !folder.isEmpty && folder != "/" {
            if holdsShare(folder) { return Installation(root: folder) }
            folder = (folder as NSString).deletingLastPathComponent
        }
        let here = FileManager.default.currentDirectoryPath
        if holdsShare(here) { return Installation(root: here) }
        throw PeerPathError(.missingInput, "peerpath: error: cannot find its data, templates and schemas; pass --share DIR or set PEERPATH_SHARE")
    }
}
