import CRsvg
import Foundation
import PeerPathDocuments

/// Draws an SVG picture as PNG with librsvg and cairo: the fallback for readers that show no SVG
/// (Word before 2016, older viewers). cairo writes no date or other varying chunk, so the same SVG
/// gives the same PNG bytes on the same machine (text is drawn with the fonts fontconfig finds:
/// Arial, or Liberation Sans where Arial is absent).
public enum PNGRenderer {
    /// Pixels an inch: a screen's. The PNG is only the fallback of readers that show no SVG (Word
    /// 2016+ and LibreOffice draw the SVG); 150 dpi cost 1.7 times as long to draw for each figure.
    public static let resolution = 96.0

    /// The most pixels a side: a diagram is never drawn larger whatever its size.
    static let maximumSide = 4000.0

    private static let lock = NSLock()
    /// PNGs already drawn, by their SVG and size: a role's chart is drawn once for its ODT and its DOCX.
    nonisolated(unsafe) private static var cache: [Drawing: [UInt8]] = [:]

    private struct Drawing: Hashable {
        var svg: [UInt8]
        var width: Int32
        var height: Int32
    }
    private static let cacheLimit = 64

    /// The PNG of an SVG shown `width` × `height` centimetres on the page.
    public static func png(svg: [UInt8], width: Double, height: Double) throws(XMLWriteError) -> [UInt8] {
        let pixelWidth = min(maximumSide, max(1, (width / 2.54 * resolution).rounded()))
        let pixelHeight = min(maximumSide, max(1, (height / 2.54 * resolution).rounded()))
        // librsvg and fontconfig are driven from one thread at a time.
        lock.lock()
        defer { lock.unlock() }
        let drawing = Drawing(svg: svg, width: Int32(pixelWidth), height: Int32(pixelHeight))
        if let cached = cache[drawing] { return cached }
        let result = try draw(svg, width: drawing.width, height: drawing.height)
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[drawing] = result
        return result
    }

    static func draw(_ svg: [UInt8], width: Int32, height: Int32) throws(XMLWriteError) -> [UInt8] {
        let library = try RsvgLibrary.shared.get()
        var error: UnsafeMutablePointer<PeerPathGError>?
        let handle = svg.withUnsafeBufferPointer { buffer in
            library.newFromData(buffer.baseAddress, buffer.count, &error)
        }
        guard let handle else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { library.errorFree(error) }
            throw XMLWriteError(message: "librsvg could not read a diagram: \(message)")
        }
        defer { library.objectUnref(handle) }
        // No alpha: every diagram paints its own white background.
        guard let surface = library.imageSurfaceCreate(PEERPATH_CAIRO_FORMAT_RGB24, width, height) else {
            throw XMLWriteError(message: "cairo could not make a \(width)×\(height) picture")
        }
        defer { library.surfaceDestroy(surface) }
        guard library.surfaceStatus(surface) == PEERPATH_CAIRO_STATUS_SUCCESS, let cairo = library.create(surface) else {
            throw XMLWriteError(message: "cairo could not make a \(width)×\(height) picture")
        }
        defer { library.destroy(cairo) }
        var viewport = PeerPathRsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
        guard library.renderDocument(handle, cairo, &viewport, &error) != 0 else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { library.errorFree(error) }
            throw XMLWriteError(message: "librsvg could not draw a diagram: \(message)")
        }
        library.surfaceFlush(surface)
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let status = library.writeToPNGStream(surface, { closure, data, length in
            guard let closure, let data else { return PEERPATH_CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return PEERPATH_CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == PEERPATH_CAIRO_STATUS_SUCCESS else { throw XMLWriteError(message: "cairo could not write a PNG") }
        return sink.bytes
    }

    /// The SVG and PNG of a figure, as every package carries them.
    public static func pictures(of figure: Figure) throws(XMLWriteError) -> (svg: [UInt8], png: [UInt8]) {
        let svg = try SVGWriter().render(figure.diagram, description: figure.alternativeText)
        return (svg, try png(svg: svg, width: figure.width, height: figure.height))
    }
}
