import Foundation

/// An `Expression` compiled into a program for a backtracking machine, and run over an
/// `ExpressionText` the way ICU runs it: at each start from the left, alternatives in order,
/// greedy repeats longest first (lazy ones shortest first), the first way through wins; the next
/// search starts where a match ended (one further after an empty one). Lookarounds are tried on
/// their own and not backtracked into. Offsets are UTF-16 units, as `NSRegularExpression` gives.
final class ExpressionMatcher: Sendable {
    enum Instruction: Sendable {
        case unit(UInt16)
        /// An ASCII letter in any case (the unit is the lower-case letter).
        case foldedUnit(UInt16)
        case characterClass(Int)
        case anyCharacter
        case wordBoundary(Bool)
        /// Try the first address; on failure, the second.
        case split(Int, Int)
        case jump(Int)
        /// The lookahead's program starts at the address.
        case lookahead(Int, negative: Bool)
        /// The lookbehind's program starts at the address; a match of it is `minimum` to `maximum` units long.
        case lookbehind(Int, negative: Bool, minimum: Int, maximum: Int)
        case match
    }

    let instructions: [Instruction]
    private let classes: [ExpressionClass]
    /// The ASCII units a match can start with, and whether a unit outside ASCII can; nil when a
    /// match may be empty (every position is tried).
    private let first: (ascii: ExpressionClass, other: Bool)?

    init(_ expression: Expression) {
        var builder = Builder()
        builder.emit(expression)
        builder.instructions.append(.match)
        var pending = builder.pending
        while !pending.isEmpty {
            let (at, body) = pending.removeFirst()
            let start = builder.instructions.count
            builder.pending = []
            builder.emit(body)
            builder.instructions.append(.match)
            pending += builder.pending
            switch builder.instructions[at] {
            case .lookahead(_, let negative): builder.instructions[at] = .lookahead(start, negative: negative)
            case .lookbehind(_, let negative, let minimum, let maximum):
                builder.instructions[at] = .lookbehind(start, negative: negative, minimum: minimum, maximum: maximum)
            default: break
            }
        }
        instructions = builder.instructions
        classes = builder.classes
        first = Self.firstUnits(expression)
    }

    /// Every match in the text, in order, not overlapping.
    func matches(in text: ExpressionText) -> [NSRange] {
        var found: [NSRange] = []
        search(text) { range in
            found.append(range)
            return true
        }
        return found
    }

    func firstMatch(in text: ExpressionText) -> NSRange? {
        var found: NSRange?
        search(text) { range in
            found = range
            return false
        }
        return found
    }

    /// Calls `body` with each match until it returns false.
    private func search(_ text: ExpressionText, _ body: (NSRange) -> Bool) {
        text.units.withUnsafeBufferPointer { units in
            var run = Run(matcher: self, text: units)
            var start = 0
            while start <= units.count {
                var matched: (Int, Int)?
                for position in start...units.count where mayStart(units, position) {
                    let end = run.run(0, from: position, to: -1)
                    if end >= 0 { matched = (position, end); break }
                }
                guard let (position, end) = matched, body(NSRange(location: position, length: end - position)) else { return }
                start = end > position ? end : end + 1
            }
        }
    }

    @inline(__always)
    private func mayStart(_ units: UnsafeBufferPointer<UInt16>, _ position: Int) -> Bool {
        guard let first else { return true }
        guard position < units.count else { return false }
        let unit = units[position]
        return unit < 128 ? first.ascii.contains(unit) : first.other
    }

    /// One search's machine: the text and a stack of places to go back to.
    private struct Run {
        let matcher: ExpressionMatcher
        let text: UnsafeBufferPointer<UInt16>
        var stack: [(Int, Int)] = []

        init(matcher: ExpressionMatcher, text: UnsafeBufferPointer<UInt16>) {
            self.matcher = matcher
            self.text = text
            stack.reserveCapacity(64)
        }

        /// Where the program from `address` matches to, starting at `position` (ending at `end`
        /// when that is not negative); -1 when it does not match.
        mutating func run(_ address: Int, from position: Int, to end: Int) -> Int {
            let base = stack.count
            defer { stack.removeSubrange(base...) }
            var address = address
            var position = position
            let count = text.count
            while true {
                var advanced = false
                switch matcher.instructions[address] {
                case .unit(let unit):
                    if position < count, text[position] == unit { position += 1; address += 1; advanced = true }
                case .foldedUnit(let unit):
                    if position < count, text[position] | (ExpressionCharacter.isASCIILetter(text[position]) ? 0x20 : 0) == unit {
                        position += 1; address += 1; advanced = true
                    }
                case .characterClass(let index):
                    if position < count, matcher.classes[index].contains(text[position]) { position += 1; address += 1; advanced = true }
                case .anyCharacter:
                    if position < count, !ExpressionCharacter.isLineEnd(text[position]) { position += 1; address += 1; advanced = true }
                case .wordBoundary(let wanted):
                    if isWordBoundary(position) == wanted { address += 1; advanced = true }
                case .split(let preferred, let other):
                    stack.append((other, position))
                    address = preferred
                    advanced = true
                case .jump(let target):
                    address = target
                    advanced = true
                case .lookahead(let start, let negative):
                    if (run(start, from: position, to: -1) >= 0) != negative { address += 1; advanced = true }
                case .lookbehind(let start, let negative, let minimum, let maximum):
                    var found = false
                    if position >= minimum {
                        for from in stride(from: position - minimum, through: max(0, position - maximum), by: -1)
                        where run(start, from: from, to: position) >= 0 {
                            found = true
                            break
                        }
                    }
                    if found != negative { address += 1; advanced = true }
                case .match:
                    if end < 0 || position == end { return position }
                }
                if advanced { continue }
                guard stack.count > base else { return -1 }
                (address, position) = stack.removeLast()
            }
        }

        /// ICU's `\b`: between a word character and another character, looking through combining
        /// marks and format characters; never just before one of those.
        private func isWordBoundary(_ position: Int) -> Bool {
            var here = false
            if position < text.count {
                if ExpressionCharacter.isIgnoredByBoundary(text[position]) { return false }
                here = ExpressionCharacter.isWordCharacter(text[position])
            }
            var before = false
            var index = position - 1
            while index >= 0 {
                if !ExpressionCharacter.isIgnoredByBoundary(text[index]) {
                    before = ExpressionCharacter.isWordCharacter(text[index])
                    break
                }
                index -= 1
            }
            return here != before
        }
    }

    // MARK: Compiling

    private struct Builder {
        var instructions: [Instruction] = []
        var classes: [ExpressionClass] = []
        /// Lookarounds whose programs are still to be placed after the main one.
        var pending: [(Int, Expression)] = []

        mutating func emit(_ expression: Expression) {
            switch expression {
            case .empty:
                break
            case .character(let unit, let folded):
                instructions.append(folded ? .foldedUnit(unit) : .unit(unit))
            case .anyCharacter:
                instructions.append(.anyCharacter)
            case .characterClass(let set):
                if let index = classes.firstIndex(of: set) {
                    instructions.append(.characterClass(index))
                } else {
                    classes.append(set)
                    instructions.append(.characterClass(classes.count - 1))
                }
            case .wordBoundary(let wanted):
                instructions.append(.wordBoundary(wanted))
            case .sequence(let parts):
                for part in parts { emit(part) }
            case .alternation(let choices):
                // split(a, next); a…; jump end; next: split(b, …) …; last choice with no split.
                var jumps: [Int] = []
                for (number, choice) in choices.enumerated() {
                    if number < choices.count - 1 {
                        let split = instructions.count
                        instructions.append(.split(split + 1, -1))
                        emit(choice)
                        jumps.append(instructions.count)
                        instructions.append(.jump(-1))
                        instructions[split] = .split(split + 1, instructions.count)
                    } else {
                        emit(choice)
                    }
                }
                for jump in jumps { instructions[jump] = .jump(instructions.count) }
            case .repetition(let body, let minimum, let maximum, let lazy):
                for _ in 0..<minimum { emit(body) }
                if let maximum {
                    // Each optional copy: split(body, end) — nested, so a later copy needs the earlier.
                    var splits: [Int] = []
                    for _ in minimum..<maximum {
                        splits.append(instructions.count)
                        instructions.append(.split(-1, -1))
                        emit(body)
                    }
                    for split in splits { instructions[split] = choice(split + 1, instructions.count, lazy) }
                } else {
                    let loop = instructions.count
                    instructions.append(.split(-1, -1))
                    emit(body)
                    instructions.append(.jump(loop))
                    instructions[loop] = choice(loop + 1, instructions.count, lazy)
                }
            case .lookahead(let body, let negative):
                pending.append((instructions.count, body))
                instructions.append(.lookahead(-1, negative: negative))
            case .lookbehind(let body, let negative):
                let length = body.length
                pending.append((instructions.count, body))
                instructions.append(.lookbehind(-1, negative: negative, minimum: length.minimum, maximum: length.maximum ?? length.minimum))
            }
        }

        private func choice(_ body: Int, _ skip: Int, _ lazy: Bool) -> Instruction {
            lazy ? .split(skip, body) : .split(body, skip)
        }
    }

    /// The units a match can start with (see `first`).
    private static func firstUnits(_ expression: Expression) -> (ascii: ExpressionClass, other: Bool)? {
        var ascii = ExpressionClass()
        var other = false
        /// Adds what `expression` can start with; returns whether it can match nothing.
        func add(_ expression: Expression) -> Bool {
            switch expression {
            case .empty, .wordBoundary, .lookahead, .lookbehind:
                return true
            case .character(let unit, let folded):
                if unit < 128 {
                    ascii.insert(unit, through: unit, foldingCase: folded)
                } else {
                    other = true
                }
                return false
            case .anyCharacter:
                ascii.insert(0, through: 127, foldingCase: false)
                other = true
                return false
            case .characterClass(let set):
                for unit in UInt16(0)..<128 where set.contains(unit) { ascii.insert(unit, through: unit, foldingCase: false) }
                other = true
                return false
            case .sequence(let parts):
                for part in parts where !add(part) { return false }
                return true
            case .alternation(let choices):
                var empty = false
                for choice in choices where add(choice) { empty = true }
                return empty
            case .repetition(let body, let minimum, _, _):
                return add(body) || minimum == 0
            }
        }
        return add(expression) ? nil : (ascii, other)
    }
}
