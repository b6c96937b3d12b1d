import Foundation
import PeerPath
import PeerPathDocuments
import PeerPathModel

/// One pathway as the server holds it: the file it came from, its assessment (every role's
/// evaluation, sensitivity and findings, the same as `peerpath check` gives) and the catalogue it
/// uses. Built once when the server starts (and again only when a save replaces it); requests read
/// it and never open a file. Documents and their files are made the first time they are asked for,
/// then kept.
final class ServedPathway: Sendable {
    let file: String
    let assessment: Assessment
    /// The catalogue the pathway's `use:` items come from, for what-if additions and the duty search.
    let catalogue: Catalogue
    let catalogueFolder: String?
    /// What-if answers already given, by role and change.
    let answers = AnswerCache()
    private let documents = Cache<[String: [Document]]>()
    private let files = Cache<[String: Data]>()

    var id: String { assessment.pathway.id }
    var pathway: Pathway { assessment.pathway }

    init(file: String, assessment: Assessment, catalogue: Catalogue, catalogueFolder: String?) {
        self.file = file
        self.assessment = assessment
        self.catalogue = catalogue
        self.catalogueFolder = catalogueFolder
    }

    /// Each role's six documents by role id, in the order `generate` writes them.
    func documents(using pipeline: Pipeline) throws(PeerPathError) -> [String: [Document]] {
        try documents.value { () throws(PeerPathError) in
            var byRole: [String: [Document]] = [:]
            for (_, role, document) in try pipeline.documents(for: assessment) {
                guard let role else { continue }
                byRole[role.role.id, default: []].append(document)
            }
            return byRole
        }
    }

    /// Every file `generate` would write for the pathway (ODT, DOCX, XML and Markdown), by its path
    /// under the output folder ("pathway/role/job-description.odt"), made in memory.
    func outputs(using pipeline: Pipeline) throws(PeerPathError) -> [String: Data] {
        try files.value { () throws(PeerPathError) in
            Dictionary(try pipeline.outputs(for: assessment).map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

/// A value made once, on first use, by whichever request needs it first; later ones share it.
final class Cache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func value(_ make: () throws(PeerPathError) -> Value) throws(PeerPathError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = try make()
        stored = made
        return made
    }
}
