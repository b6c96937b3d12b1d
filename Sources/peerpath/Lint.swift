import ArgumentParser
import Foundation
import PeerPath

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the wording of every job description and person specification: readable, respectful, inclusive, testable, and free of factor-plan wording.",
        discussion: "Exit codes: 0 no warnings (allowed findings are notes), 1 warnings, 65 bad input data, 66 missing input."
    )

    @OptionGroup var options: FindingsOptions

    func run() throws {
        try options.report(families: [.language], failingAt: .warning)
    }
}
