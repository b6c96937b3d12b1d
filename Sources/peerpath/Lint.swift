import ArgumentParser
import Foundation
import PeerPath

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the wording of every job description and person specification: readable, respectful, inclusive, testable, and free of factor-plan wording.",
        discussion: """
        PATHWAY is a pathway file (YAML, or a pathway.xml export) or a folder of them. With more than one pathway, each one's findings are printed with its file and count, then the count over all of them; a pathway that cannot be read is reported on stderr and the rest are still checked.

        Exit codes: 0 no warnings (allowed findings are notes), 1 warnings, 65 bad input data, 66 missing input.
        """
    )

    @OptionGroup var options: FindingsOptions

    static let reads = Reads(reporting: [.language])

    func run() {
        options.request.report(Self.reads, failingAt: .warning)
    }
}
