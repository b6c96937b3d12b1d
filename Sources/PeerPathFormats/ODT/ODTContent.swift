import PeerPathDocuments

/// Writes `content.xml`: the document's blocks as ODF text, with the automatic styles they need
/// (a numbered list style per number prefix, column widths per table, page breaks).
struct ODTContent {
    let document: Document

    /// Page text width in centimetres, matching the page layout of the default styles.
    static let textWidth = 17.0

    /// The path inside the package of a figure's picture.
    static func picturePath(_ figure: Figure) -> String { "Pictures/\(figure.name).svg" }
    /// The path of its PNG fallback, for readers that show no SVG.
    static func fallbackPath(_ figure: Figure) -> String { "Pictures/\(figure.name).png" }

    /// The pictures peerpath writes itself, which no styles file may bring (a test checks every
    /// figure of the shipped documents is here).
    static let ownPictures: Set<String> = ["Pictures/org-chart.svg", "Pictures/ladder.svg", "Pictures/cost-by-band.svg",
                                           "Pictures/org-chart.png", "Pictures/ladder.png", "Pictures/cost-by-band.png"]

    func write() throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("office:document-content")
        try ODFNamespace.declareBody(on: w)
        try w.attribute("office:version", ODFNamespace.version)
        try writeAutomaticStyles(w)
        try w.start("office:body")
        try w.start("office:text")
        var breakBefore = false
        var part = 0
        for (index, block) in document.blocks.enumerated() {
            if case .pageBreak = block {
                breakBefore = true
                continue
            }
            if case .heading(1, _) = block { part += 1 }
            try write(block, index: index, part: part, breakBefore: breakBefore, keepWithNext: KeepTogether.blockKeepsWithNext(document.blocks, at: index), to: w)
            breakBefore = false
        }
        try w.end()
        try w.end()
        try w.end()
        return Array(try w.finish())
    }

    /// Tables of at most this many rows are not broken across pages.
    static let shortTable = 10

    private var prefixes: [String] {
        var seen: [String] = []
        for case .list(let list) in document.blocks {
            if case .numbered(let prefix) = list.style, !seen.contains(prefix) { seen.append(prefix) }
        }
        return seen
    }

    private var tables: [(index: Int, table: Table)] {
        document.blocks.enumerated().compactMap { index, block in
            if case .table(let table) = block { return (index, table) }
            return nil
        }
    }

    private func tableName(_ table: Table, index: Int) -> String { "\(table.name)\(index)" }

    private func listStyleName(_ prefix: String) -> String {
        "Numbered\(prefixes.firstIndex(of: prefix)! + 1)"
    }

    /// Paragraph styles that may follow a page break; each gets a break-before variant.
    private static let breakable = ["Heading_20_1", "Heading_20_2", "Title", "Text_20_body"]

    private func writeAutomaticStyles(_ w: XMLWriter) throws(XMLWriteError) {
        try w.start("office:automatic-styles")
        for parent in Self.breakable {
            try w.start("style:style")
            try w.attribute("style:name", "\(parent)_Break")
            try w.attribute("style:family", "paragraph")
            try w.attribute("style:parent-style-name", parent)
            try w.element("style:paragraph-properties", ["fo:break-before": "page"])
            try w.end()
        }
        for (name, parent) in [("Text_20_body_Keep", "Text_20_body"), ("List_20_Contents_Keep", "List_20_Contents")] {
            try w.start("style:style")
            try w.attribute("style:name", name)
            try w.attribute("style:family", "paragraph")
            try w.attribute("style:parent-style-name", parent)
            try w.element("style:paragraph-properties", ["fo:keep-with-next": "always"])
            try w.end()
        }
        for prefix in prefixes {
            try w.start("text:list-style")
            try w.attribute("style:name", listStyleName(prefix))
            try w.start("text:list-level-style-number")
            try w.attribute("text:level", "1")
            try w.attribute("style:num-prefix", prefix)
            try w.attribute("style:num-format", "1")
            try w.start("style:list-level-properties")
            try w.attribute("text:list-level-position-and-space-mode", "label-alignment")
            try w.element("style:list-level-label-alignment", [
                "text:label-followed-by": "listtab", "text:list-tab-stop-position": "1.2cm",
                "fo:text-indent": "-1.2cm", "fo:margin-left": "1.2cm",
            ])
            try w.end()
            try w.end()
            try w.end()
        }
        for (index, table) in tables {
            let name = tableName(table, index: index)
            try w.start("style:style")
            try w.attribute("style:name", name)
            try w.attribute("style:family", "table")
            try w.element("style:table-properties", [
                "style:width": "\(Self.textWidth)cm", "table:align": "margins", "fo:margin-top": "0.2cm", "fo:margin-bottom": "0.3cm",
                "style:may-break-between-rows": table.rows.count <= Self.shortTable ? "false" : "true",
            ])
            try w.end()
            let total = table.widths.reduce(0, +)
            for (column, share) in table.widths.enumerated() {
                try w.start("style:style")
                try w.attribute("style:name", "\(name).C\(column + 1)")
                try w.attribute("style:family", "table-column")
                let width = Self.textWidth * Double(share) / Double(total)
                try w.element("style:table-column-properties", [
                    "style:column-width": "\(Self.centimetres(width))cm", "style:rel-column-width": "\(share * 1000)*",
                ])
                try w.end()
            }
        }
        try w.start("style:style")
        try w.attribute("style:name", "Row")
        try w.attribute("style:family", "table-row")
        try w.element("style:table-row-properties", ["fo:keep-together": "always"])
        try w.end()
        try cellStyle(w, name: "Cell", background: nil)
        try cellStyle(w, name: "HeaderCell", background: "#dfe8f0")
        try w.start("style:style")
        try w.attribute("style:name", "FigureFrame")
        try w.attribute("style:family", "graphic")
        try w.element("style:graphic-properties", [
            "style:wrap": "none", "style:vertical-pos": "top", "style:horizontal-pos": "center",
            "style:horizontal-rel": "paragraph", "fo:border": "none", "fo:padding": "0cm",
        ])
        try w.end()
        try w.end()
    }

    private func cellStyle(_ w: XMLWriter, name: String, background: String?) throws(XMLWriteError) {
        try w.start("style:style")
        try w.attribute("style:name", name)
        try w.attribute("style:family", "table-cell")
        try w.start("style:table-cell-properties")
        try w.attribute("fo:padding", "0.12cm")
        try w.attribute("fo:border", "0.5pt solid #8a9aa8")
        if let background { try w.attribute("fo:background-color", background) }
        try w.end()
        try w.end()
    }

    static func centimetres(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let tail = hundredths % 100
        return "\(hundredths / 100).\(tail < 10 ? "0" : "")\(tail)"
    }

    private func style(_ name: String, breakBefore: Bool) -> String {
        breakBefore && Self.breakable.contains(name) ? "\(name)_Break" : name
    }

    private func write(_ block: Block, index: Int, part: Int, breakBefore: Bool, keepWithNext: Bool,
                       to w: XMLWriter) throws(XMLWriteError) {
        if breakBefore {
            switch block {
            case .heading(let level, _) where level <= 2: break
            case .title, .paragraph: break
            default:
                // A block that cannot carry the break itself gets an empty paragraph that does.
                try w.element("text:p", ["text:style-name": "Text_20_body_Break"])
            }
        }
        switch block {
        case .heading(let level, let text):
            try w.start("text:h")
            try w.attribute("text:style-name", style("Heading_20_\(level)", breakBefore: breakBefore))
            try w.attribute("text:outline-level", String(level))
            if level == 1 { try w.element("text:bookmark", ["text:name": "part\(part)"]) }
            try w.text(text)
            try w.end()
        case .paragraph(let text):
            let name = keepWithNext && !breakBefore ? "Text_20_body_Keep" : style("Text_20_body", breakBefore: breakBefore)
            try w.element("text:p", ["text:style-name": name], text: text)
        case .title(let text):
            try w.element("text:p", ["text:style-name": style("Title", breakBefore: breakBefore)], text: text)
        case .subtitle(let text):
            try w.element("text:p", ["text:style-name": "Subtitle"], text: text)
        case .list(let list):
            try writeList(list, to: w)
        case .table(let table):
            try write(table, name: tableName(table, index: index), to: w)
        case .contents(let title):
            try writeContents(title: title, to: w)
        case .figure(let figure):
            try write(figure, to: w)
        case .pageBreak:
            break
        }
    }

    private func writeList(_ list: ListBlock, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("text:list")
        switch list.style {
        case .bulleted: try w.attribute("text:style-name", "List_20_Bullet")
        case .numbered(let prefix): try w.attribute("text:style-name", listStyleName(prefix))
        }
        let count = list.items.count
        for (position, item) in list.items.enumerated() {
            // A short list stays whole on a page (each item but the last keeps with the next, a chain
            // LibreOffice follows); a long one never leaves its first or last item alone on a page.
            let keep = KeepTogether.listItemKeepsWithNext(position: position, count: count)
            try w.start("text:list-item")
            try w.element("text:p", ["text:style-name": keep ? "List_20_Contents_Keep" : "List_20_Contents"], text: item)
            try w.end()
        }
        try w.end()
    }

    /// A real table of contents (Word and LibreOffice can refresh it), whose entries already hold
    /// page-number references to the bookmarks at each part's heading.
    private func writeContents(title: String, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("text:table-of-content")
        try w.attribute("text:name", "Contents")
        try w.attribute("text:protected", "false")
        try w.start("text:table-of-content-source")
        try w.attribute("text:outline-level", "1")
        try w.element("text:index-title-template", ["text:style-name": "Contents_20_Heading"], text: title)
        try w.start("text:table-of-content-entry-template")
        try w.attribute("text:outline-level", "1")
        try w.attribute("text:style-name", "Contents_20_1")
        try w.element("text:index-entry-text")
        try w.element("text:index-entry-tab-stop", ["style:type": "right", "style:leader-char": "."])
        try w.element("text:index-entry-page-number")
        try w.end()
        try w.end()
        try w.start("text:index-body")
        try w.start("text:index-title")
        try w.attribute("text:name", "Contents_Head")
        try w.element("text:p", ["text:style-name": "Contents_20_Heading"], text: title)
        try w.end()
        for (index, section) in document.sections.enumerated() {
            try w.start("text:p")
            try w.attribute("text:style-name", "Contents_20_1")
            try w.text(section)
            try w.element("text:tab")
            try w.element("text:bookmark-ref", ["text:reference-format": "page", "text:ref-name": "part\(index + 1)"], text: "\(index + 1)")
            try w.end()
        }
        try w.end()
        try w.end()
    }

    private func write(_ figure: Figure, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("text:p")
        try w.attribute("text:style-name", "Figure")
        try w.start("draw:frame")
        try w.attribute("draw:style-name", "FigureFrame")
        try w.attribute("draw:name", figure.name)
        try w.attribute("text:anchor-type", "as-char")
        try w.attribute("svg:width", "\(Self.centimetres(figure.width))cm")
        try w.attribute("svg:height", "\(Self.centimetres(figure.height))cm")
        try w.attribute("draw:z-index", "0")
        // Alternatives, best first: the SVG, then its PNG for readers that show no SVG.
        for path in [Self.picturePath(figure), Self.fallbackPath(figure)] {
            try w.element("draw:image", [
                "xlink:href": path, "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad",
            ])
        }
        try w.element("svg:title", text: figure.alternativeText)
        try w.element("svg:desc", text: figure.caption)
        try w.end()
        try w.end()
        try w.element("text:p", ["text:style-name": "Caption"], text: figure.caption)
    }

    private func write(_ table: Table, name: String, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("table:table")
        try w.attribute("table:name", name)
        try w.attribute("table:style-name", name)
        for column in 1...table.columnCount {
            try w.element("table:table-column", ["table:style-name": "\(name).C\(column)"])
        }
        if let header = table.header {
            try w.start("table:table-header-rows")
            try row(header, to: w) { _ in ("HeaderCell", "Table_20_Heading") }
            try w.end()
        }
        for cells in table.rows {
            try row(cells, to: w) { column in
                table.isLabelled && column == 0 ? ("HeaderCell", "Table_20_Heading") : ("Cell", "Table_20_Contents")
            }
        }
        try w.end()
    }

    private func row(_ cells: [String], to w: XMLWriter,
                     style: (Int) -> (cell: String, paragraph: String)) throws(XMLWriteError) {
        try w.start("table:table-row")
        try w.attribute("table:style-name", "Row")
        for (column, text) in cells.enumerated() {
            let (cell, paragraph) = style(column)
            try w.start("table:table-cell")
            try w.attribute("table:style-name", cell)
            try w.attribute("office:value-type", "string")
            try w.element("text:p", ["text:style-name": paragraph], text: text)
            try w.end()
        }
        try w.end()
    }
}
