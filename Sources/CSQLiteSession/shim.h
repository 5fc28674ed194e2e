/* The SQLite session extension (changesets) from the system library. Debian builds libsqlite3 with
   ENABLE_SESSION and ENABLE_PREUPDATE_HOOK, but sqlite3.h declares the API only behind these two
   macros, and SwiftPM passes no -D flags to a system library: define them before including it. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: the one setting the hub makes, as a function. */
static inline int hufang_sqlite_memstatus_off(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
