/* parser.h: the lesson parser's shared state and helpers, used by parse.c (lines and
 * directives), prose.c, inline.c, blocks.c, quiz.c and params.c. Internal to
 * src/lesson: no terminal, no printing; errors are diagnostics. */
#ifndef NN_LESSON_PARSER_H
#define NN_LESSON_PARSER_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include "lesson/diag.h"
#include "lesson/model.h"
#include "lesson/source.h"

/* A growing array of blocks in the arena. */
typedef struct {
	Block *v;
	size_t n, cap;
} BlockVec;

/* Where a stretch of gathered text came from, to map an offset back to line:col. */
typedef struct {
	size_t off; /* first byte in the gather buffer */
	Line ln;    /* the source line it came from */
	size_t src; /* offset of that byte in the line */
} GatherSeg;

/* Text gathered from one or more lines, joined by single spaces. */
typedef struct {
	char *buf;
	size_t len, cap;
	GatherSeg *segs;
	size_t nsegs, segcap;
	bool on;
} Gather;

typedef enum { PROSE_NONE, PROSE_PARA, PROSE_LIST, PROSE_STEPS } ProseState;

typedef struct BlockType BlockType;

typedef struct Parser {
	Arena *arena;
	DiagList *diags;
	const char *file;
	const char *text; /* the whole source */
	size_t textlen;
	jmp_buf fail;
	Lesson *lesson;
	Line ln; /* the current line */
	size_t nblocks;
	int title_line, format_line; /* where the header said them */
	bool seen;                   /* a line that is not blank was read */
	size_t unit_lines;           /* lines that are not blank in the current unit */
	bool full_said;              /* "more than N items" said for this block */

	/* units */
	LessonUnit *units;
	size_t nunits, unitcap;
	BlockVec body; /* the current unit's blocks */

	/* prose (at unit level and in callouts) */
	BlockVec *sink; /* where finished prose blocks go */
	ProseState prose;
	int prose_line;
	Text *items;
	size_t nitems, itemcap;
	int next_step;
	bool reported_text; /* "text before the first @unit" said for this run */

	/* gathered text and the field it is for */
	Gather g;
	Text *pend_text;       /* the Text field the gather fills, or NULL */
	const char **pend_str; /* or the plain-string field it fills, or NULL */

	/* the open block */
	const BlockType *open;
	Line open_ln;
	void *state; /* the open block type's builder, in the arena */

	/* glossary: the current unit's @term definitions, the one whose definition is
	 * being gathered (continuation lines), and the lesson's links */
	Term *terms;
	size_t nterms, termcap;
	bool term_open;
	TermLink *links;
	size_t nlinks, linkcap;

	/* the @steps block around the open one, while a block inside a step is open */
	const BlockType *outer;
	Line outer_ln;
	void *outer_state;
} Parser;

/* A block directive's behaviour: open on its directive line, take each line inside,
 * and close into a Block. */
struct BlockType {
	const char *name; /* the directive: "formula" */
	BlockKind kind;
	void (*open)(Parser *p, size_t argoff);
	void (*line)(Parser *p);
	void (*close)(Parser *p, Block *out);
	bool verbatim; /* every line up to "@end" is its own: no comments, no directives */
};

extern const BlockType block_formula, block_callout, block_widget, block_quiz, block_code,
    block_stepwise;

/* @steps (steps.c). Whether a block of type t may stand in a step. */
bool steps_holds(const BlockType *t);

/* A block opens inside the open @steps (state: its builder): it belongs to the
 * current step (reported when there is none yet). Returns where the current step's
 * blocks go. */
BlockVec *steps_body(Parser *p, void *state);

/* "@step [why]" at byte off of the current line, in the open @steps: the next step. */
void steps_step(Parser *p, size_t off);

/* Reports an error at byte off of line ln. */
void parser_error(Parser *p, const Line *ln, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports an error at byte off of line no of the source (any line, not only the
 * current one). */
void parser_error_line(Parser *p, int no, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Returns s[0..n) copied into the arena. */
char *parser_str(Parser *p, const char *s, size_t n);

/* Appends a zeroed block to v (counting towards LESSON_MAX_BLOCKS; over the limit
 * it reports once and returns NULL). */
Block *parser_block(Parser *p, BlockVec *v, BlockKind kind, int line);

/* Returns true when a collection of n items is at LESSON_MAX_ITEMS (the caller then
 * skips the item), reporting it once per block at the current line. */
bool parser_full(Parser *p, size_t n);

/* Checks s[0..n) at byte off of the current line as an identifier (what names it in
 * the message); returns it in the arena, or NULL after an error. */
const char *parser_id(Parser *p, size_t off, size_t n, const char *what);

/* Gathering text: begin, add the bytes line[off..off+n) (joined to what came before by
 * one space), and end as inline text (markup parsed; unclosed code reported) or as a
 * plain string with blanks collapsed. */
void gather_begin(Parser *p);
void gather_add(Parser *p, const Line *ln, size_t off, size_t n);
Text gather_text(Parser *p);
const char *gather_str(Parser *p);

/* A text field that may continue on indented lines: starts gathering for *t (or *s),
 * and pend_flush stores it. pend_continue adds an indented line to the open field and
 * returns true, or returns false when no field is open. */
void pend_text(Parser *p, Text *t, size_t off);
void pend_str(Parser *p, const char **s, size_t off);
bool pend_continue(Parser *p);
void pend_flush(Parser *p);

/* Parses the inline markup of the gathered text into spans; errors are reported at
 * their source line and column through the gather's segments. */
Text inline_parse(Parser *p);

/* Sets *line and *col (1-based, in characters) to where byte off of the gathered text
 * is written. */
void gather_where(Parser *p, size_t off, int *line, int *col);

/* Glossary terms (terms.c). "@term NAME: definition" at byte off of the current line:
 * a term of the current unit; its definition goes on over indented lines. */
void terms_directive(Parser *p, size_t off);

/* Takes the current line as the open definition's continuation when it is indented
 * and not blank (returns true); otherwise ends the definition and returns false. */
bool terms_continue(Parser *p);

/* Ends the definition being gathered, if any. */
void terms_end(Parser *p);

/* Gives the current unit's terms to u and starts a new list. */
void terms_unit_end(Parser *p, LessonUnit *u);

/* Records a glossary link to name[0..n) at byte off of the gathered text; returns the
 * name (blanks collapsed) in the arena. */
const char *terms_link(Parser *p, const char *name, size_t n, size_t off);

/* Reports an error at byte off of the gathered text. */
void gather_error(Parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prose: take one line of prose (paragraph, list, steps, heading), or end the current
 * paragraph or list. in_callout forbids headings. */
void prose_line(Parser *p, bool in_callout);
void prose_flush(Parser *p);

/* A field line "name: value": returns the name's length (lowercase letters) and sets
 * *val to the value's offset, or returns 0 when the line is not a field. */
size_t field_name(const Line *ln, size_t *val);

/* Parses key=value parameters in the current line from byte off into *params
 * (appending to *n, *cap). Duplicate keys and malformed values are reported. */
void params_parse(Parser *p, size_t off, Param **params, size_t *n, size_t *cap);

/* Removes the parameter key from params and returns its value: NULL when it is not
 * there, "" when its value was bad (already reported). */
const char *params_take(Param *params, size_t *n, const char *key);

/* Sets pr's kind and value from its nitems items as "key=value" does: a list when there
 * are several; else a string when text (quoted, or written with blanks), a number, a
 * range lo..hi or a word. */
void params_value(Param *pr, ValueItem *items, size_t nitems, bool text);

/* Reports an id= or show= whose value is not an identifier (at byte off of ln) and
 * clears it; returns false when it did. Other keys pass. */
bool params_id_check(Parser *p, const Line *ln, size_t off, Param *pr);

/* A parameter written on "key: item, item" lines in a widget body (params-lines.c):
 * the items gathered so far, until the widget closes. */
typedef struct {
	size_t at;         /* its Param's index in the widget's parameters */
	ValueItem *items;
	size_t nitems, cap;
	bool text;         /* an item was quoted or had blanks (one item is then a string) */
	bool rows;         /* written as row: lines (cells, one row a line) */
	int row_len, row_line; /* the first row's items and line */
	size_t row_off;        /* and the offset of its first item in that line */
} ParamList;

typedef struct {
	ParamList *v;
	size_t n, cap;
} ParamLists;

/* The key of a line "key: value" in a widget body (a parameter's name: a lowercase
 * letter, then lowercase letters, digits and '_'): returns its length and sets *val to
 * the value's offset, or returns 0 when the line is not one. */
size_t params_line_key(const Line *ln, size_t *val);

/* Takes the current line "key: item, item, ..." (key keylen bytes, the items from byte
 * off) into the widget's parameters: the first line of a key adds the parameter, each
 * later one appends its items; "row:" lines append to cells=, one row each. */
void params_line(Parser *p, size_t keylen, size_t off, Param **params, size_t *n,
                 size_t *cap, ParamLists *lists);

/* Gives each parameter written on lines its value (as "key=a,b,c" would), and checks
 * the rows of cells against each other and against columns=. */
void params_lines_end(Parser *p, Param *params, size_t *n, ParamLists *lists);

#endif
