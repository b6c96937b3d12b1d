import ArgumentParser
import Foundation
import PeerPath

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write every role's documents (job description, person specification, banding justification, panel pack) and each pathway's overview, as ODT, Word (.docx), XML and Markdown, and PDF on request.",
        discussion: """
        PATHWAY is a pathway file (YAML, or a pathway.xml export) or a folder of them. The pathways \
        are all rendered before any file is put in place; a failure anywhere, or SIGINT or SIGTERM \
        (exit 130, 143), leaves the output folder as it was. No symbolic link below the output \
        folder is followed.

        --formats picks the kinds of file: odt, docx, pdf, xml, md (default: odt,docx,xml,md). pdf is \
        LibreOffice's rendering of each ODT, made in one soffice process for the whole batch and put \
        in place with the other files; without LibreOffice it exits 69 (Debian: libreoffice-writer-nogui).

        Exit codes: 0 written, 64 bad usage, 65 bad input data, 66 missing input, 69 LibreOffice needed for pdf \
        but not installed, 70 broken templates or schema, 74 write error, 130 and 143 interrupted.
        """
    )

    @Argument(help: ArgumentHelp("Pathway files (YAML or pathway.xml) or folders of them.", valueName: "PATHWAY"))
    var pathways: [String]

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "DIR"))
    var out: String = "out"

    @Option(name: .long, help: ArgumentHelp("An organisation's .odt or .ott whose page layout, fonts, colours, header, footer and logo the ODT documents use, or its .docx or .dotx whose fonts and colours the Word documents use (a macro-enabled .docm or .dotm is refused).", valueName: "FILE"))
    var styles: String?

    @Option(name: .long, help: ArgumentHelp("The kinds of file to write, comma-separated: odt, docx, pdf (through LibreOffice), xml, md.", valueName: "LIST"))
    var formats: String = "odt,docx,xml,md"

    @Option(name: .shortAndLong, help: ArgumentHelp("Pathways to work on at once (default: the number of cores, \(ProcessInfo.processInfo.activeProcessorCount) here).", valueName: "N"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .customLong("validate"), help: "Parse every XML file back and validate it against schemas/peerpath.rng as it is written (make validate checks the files afterwards).")
    var validating = false

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out needs a folder; an empty name names none") }
    }

    func run() throws {
        Interruption.install()
        let files = PathwayFiles.expand(pathways)
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        do {
            let pipeline = try Pipeline(installation: share.installation(), styles: styles, catalogue: catalogue.catalogue, validating: validating,
                                        formats: OutputFormat.parse(formats))
            if !quiet {
                for line in pipeline.stylesReport { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
            let summary = try Batch(pipeline: pipeline, files: files, folder: out, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount).run(progress: progress.update)
            progress.clear()
            if !quiet {
                print(summary.line(folder: out))
            }
        } catch {
            progress.clear()
            fail(error)
        }
    }
}

/// One line on a terminal that shows how far a batch has got, rewritten in place.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: Batch.Progress) {
        guard enabled else { return }
        let line = String(format: "[%d/%d] %.1f pathways/s  %@", progress.done, progress.total, progress.rate, progress.current)
        lock.withLock { FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8)) }
    }

    func clear() {
        guard enabled else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
