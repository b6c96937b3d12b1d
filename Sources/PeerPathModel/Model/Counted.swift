extension Int {
    /// The count with its noun, singular for one: `1 error`, `2 errors`, `0 warnings`,
    /// `1 duty` / `3 duties` (with `plural:`).
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}
