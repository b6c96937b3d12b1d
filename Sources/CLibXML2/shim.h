#ifndef PEERPATH_CLIBXML2_SHIM_H
#define PEERPATH_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

/* Under Swift 6, libxml2's global `xmlFree` function pointer is rejected as unsafe shared state. */
static inline void peerpath_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
