import ArgumentParser
import Foundation
import PeerPath

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each role's job description as ODT and XML.",
        discussion: """
        For every role of every pathway given, writes
        DIR/<pathway-id>/<role-id>/job-description.odt and job-description.xml.
        Nothing is written unless every pathway loads and renders.
        Exit codes: 0 written, 65 bad input data, 66 missing input, 70 broken templates or schema, 74 write error.
        """
    )

    @Argument(help: ArgumentHelp("Pathway files (YAML).", valueName: "PATHWAY"))
    var pathways: [String]

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "DIR"))
    var out: String = "out"

    @Option(name: .long, help: ArgumentHelp("An organisation's .odt or .ott whose page layout, fonts, colours, header, footer and logo the documents use.", valueName: "FILE"))
    var styles: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var share: ShareOptions

    func run() throws {
        do {
            let pipeline = try Pipeline(installation: share.installation(), styles: styles)
            if !quiet {
                for line in pipeline.stylesReport { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
            let written = try pipeline.generate(pathways, into: out)
            if !quiet {
                print("peerpath: wrote \(written.count) files for \(pathways.count) pathway\(pathways.count == 1 ? "" : "s") under \(out)")
            }
        } catch {
            fail(error)
        }
    }
}
