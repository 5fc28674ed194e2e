/* zlib, for compressing bundle payloads (changesets of text compress about fourfold). */
#include <zlib.h>
