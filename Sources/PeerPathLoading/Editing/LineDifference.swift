/// The lines that differ between two versions of a text, as a unified difference (`-` old, `+`
/// new, with line numbers), for a save refused because the file changed on disk.
public enum LineDifference {
    public static func unified(old: String, new: String, oldName: String = "loaded", newName: String = "on disk", limit: Int = 200) -> String {
        let a = old.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let b = new.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        guard !x.isEmpty || !y.isEmpty else { return "" }
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        // The longest common subsequence of the middle, when it is small enough to compute.
        if x.count * y.count <= 4_000_000 {
            var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    i += 1; j += 1
                } else if j < y.count, i == x.count || table[i][j + 1] > table[i + 1][j] {
                    lines.append("+\(prefix + j + 1): \(y[j])"); j += 1
                } else {
                    lines.append("-\(prefix + i + 1): \(x[i])"); i += 1
                }
                if lines.count > limit { lines.append("…"); break }
            }
        } else {
            lines += x.prefix(limit / 2).enumerated().map { "-\(prefix + $0.offset + 1): \($0.element)" }
            lines += y.prefix(limit / 2).enumerated().map { "+\(prefix + $0.offset + 1): \($0.element)" }
        }
        return lines.joined(separator: "\n")
    }
}
