import CRsvg
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// librsvg and cairo, opened the first time a PNG is drawn. Linking them made every command load
/// librsvg and the forty-odd libraries it needs at start (about 8 ms, drawing or not); opened here,
/// only a run that writes an ODT or a Word file pays for them.
struct RsvgLibrary: @unchecked Sendable {
    let newFromData: PeerPathRsvgHandleNewFromData
    let renderDocument: PeerPathRsvgHandleRenderDocument
    let errorFree: PeerPathGErrorFree
    let objectUnref: PeerPathGObjectUnref
    let imageSurfaceCreate: PeerPathCairoImageSurfaceCreate
    let surfaceDestroy: PeerPathCairoSurfaceDestroy
    let surfaceStatus: PeerPathCairoSurfaceStatus
    let create: PeerPathCairoCreate
    let destroy: PeerPathCairoDestroy
    let surfaceFlush: PeerPathCairoSurfaceFlush
    let writeToPNGStream: PeerPathCairoSurfaceWriteToPNGStream

    #if os(macOS)
    static let names = ["librsvg-2.2.dylib", "/opt/homebrew/lib/librsvg-2.2.dylib", "/usr/local/lib/librsvg-2.2.dylib"]
    #else
    static let names = ["librsvg-2.so.2"]
    #endif

    /// The library, or why it could not be opened; opened once, on first use.
    static let shared: Result<RsvgLibrary, XMLWriteError> = open()

    private static func open() -> Result<RsvgLibrary, XMLWriteError> {
        var reason = "not found"
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                if let error = dlerror() { reason = String(cString: error) }
                continue
            }
            // librsvg's handle also finds the cairo, GObject and GLib functions it depends on.
            func symbol<Function>(_ name: String, _ type: Function.Type) throws(XMLWriteError) -> Function {
                guard let address = dlsym(handle, name) else {
                    throw XMLWriteError(message: "librsvg (\(names[0])) has no \(name); install librsvg 2.46 or later")
                }
                return unsafeBitCast(address, to: type)
            }
            do {
                return .success(RsvgLibrary(
                    newFromData: try symbol("rsvg_handle_new_from_data", PeerPathRsvgHandleNewFromData.self),
                    renderDocument: try symbol("rsvg_handle_render_document", PeerPathRsvgHandleRenderDocument.self),
                    errorFree: try symbol("g_error_free", PeerPathGErrorFree.self),
                    objectUnref: try symbol("g_object_unref", PeerPathGObjectUnref.self),
                    imageSurfaceCreate: try symbol("cairo_image_surface_create", PeerPathCairoImageSurfaceCreate.self),
                    surfaceDestroy: try symbol("cairo_surface_destroy", PeerPathCairoSurfaceDestroy.self),
                    surfaceStatus: try symbol("cairo_surface_status", PeerPathCairoSurfaceStatus.self),
                    create: try symbol("cairo_create", PeerPathCairoCreate.self),
                    destroy: try symbol("cairo_destroy", PeerPathCairoDestroy.self),
                    surfaceFlush: try symbol("cairo_surface_flush", PeerPathCairoSurfaceFlush.self),
                    writeToPNGStream: try symbol("cairo_surface_write_to_png_stream", PeerPathCairoSurfaceWriteToPNGStream.self)))
            } catch {
                return .failure(error)
            }
        }
        return .failure(XMLWriteError(message: "cannot draw the PNG fallback of a diagram: librsvg could not be opened (\(reason)); install it (Debian: librsvg2-2)"))
    }
}
