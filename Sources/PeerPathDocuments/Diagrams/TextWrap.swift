/// Breaks text into lines of at most a number of characters, at spaces; a word longer than a line
/// is broken with a hyphen, so nothing runs outside its box.
enum TextWrap {
    static func lines(_ text: String, width: Int, maximum: Int = 4) -> [String] {
        var lines: [String] = []
        var current = ""
        var words = text.split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            var word = words[index]
            if word.count > width {
                let head = String(word.prefix(width - 1)) + "-"
                words.insert(String(word.dropFirst(width - 1)), at: index + 1)
                word = head
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
            index += 1
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maximum {
            lines = Array(lines.prefix(maximum))
            lines[maximum - 1] += "…"
        }
        return lines
    }
}
