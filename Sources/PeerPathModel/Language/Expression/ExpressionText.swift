/// A text as `ExpressionMatcher` reads it: its UTF-16 units, so match offsets are
/// `NSRegularExpression`'s. Only text the matcher reads exactly as ICU does becomes one: every
/// character in the Basic Multilingual Plane (one unit each), and every character outside ASCII
/// one that case folding leaves unchanged (so matching in any case compares it as it is: "é" but
/// not "É", "ß", the Kelvin sign or the long s, which fold to other letters) and that Unicode 15
/// or before assigned (so Swift's tables and ICU's agree on it). Other text is left to ICU.
struct ExpressionText {
    let units: [UInt16]

    init?(_ text: String) {
        var units: [UInt16] = []
        units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.isASCII || Self.readsAsICU(scalar) else { return nil }
            units.append(UInt16(scalar.value))
        }
        self.units = units
    }

    /// ASCII text from its UTF-8 bytes.
    init(ascii utf8: [UInt8]) {
        units = utf8.map(UInt16.init)
    }

    /// Whether a character outside ASCII reads to the matcher as to ICU.
    static func readsAsICU(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value <= 0xFFFF else { return false }
        let properties = scalar.properties
        guard let age = properties.age, age.major < 16 else { return false }
        return !properties.changesWhenCaseFolded
    }
}
