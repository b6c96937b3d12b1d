import Foundation
import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading
import PeerPathModel

/// The whole pipeline: load a pathway, assess its roles, compose each role's documents and the
/// pathway overview, render them as ODT, XML and Markdown, and write them. Everything is built in
/// memory first, so an error anywhere leaves the output folder as it was.
public struct Pipeline: Sendable {
    public let scheme: Scheme
    /// What each claimed level's words must show (`data/evidence-cues.yaml`).
    public let cues: EvidenceCues
    let loader: PathwayLoader
    let payScale: PayScale
    let language: LanguageChecks
    let jobDescriptions: JobDescriptionComposer
    let personSpecifications: PersonSpecificationComposer
    let bandingJustifications: BandingJustificationComposer
    let panelPacks: PanelPackComposer
    let overviews: PathwayOverviewComposer
    let odt: ODTWriter
    let xml: PeerPathXML
    /// What was dropped from or added to an organisation's styles file, for the caller to report.
    public let stylesReport: [String]

    /// Reads the scheme, domains, pay scale, wording, templates, styles and schema once, for any
    /// number of pathways.
    /// - Parameter styles: an organisation's `.odt` or `.ott` whose styles replace the default ones.
    /// - Parameter catalogue: a catalogue folder named on the command line, used for every pathway
    ///   instead of its own `catalogue:` (which must stay inside the pathway's folder).
    public init(installation: Installation, styles: String? = nil, catalogue: String? = nil) throws(PeerPathError) {
        let wording: Wording
        do {
            scheme = try SchemeLoader.load(file: installation.schemeFile)
            cues = try EvidenceCueLoader.load(file: installation.evidenceCuesFile, scheme: scheme)
            loader = PathwayLoader(scheme: scheme, domains: try DomainLoader.load(file: installation.domainsFile), catalogueFolder: catalogue)
            payScale = try PayScaleLoader.load(file: installation.payScaleFile)
            wording = try WordingLoader.load(folder: installation.wordingFolder, scheme: scheme)
            language = LanguageChecks(data: try LanguageLoader.load(folder: installation.languageFolder))
        } catch {
            throw PeerPathError(.software, error.description)
        }
        do {
            let templates = try TemplateSet(directory: installation.templatesFolder)
            jobDescriptions = JobDescriptionComposer(templates: templates)
            personSpecifications = PersonSpecificationComposer(templates: templates)
            bandingJustifications = BandingJustificationComposer(templates: templates, wording: wording)
            panelPacks = PanelPackComposer(templates: templates, wording: wording)
            overviews = PathwayOverviewComposer(templates: templates)
        } catch {
            throw PeerPathError(error)
        }
        let generator = "peerpath/\(Installation.version)"
        if let styles {
            do {
                let organisation = try OrganisationStyles(file: styles, defaultStyles: installation.stylesFile)
                odt = ODTWriter(styles: organisation, generator: generator)
                var report: [String] = []
                if !organisation.dropped.isEmpty {
                    report.append("\(styles): note: dropped \(organisation.dropped.count) kinds of element or attribute that ODF 1.3 does not define: \(organisation.dropped.joined(separator: ", "))")
                }
                if !organisation.added.isEmpty {
                    report.append("\(styles): note: added peerpath's \(organisation.added.joined(separator: ", ")) styles, which the file lacks")
                }
                stylesReport = report
            } catch {
                throw PeerPathError(error.missing ? .missingInput : .badData, error.description)
            }
        } else {
            do {
                odt = try ODTWriter(stylesFile: installation.stylesFile, generator: generator)
            } catch {
                throw PeerPathError(error)
            }
            stylesReport = []
        }
        do {
            xml = PeerPathXML(schema: try RelaxNGSchema(path: installation.schemaFile))
        } catch {
            throw PeerPathError(error)
        }
    }

    /// Loads a pathway file: YAML, or peerpath's own XML export (`pathway.xml`).
    public func load(_ file: String) throws(PeerPathError) -> Pathway {
        if file.lowercased().hasSuffix(".xml") {
            guard FileManager.default.fileExists(atPath: file) else {
                throw PeerPathError(.missingInput, "\(file): error: no such file")
            }
            do {
                return try PathwayXMLReader(scheme: scheme, domains: loader.domains, schema: xml.schema).read(file: file)
            } catch {
                throw PeerPathError(.badData, error.description)
            }
        }
        do {
            return try loader.load(file: file)
        } catch {
            throw PeerPathError(error)
        }
    }

    /// The case each document of a role is composed from.
    func roleCase(_ entry: RoleAssessment, in assessment: Assessment) -> RoleCase {
        RoleCase(role: entry.role, pathway: assessment.pathway, scheme: scheme, evaluation: entry.evaluation,
                 sensitivity: entry.sensitivity, findings: assessment.findings(for: entry.role.id),
                 evaluations: Dictionary(uniqueKeysWithValues: assessment.roles.map { ($0.role.id, $0.evaluation) }),
                 payScale: payScale, version: Installation.version)
    }

    /// Every document of a pathway: for each role its job description, person specification,
    /// banding justification and panel pack, and the pathway overview.
    public func documents(for assessment: Assessment) throws(PeerPathError) -> [(folder: String, role: RoleCase?, document: Document)] {
        var documents: [(folder: String, role: RoleCase?, document: Document)] = []
        let cases = assessment.roles.map { roleCase($0, in: assessment) }
        do {
            for facts in cases {
                let folder = "\(assessment.pathway.id)/\(facts.role.id)"
                let jobDescription = try jobDescriptions.compose(facts)
                let personSpecification = try personSpecifications.compose(facts)
                let banding = try bandingJustifications.compose(facts)
                let pack = try panelPacks.compose(facts, jobDescription: jobDescription,
                                                  personSpecification: personSpecification, bandingJustification: banding)
                for document in [jobDescription, personSpecification, banding, pack] {
                    documents.append((folder, facts, document))
                }
            }
            let overview = try overviews.compose(PathwayCase(pathway: assessment.pathway, roles: cases, findings: assessment.findings,
                                                             payScale: payScale, version: Installation.version))
            documents.append((assessment.pathway.id, nil, overview))
        } catch {
            throw PeerPathError(error)
        }
        return documents
    }

    /// Every output file of a pathway, as paths relative to the output folder and their bytes.
    public func outputs(for pathway: Pathway, file: String = "") throws(PeerPathError) -> [OutputFile] {
        try outputs(for: assess(pathway, file: file))
    }

    /// Every output file of an assessed pathway.
    public func outputs(for assessment: Assessment) throws(PeerPathError) -> [OutputFile] {
        let pathway = assessment.pathway
        var files: [OutputFile] = []
        let parts: PeerPathXML.Parts
        do {
            parts = try xml.parts(of: pathway)
            files.append(OutputFile(path: "\(pathway.id)/pathway.xml", data: try xml.pathwayExport(pathway, parts: parts)))
        } catch {
            throw PeerPathError(.badData, "\(pathway.id): error: pathway.xml: \(error)")
        }
        let markdown = MarkdownWriter()
        for (folder, facts, document) in try documents(for: assessment) {
            let base = "\(folder)/\(document.kind.rawValue)"
            do {
                files.append(OutputFile(path: "\(base).odt", data: try odt.package(document)))
                let exported: Data
                if let facts {
                    exported = try xml.roleDocument(document, role: facts.role, in: pathway, evaluation: facts.evaluation,
                                                    scheme: scheme, findings: facts.findings, parts: parts)
                } else {
                    exported = try xml.pathwayDocument(document, pathway: pathway, evaluations: assessment.roles.map(\.evaluation),
                                                       scheme: scheme, findings: assessment.findings, parts: parts)
                }
                files.append(OutputFile(path: "\(base).xml", data: exported))
                files.append(OutputFile(path: "\(base).md", data: markdown.data(document)))
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

/// A file to write: its path under the output folder and its content.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
}
