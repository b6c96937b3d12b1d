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

        --since OLD (one pathway) or --since-git REV (each pathway's file at a git revision) also \
        writes, for each role that changed, a changes document: what changed in the job, factor by \
        factor with the duties behind it, and the band before and after.

        Exit codes: 0 written, 64 bad usage, 65 bad input data, 66 missing input, 69 LibreOffice needed for pdf \
        (or git for --since-git) but not installed, 70 broken templates or schema, 74 write error, 130 and 143 interrupted.
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

    @Option(name: .long, help: ArgumentHelp("An earlier version of the pathway (YAML or pathway.xml): also write a changes document for each role that changed since it. Needs one pathway.", valueName: "OLD"))
    var since: String?

    @Option(name: .customLong("since-git"), help: ArgumentHelp("Also write a changes document for each role that changed since each pathway file's version at this git revision.", valueName: "REV"))
    var sinceGit: String?

    @OptionGroup var catalogue: CatalogueOption
    @OptionGroup var share: ShareOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out needs a folder; an empty name names none") }
        guard since == nil || sinceGit == nil else { throw ValidationError("give --since or --since-git, not both") }
        if since != nil, PathwayFiles.expand(pathways).count != 1 {
            throw ValidationError("--since compares one pathway with its earlier version; give one pathway file (or use --since-git REV for several)")
        }
    }

    func run() throws {
        Interruption.install()
        let files = PathwayFiles.expand(pathways)
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        do {
            var pipeline = try Pipeline(installation: share.installation(), styles: styles, catalogue: catalogue.catalogue, validating: validating,
                                        formats: OutputFormat.parse(formats))
            pipeline.since = since.map(EarlierVersion.file) ?? sinceGit.map(EarlierVersion.revision)
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
