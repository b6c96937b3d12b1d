import PeerPathModel

/// Two versions of a pathway, each loaded, evaluated and checked as `check` does it, and what
/// changed between them (`diff`, `generate --since`).
public struct PathwayComparison: Sendable {
    public let old: Assessment
    public let new: Assessment
    public let changes: PathwayChanges

    public init(old: Assessment, new: Assessment) {
        self.old = old
        self.new = new
        changes = PathwayChanges(from: old.version, to: new.version)
    }

    /// Loads the older version from a file, or from a git revision of the newer file when
    /// `revision` is given (its folder is read into a temporary folder, removed before this returns).
    public static func load(pipeline: Pipeline, old oldFile: String?, revision: String?, new newFile: String) throws(PeerPathError) -> PathwayComparison {
        let new = pipeline.assess(try pipeline.load(newFile), file: newFile)
        return PathwayComparison(old: try loadOlder(pipeline: pipeline, file: oldFile, revision: revision, newFile: newFile), new: new)
    }

    /// The older version: a file as given, or `newFile` at a git revision.
    public static func loadOlder(pipeline: Pipeline, file: String?, revision: String?, newFile: String) throws(PeerPathError) -> Assessment {
        guard let revision else {
            guard let file else { throw PeerPathError(.usage, "peerpath: error: name the older pathway, or a git revision with --git") }
            return pipeline.assess(try pipeline.load(file), file: file)
        }
        let committed = try CommittedPathway.materialise(newFile, revision: revision)
        defer { committed.remove() }
        let pathway: Pathway
        do {
            pathway = try pipeline.load(committed.file)
        } catch {
            throw PeerPathError(error.kind, committed.relabel(error.message))
        }
        var assessment = pipeline.assess(pathway, file: committed.label)
        assessment.findings = assessment.findings.map { finding in
            var finding = finding
            if let location = finding.location {
                finding.location = SourceLocation(file: committed.relabel(location.file),
                                                  line: location.line, column: location.column)
            }
            return finding
        }
        return assessment
    }
}

extension Assessment {
    /// The pathway, its evaluations and its findings, as the domain compares versions.
    public var version: PathwayVersion {
        PathwayVersion(pathway: pathway, evaluations: Dictionary(uniqueKeysWithValues: roles.map { ($0.role.id, $0.evaluation) }),
                       findings: findings)
    }
}
