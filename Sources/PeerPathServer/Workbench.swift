import Foundation
import PeerPath
import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading
import PeerPathModel

/// Everything the server serves, read when it starts: peerpath's data (scheme, level wording, pay
/// scale), the pathways named on the command line, the session token and the assets. Requests look
/// pathways and roles up here by id; no request names a file.
public final class Workbench: @unchecked Sendable {
    public let pipeline: Pipeline
    public let installation: Installation
    public let wording: Wording
    public let payScale: PayScale
    public let domains: [CompetenceDomain]
    /// The value every POST must carry (header `X-PeerPath-Token` or form field `token`).
    public let token: String
    /// Where the server may write besides the pathway files (`--out`); nil when none was given.
    public let outputFolder: String?
    let assets: Assets
    private let lock = NSLock()
    private var served: [String: ServedPathway]
    /// The pathway ids in the order they were named.
    public let order: [String]
    /// `--catalogue`, for every pathway instead of its own.
    let catalogueOption: String?

    /// Loads every pathway file; the first that cannot be loaded stops the start (its located
    /// message and exit code are the command line's).
    public init(files: [String], installation: Installation, catalogue: String? = nil, token: String? = nil,
                outputFolder: String? = nil) throws(PeerPathError) {
        self.installation = installation
        pipeline = try Pipeline(installation: installation, needs: .all, catalogue: catalogue, formats: [.odt, .docx, .xml, .md])
        do {
            wording = try WordingLoader.load(folder: installation.wordingFolder, scheme: pipeline.scheme)
            payScale = try PayScaleLoader.load(file: installation.payScaleFile)
            domains = try DomainLoader.load(file: installation.domainsFile)
        } catch {
            throw PeerPathError(.software, error.description)
        }
        assets = try Assets(folder: installation.templatesFolder + "/serve")
        self.token = token ?? Self.randomToken()
        self.outputFolder = outputFolder
        catalogueOption = catalogue
        var served: [String: ServedPathway] = [:]
        var order: [String] = []
        for file in files {
            let pathway = try Self.load(file, pipeline: pipeline, domains: domains, catalogue: catalogue)
            if let other = served[pathway.id] {
                throw PeerPathError(.badData, "\(file): error: pathway id '\(pathway.id)' is also the id of \(other.file); serve each id once")
            }
            served[pathway.id] = pathway
            order.append(pathway.id)
        }
        self.served = served
        self.order = order
    }

    /// Reads a pathway file as the server holds it: loaded, assessed, with its catalogue. A save
    /// (serve-edit) calls this on the file it wrote, then `replace`s the pathway.
    func load(_ file: String) throws(PeerPathError) -> ServedPathway {
        try Self.load(file, pipeline: pipeline, domains: domains, catalogue: catalogueOption)
    }

    private static func load(_ file: String, pipeline: Pipeline, domains: [CompetenceDomain], catalogue: String?) throws(PeerPathError) -> ServedPathway {
        let pathway = try pipeline.load(file)
        let loader = PathwayLoader(scheme: pipeline.scheme, domains: domains, catalogueFolder: catalogue)
        let found: (folder: String, catalogue: Catalogue)?
        do throws(LoadError) {
            if let catalogue {
                found = (catalogue, try loader.loadCatalogue(folder: catalogue))
            } else if file.lowercased().hasSuffix(".xml") {
                found = nil
            } else {
                found = try loader.catalogue(namedBy: file)
            }
        } catch {
            throw PeerPathError(error.kind == .missingInput ? .missingInput : .badData, error.description)
        }
        return ServedPathway(file: file, assessment: pipeline.assess(pathway, file: file),
                             catalogue: found?.catalogue ?? .empty, catalogueFolder: found?.folder)
    }

    /// The pathway served under this id, or nil: ids are looked up, never used as paths.
    func pathway(_ id: String) -> ServedPathway? {
        lock.withLock { served[id] }
    }

    var pathways: [ServedPathway] {
        lock.withLock { order.compactMap { served[$0] } }
    }

    /// Puts a re-loaded pathway in place of the one with its id (after a save).
    func replace(_ pathway: ServedPathway) {
        lock.withLock { served[pathway.id] = pathway }
    }

    /// A new session token: 128 random bits as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
