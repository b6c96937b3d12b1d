/// A YAML file's text as lines, for edits that replace whole lines and leave every other byte as
/// it was. Line endings are kept: a file whose lines end with CR LF gets CR LF on new lines too.
struct SourceLines {
    /// The lines without their `\n` (a CR of CR LF stays on the line).
    private(set) var lines: [String]
    let carriageReturn: Bool

    init(_ text: String) {
        // By scalar: as characters, CR LF is one, and would not split.
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        carriageReturn = lines.first?.hasSuffix("\r") ?? false
    }

    var text: String { lines.joined(separator: "\n") }

    var count: Int { lines.count }

    /// Line `index` (0-based) without a trailing CR.
    func content(_ index: Int) -> Substring {
        let line = lines[index]
        return line.hasSuffix("\r") ? line.dropLast() : Substring(line)
    }

    /// The spaces at the start of a line.
    func indent(_ index: Int) -> Int { content(index).prefix { $0 == " " }.count }

    func isBlank(_ index: Int) -> Bool { content(index).allSatisfy { $0 == " " || $0 == "\t" } }

    /// The last line of a block that starts on line `start` and belongs to something at indent
    /// `owner`: the lines that follow, while blank or indented more than `owner` (comments too),
    /// less blank lines at the end.
    func blockEnd(from start: Int, owner: Int) -> Int {
        var last = start
        var index = start + 1
        while index < lines.count {
            if isBlank(index) {
                index += 1
                continue
            }
            guard indent(index) > owner else { break }
            last = index
            index += 1
        }
        return last
    }

    /// Replaces lines `range` with `new` (adding the file's CR where it uses CR LF).
    mutating func replace(_ range: Range<Int>, with new: [String]) {
        lines.replaceSubrange(range, with: carriageReturn ? new.map { $0 + "\r" } : new)
    }

    /// Replaces part of one line, by character offsets of its content.
    mutating func replace(line index: Int, from start: Int, to end: Int, with new: String) {
        let line = lines[index]
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<start])
        out.append(contentsOf: new.unicodeScalars)
        out.append(contentsOf: scalars[end...])
        lines[index] = String(out)
    }

    /// The unicode scalars of a line's content (YAML marks count columns in these).
    func scalars(_ index: Int) -> [Unicode.Scalar] { Array(content(index).unicodeScalars) }
}
