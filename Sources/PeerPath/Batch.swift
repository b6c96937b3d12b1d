import Foundation
import PeerPathModel

/// Generates many pathways on several cores. Every pathway is loaded first, so bad input stops the
/// batch before anything is written; then each pathway is loaded again, rendered and written on its
/// own (its model and files held in memory only while it is written), so memory stays flat however
/// long the batch. A batch of up to `keptInMemory` pathways keeps the first load instead.
/// A failure part-way stops new work: files already written are complete (each is renamed into
/// place whole), the failing file is absent, and the error carries its exit code.
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
        public var written: [String] = []
        public var pathways = 0
        public var roles = 0
        public var errors = 0
        public var warnings = 0
        public var seconds = 0.0
    }

    /// Where a batch has got to, for a progress line.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var current: String
        public var seconds: Double

        public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }
    }

    /// Batches this small keep their loaded pathways rather than loading them twice.
    public static let keptInMemory = 1

    public func run(progress: (@Sendable (Progress) -> Void)? = nil) throws(PeerPathError) -> Summary {
        let start = Date()
        let loaded = try loadAll(keeping: files.count <= Self.keptInMemory)
        let state = BatchState(total: files.count)
        let pipeline = self.pipeline
        let folder = self.folder
        let files = self.files
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(files.count, 1))) { _ in
            while let index = state.next() {
                let file = files[index]
                do throws(PeerPathError) {
                    let pathway: Pathway
                    if let kept = loaded[index] { pathway = kept } else { pathway = try pipeline.load(file) }
                    let assessment = pipeline.assess(pathway, file: file)
                    var written: [String] = []
                    for output in try pipeline.outputs(for: assessment) {
                        let path = (folder as NSString).appendingPathComponent(output.path)
                        try AtomicFile.write(output.data, to: path)
                        written.append(path)
                    }
                    let done = state.finish(index, written: written, roles: pathway.roles.count,
                                            errors: assessment.findings.filter { $0.severity == .error }.count,
                                            warnings: assessment.findings.filter { $0.severity == .warning }.count)
                    progress?(Progress(done: done, total: files.count, current: file, seconds: Date().timeIntervalSince(start)))
                } catch {
                    state.fail(index, error)
                }
            }
        }
        if let error = state.firstError { throw error }
        var summary = state.summary
        summary.pathways = files.count
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Loads every file (YAML or pathway.xml) on the batch's cores; the first bad one, in the
    /// order given, fails the batch. Returns the pathways when `keeping`, else nils to load again.
    private func loadAll(keeping: Bool) throws(PeerPathError) -> [Pathway?] {
        let results = LoadResults(count: files.count)
        let files = self.files
        let pipeline = self.pipeline
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do throws(PeerPathError) {
                let pathway = try pipeline.load(files[index])
                results.set(index, .success(keeping ? pathway : nil))
            } catch {
                results.set(index, .failure(error))
            }
        }
        var loaded: [Pathway?] = []
        for (index, result) in results.all.enumerated() {
            switch result {
            case .success(let pathway): loaded.append(pathway)
            case .failure(let error): throw error
            case nil: throw PeerPathError(.software, "\(files[index]): error: not loaded")
            }
        }
        return loaded
    }
}

/// The shared state of a running batch: the next pathway to take, what was written, the first failure.
final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var failure: (index: Int, error: PeerPathError)?
    private(set) var summary = Batch.Summary()
    let total: Int

    init(total: Int) {
        self.total = total
    }

    func next() -> Int? {
        lock.withLock {
            guard failure == nil, nextIndex < total else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, written: [String], roles: Int, errors: Int, warnings: Int) -> Int {
        lock.withLock {
            summary.written += written
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

/// Load results by position, filled from several threads.
final class LoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Pathway?, PeerPathError>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Pathway?, PeerPathError>) {
        lock.withLock { results[index] = result }
    }

    var all: [Result<Pathway?, PeerPathError>?] { lock.withLock { results } }
}
