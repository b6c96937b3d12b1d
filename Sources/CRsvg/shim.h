// librsvg and cairo draw peerpath's SVG diagrams as PNG fallbacks for readers without SVG. They are
// loaded with dlopen the first time a PNG is drawn, not linked: loading librsvg and the forty-odd
// libraries it needs (cairo, pango, glib, X11, ...) cost every command about 8 ms at start, commands
// that draw nothing included. Declared here are the few types and functions peerpath uses, as in
// librsvg 2.5x and cairo 1.16+ (their ABI has been stable since librsvg 2.46 and cairo 1.0).
#include <stddef.h>
#include <stdint.h>

/// GLib's GError (GQuark domain, gint code, gchar *message).
typedef struct {
    uint32_t domain;
    int code;
    char *message;
} PeerPathGError;

/// librsvg's RsvgRectangle.
typedef struct {
    double x;
    double y;
    double width;
    double height;
} PeerPathRsvgRectangle;

/// cairo_format_t CAIRO_FORMAT_RGB24, cairo_status_t CAIRO_STATUS_SUCCESS and CAIRO_STATUS_WRITE_ERROR.
static const int PEERPATH_CAIRO_FORMAT_RGB24 = 1;
static const int PEERPATH_CAIRO_STATUS_SUCCESS = 0;
static const int PEERPATH_CAIRO_STATUS_WRITE_ERROR = 11;

typedef void *(*PeerPathRsvgHandleNewFromData)(const uint8_t *data, size_t length, PeerPathGError **error);
typedef int (*PeerPathRsvgHandleRenderDocument)(void *handle, void *cairo, const PeerPathRsvgRectangle *viewport, PeerPathGError **error);
typedef void (*PeerPathGErrorFree)(PeerPathGError *error);
typedef void (*PeerPathGObjectUnref)(void *object);
typedef void *(*PeerPathCairoImageSurfaceCreate)(int format, int width, int height);
typedef void (*PeerPathCairoSurfaceDestroy)(void *surface);
typedef int (*PeerPathCairoSurfaceStatus)(void *surface);
typedef void *(*PeerPathCairoCreate)(void *surface);
typedef void (*PeerPathCairoDestroy)(void *cairo);
typedef void (*PeerPathCairoSurfaceFlush)(void *surface);
typedef int (*PeerPathCairoWriteFunction)(void *closure, const unsigned char *data, unsigned int length);
typedef int (*PeerPathCairoSurfaceWriteToPNGStream)(void *surface, PeerPathCairoWriteFunction write, void *closure);
