/// A simple box-and-arrow drawing in its own units (about points), laid out by a composer and
/// drawn by a writer (SVG). Organisation charts and the pathway ladder are diagrams.
public struct Diagram: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var boxes: [Box]
    public var arrows: [Arrow]
    /// A short text stating what the diagram shows, written into the SVG as its title.
    public var title: String

    public init(width: Double, height: Double, boxes: [Box], arrows: [Arrow], title: String) {
        self.width = width
        self.height = height
        self.boxes = boxes
        self.arrows = arrows
        self.title = title
    }

    public struct Box: Sendable, Equatable {
        public enum Emphasis: Sendable, Equatable {
            /// The box the diagram is about.
            case focus
            case normal
            /// A post outside the pathway.
            case outside
            /// Text alone, without a frame (a chart's labels).
            case label
        }

        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        /// The first line is bold; the rest are smaller.
        public var lines: [String]
        public var emphasis: Emphasis

        public init(x: Double, y: Double, width: Double, height: Double, lines: [String], emphasis: Emphasis = .normal) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            self.lines = lines
            self.emphasis = emphasis
        }
    }

    /// A line from one box to another (by index), drawn from the bottom or side of the first to the
    /// top or side of the second, with an optional label.
    public struct Arrow: Sendable, Equatable {
        public enum Style: Sendable, Equatable {
            /// A plain connector (a reporting line).
            case line
            /// An arrow head at the end (a route).
            case arrow
        }

        public var from: Int
        public var to: Int
        public var style: Style
        public var label: String?

        public init(from: Int, to: Int, style: Style, label: String? = nil) {
            self.from = from
            self.to = to
            self.style = style
            self.label = label
        }
    }
}
