// librsvg and cairo, to draw peerpath's SVG diagrams as PNG fallbacks for readers without SVG.
#include <librsvg/rsvg.h>
#include <cairo.h>
