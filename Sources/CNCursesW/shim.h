// ncursesw for Swift: the wide-character API, plus accessors for what Swift cannot import
// (C globals under Swift 6, attribute and colour macros). Editing only this file does not trigger a
// rebuild: touch a Swift file of the TUI target too.
#define NCURSES_WIDECHAR 1      /* SwiftPM drops pkg-config's -D flags; without this no wide API */
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void)  { return COLS; }
static inline int cnc_a_bold(void) { return (int)A_BOLD; }
static inline int cnc_a_reverse(void) { return (int)A_REVERSE; }
static inline int cnc_a_underline(void) { return (int)A_UNDERLINE; }
static inline int cnc_a_dim(void) { return (int)A_DIM; }
static inline int cnc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cnc_err(void) { return ERR; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
extern int wcwidth(wchar_t c);

/* Draws one cell: a character (with any combining marks) and its attributes. */
static inline int cnc_put_cell(int y, int x, const wchar_t *wch, int attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, (attr_t)attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &c);
}
