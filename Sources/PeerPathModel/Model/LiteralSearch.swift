import Foundation

extension String {
    /// Whether the text holds `word`, an ASCII word without `K`, `;` or a backtick, as Foundation's
    /// `contains` (what `String.contains` means once Foundation is imported) finds it. Compared byte
    /// for byte, a thousand times cheaper; where a match is followed by a non-ASCII character, which
    /// might be a combining mark that Foundation reads as part of the match's last letter, Foundation
    /// settles it. (For such a word no other text is canonically equivalent to it.)
    public func containsWord(_ word: String) -> Bool {
        var word = word
        let found = word.withUTF8 { needle -> Bool? in
            withUTF8Buffer { text -> Bool? in
                guard needle.count > 0 else { return true }
                guard text.count >= needle.count else { return false }
                let first = needle[0]
                var start = 0
                while start <= text.count - needle.count {
                    if text[start] == first {
                        var index = 1
                        while index < needle.count, text[start + index] == needle[index] { index += 1 }
                        if index == needle.count {
                            let after = start + needle.count
                            return after < text.count && text[after] >= 0x80 ? nil : true
                        }
                    }
                    start += 1
                }
                return false
            }
        }
        return found ?? contains(word)
    }
}
