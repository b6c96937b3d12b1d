import PeerPathModel

/// The catalogue's duties as checkboxes, each with its text, id, area, domains and levels, under the
/// search box that narrows them as you type (without script the whole list shows). The edit form
/// and the add-role form both offer it.
struct CatalogueDutyChoices {
    let catalogue: Catalogue
    /// The form field each checked duty is sent as (its id is the field's value).
    let field: String
    /// Duties not offered (the role has them already).
    var leaving: Set<String> = []
    /// Duties already ticked (what the person chose before a refused save).
    var checked: [String] = []

    func render(into body: inout HTML) {
        body.raw("<label for=\"edit-duty-search\">Search the catalogue (words of the id, area or text)</label>\n")
        body.raw("<input type=\"search\" id=\"edit-duty-search\" aria-controls=\"edit-duty-results\" autocomplete=\"off\">\n")
        body.raw("<p id=\"edit-duty-count\" role=\"status\"></p>\n<ul id=\"edit-duty-results\">\n")
        for id in catalogue.dutyOrder where !leaving.contains(id) {
            guard let duty = catalogue.duties[id] else { continue }
            body.raw("<li")
            body.attribute("data-catalogue-id", id)
            body.attribute("data-search", "\(id) \(duty.area) \(duty.text)".lowercased())
            body.raw("><input type=\"checkbox\"")
            body.attribute("name", field)
            body.attribute("id", "\(field)-\(id)")
            body.attribute("value", id)
            if checked.contains(id) { body.raw(" checked") }
            body.raw("> <label")
            body.attribute("for", "\(field)-\(id)")
            body.raw(">")
            body.text(duty.text)
            body.raw("</label><p class=\"duty-meta\">")
            let levels = duty.evidence.map { "F\($0.factor) \($0.level)" }.joined(separator: ", ")
            body.text("\(id) · \(duty.area) · domains: \(duty.domains.joined(separator: ", ")) · levels: \(levels)")
            body.raw("</p></li>\n")
        }
        body.raw("</ul>\n")
    }
}
