import Foundation
import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading
import PeerPathModel

/// The whole pipeline: load a pathway, evaluate its roles, compose each role's documents, render
/// them as ODT and XML, and write them. Everything is built in memory first, so an error anywhere
/// leaves the output folder as it was.
public struct Pipeline: Sendable {
    public let scheme: Scheme
    let loader: PathwayLoader
    let jobDescriptions: JobDescriptionComposer
    let odt: ODTWriter
    let xml: PeerPathXML

    /// Reads the scheme, templates, styles and schema once, for any number of pathways.
    public init(installation: Installation) throws(PeerPathError) {
        do {
            scheme = try SchemeLoader.load(file: installation.schemeFile)
            loader = PathwayLoader(scheme: scheme, domains: try DomainLoader.load(file: installation.domainsFile))
        } catch {
            throw PeerPathError(.software, error.description)
        }
        do {
            jobDescriptions = JobDescriptionComposer(templates: try TemplateSet(directory: installation.templatesFolder))
        } catch {
            throw PeerPathError(error)
        }
        do {
            odt = try ODTWriter(stylesFile: installation.stylesFile, generator: "peerpath/\(Installation.version)")
            xml = PeerPathXML(schema: try RelaxNGSchema(path: installation.schemaFile))
        } catch {
            throw PeerPathError(error)
        }
    }

    public func load(_ file: String) throws(PeerPathError) -> Pathway {
        do {
            return try loader.load(file: file)
        } catch {
            throw PeerPathError(error)
        }
    }

    /// Every output file of a pathway, as paths relative to the output folder and their bytes.
    public func outputs(for pathway: Pathway) throws(PeerPathError) -> [OutputFile] {
        var files: [OutputFile] = []
        for role in pathway.roles {
            let evaluation = scheme.evaluate(role)
            let document: Document
            do {
                document = try jobDescriptions.compose(role, in: pathway, evaluation: evaluation)
            } catch {
                throw PeerPathError(error)
            }
            let folder = "\(pathway.id)/\(role.id)"
            do {
                files.append(OutputFile(path: "\(folder)/job-description.odt", data: try odt.package(document)))
                files.append(OutputFile(path: "\(folder)/job-description.xml",
                                        data: try xml.roleDocument(document, role: role, in: pathway, evaluation: evaluation,
                                                                   scheme: scheme, findings: [])))
            } catch {
                let location = role.location.map { "\($0)" } ?? pathway.id
                throw PeerPathError(.badData, "\(location): error: role '\(role.id)': \(error)")
            }
        }
        return files
    }

    /// Loads and builds every pathway file, then writes all their documents; returns the paths
    /// written. Nothing is written unless every pathway loaded and rendered.
    @discardableResult
    public func generate(_ pathwayFiles: [String], into folder: String) throws(PeerPathError) -> [String] {
        var files: [OutputFile] = []
        for file in pathwayFiles {
            files += try outputs(for: load(file))
        }
        var written: [String] = []
        for output in files {
            let path = (folder as NSString).appendingPathComponent(output.path)
            try AtomicFile.write(output.data, to: path)
            written.append(path)
        }
        return written
    }
}

/// A file to write: its path under the output folder and its content.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
}
