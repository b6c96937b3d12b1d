import PeerPathDocuments

/// Writes a document as Markdown (CommonMark with pipe tables) for quick review and diffs.
/// Figures become their alternative text; the table of contents lists the parts.
public struct MarkdownWriter: Sendable {
    public init() {}

    public func render(_ document: Document) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: level) + " " + Self.inline(text))
            case .paragraph(let text):
                out.append(Self.inline(text))
            case .title(let text):
                out.append("# " + Self.inline(text))
            case .subtitle(let text):
                out.append("**" + Self.inline(text) + "**")
            case .list(let list):
                out.append(list.items.enumerated().map { index, item in
                    switch list.style {
                    case .bulleted: "- " + Self.inline(item)
                    case .numbered: "\(list.label(ofItemAt: index)) " + Self.inline(item)
                    }
                }.joined(separator: "\n"))
            case .table(let table):
                out.append(Self.table(table))
            case .contents(let title):
                out.append("**\(Self.inline(title))**\n\n" + document.sections.enumerated().map { "\($0.offset + 1). \(Self.inline($0.element))" }.joined(separator: "\n"))
            case .pageBreak:
                out.append("---")
            case .figure(let figure):
                out.append("*Figure: \(Self.inline(figure.caption))* \(Self.inline(figure.alternativeText))")
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func table(_ table: Table) -> String {
        let header = table.header ?? Array(repeating: "", count: table.columnCount)
        var lines = ["| " + header.map(cell).joined(separator: " | ") + " |",
                     "|" + Array(repeating: "---|", count: table.columnCount).joined()]
        for row in table.rows {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Escapes the characters that would otherwise start Markdown syntax inside running text.
    static func inline(_ text: String) -> String {
        // Most text has nothing to escape: check the bytes first.
        let special: Set<UInt8> = [UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
                                   UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "\n")]
        let first = text.utf8.first
        if !text.utf8.contains(where: special.contains), first != UInt8(ascii: "-"), first != UInt8(ascii: "+") {
            return text
        }
        var out = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#":
                out.append("\\")
                out.append(character)
            case "\n":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        // A line that starts like a list item ("1. ", "- ", "+ ") would become one.
        if let first = out.first, "-+".contains(first), out.dropFirst().first == " " { out = "\\" + out }
        return out
    }
}

import Foundation
