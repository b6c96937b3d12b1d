import Foundation
import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading
import PeerPathModel

/// What writing documents needs, read once: the pay scale, the wording and templates of each
/// document, the styles (peerpath's or an organisation's) and, when files are checked as they are
/// written, the schema. Only `generate` loads these; the commands that only read a pathway do not.
struct DocumentWriters: Sendable {
    let payScale: PayScale
    let clauses: ClauseLibrary
    let jobDescriptions: JobDescriptionComposer
    let personSpecifications: PersonSpecificationComposer
    let jobAnalyses: JobAnalysisComposer
    let bandingJustifications: BandingJustificationComposer
    let panelPacks: PanelPackComposer
    let overviews: PathwayOverviewComposer
    let changes: ChangesComposer
    let odt: ODTWriter
    let docx: DOCXWriter
    let xml: PeerPathXML
    /// What was dropped from or added to an organisation's styles file, for the caller to report.
    let stylesReport: [String]

    /// - Parameter schema: validates every XML file as it is written; nil writes without reading back.
    init(installation: Installation, scheme: Scheme, styles: String?, schema: RelaxNGSchema?) throws(PeerPathError) {
        let wording: Wording
        do {
            payScale = try PayScaleLoader.load(file: installation.payScaleFile)
            clauses = try ClauseLoader.load(file: installation.clausesFile)
            wording = try WordingLoader.load(folder: installation.wordingFolder, scheme: scheme)
        } catch {
            throw PeerPathError(.software, error.description)
        }
        do {
            let templates = try TemplateSet(directory: installation.templatesFolder)
            jobDescriptions = JobDescriptionComposer(templates: templates)
            personSpecifications = PersonSpecificationComposer(templates: templates)
            jobAnalyses = JobAnalysisComposer(templates: templates)
            bandingJustifications = BandingJustificationComposer(templates: templates, wording: wording)
            panelPacks = PanelPackComposer(templates: templates, wording: wording)
            overviews = PathwayOverviewComposer(templates: templates)
            changes = ChangesComposer(templates: templates)
        } catch {
            throw PeerPathError(error)
        }
        let generator = "peerpath/\(Installation.version)"
        if let styles, OrganisationDOCXStyles.isWordFile(styles) {
            // An organisation's Word template styles the .docx; the ODT keeps peerpath's styles.
            do {
                let organisation = try OrganisationDOCXStyles(file: styles)
                docx = try DOCXWriter(look: organisation.look, generator: generator)
                odt = try ODTWriter(stylesFile: installation.stylesFile, generator: generator)
                stylesReport = organisation.notes.map { "\(styles): note: \($0)" }
                    + ["\(styles): note: a Word template styles the .docx files; the .odt files keep peerpath's own styles"]
            } catch let error as StylesError {
                throw PeerPathError(error.missing ? .missingInput : .badData, error.description)
            } catch let error as XMLReadError {
                throw PeerPathError(error)
            } catch {
                throw PeerPathError(.software, "\(error)")
            }
            xml = PeerPathXML(schema: schema)
            return
        }
        do {
            docx = try DOCXWriter(generator: generator)
        } catch {
            throw PeerPathError(.software, "peerpath: error: the Word styles cannot be written: \(error)")
        }
        if let styles {
            do {
                let organisation = try OrganisationStyles(file: styles, defaultStyles: installation.stylesFile)
                odt = ODTWriter(styles: organisation, generator: generator)
                stylesReport = Self.report(organisation, file: styles)
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
        xml = PeerPathXML(schema: schema)
    }

    /// One note line for each kind of change made to an organisation's styles.
    private static func report(_ organisation: OrganisationStyles, file: String) -> [String] {
        var report: [String] = []
        if !organisation.dropped.isEmpty {
            report.append("\(file): note: dropped \(organisation.dropped.count.counted("kind", plural: "kinds")) of element or attribute that ODF 1.3 does not define: \(organisation.dropped.joined(separator: ", "))")
        }
        if !organisation.droppedLinks.isEmpty {
            let count = organisation.droppedLinks.count
            var shown = organisation.droppedLinks.prefix(10).map { "'\(OrganisationStyles.shown($0))'" }.joined(separator: ", ")
            if count > 10 { shown += " and \(count - 10) more" }
            report.append("\(file): note: dropped \(count) link\(count == 1 ? "" : "s") to something outside the package or not a picture in it: \(shown)")
        }
        if !organisation.added.isEmpty {
            report.append("\(file): note: added peerpath's \(organisation.added.joined(separator: ", ")) styles, which the file lacks")
        }
        return report
    }
}

/// The project schema, compiled the first time a command needs it (to read a `pathway.xml`, or to
/// check files as they are written) and then shared.
final class SchemaSource: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var compiled: Result<RelaxNGSchema, XMLReadError>?

    init(path: String) {
        self.path = path
    }

    func schema() throws(PeerPathError) -> RelaxNGSchema {
        let result = lock.withLock {
            if let compiled { return compiled }
            let result = Result { () throws(XMLReadError) in try RelaxNGSchema(path: path) }
            compiled = result
            return result
        }
        do {
            return try result.get()
        } catch {
            throw PeerPathError(error)
        }
    }
}
