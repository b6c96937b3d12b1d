// zlib, for the deflate streams and CRC-32 of the ODT packages peerpath writes.
#include <zlib.h>
