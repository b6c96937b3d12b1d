import PeerPathDocuments

/// Draws a diagram as SVG 1.1, written by libxml2 like every other XML peerpath produces. The SVG
/// carries a title and description, so it stands on its own as an accessible picture.
public struct SVGWriter: Sendable {
    public init() {}

    static let font = "Arial, Liberation Sans, Helvetica, sans-serif"

    public func render(_ diagram: Diagram, description: String) throws(XMLWriteError) -> [UInt8] {
        let w = XMLWriter()
        try w.start("svg")
        try w.attribute("xmlns", "http://www.w3.org/2000/svg")
        try w.attribute("version", "1.1")
        try w.attribute("width", "\(Self.number(diagram.width))pt")
        try w.attribute("height", "\(Self.number(diagram.height))pt")
        try w.attribute("viewBox", "0 0 \(Self.number(diagram.width)) \(Self.number(diagram.height))")
        try w.attribute("role", "img")
        try w.element("title", text: diagram.title)
        try w.element("desc", text: description)
        try w.start("defs")
        try w.start("marker")
        for (key, value) in [("id", "head"), ("viewBox", "0 0 10 10"), ("refX", "10"), ("refY", "5"),
                             ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto")] {
            try w.attribute(key, value)
        }
        try w.element("path", ["d": "M 0 0 L 10 5 L 0 10 z", "fill": "#425563"])
        try w.end()
        try w.end()
        try w.element("rect", ["x": "0", "y": "0", "width": Self.number(diagram.width), "height": Self.number(diagram.height), "fill": "#ffffff"])
        for arrow in diagram.arrows {
            try draw(arrow, in: diagram, to: w)
        }
        for box in diagram.boxes {
            try draw(box, to: w)
        }
        try w.end()
        return Array(try w.finish())
    }

    private func draw(_ box: Diagram.Box, to w: XMLWriter) throws(XMLWriteError) {
        let (fill, stroke, text): (String, String, String) = switch box.emphasis {
        case .focus: ("#005eb8", "#003087", "#ffffff")
        case .normal: ("#e8edee", "#425563", "#1f2328")
        case .outside: ("#ffffff", "#768692", "#425563")
        case .label: ("none", "none", "#1f2328")
        }
        if box.emphasis != .label {
            try w.element("rect", ["x": Self.number(box.x), "y": Self.number(box.y), "width": Self.number(box.width),
                                   "height": Self.number(box.height), "rx": "6", "fill": fill, "stroke": stroke, "stroke-width": "1.2"])
        }
        if box.emphasis == .outside {
            try w.element("rect", ["x": Self.number(box.x + 3), "y": Self.number(box.y + 3), "width": Self.number(box.width - 6),
                                   "height": Self.number(box.height - 6), "rx": "4", "fill": "none", "stroke": stroke,
                                   "stroke-width": "0.6", "stroke-dasharray": "3 2"])
        }
        let lineHeight = 13.0
        let top = box.y + (box.height - lineHeight * Double(box.lines.count)) / 2 + 10
        for (index, line) in box.lines.enumerated() {
            try w.start("text")
            try w.attribute("x", Self.number(box.x + box.width / 2))
            try w.attribute("y", Self.number(top + lineHeight * Double(index)))
            try w.attribute("text-anchor", "middle")
            try w.attribute("font-family", Self.font)
            // Every line but the last names the box, in bold; the last line is the detail.
            let isName = index < box.lines.count - 1 || box.lines.count == 1
            try w.attribute("font-size", isName ? "10.5" : "9")
            if isName { try w.attribute("font-weight", "bold") }
            try w.attribute("fill", text)
            try w.text(line)
            try w.end()
        }
    }

    private func draw(_ arrow: Diagram.Arrow, in diagram: Diagram, to w: XMLWriter) throws(XMLWriteError) {
        let a = diagram.boxes[arrow.from]
        let b = diagram.boxes[arrow.to]
        // Leave from the edge facing the other box; arrive at the facing edge of the other.
        let start: (Double, Double)
        let end: (Double, Double)
        if b.y + b.height <= a.y {
            start = (a.x + a.width / 2, a.y)
            end = (b.x + b.width / 2, b.y + b.height)
        } else if b.y >= a.y + a.height {
            start = (a.x + a.width / 2, a.y + a.height)
            end = (b.x + b.width / 2, b.y)
        } else if b.x >= a.x + a.width {
            start = (a.x + a.width, a.y + a.height / 2)
            end = (b.x, b.y + b.height / 2)
        } else {
            start = (a.x, a.y + a.height / 2)
            end = (b.x + b.width, b.y + b.height / 2)
        }
        let middleY = (start.1 + end.1) / 2
        let path = "M \(Self.number(start.0)) \(Self.number(start.1)) L \(Self.number(start.0)) \(Self.number(middleY)) L \(Self.number(end.0)) \(Self.number(middleY)) L \(Self.number(end.0)) \(Self.number(end.1))"
        try w.start("path")
        try w.attribute("d", path)
        try w.attribute("fill", "none")
        try w.attribute("stroke", "#425563")
        try w.attribute("stroke-width", "1.2")
        if arrow.style == .arrow { try w.attribute("marker-end", "url(#head)") }
        try w.end()
        if let label = arrow.label {
            try w.start("text")
            try w.attribute("x", Self.number((start.0 + end.0) / 2 + 4))
            try w.attribute("y", Self.number(middleY - 3))
            try w.attribute("font-family", Self.font)
            try w.attribute("font-size", "8")
            try w.attribute("fill", "#425563")
            try w.text(label)
            try w.end()
        }
    }

    /// A coordinate with at most one decimal, without a trailing ".0".
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
