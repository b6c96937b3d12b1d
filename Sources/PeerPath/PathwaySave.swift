import Foundation
import PeerPathLoading
import PeerPathModel

/// Saves edits to a pathway file, losing nothing: the edits are written into the file's own text
/// (only the edited lines change), the new text is loaded as the command line would load it and
/// must give exactly the intended model, and only then does it replace the file — staged in the
/// file's folder and renamed over it (`StagedOutput`). A save made from a page that loaded an
/// older version of the file is refused with the difference.
public struct PathwaySave: Sendable {
    public let loader: PathwayLoader

    public init(loader: PathwayLoader) {
        self.loader = loader
    }

    public init(pipeline: Pipeline) {
        self.loader = pipeline.loader
    }

    /// Why a save was refused. The file is untouched in every case.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        /// The file on disk is not the version the page loaded: the difference from the version the
        /// page loaded (when known) to the one on disk, and the digest of the one on disk.
        case changedOnDisk(difference: String, digest: String)
        /// The edited text does not load: the loader's message, and the form field whose edit wrote
        /// the line it points at.
        case invalid(LoadError, field: String?)
        /// The edited text loads, but not as the edits intended (a fault of the editor, refused
        /// rather than saved): the values that differ.
        case notAsIntended([String])
        /// The file could not be read or written.
        case io(String)

        public var description: String {
            switch self {
            case .changedOnDisk(let difference, _):
                "the file has changed on disk since the page loaded it; nothing was saved. Reload the page to edit the file as it is now.\n\(difference)"
            case .invalid(let error, _): error.description
            case .notAsIntended(let differences):
                "the edited file would not load as intended, so it was not saved:\n" + differences.joined(separator: "\n")
            case .io(let message): message
            }
        }
    }

    /// What was saved.
    public struct Saved: Sendable {
        public let text: String
        public let digest: String
        public let pathway: Pathway
    }

    /// The file's text and its digest, as a page loads it.
    public static func read(_ file: String) throws(Refusal) -> (text: String, digest: String) {
        let data: Data
        do {
            data = try RegularFile.read(file, limit: 8 * 1024 * 1024)
        } catch {
            throw .io("\(file): error: \(error.message)")
        }
        return (String(decoding: data, as: UTF8.self), ContentDigest.sha256(data))
    }

    /// Applies the edits to the file and saves it, when the file is still the version whose digest
    /// the page carries (`loaded`; `loadedText` is that version's text, for the difference shown).
    public func save(_ edits: [PathwayEdit], to file: String, loaded digest: String, loadedText: String? = nil) throws(Refusal) -> Saved {
        try save(edits, to: file, loaded: digest, loadedText: loadedText, rewrite: { $0 })
    }

    /// `rewrite` stands between the editor and the check, for the tests that show a faulty edit is
    /// refused.
    func save(_ edits: [PathwayEdit], to file: String, loaded digest: String, loadedText: String?,
              rewrite: (String) -> String) throws(Refusal) -> Saved {
        let current = try Self.read(file)
        guard current.digest == digest else {
            let difference = loadedText.map { LineDifference.unified(old: $0, new: current.text) } ?? ""
            throw .changedOnDisk(difference: difference, digest: current.digest)
        }
        let model: Pathway
        let catalogue: Catalogue
        do {
            model = try loader.load(text: current.text, file: file)
            catalogue = try loader.catalogue(for: file)
        } catch {
            throw .invalid(error, field: nil)
        }
        let edited: PathwaySourceEditor.Result
        do {
            edited = try PathwaySourceEditor(catalogue: catalogue).apply(edits, to: current.text, model: model, file: file)
        } catch {
            throw .invalid(error, field: edits.count == 1 ? edits[0].field : nil)
        }
        let text = rewrite(edited.text)
        let loadedAgain: Pathway
        do {
            loadedAgain = try loader.load(text: text, file: file)
        } catch {
            throw .invalid(error, field: error.line.flatMap { edited.field(atLine: $0) })
        }
        guard let expected = edited.expected else {
            throw .notAsIntended(["the edits' values do not make a pathway, yet the file loads"])
        }
        let differences = ModelDifference.between(expected: expected, found: loadedAgain)
        guard differences.isEmpty else { throw .notAsIntended(differences) }
        try replace(file, with: text, expecting: digest, loadedText: loadedText)
        return Saved(text: text, digest: ContentDigest.sha256(text), pathway: loadedAgain)
    }

    /// Stages the new text in the file's folder and renames it over the file, after checking once
    /// more that the file is still the version the page loaded.
    private func replace(_ file: String, with text: String, expecting digest: String, loadedText: String?) throws(Refusal) {
        // Write where the file really is: a link to it stays a link.
        let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let output = StagedOutput(root: folder.isEmpty ? "." : folder)
        do {
            try output.stage(Data(text.utf8), to: name)
            let current = try Self.read(file)
            guard current.digest == digest else {
                output.discard()
                throw Refusal.changedOnDisk(difference: loadedText.map { LineDifference.unified(old: $0, new: current.text) } ?? "",
                                            digest: current.digest)
            }
            _ = try output.commit()
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            output.discard()
            throw .io(String(describing: error))
        }
    }
}
