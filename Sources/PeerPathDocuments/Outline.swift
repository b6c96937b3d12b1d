import Foundation
import PeerPathModel

/// The text a template renders, read as blocks. Blank lines separate blocks; a block whose lines all
/// start with `- ` is a bulleted list; `# ` to `### ` start headings; a block that is exactly `@name`
/// is a slot the composer fills with structured blocks.
struct Outline {
    enum Part: Equatable {
        case block(Block)
        case slot(String)
    }

    let parts: [Part]

    init(_ text: String) {
        var parts: [Part] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmed(.whitespaces) }
        var chunk: [String] = []
        func flush() {
            defer { chunk.removeAll() }
            guard !chunk.isEmpty else { return }
            if chunk.count == 1, chunk[0].hasPrefix("@") {
                parts.append(.slot(String(chunk[0].dropFirst())))
            } else if chunk.allSatisfy({ $0.hasPrefix("- ") }) {
                parts.append(.block(.list(ListBlock(style: .bulleted, items: chunk.map { String($0.dropFirst(2)) }))))
            } else if let first = chunk.first, let level = Self.headingLevel(first) {
                parts.append(.block(.heading(level: level, text: String(first.dropFirst(level + 1)))))
                if chunk.count > 1 {
                    parts.append(.block(.paragraph(chunk.dropFirst().joined(separator: " "))))
                }
            } else {
                parts.append(.block(.paragraph(chunk.joined(separator: " "))))
            }
        }
        for line in lines {
            if line.isEmpty { flush() } else { chunk.append(line) }
        }
        flush()
        self.parts = parts
    }

    private static func headingLevel(_ line: String) -> Int? {
        for level in 1...3 where line.hasPrefix(String(repeating: "#", count: level) + " ") {
            return level
        }
        return nil
    }

    /// The blocks, with each slot replaced by what `fill` gives for its name.
    func blocks(filling fill: (String) throws(TemplateError) -> [Block]) throws(TemplateError) -> [Block] {
        var blocks: [Block] = []
        for part in parts {
            switch part {
            case .block(let block): blocks.append(block)
            case .slot(let name): blocks.append(contentsOf: try fill(name))
            }
        }
        return blocks
    }
}
