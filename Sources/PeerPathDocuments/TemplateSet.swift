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
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw TemplateError(file: path, message: "cannot be read as UTF-8 text")
            }
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch {
                throw TemplateError(file: path, message: "not a valid Mustache template: \(error)")
            }
        }
        self.library = MustacheLibrary(templates: templates)
        self.names = templates.keys.sorted()
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
