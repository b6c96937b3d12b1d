/// A document as a format-neutral tree: every writer (ODT, XML, Markdown) walks the same blocks,
/// so a new output format costs one writer and never a second composer.
public struct Document: Sendable {
    public enum Kind: String, Sendable {
        case jobDescription = "job-description"
    }

    public var kind: Kind
    public var title: String
    public var subject: String
    public var keywords: [String]
    public var blocks: [Block]

    public init(kind: Kind, title: String, subject: String, keywords: [String], blocks: [Block]) {
        self.kind = kind
        self.title = title
        self.subject = subject
        self.keywords = keywords
        self.blocks = blocks
    }
}

public enum Block: Sendable, Equatable {
    /// A heading; level 1 is the document's title.
    case heading(level: Int, text: String)
    case paragraph(String)
    case list(ListBlock)
    case table(Table)
}

/// A bulleted list, or a numbered one whose numbers carry a prefix (duty area 2 numbers 2.1, 2.2 …).
public struct ListBlock: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case bulleted
        case numbered(prefix: String)
    }

    public var style: Style
    public var items: [String]

    public init(style: Style, items: [String]) {
        self.style = style
        self.items = items
    }

    /// The label each item shows: its number with the prefix, or a bullet.
    public func label(ofItemAt index: Int) -> String {
        switch style {
        case .bulleted: "•"
        case .numbered(let prefix): "\(prefix)\(index + 1)"
        }
    }
}

/// A table; `header` is the row repeated at the top of each page. In a `labelled` table the first
/// column names what the second holds (an identification table) and has no header row.
public struct Table: Sendable, Equatable {
    public var name: String
    public var header: [String]?
    public var rows: [[String]]
    /// Relative column widths, one per column.
    public var widths: [Int]

    public init(name: String, header: [String]?, rows: [[String]], widths: [Int]) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
    }

    public var columnCount: Int { widths.count }
    public var isLabelled: Bool { header == nil }
}
