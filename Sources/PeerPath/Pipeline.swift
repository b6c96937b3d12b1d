import Foundation
import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading
import PeerPathModel

/// The whole pipeline: load a pathway, assess its roles, compose each role's documents and the
/// pathway overview, render them as ODT, XML and Markdown, and write them. Everything is built in
/// memory first, so an error anywhere leaves the output folder as it was.
public struct Pipeline: Sendable {
    /// What a command uses beyond the scheme and the competence domains, which every command needs.
    public struct Needs: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The word lists of the language checks (`check`, `lint`, `generate`).
        public static let language = Needs(rawValue: 1)
        /// The pay scale, wording, templates and styles of the documents (`generate`).
        public static let documents = Needs(rawValue: 2)
        /// The pay scale and the employer on-costs of the pay year (`cost`; `generate` for the overview).
        public static let costs = Needs(rawValue: 4)
        /// Each role's margins and what moves its band (`RoleAssessment.sensitivity`), worked out
        /// with its evaluation (`evaluate`, the documents, the workbench); without it they are
        /// worked out only if asked for.
        public static let margins = Needs(rawValue: 8)
        public static let all: Needs = [.language, .documents, .costs, .margins]
    }

    public let scheme: Scheme
    /// What the command uses, as it was built with.
    public let needs: Needs
    /// The families of findings the command reports; `assess` runs only their checks.
    public let checks: Set<FindingCode.Family>
    /// What each claimed level's words must show (`data/evidence-cues.yaml`); `.none` when the
    /// command reports no evidence findings, which alone use it.
    public let cues: EvidenceCues
    let loader: PathwayLoader
    /// Nil when the command runs no language checks.
    let language: LanguageChecks?
    /// The pathway file named to read ahead and the result of loading it, while the word lists
    /// were read; nil when none was named.
    let preloaded: (file: String, pathway: Result<Pathway, LoadError>)?
    /// Nil when the command writes no documents.
    let writers: DocumentWriters?
    let schema: SchemaSource
    /// peerpath's own national context, for the check of its date and for pathways that name none;
    /// nil when the command reports no practice findings, which alone use it.
    let nationalContext: NationalContext?
    /// Pay and on-costs of the pay year; nil when the command costs nothing.
    let costing: EstablishmentCosting?
    /// The kinds of file written for each document.
    public let formats: Set<OutputFormat>
    /// LibreOffice, when `pdf` is among the formats.
    let converter: PDFConverter?
    /// What was dropped from or added to an organisation's styles file, for the caller to report.
    public var stylesReport: [String] { writers?.stylesReport ?? [] }
    /// The earlier version each pathway is compared with (`generate --since`), for a changes
    /// document per role that changed; nil writes none.
    public var since: EarlierVersion?

    /// Reads what the command needs once, for any number of pathways: always the scheme and the
    /// competence domains; the language word lists and the documents' pay scale, wording,
    /// templates and styles when `needs` says so. The schema is compiled when first used.
    /// - Parameter styles: an organisation's `.odt` or `.ott` whose styles replace the default ones.
    /// - Parameter catalogue: a catalogue folder named on the command line, used for every pathway
    ///   instead of its own `catalogue:` (which must stay inside the pathway's folder).
    /// - Parameter validating: parse every XML file back and validate it against the schema as it
    ///   is written (`generate --validate`).
    /// - Parameter formats: the kinds of file written for each document; `pdf` needs LibreOffice
    ///   (`soffice`), and fails here (exit 69) without it.
    /// - Parameter checks: the families of findings the command reports (`trace` only the trace's,
    ///   `lint` only the language checks'): the evidence cues are read for the evidence checks and
    ///   the national context for the practice checks, and only then.
    /// - Parameter file: the one pathway file the command will `load` (a YAML file), which is then
    ///   parsed (`YAMLReadAhead`) and loaded here, while peerpath's own data is read on another
    ///   thread (`DataReading`); `load` hands it over. Its errors still come from `load`, after any
    ///   error in peerpath's data or word lists, as when it is loaded there.
    public init(installation: Installation, needs: Needs = .all, styles: String? = nil, catalogue: String? = nil,
                validating: Bool = false, formats: Set<OutputFormat> = OutputFormat.defaults,
                checks: Set<FindingCode.Family> = [.evaluation, .evidence, .practice, .trace, .language],
                readingAhead file: String? = nil) throws(PeerPathError) {
        self.formats = formats
        self.needs = needs
        self.checks = checks
        converter = needs.contains(.documents) && formats.contains(.pdf) ? try PDFConverter.locate() : nil
        let reading = DataReading.take(installation, purpose: .init(root: installation.root, needs: needs, checks: checks))
        // The pathway's YAML is parsed on this thread while the data is read on the other.
        let ahead = file.flatMap { $0.lowercased().hasSuffix(".xml") ? nil : YAMLReadAhead(pathway: $0, catalogueFolder: catalogue) }
        let data: DataReading.Data
        do {
            data = try reading.data()
        } catch {
            throw PeerPathError(.software, error.description)
        }
        (scheme, cues, nationalContext, costing) = (data.scheme, data.cues, data.nationalContext, data.costing)
        loader = PathwayLoader(scheme: data.scheme, domains: data.domains, catalogueFolder: catalogue)
        // Loaded while the word lists are still being read.
        preloaded = ahead.map { [loader] ahead in
            (ahead.file, Result { () throws(LoadError) in try loader.load(file: ahead.file, readAhead: ahead) })
        }
        do {
            language = try reading.words().map(LanguageChecks.init)
        } catch {
            throw PeerPathError(.software, error.description)
        }
        schema = SchemaSource(path: installation.schemaFile)
        writers = needs.contains(.documents)
            ? try DocumentWriters(installation: installation, scheme: scheme, styles: styles, schema: validating ? schema.schema() : nil)
            : nil
    }

    /// Starts reading peerpath's own data for a pipeline not yet built, for a command that will
    /// build one with this installation, these needs and these checks (and reads one pathway by
    /// hand, which the data is then read beside): the command's own arguments are parsed
    /// meanwhile. A pipeline built for anything else reads its own.
    public static func readEarly(installation: Installation, needs: Needs, checks: Set<FindingCode.Family>) {
        DataReading.startEarly(installation, purpose: .init(root: installation.root, needs: needs, checks: checks))
    }

    /// The document writers, which only a pipeline built for documents has.
    func documentWriters() throws(PeerPathError) -> DocumentWriters {
        guard let writers else { throw PeerPathError(.software, "peerpath: error: this command does not write documents") }
        return writers
    }

    /// Loads a pathway file: YAML, or peerpath's own XML export (`pathway.xml`).
    public func load(_ file: String) throws(PeerPathError) -> Pathway {
        if file.lowercased().hasSuffix(".xml") {
            guard FileManager.default.fileExists(atPath: file) else {
                throw PeerPathError(.missingInput, "\(file): error: no such file")
            }
            let reader = PathwayXMLReader(scheme: scheme, domains: loader.domains, schema: try schema.schema())
            do {
                return try reader.read(file: file)
            } catch {
                throw PeerPathError(.badData, error.description)
            }
        }
        do {
            if let preloaded, preloaded.file == file { return try preloaded.pathway.get() }
            return try loader.load(file: file)
        } catch {
            throw PeerPathError(error)
        }
    }

    /// The case each document of a role is composed from.
    func roleCase(_ entry: RoleAssessment, in assessment: Assessment, payScale: PayScale, clauses: ClauseLibrary? = nil) -> RoleCase {
        let clauses = clauses ?? (try? documentWriters().clauses) ?? .minimal
        return RoleCase(role: entry.role, pathway: assessment.pathway, scheme: scheme, evaluation: entry.evaluation,
                 sensitivity: entry.sensitivity, findings: assessment.findings(for: entry.role.id),
                 evaluations: Dictionary(uniqueKeysWithValues: assessment.roles.map { ($0.role.id, $0.evaluation) }),
                 payScale: payScale, version: Installation.version, clauses: clauses)
    }

    /// Every document of a pathway: for each role its job description, person specification,
    /// job analysis questionnaire, banding justification, panel pack and blind panel pack, and the
    /// pathway overview.
    /// With `earlier`, also a changes document for each role that changed since that version.
    public func documents(for assessment: Assessment, since earlier: Assessment? = nil) throws(PeerPathError) -> [(folder: String, role: RoleCase?, document: Document)] {
        let writers = try documentWriters()
        var documents: [(folder: String, role: RoleCase?, document: Document)] = []
        let cases = assessment.roles.map { roleCase($0, in: assessment, payScale: writers.payScale, clauses: writers.clauses) }
        let changes = earlier.map { PathwayChanges(from: $0.version, to: assessment.version) }
        do {
            for facts in cases {
                let folder = "\(assessment.pathway.id)/\(facts.role.id)"
                let jobDescription = try writers.jobDescriptions.compose(facts)
                let personSpecification = try writers.personSpecifications.compose(facts)
                let jobAnalysis = try writers.jobAnalyses.compose(facts)
                let banding = try writers.bandingJustifications.compose(facts)
                let pack = try writers.panelPacks.compose(facts, jobDescription: jobDescription, personSpecification: personSpecification,
                                                          jobAnalysis: jobAnalysis, bandingJustification: banding)
                let blind = try writers.panelPacks.composeBlind(facts, jobDescription: jobDescription,
                                                                personSpecification: personSpecification, jobAnalysis: jobAnalysis)
                for document in [jobDescription, personSpecification, jobAnalysis, banding, pack, blind] {
                    documents.append((folder, facts, document))
                }
                if let earlier, let changes = changes?.role(facts.role.id) {
                    documents.append((folder, facts, try writers.changes.compose(facts, changes: changes, earlier: earlier.pathway)))
                }
            }
            var overviewCase = PathwayCase(pathway: assessment.pathway, roles: cases, findings: assessment.findings,
                                           payScale: writers.payScale, version: Installation.version)
            overviewCase.costs = costs(of: assessment)
            let overview = try writers.overviews.compose(overviewCase)
            documents.append((assessment.pathway.id, nil, overview))
        } catch {
            throw PeerPathError(error)
        }
        return documents
    }

    /// What a pathway's establishment costs at a pay point (`peerpath cost`), each role at the band
    /// its evaluation reaches.
    public func cost(_ assessment: Assessment, payPoint: PayPoint) throws(PeerPathError) -> EstablishmentCost {
        guard let costing else { throw PeerPathError(.software, "peerpath: error: this command does not cost establishments") }
        var bands: [String: String] = [:]
        for entry in assessment.roles {
            if let band = entry.evaluation.placement.band?.name { bands[entry.role.id] = band }
        }
        do {
            return try costing.cost(assessment.pathway, bands: bands, payPoint: payPoint)
        } catch {
            throw PeerPathError(.badData, error.description)
        }
    }

    /// The overview's costs: the establishment at the bottom and at the top of each band, or why
    /// it cannot be costed.
    func costs(of assessment: Assessment) -> PathwayCase.Costs {
        do {
            return .costed(bottom: try cost(assessment, payPoint: .bottom), top: try cost(assessment, payPoint: .top))
        } catch {
            return .notCosted(reason: assessment.pathway.organisation.area == .none ? "the pay data is incomplete"
                : "the \(costing?.onCosts.year ?? assessment.pathway.payYear) high cost area supplement for \(assessment.pathway.organisation.area.name) is not yet in the pay data")
        }
    }

    /// Every output file of a pathway, as paths relative to the output folder and their bytes.
    public func outputs(for pathway: Pathway, file: String = "") throws(PeerPathError) -> [OutputFile] {
        try outputs(for: assess(pathway, file: file))
    }

    /// Every output file of an assessed pathway; with `earlier`, also the changes documents.
    public func outputs(for assessment: Assessment, since earlier: Assessment? = nil) throws(PeerPathError) -> [OutputFile] {
        let pathway = assessment.pathway
        let writers = try documentWriters()
        let xml = writers.xml
        var files: [OutputFile] = []
        let parts: PeerPathXML.Parts
        do {
            parts = try xml.parts(of: pathway)
            if formats.contains(.xml) {
                files.append(OutputFile(path: "\(pathway.id)/pathway.xml", data: try xml.pathwayExport(pathway, parts: parts)))
            }
        } catch {
            throw PeerPathError(.badData, "\(pathway.id): error: pathway.xml: \(error)")
        }
        let markdown = MarkdownWriter()
        for (folder, facts, document) in try documents(for: assessment, since: earlier) {
            let base = "\(folder)/\(document.kind.rawValue)"
            do {
                if formats.contains(.odt) || formats.contains(.pdf) {
                    let odt = try writers.odt.package(document)
                    if formats.contains(.odt) { files.append(OutputFile(path: "\(base).odt", data: odt)) }
                    // The PDF is LibreOffice's rendering of this ODT, made once the batch is rendered.
                    if formats.contains(.pdf) { files.append(OutputFile(path: "\(base).pdf", data: odt, convert: true)) }
                }
                if formats.contains(.docx) {
                    files.append(OutputFile(path: "\(base).docx", data: try writers.docx.package(document)))
                }
                if formats.contains(.xml) {
                    let exported: Data
                    if let facts, document.kind == .panelPackBlind {
                        exported = try xml.blindDocument(document, role: facts.role, in: pathway, parts: parts)
                    } else if let facts {
                        exported = try xml.roleDocument(document, role: facts.role, in: pathway, evaluation: facts.evaluation,
                                                        scheme: scheme, findings: facts.findings, parts: parts)
                    } else {
                        exported = try xml.pathwayDocument(document, pathway: pathway, evaluations: assessment.roles.map(\.evaluation),
                                                           scheme: scheme, findings: assessment.findings, parts: parts)
                    }
                    files.append(OutputFile(path: "\(base).xml", data: exported))
                }
                if formats.contains(.md) {
                    files.append(OutputFile(path: "\(base).md", data: markdown.data(document)))
                }
            } catch {
                let location = facts?.role.location.map { "\($0)" } ?? pathway.id
                throw PeerPathError(.badData, "\(location): error: \(base): \(error)")
            }
        }
        return files
    }

    /// Loads and builds every pathway file, then writes all their documents; returns the paths
    /// written. One pathway at a time, in order; see `Batch` for the parallel form.
    @discardableResult
    public func generate(_ pathwayFiles: [String], into folder: String) throws(PeerPathError) -> [String] {
        try Batch(pipeline: self, files: pathwayFiles, folder: folder, jobs: 1).run(listing: true).written
    }
}

/// The earlier version of a pathway that `generate --since` compares with: a file, or the
/// pathway file itself at a git revision.
public enum EarlierVersion: Sendable {
    case file(String)
    case revision(String)

    /// The earlier version of the pathway in `file`, loaded, evaluated and checked.
    func assessment(of file: String, with pipeline: Pipeline) throws(PeerPathError) -> Assessment {
        switch self {
        case .file(let earlier): try PathwayComparison.loadOlder(pipeline: pipeline, file: earlier, revision: nil, newFile: file)
        case .revision(let revision): try PathwayComparison.loadOlder(pipeline: pipeline, file: nil, revision: revision, newFile: file)
        }
    }
}

/// A file to write: its path under the output folder and its content.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
    /// For a `.pdf`: `data` is the ODT LibreOffice converts, once the whole batch is rendered.
    public var convert = false

    public init(path: String, data: Data, convert: Bool = false) {
        self.path = path
        self.data = data
        self.convert = convert
    }
}
