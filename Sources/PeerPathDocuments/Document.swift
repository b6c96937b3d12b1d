/// A document as a format-neutral tree: every writer (ODT, XML, Markdown) walks the same blocks,
/// so a new output format costs one writer and never a second composer.
public struct Document: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case jobDescription = "job-description"
        case personSpecification = "person-specification"
        case jobAnalysis = "job-analysis"
        case bandingJustification = "banding-justification"
        case panelPack = "panel-pack"
        case panelPackBlind = "panel-pack-blind"
        case pathwayOverview = "pathway-overview"
        /// What changed in a role since an earlier version of its pathway (`generate --since`).
        case changes
    }

    public var kind: Kind
    public var title: String
    public var subject: String
    public var keywords: [String]
    /// Named values for the document's metadata (pathway, role, band, points, peerpath version).
    public var properties: [Property]
    public var blocks: [Block]

    public init(kind: Kind, title: String, subject: String, keywords: [String], properties: [Property] = [], blocks: [Block]) {
        self.kind = kind
        self.title = title
        self.subject = subject
        self.keywords = keywords
        self.properties = properties
        self.blocks = blocks
    }

    /// The level-1 headings, in order: what a table of contents lists.
    public var sections: [String] {
        blocks.compactMap { if case .heading(1, let text) = $0 { text } else { nil } }
    }

    public struct Property: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}

public enum Block: Sendable, Equatable {
    /// A heading; level 1 starts a part of the document.
    case heading(level: Int, text: String)
    case paragraph(String)
    case list(ListBlock)
    case table(Table)
    /// The cover's large title and the line under it.
    case title(String)
    case subtitle(String)
    /// A table of contents of the level-1 headings that follow, with their page numbers.
    case contents(title: String)
    /// Starts a new page.
    case pageBreak
    /// A picture, drawn from a diagram, with the text that stands in for it.
    case figure(Figure)
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

/// A picture in a document: a diagram, its size on the page, and its alternative text.
public struct Figure: Sendable, Equatable {
    /// A file-name-safe name, unique in the document ("org-chart", "ladder").
    public var name: String
    public var diagram: Diagram
    /// Width on the page in centimetres: the diagram's own size (its units are points), shrunk to
    /// fit within the given width and height, keeping its proportions.
    public var width: Double
    public var alternativeText: String
    public var caption: String

    public static let centimetresPerPoint = 2.54 / 72

    public init(name: String, diagram: Diagram, maximumWidth: Double = 16, maximumHeight: Double = 20,
                alternativeText: String, caption: String) {
        self.name = name
        self.diagram = diagram
        let natural = diagram.width * Self.centimetresPerPoint
        let scale = min(1, maximumWidth / natural, maximumHeight / (diagram.height * Self.centimetresPerPoint))
        self.width = natural * scale
        self.alternativeText = alternativeText
        self.caption = caption
    }

    public var height: Double { width * diagram.height / diagram.width }
}
