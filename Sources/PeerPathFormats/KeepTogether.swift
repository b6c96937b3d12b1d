import PeerPathDocuments

/// What every writer keeps on one page, so the ODT and the DOCX break pages in the same places: a
/// short list stays whole; a long one never leaves its first or last item alone on a page; a
/// paragraph that introduces a list or a table is never left at the foot of a page.
enum KeepTogether {
    /// The most items a list may have and still be kept whole.
    static let shortList = 6

    /// Whether the list item at `position` of a list of `count` items keeps with the item after it.
    static func listItemKeepsWithNext(position: Int, count: Int) -> Bool {
        guard position < count - 1 else { return false }
        return count <= shortList || position == 0 || position == count - 2
    }

    /// Whether the block at an index must stay on the page of the block after it: a paragraph that
    /// introduces a list or a table (it usually ends with a colon).
    static func blockKeepsWithNext(_ blocks: [Block], at index: Int) -> Bool {
        guard case .paragraph = blocks[index], index + 1 < blocks.count else { return false }
        switch blocks[index + 1] {
        case .list, .table: return true
        default: return false
        }
    }
}
