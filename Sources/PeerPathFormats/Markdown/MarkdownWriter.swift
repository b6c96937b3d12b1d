import Foundation
import PeerPathDocuments

/// Writes a document as Markdown (CommonMark with pipe tables) for quick review and diffs.
/// Figures become their alternative text; the table of contents lists the parts.
/// The text is built as UTF-8 bytes, escaping byte by byte (every character Markdown treats
/// specially is ASCII, so no multi-byte character is ever split).
public struct MarkdownWriter: Sendable {
    public init() {}

    public func render(_ document: Document) -> String {
        String(decoding: bytes(document), as: UTF8.self)
    }

    /// The Markdown of a document as UTF-8, ready to write.
    public func data(_ document: Document) -> Data {
        Data(bytes(document))
    }

    private func bytes(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        // The line every page of the other formats shows: DRAFT, version and date.
        if let header = document.properties.first(where: { $0.name == "running-header" }) {
            out += Array("*".utf8)
            Self.escape(header.value, into: &out)
            out += Array("*".utf8)
            if !document.blocks.isEmpty { out += [0x0a, 0x0a] }
        }
        for (index, block) in document.blocks.enumerated() {
            if index > 0 { out += [0x0a, 0x0a] }
            switch block {
            case .heading(let level, let text):
                out += repeatElement(UInt8(ascii: "#"), count: level)
                out.append(0x20)
                Self.escape(text, into: &out)
            case .paragraph(let text):
                Self.escape(text, into: &out)
            case .title(let text):
                out += Array("# ".utf8)
                Self.escape(text, into: &out)
            case .subtitle(let text):
                out += Array("**".utf8)
                Self.escape(text, into: &out)
                out += Array("**".utf8)
            case .list(let list):
                for (item, text) in list.items.enumerated() {
                    if item > 0 { out.append(0x0a) }
                    switch list.style {
                    case .bulleted: out += Array("- ".utf8)
                    case .numbered: out += Array("\(list.label(ofItemAt: item)) ".utf8)
                    }
                    Self.escape(text, into: &out)
                }
            case .table(let table):
                Self.table(table, into: &out)
            case .contents(let title):
                out += Array("**".utf8)
                Self.escape(title, into: &out)
                out += Array("**\n\n".utf8)
                for (number, section) in document.sections.enumerated() {
                    if number > 0 { out.append(0x0a) }
                    out += Array("\(number + 1). ".utf8)
                    Self.escape(section, into: &out)
                }
            case .pageBreak:
                out += Array("---".utf8)
            case .figure(let figure):
                out += Array("*Figure: ".utf8)
                Self.escape(figure.caption, into: &out)
                out += Array("* ".utf8)
                Self.escape(figure.alternativeText, into: &out)
            }
        }
        out.append(0x0a)
        return out
    }

    private static func table(_ table: Table, into out: inout [UInt8]) {
        row(table.header ?? Array(repeating: "", count: table.columnCount), into: &out)
        out += Array("\n|".utf8)
        for _ in 0..<table.columnCount { out += Array("---|".utf8) }
        for cells in table.rows {
            out.append(0x0a)
            row(cells, into: &out)
        }
    }

    private static func row(_ cells: [String], into out: inout [UInt8]) {
        out += Array("| ".utf8)
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += Array(" | ".utf8) }
            escape(cell, inCell: true, into: &out)
        }
        out += Array(" |".utf8)
    }

    /// What each ASCII byte becomes in running text: 1 escaped with a backslash, 2 a space (a line
    /// break), 3 escaped in a table cell only (`|`), 0 itself.
    private static let treatment: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in "\\*_`[]<>#".utf8 { table[Int(byte)] = 1 }
        table[0x0a] = 2
        table[Int(UInt8(ascii: "|"))] = 3
        return table
    }()

    /// Escapes the characters that would otherwise start Markdown syntax inside running text, and
    /// a line that starts like a list item ("- ", "+ ").
    static func inline(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escape(_ text: String, inCell: Bool = false, into out: inout [UInt8]) {
        let start = out.count
        var text = text
        text.withUTF8 { bytes in
            treatment.withUnsafeBufferPointer { treatment in
                // Runs of bytes that need nothing are copied whole.
                var run = 0
                for index in 0..<bytes.count {
                    let kind = treatment[Int(bytes[index])]
                    guard kind != 0, kind != 3 || inCell else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    if kind == 2 {
                        out.append(0x20)
                    } else {
                        out.append(0x5c)
                        out.append(bytes[index])
                    }
                    run = index + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
        }
        if out.count > start + 1, out[start] == UInt8(ascii: "-") || out[start] == UInt8(ascii: "+"), out[start + 1] == 0x20 {
            out.insert(0x5c, at: start)
        }
    }
}
