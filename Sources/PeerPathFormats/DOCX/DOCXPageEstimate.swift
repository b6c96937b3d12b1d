import PeerPathDocuments

/// The page each part (level-1 heading) of a document starts on, estimated from a simple model
/// of the page (A4, the styles' sizes and spacing, Arial's average character width), for the
/// numbers a table of contents shows before a reader updates its fields. Word and LibreOffice
/// show these until the field is updated (Word: F9, or on printing; LibreOffice: Tools ›
/// Update); the estimate is usually right and at worst a page out.
struct DOCXPageEstimate {
    let document: Document

    /// Points of text height on a page: A4 less the 2.7 cm top and 2.2 cm bottom margins (DOCXBody's page).
    static let pageHeight = 841.9 - (2.7 + 2.2) * 72 / 2.54
    /// Points of text width: 17 cm.
    static let pageWidth = 17 * 72 / 2.54
    /// Arial's average character width in English text, as a share of the font size.
    static let characterWidth = 0.46
    /// A line's height, as a share of the font size: fitted to LibreOffice's layout of the shipped
    /// panel packs (the contents' pages then match the .docx's own pages).
    static let lineHeight = 1.1

    /// Lines `text` takes at `size` points across `width` points.
    static func lines(_ text: String, size: Double, width: Double) -> Int {
        let perLine = max(1, Int(width / (size * characterWidth)))
        // Characters counted as Unicode scalars: near enough, and far cheaper than grapheme clusters.
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).reduce(0) { count, line in
            let characters = line.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return count + max(1, (characters + perLine - 1) / perLine)
        }
    }

    /// The estimated first page of each level-1 heading, in order.
    func partPages() -> [Int] {
        var page = 1
        var used = 0.0
        var pages: [Int] = []
        // Places a block of `height` points that may not be split; `lines` of `line` points that may.
        func place(_ height: Double) {
            if used + height > Self.pageHeight, used > 0 {
                page += 1
                used = 0
            }
            used += min(height, Self.pageHeight)
        }
        func placeLines(_ count: Int, line: Double, after: Double) {
            for _ in 0..<count { place(line) }
            used += after
        }
        func breakPage() {
            if used > 0 {
                page += 1
                used = 0
            }
        }
        let body = 11.0
        let bodyLine = body * Self.lineHeight * 1.25
        for block in document.blocks {
            switch block {
            case .pageBreak:
                breakPage()
            case .heading(let level, let text):
                let (size, before, after): (Double, Double, Double) = switch level {
                case 1: (20, 0, 8.5)
                case 2: (14, 12.75, 5.65)
                default: (12, 8.5, 3.4)
                }
                let height = Double(Self.lines(text, size: size, width: Self.pageWidth)) * size * Self.lineHeight + before + after
                // Kept with what follows: a heading with no room for two lines under it starts the next page.
                if used + height + bodyLine * 2 > Self.pageHeight { breakPage() }
                place(height)
                if level == 1 { pages.append(page) }
            case .paragraph(let text):
                placeLines(Self.lines(text, size: body, width: Self.pageWidth), line: bodyLine, after: 6.25)
            case .title(let text):
                place(141.75 + Double(Self.lines(text, size: 28, width: Self.pageWidth)) * 28 * Self.lineHeight + 17)
            case .subtitle(let text):
                place(Double(Self.lines(text, size: 14, width: Self.pageWidth)) * 14 * Self.lineHeight + 8.5)
            case .list(let list):
                for item in list.items {
                    placeLines(Self.lines(item, size: body, width: Self.pageWidth - 34), line: bodyLine, after: 3.4)
                }
            case .table(let table):
                let total = Double(max(table.widths.reduce(0, +), 1))
                let widths = table.widths.map { Self.pageWidth * Double($0) / total - 6.8 }
                for row in (table.header.map { [$0] } ?? []) + table.rows {
                    let lines = zip(row, widths).map { Self.lines($0, size: 10, width: $1) }.max() ?? 1
                    place(Double(lines) * 10 * Self.lineHeight + 7.8)
                }
                place(bodyLine + 6.25)
            case .contents:
                place(16 * Self.lineHeight + 18.4)
                for _ in document.sections { place(body * Self.lineHeight + 4.25) }
            case .figure(let figure):
                place(figure.height * 72 / 2.54 + 8.5 + 2.85)
                place(9 * Self.lineHeight + 11.35)
            }
        }
        return pages
    }
}
