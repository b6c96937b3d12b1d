import Foundation
import PeerPathModel

/// Generates many pathways on several cores. Each pathway is loaded, assessed and rendered on its
/// own (its model and files held in memory only while it is written), so memory stays flat however
/// long the batch, and each file goes to a private staging folder inside the output folder (see
/// `StagedOutput`). Only when every pathway has succeeded are the files put in place: bad input or
/// a write failure anywhere, even part-way through putting them in place, stops new work, removes
/// the staging folder and the folders the batch made, and leaves every existing file as it was;
/// the error is the first, in the order the files were given.
public struct Batch: Sendable {
    public let pipeline: Pipeline
    public let files: [String]
    public let folder: String
    public let jobs: Int

    public init(pipeline: Pipeline, files: [String], folder: String, jobs: Int) {
        self.pipeline = pipeline
        self.files = files
        self.folder = folder
        self.jobs = max(1, jobs)
    }

    /// What a batch did, for the closing summary.
    public struct Summary: Sendable {
        /// How many files were written.
        public var files = 0
        /// Their paths, when the batch was asked to list them (`run(listing:)`).
        public var written: [String] = []
        public var pathways = 0
        public var roles = 0
        public var errors = 0
        public var warnings = 0
        public var seconds = 0.0

        /// The closing line of `generate`: files, pathways, roles, findings and time, each count
        /// with its noun in the singular for one.
        public func line(folder: String) -> String {
            "peerpath: wrote \(files.counted("file")) for \(pathways.counted("pathway")) under \(folder)"
                + " (\(roles.counted("role")); findings: \(errors.counted("error")), \(warnings.counted("warning")); \(String(format: "%.2f", seconds)) s)"
        }
    }

    /// Where a batch has got to, for a progress line.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var current: String
        public var seconds: Double

        public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }
    }

    /// - Parameter listing: also return the path of every file written (a batch's worth of paths
    ///   is memory a region's batch does without).
    public func run(listing: Bool = false, progress: (@Sendable (Progress) -> Void)? = nil) throws(PeerPathError) -> Summary {
        let start = Date()
        let state = BatchState(total: files.count)
        let output = StagedOutput(root: folder)
        let pipeline = self.pipeline
        let pdfs = PDFConverter.Queue()
        defer { pdfs.remove() }
        let folder = self.folder
        let files = self.files
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(files.count, 1))) { _ in
            while let index = state.next() {
                let file = files[index]
                do throws(PeerPathError) {
                    let assessment = pipeline.assess(try pipeline.load(file), file: file)
                    try state.claim(assessment.pathway.id, index: index, file: file)
                    let earlier = try pipeline.since?.assessment(of: file, with: pipeline)
                    for file in try pipeline.outputs(for: assessment, since: earlier) {
                        if file.convert {
                            try pdfs.add(file.data, for: file.path)
                        } else {
                            try output.stage(file.data, to: file.path)
                        }
                    }
                    let done = state.finish(index, roles: assessment.pathway.roles.count,
                                            errors: assessment.findings.filter { $0.severity == .error }.count,
                                            warnings: assessment.findings.filter { $0.severity == .warning }.count)
                    progress?(Progress(done: done, total: files.count, current: file, seconds: Date().timeIntervalSince(start)))
                } catch {
                    state.fail(index, error)
                }
            }
        }
        if let error = state.firstError {
            output.discard()
            throw error
        }
        if let converter = pipeline.converter {
            // One LibreOffice process for the whole batch; its PDFs are staged with the other files.
            do throws(PeerPathError) {
                for pdf in try converter.convert(pdfs) {
                    try output.stage(pdf.data, to: pdf.path)
                }
            } catch {
                output.discard()
                throw error
            }
        }
        var summary = state.summary
        if listing { summary.written = output.paths }
        do {
            summary.files = try output.commit()
        } catch {
            output.discard()
            throw error
        }
        summary.pathways = files.count
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

/// The shared state of a running batch: the next pathway to take, the tallies, the first failure.
final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var failure: (index: Int, error: PeerPathError)?
    /// The file each pathway id came from: two pathways with one id would write the same files.
    private var owners: [String: (index: Int, file: String)] = [:]
    private(set) var summary = Batch.Summary()
    let total: Int

    init(total: Int) {
        self.total = total
    }

    /// Claims a pathway id for the file at `index`. Of two files with one id, the later in the
    /// order given fails, whichever got here first.
    func claim(_ id: String, index: Int, file: String) throws(PeerPathError) {
        func duplicate(_ later: String, _ earlier: String) -> PeerPathError {
            PeerPathError(.badData, "\(later): error: the pathway id '\(id)' is already the id of \(earlier) in this batch; both would write \(id)/")
        }
        let earlier = lock.withLock { () -> (index: Int, file: String)? in
            guard let owner = owners[id] else {
                owners[id] = (index, file)
                return nil
            }
            if owner.index < index { return owner }
            owners[id] = (index, file)
            let error = duplicate(owner.file, file)
            if failure == nil || owner.index < failure!.index { failure = (owner.index, error) }
            return nil
        }
        if let earlier { throw duplicate(file, earlier.file) }
    }

    func next() -> Int? {
        lock.withLock {
            guard failure == nil, nextIndex < total else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, roles: Int, errors: Int, warnings: Int) -> Int {
        lock.withLock {
            summary.roles += roles
            summary.errors += errors
            summary.warnings += warnings
            done += 1
            return done
        }
    }

    func fail(_ index: Int, _ error: PeerPathError) {
        lock.withLock {
            if failure == nil || index < failure!.index { failure = (index, error) }
        }
    }

    var firstError: PeerPathError? { lock.withLock { failure?.error } }
}
