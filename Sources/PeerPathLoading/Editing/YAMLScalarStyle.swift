/// How the source editor writes a value into YAML text: plain where YAML reads it back unchanged,
/// folded (`>`) for long prose where the neighbouring entries are folded, double-quoted otherwise.
/// Every choice reads back as exactly the value given (after the loader's trimming).
enum YAMLScalarStyle {
    /// The widest line the editor writes when it folds prose.
    static let width = 100

    /// The value as a plain scalar, when YAML would read it back unchanged (as text, whatever the
    /// resolver) in block context, or in flow context (`[a, b]`, `{F1: 3}`) when `flow` is set.
    static func plain(_ value: String, flow: Bool = false) -> String? {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        if first == " " || last == " " || last == ":" { return nil }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return nil }
        if value.contains(": ") || value.contains(" #") { return nil }
        if flow, value.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return nil }
        // Line breaks and tabs fold or vanish; everything outside printable text is quoted.
        guard value.unicodeScalars.allSatisfy(isPrintable) else { return nil }
        // Words other YAML readers take for something else stay text for them too.
        let lowered = value.lowercased()
        if ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lowered) { return nil }
        if Double(value) != nil || value.hasPrefix("0x") || value.hasPrefix("0o") { return nil }
        return value
    }

    /// A word the loader reads from plain text: an id, a number, a level (`4a`). Written plain
    /// when YAML reads it back unchanged, quoted otherwise (the loader then says what is wrong).
    static func word(_ value: String, flow: Bool = false) -> String {
        if !value.isEmpty, value.unicodeScalars.allSatisfy({ isWordCharacter($0) }), !value.hasPrefix("-") {
            return value
        }
        return doubleQuoted(value)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "/", "_": true
        default: false
        }
    }

    /// The value double-quoted: backslash, quote, line breaks, tabs and the characters YAML takes as
    /// line breaks or a byte-order mark escaped; every other character written as it is (so a control
    /// character reaches the loader, which refuses it with its line and column).
    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The value single-quoted, when it has no line break or other character that needs an escape.
    static func singleQuoted(_ value: String) -> String? {
        guard value.unicodeScalars.allSatisfy(isPrintable) else { return nil }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Not a control character, nor one YAML reads as a line break or a byte-order mark.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
            && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
    }

    /// The lines of a folded block (`>`) holding the value, each at most `width` wide with the
    /// indent, or nil when folding would not give the value back: a line break, a tab, two spaces
    /// together, a space at either end, or a character YAML reads as a line break.
    static func folded(_ value: String, indent: Int) -> [String]? {
        guard !value.isEmpty, !value.hasPrefix(" "), !value.hasSuffix(" "), !value.contains("  ") else { return nil }
        guard value.unicodeScalars.allSatisfy(isPrintable) else { return nil }
        let room = max(20, width - indent)
        var lines: [String] = []
        var line = ""
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= room {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + $0 }
    }

    /// A value after `key: ` on one line, in the style of the value it replaces where that reads
    /// back unchanged: plain, single- or double-quoted.
    static func inline(_ value: String, like old: Style = .plain, flow: Bool = false) -> String {
        switch old {
        case .doubleQuoted: return doubleQuoted(value)
        case .singleQuoted: return singleQuoted(value) ?? doubleQuoted(value)
        default: return plain(value, flow: flow) ?? doubleQuoted(value)
        }
    }

    /// The style a value was written in.
    enum Style {
        case plain, singleQuoted, doubleQuoted, folded, literal
    }
}
