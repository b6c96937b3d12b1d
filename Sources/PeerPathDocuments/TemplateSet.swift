import Foundation
import Mustache

/// The wording and structure of each document kind, as Mustache templates read from `templates/`.
/// A template renders a light outline that `Outline` turns into blocks: `#`, `##`, `###` headings,
/// paragraphs separated by blank lines, `- ` bullet lines, and `@name` lines where the composer puts
/// a structured block (a table, the numbered duties).
public struct TemplateSet: @unchecked Sendable {
    private let library: MustacheLibrary
    public let names: [String]

    /// Reads every `*.mustache` file of a folder.
    public init(directory: String) throws(TemplateError) {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw TemplateError(file: directory, message: "cannot read the templates folder")
        }
        var templates: [String: MustacheTemplate] = [:]
        var partials: [String: [String]] = [:]
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw TemplateError(file: path, message: "cannot be read as UTF-8 text")
            }
            partials[String(file.dropLast(".mustache".count))] = Self.partials(in: text)
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch {
                throw TemplateError(file: path, message: "not a valid Mustache template: \(error)")
            }
        }
        if let loop = Self.loop(in: partials) {
            let path = (directory as NSString).appendingPathComponent("\(loop[0]).mustache")
            throw TemplateError(file: path, message: "templates include each other without end: \(loop.joined(separator: " → "))")
        }
        self.library = MustacheLibrary(templates: templates)
        self.names = templates.keys.sorted()
    }

    /// The partials a template includes (`{{> name}}`), in order.
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let tag = rest.drop { $0 == " " }
            guard tag.first == ">", let close = rest.range(of: "}}") else { continue }
            let name = rest[rest.index(after: rest.firstIndex(of: ">")!)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// A chain of templates that comes back to its start through their partials, or nil. Rendering
    /// such a chain would recurse until the stack ran out.
    static func loop(in partials: [String: [String]]) -> [String]? {
        enum Mark { case onPath, finished }
        var marks: [String: Mark] = [:]
        func visit(_ name: String, _ path: [String]) -> [String]? {
            if marks[name] == .finished { return nil }
            if marks[name] == .onPath { return Array(path[path.firstIndex(of: name)!...]) + [name] }
            marks[name] = .onPath
            for next in partials[name] ?? [] {
                if let loop = visit(next, path + [name]) { return loop }
            }
            marks[name] = .finished
            return nil
        }
        for name in partials.keys.sorted() {
            if let loop = visit(name, []) { return loop }
        }
        return nil
    }

    /// Renders a template with a context and reads the outline it produces.
    func render(_ name: String, context: [String: Any]) throws(TemplateError) -> Outline {
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(file: "\(name).mustache", message: "template '\(name)' is missing from the templates folder")
        }
        return Outline(text)
    }
}

public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): error: \(message)" }
}
