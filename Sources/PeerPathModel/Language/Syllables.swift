import Foundation

extension Readability {
    /// The syllables of one word of English, by rule (no dictionary but a few exceptions), correct
    /// for most everyday words and within one for nearly all others:
    ///
    /// - a hyphenated word is the sum of its parts; digits count one syllable each ("15" is 2);
    /// - a word of two to five capitals is an abbreviation, spelt out: one syllable a letter ("NHS" is 3);
    /// - otherwise, in lower case with apostrophes dropped: a plural or possessive `s` is removed
    ///   (`-es` after s, x, z, ch, sh, or a `ce`/`ge`/`se`/`ze` ending, adds one: "boxes", "places");
    ///   then the endings `-ly`, `-ful`, `-ment`, `-ness`, `-less`, `-ing` and `-ed` are each one
    ///   syllable ("-ed" only after t or d: "wanted" 2, "walked" 1) counted on top of the stem,
    ///   when the stem keeps a vowel; a final silent `e` is dropped (not after a vowel, not in a
    ///   consonant + `le` ending such as "table", and not where `-ing` was removed: "be-ing");
    /// - the syllables are the groups of vowels (a e i o u, and y except at the start; u after q is
    ///   a consonant), at least one;
    /// - plus one where a group of vowels is spoken as two: i before a, o or u other than in -cia,
    ///   -tio, -sio, -gio, -xio and -nion/-lion ("me-di-a", "pe-ri-od"); -ie- before t ("qui-et",
    ///   "so-ci-e-ty"); -ien- before t or c other than after c, t, s, g, x ("cli-ent",
    ///   "ex-pe-ri-ence"); a final -ier ("ear-li-er"); u before a other than after g or q
    ///   ("ac-tu-al"); u before e and n or l other than after g or q ("in-flu-ence"); e before o other
    ///   than after p, before u, or in -geon ("the-o-ry"); the prefixes co-op, co-ord and re- before i, o or u; a final -ism.
    ///
    /// An ASCII word is read byte by byte; any other character by character, with the same rules.
    public static func syllables(in word: String) -> Int {
        word.withUTF8Buffer { syllables($0, 0..<$0.count) }
    }

    /// The syllables of the word at `range` of a text's UTF-8 (as `syllables(in:)`).
    static func syllables(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let word = UnsafeBufferPointer(rebasing: utf8[range])
        guard word.isASCII else { return characterSyllables(String(decoding: word, as: UTF8.self)) }
        let parts = word.split(separator: UInt8(ascii: "-"))
        guard parts.count > 1 else { return asciiPartSyllables(word) }
        return parts.reduce(0) { $0 + asciiPartSyllables(UnsafeBufferPointer(rebasing: $1)) }
    }

    /// The syllables of an ASCII word with no hyphen in it.
    private static func asciiPartSyllables(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var letters = 0
        var digits = 0
        var capitals = 0
        for byte in word {
            if Words.isASCIILetter(byte) {
                letters += 1
                if byte &- UInt8(ascii: "A") < 26 { capitals += 1 }
            } else if byte &- UInt8(ascii: "0") < 10 {
                digits += 1
            }
        }
        if letters == 0 { return digits }
        if (2...5).contains(letters), capitals == letters { return letters + digits }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: letters) { buffer in
            var count = 0
            for byte in word where Words.isASCIILetter(byte) {
                buffer[count] = byte | 0x20
                count += 1
            }
            return englishSyllables(UnsafeBufferPointer(buffer)) + digits
        }
    }

    /// The syllables of a word that is not all ASCII, read character by character. Its letters,
    /// lower-cased, go to the rules as ASCII letters and `other` for any other character.
    private static func characterSyllables(_ word: String) -> Int {
        let parts = word.split(whereSeparator: { "-\u{2010}\u{2011}".contains($0) })
        if parts.count > 1 { return parts.reduce(0) { $0 + syllables(in: String($1)) } }
        var letters = ""
        var digits = 0
        for character in word {
            if character.isLetter { letters.append(character) } else if character.isNumber { digits += 1 }
        }
        if letters.isEmpty { return digits }
        if (2...5).contains(letters.count), letters.allSatisfy(\.isUppercase) { return letters.count + digits }
        let codes = letters.lowercased().map { character in
            character.unicodeScalars.count == 1 && character.isASCII ? character.asciiValue! : other
        }
        return codes.withUnsafeBufferPointer { englishSyllables($0) } + digits
    }

    /// Stands for any letter that is not an ASCII letter: no rule names it.
    private static let other: UInt8 = 0xFF

    /// Words the rules get wrong that job descriptions for peer roles use often.
    static let exceptions: [String: Int] = [
        "suicide": 3, "suicidal": 4, "area": 3, "idea": 3, "create": 2, "created": 3, "creating": 3,
        "creative": 3, "creation": 3, "business": 2, "something": 2, "sometimes": 2, "somewhere": 2,
        "someone": 2, "somebody": 3, "science": 2, "safeguard": 2, "safeguarding": 3, "every": 2,
        "everyday": 3, "everything": 3, "everybody": 4, "element": 3, "elements": 3, "being": 2,
        "react": 2, "reality": 4, "real": 1, "really": 2, "people": 2, "hundred": 2, "beyond": 2,
    ]

    /// The `exceptionKey`s of `exceptions`, in order, and their syllables.
    private static let exceptionKeys: (keys: [UInt64], syllables: [Int]) = {
        let sorted = exceptions.map { word, count in
            (Array(word.utf8).withUnsafeBufferPointer { exceptionKey($0[...]) }!, count)
        }.sorted { $0.0 < $1.0 }
        return (sorted.map(\.0), sorted.map(\.1))
    }()

    /// A lower-case word of up to 12 ASCII letters packed into a number (its length, then 5 bits a
    /// letter); nil for any other word, which is no exception.
    private static func exceptionKey(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard word.count <= 12 else { return nil }
        var key = UInt64(word.count)
        for byte in word {
            let letter = byte &- UInt8(ascii: "a")
            guard letter < 26 else { return nil }
            key = key << 5 | UInt64(letter + 1)
        }
        return key
    }

    /// The syllables of the first `length` letters of `word` if they are one of the exceptions.
    private static func exception(_ word: UnsafeBufferPointer<UInt8>, _ length: Int) -> Int? {
        guard let key = exceptionKey(word[..<length]) else { return nil }
        let (keys, syllables) = exceptionKeys
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? syllables[low] : nil
    }

    /// The syllables of a lower-case word (`syllables(in:)`, after its letters are picked out). The
    /// stem is always the start of the word: only endings are taken off.
    static func englishSyllables(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        if let known = exception(word, word.count) { return known }
        var length = word.count
        var extra = 0
        func ends(_ suffix: StaticString) -> Bool { Self.ends(word, length, suffix) }
        // Plural or possessive s.
        if length > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            let single = length - 1
            if let known = exception(word, single) { return known }
            if ends("xes") || ends("ches") || ends("shes") || ends("zes") || ends("sses")
                || (["ce", "ge", "se", "ze"].contains { Self.ends(word, single, $0) } && single >= 3) {
                extra += 1
                length = single - 1   // "places" → "plac" + 1
            } else {
                length = single
            }
        }
        // Endings that are a syllable of their own.
        var droppedIng = false
        for _ in 0..<2 {
            if length > 4, ends("ly"), hasVowel(word, length - 2) {
                length -= 2; extra += 1
            } else if length > 5, ends("ful"), hasVowel(word, length - 3) {
                length -= 3; extra += 1
            } else if length > 6, ends("ment"), hasVowel(word, length - 4) {
                length -= 4; extra += 1
            } else if length > 6, ends("ness") || ends("less"), hasVowel(word, length - 4) {
                length -= 4; extra += 1
            } else if length > 4, ends("ing"), hasVowel(word, length - 3) {
                length -= 3; extra += 1; droppedIng = true
                break
            } else if length > 3, ends("ed"), !ends("eed"), hasVowel(word, length - 2) {
                length -= 2
                if ends("t") || ends("d") { extra += 1 }
                break
            } else {
                break
            }
        }
        if let known = exception(word, length) { return known + extra }
        // Silent final e.
        if !droppedIng, length > 2, word[length - 1] == UInt8(ascii: "e"), !isVowelLetter(word[length - 2]) {
            let consonantLe = word[length - 2] == UInt8(ascii: "l") && length > 3 && !isVowelLetter(word[length - 3])
            if !consonantLe { length -= 1 }
        }
        let stem = UnsafeBufferPointer(rebasing: word[..<length])
        return max(1, vowelGroups(stem)) + extra + splitVowels(stem)
    }

    /// Whether the first `length` letters of `word` end with `suffix`.
    private static func ends(_ word: UnsafeBufferPointer<UInt8>, _ length: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard length >= count else { return false }
        let start = suffix.utf8Start
        for offset in 0..<count where word[length - count + offset] != start[offset] { return false }
        return true
    }

    /// Whether the first `length` letters of `word` have a vowel.
    private static func hasVowel(_ word: UnsafeBufferPointer<UInt8>, _ length: Int) -> Bool {
        (0..<length).contains { isVowelLetter(word[$0]) }
    }

    /// a, e, i, o, u or y.
    private static func isVowelLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    private static func isVowel(_ word: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = word[index]
        if byte == UInt8(ascii: "y") { return index > 0 }
        if byte == UInt8(ascii: "u"), index > 0, word[index - 1] == UInt8(ascii: "q") { return false }
        return isVowelLetter(byte)
    }

    static func vowelGroups(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var groups = 0
        var previous = false
        for index in word.indices {
            let vowel = isVowel(word, index)
            if vowel && !previous { groups += 1 }
            previous = vowel
        }
        return groups
    }

    /// Groups of vowels spoken as two syllables (see `syllables(in:)`).
    static func splitVowels(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var extra = 0
        /// The letter at `i`, or 0 outside the word.
        func at(_ i: Int) -> UInt8 { word.indices.contains(i) ? word[i] : 0 }
        func among(_ byte: UInt8, _ letters: StaticString) -> Bool {
            byte != 0 && UnsafeBufferPointer(start: letters.utf8Start, count: letters.utf8CodeUnitCount).contains(byte)
        }
        for i in word.indices {
            let before = at(i - 1)
            switch (word[i], at(i + 1)) {
            case (UInt8(ascii: "i"), UInt8(ascii: "a")), (UInt8(ascii: "i"), UInt8(ascii: "o")), (UInt8(ascii: "i"), UInt8(ascii: "u")):
                if among(before, "ctsgx") { break }
                if at(i + 1) == UInt8(ascii: "o"), at(i + 2) == UInt8(ascii: "n"), among(before, "nl") { break }
                if before == UInt8(ascii: "u"), at(i - 2) == UInt8(ascii: "q") { break }
                extra += 1
            case (UInt8(ascii: "i"), UInt8(ascii: "e")):
                if at(i + 2) == UInt8(ascii: "t") {
                    extra += 1
                } else if at(i + 2) == UInt8(ascii: "n"), among(at(i + 3), "tc"), !among(before, "ctsgx") {
                    extra += 1
                } else if at(i + 2) == UInt8(ascii: "r"), i + 3 == word.count {
                    extra += 1
                }
            case (UInt8(ascii: "u"), UInt8(ascii: "a")):
                if among(before, "gq") { break }
                extra += 1
            case (UInt8(ascii: "u"), UInt8(ascii: "e")):
                if among(before, "gq") { break }
                if among(at(i + 2), "nl") { extra += 1 }
            case (UInt8(ascii: "e"), UInt8(ascii: "o")):
                if before == UInt8(ascii: "p") || at(i + 2) == UInt8(ascii: "u") { break }          // people, courageous
                if before == UInt8(ascii: "g"), at(i + 2) == UInt8(ascii: "n") { break }            // surgeon
                extra += 1
            default:
                break
            }
        }
        func starts(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            return word.count >= count && (0..<count).allSatisfy { word[$0] == prefix.utf8Start[$0] }
        }
        if starts("coop") || starts("coord") { extra += 1 }
        if word.count > 4, starts("re"), among(at(2), "iou"), !starts("reig") { extra += 1 }
        if word.count >= 3, word[word.count - 3] == UInt8(ascii: "i"), word[word.count - 2] == UInt8(ascii: "s"),
           word[word.count - 1] == UInt8(ascii: "m") { extra += 1 }
        return extra
    }
}
