import Foundation
import PeerPathDocuments

/// Writes a document as an HTML fragment (one `<article>`) for a browser to show: the same blocks
/// in the same order as the ODT, DOCX and Markdown writers walk, so headings, numbered duties
/// ("2.3"), tables and figures read as in the printed document. Every text goes through
/// `HTMLText.escape`; figures are drawn inline as SVG by `SVGWriter`.
public struct HTMLWriter: Sendable {
    public init() {}

    public func render(_ document: Document) throws(XMLWriteError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32_768)
        out += Array("<article class=\"document\" data-kind=\"".utf8)
        HTMLText.escape(document.kind.rawValue, into: &out)
        out += Array("\">\n".utf8)
        if let header = document.properties.first(where: { $0.name == "running-header" }) {
            element("p", class: "running-header", header.value, into: &out)
        }
        var section = 0
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(level + 1, 6))"
                if level == 1 {
                    section += 1
                    out += Array("<\(tag) id=\"section-\(section)\">".utf8)
                } else {
                    out += Array("<\(tag)>".utf8)
                }
                HTMLText.escape(text, into: &out)
                out += Array("</\(tag)>\n".utf8)
            case .paragraph(let text):
                element("p", text, into: &out)
            case .title(let text):
                element("h1", text, into: &out)
            case .subtitle(let text):
                element("p", class: "subtitle", text, into: &out)
            case .list(let list):
                switch list.style {
                case .bulleted:
                    out += Array("<ul>\n".utf8)
                    for item in list.items { element("li", item, into: &out) }
                    out += Array("</ul>\n".utf8)
                case .numbered:
                    // The numbers are written out, as the job description prints them, not left to the browser.
                    out += Array("<ol class=\"numbered\">\n".utf8)
                    for (index, item) in list.items.enumerated() {
                        out += Array("<li><span class=\"number\">".utf8)
                        HTMLText.escape(list.label(ofItemAt: index), into: &out)
                        out += Array("</span> ".utf8)
                        HTMLText.escape(item, into: &out)
                        out += Array("</li>\n".utf8)
                    }
                    out += Array("</ol>\n".utf8)
                }
            case .table(let table):
                Self.table(table, into: &out)
            case .contents(let title):
                out += Array("<nav class=\"contents\" aria-label=\"".utf8)
                HTMLText.escape(title, into: &out)
                out += Array("\">\n".utf8)
                element("p", class: "contents-title", title, into: &out)
                out += Array("<ol>\n".utf8)
                for (number, name) in document.sections.enumerated() {
                    out += Array("<li><a href=\"#section-\(number + 1)\">".utf8)
                    HTMLText.escape(name, into: &out)
                    out += Array("</a></li>\n".utf8)
                }
                out += Array("</ol>\n</nav>\n".utf8)
            case .pageBreak:
                out += Array("<hr class=\"page-break\">\n".utf8)
            case .figure(let figure):
                out += Array("<figure>\n".utf8)
                out += try Self.inlineSVG(figure.diagram, description: figure.alternativeText)
                element("figcaption", figure.caption, into: &out)
                out += Array("</figure>\n".utf8)
            }
        }
        out += Array("</article>\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// A diagram as SVG to place inside HTML: `SVGWriter`'s output without its XML declaration.
    public static func inlineSVG(_ diagram: Diagram, description: String) throws(XMLWriteError) -> [UInt8] {
        let svg = try SVGWriter().render(diagram, description: description)
        guard svg.starts(with: Array("<?xml".utf8)), let end = svg.firstIndex(of: UInt8(ascii: ">")) else { return HTMLText.escape(markup: svg) }
        var start = end + 1
        while start < svg.count, svg[start] == 0x0a { start += 1 }
        return HTMLText.escape(markup: Array(svg[start...]))
    }

    private func element(_ tag: String, class name: String? = nil, _ text: String, into out: inout [UInt8]) {
        out += Array("<\(tag)".utf8)
        if let name { out += Array(" class=\"\(name)\"".utf8) }
        out.append(UInt8(ascii: ">"))
        HTMLText.escape(text, into: &out)
        out += Array("</\(tag)>\n".utf8)
    }

    private static func table(_ table: Table, into out: inout [UInt8]) {
        out += Array("<table>\n".utf8)
        if let header = table.header {
            out += Array("<thead><tr>".utf8)
            for cell in header {
                out += Array("<th scope=\"col\">".utf8)
                HTMLText.escape(cell, into: &out)
                out += Array("</th>".utf8)
            }
            out += Array("</tr></thead>\n".utf8)
        }
        out += Array("<tbody>\n".utf8)
        for row in table.rows {
            out += Array("<tr>".utf8)
            for (index, cell) in row.enumerated() {
                // A labelled table's first column names what the row holds.
                let tag = table.isLabelled && index == 0 ? "th" : "td"
                out += Array((tag == "th" ? "<th scope=\"row\">" : "<td>").utf8)
                HTMLText.escape(cell, into: &out)
                out += Array("</\(tag)>".utf8)
            }
            out += Array("</tr>\n".utf8)
        }
        out += Array("</tbody>\n</table>\n".utf8)
    }
}
