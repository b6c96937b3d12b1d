#ifndef PEERPATH_CLIBXML2_SHIM_H
#define PEERPATH_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, so its encoding header pulls in the system's ICU headers,
 * which clash with the ICU copy inside Swift's Foundation (`UErrorCode` defined twice, differently).
 * peerpath never touches ICU converters, so hide them from this module. */
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

/* Under Swift 6, libxml2's global `xmlFree` function pointer is rejected as unsafe shared state. */
static inline void peerpath_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
