/* model.h: the document model of a lesson and of the course index, as the parser
 * builds it and the lesson player renders it. Plain data; no terminal, no screen size.
 * Every node keeps its source line; all memory belongs to the document's arena. */
#ifndef NN_LESSON_MODEL_H
#define NN_LESSON_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/arena.h"
#include "lesson/diag.h"

typedef enum {
	LESSON_OK,          /* no diagnostics */
	LESSON_ERR_INVALID, /* diagnostics were added; the model holds what could be read */
	LESSON_ERR_NOMEM    /* out of memory: no model */
} LessonStatus;

/* Inline text: a run of spans. Markup does not nest. */
typedef enum {
	SPAN_TEXT, /* plain words; runs of blanks are one space */
	SPAN_EMPH, /* *emphasis* */
	SPAN_CODE, /* `code`, kept verbatim */
	SPAN_KEY,  /* <Enter>: a key name, without the angle brackets */
	SPAN_TERM  /* {term:NAME} or {term:NAME|words}: a glossary link, shown as its words */
} SpanKind;

typedef struct {
	SpanKind kind;
	const char *text; /* NUL-terminated UTF-8 */
	size_t len;
	const char *term; /* SPAN_TERM: the name of the term it links to; else NULL */
} Span;

typedef struct {
	const Span *spans;
	size_t n; /* 0: no text */
} Text;

typedef enum {
	BLOCK_HEADING,
	BLOCK_PARA,
	BLOCK_LIST,  /* "- " bullets */
	BLOCK_STEPS, /* "1. " numbered steps */
	BLOCK_FORMULA,
	BLOCK_CALLOUT,
	BLOCK_WIDGET,
	BLOCK_QUIZ,
	BLOCK_PAGE,    /* @page: the next block starts a new page */
	BLOCK_CODE,    /* @code LANG: lines shown verbatim, with notes */
	BLOCK_STEPWISE /* @steps: steps of blocks, revealed one at a time */
} BlockKind;

typedef struct {
	const char *uni;   /* the symbol as shown with Unicode */
	const char *ascii; /* as shown in ASCII; equals uni when uni is ASCII */
	Text meaning;
	int line;
} LegendRow;

typedef struct {
	const char **uni;   /* the formula's lines, Unicode rendering */
	const char **ascii; /* the same lines in ASCII only */
	size_t nlines;
	Text words; /* "in words" */
	const LegendRow *legend;
	size_t nlegend;
} Formula;

typedef enum {
	CALLOUT_EXPLAIN,
	CALLOUT_EXAMPLE, /* a worked example: holds numbered steps */
	CALLOUT_TAKEAWAY,
	CALLOUT_BIGIDEA,
	CALLOUT_RESEARCH, /* latest research: may cite papers */
	CALLOUT_ANALOGY   /* an analogy card */
} CalloutKind;

typedef struct {
	const char *authors, *title;
	int year;
	int line;
} Citation;

typedef struct Block Block;

/* A code block's line: verbatim (tabs kept), with an optional note explaining it. */
typedef struct {
	const char *text;
	Text note; /* n == 0: none */
	int line;
} CodeLine;

typedef struct {
	const char *lang; /* as written after @code: "python", "c", "text" */
	const CodeLine *lines;
	size_t nlines;
} Code;

/* One step of a @steps block: ordinary blocks (prose, formulas, code, callouts,
 * widgets), and why the step follows from the ones before. */
typedef struct {
	Text why; /* the text of its @step line; n == 0: none */
	const Block *body;
	size_t nbody;
	int line; /* of its @step line */
} StepwiseStep;

/* A proof or a worked example shown one step at a time; the learner's place in it is
 * saved under its id. */
typedef struct {
	const char *id;
	const char *title; /* NULL: none */
	const StepwiseStep *steps;
	size_t nsteps;
} Stepwise;

typedef struct {
	CalloutKind kind;
	const char *title; /* NULL: none */
	const Block *body; /* paragraphs, lists and steps only */
	size_t nbody;
	const Citation *cites;
	size_t ncites;
} Callout;

/* A parameter's value as written; the checker proves it fits the widget's schema. */
typedef enum {
	VALUE_NUMBER, /* 0.5, -2, 1e-3 */
	VALUE_RANGE,  /* lo..hi */
	VALUE_LIST,   /* a,b,c (no blanks around the commas), or "key: a, b, c" lines */
	VALUE_STRING, /* "quoted text" */
	VALUE_WORD    /* a bare word: sigmoid, yes, w1 */
} ValueKind;

typedef struct {
	const char *str; /* the item's text (a string's, unquoted) */
	double num;      /* its value when is_num */
	bool is_num;
	int line, col; /* where it is written (items of "key:" lines may be on several) */
} ValueItem;

typedef struct {
	const char *key;
	ValueKind kind;
	const char *str;        /* STRING, WORD, and the text of a NUMBER */
	double num;             /* NUMBER */
	double lo, hi;          /* RANGE */
	const ValueItem *items; /* LIST */
	size_t nitems;
	int line, col; /* of the key */
	int vcol;      /* of the value */
} Param;

typedef struct {
	const char *kind; /* the widget registry's name */
	const char *id;
	const Param *params;
	size_t nparams;
	const char *alt; /* the text alternative (screen readers, --plain) */
} Widget;

typedef enum {
	QUIZ_SINGLE,
	QUIZ_MULTI,
	QUIZ_NUMERIC,
	QUIZ_MATCH,
	QUIZ_ORDER,
	QUIZ_RECALL
} QuizKind;

typedef struct {
	Text text;
	bool right;    /* single, multi: a right answer */
	Text feedback; /* shown when chosen (order: when misplaced); n == 0: none */
	int line;
} QuizChoice;

typedef struct {
	Text left, right;
	Text feedback; /* shown when left is matched wrongly */
	int line;
} QuizPair;

typedef struct {
	double value; /* numeric: a specific wrong answer (within the tolerance) */
	Text feedback;
	int line;
} QuizWrong;

typedef struct {
	const char **alts; /* the term and its accepted alternatives */
	size_t nalts;
	Text feedback; /* shown when the answer misses the term */
	int line;
} QuizTerm;

typedef struct {
	QuizKind kind;
	const char *id;
	const char *show; /* a widget id shown with the question, or NULL */
	Text prompt;
	const QuizChoice *choices; /* single, multi; order: the items, in the right order */
	size_t nchoices;
	const QuizPair *pairs; /* match */
	size_t npairs;
	double answer, tolerance; /* numeric */
	const char *unit;         /* numeric: shown after the answer box, or NULL */
	const QuizWrong *wrongs;  /* numeric */
	size_t nwrongs;
	const QuizTerm *terms; /* recall */
	size_t nterms;
	int need; /* recall: terms a good answer mentions (default: all) */
	const Text *hints;
	size_t nhints;
	Text explain; /* shown after answering */
} Quiz;

struct Block {
	BlockKind kind;
	int line; /* of the block's first line */
	union {
		struct {
			int level; /* 1 to 3 */
			Text text;
		} heading;
		Text para;
		struct {
			const Text *items;
			size_t n;
		} list; /* LIST and STEPS */
		Formula formula;
		Callout callout;
		Widget widget;
		Quiz quiz;
		Code code;
		Stepwise stepwise;
	};
};

/* A glossary term defined by "@term NAME: definition" in the unit that teaches it. */
typedef struct {
	const char *name; /* as written: "gradient descent", "ReLU" */
	const char *def;  /* the definition, plain text with blanks collapsed */
	int line;
} Term;

/* A glossary link {term:NAME} in the lesson's text, where it is written. */
typedef struct {
	const char *name;
	int line, col;
} TermLink;

typedef struct {
	const char *id;
	int line;
	const Block *blocks;
	size_t nblocks;
	const Term *terms; /* the terms this unit defines, in file order */
	size_t nterms;
} LessonUnit;

typedef struct {
	Arena arena;      /* owns everything below */
	const char *file; /* as given to the parser */
	const char *src;  /* a copy of the source text, to quote lines in diagnostics */
	size_t srclen;
	const char *id, *title, *level;
	int format;
	int id_line, level_line; /* where the header said them (0: missing) */
	const LessonUnit *units;
	size_t nunits;
	const TermLink *links; /* every glossary link in the lesson, in file order */
	size_t nlinks;
} Lesson;

/* The course index. */
typedef enum {
	UNIT_READ,  /* prose with formulas */
	UNIT_GAME,  /* a goal reached by changing controls */
	UNIT_ANIM,  /* an animation */
	UNIT_INTER, /* an interactive without a win condition */
	UNIT_QUIZ   /* graded questions */
} UnitKind;

typedef struct {
	const char *id;
	UnitKind kind;
	int minutes;
	const char *title;
	int line;
} CourseUnit;

typedef struct {
	const char *id;
	int line, col;
} CourseRef;

typedef struct Course Course;

typedef struct {
	const char *id;
	const char *path;  /* relative to the index; NULL: a planned lesson, no file yet */
	const char *file;  /* the path as opened (index directory joined), or NULL
	                    * until it is read */
	const char *title; /* a planned lesson's title, else NULL (the file has it) */
	const CourseRef *requires;
	size_t nrequires;
	const CourseUnit *units;
	size_t nunits;
	int line;
	/* The lesson itself, read on first use (course_lesson) or by course_load: NULL
	 * until then, and when planned or unreadable. */
	Lesson *lesson;
	bool loaded;      /* its file was read (or could not be): lesson is final */
	Course *course;   /* the course it belongs to (course_open), or NULL; it is */
	size_t level, at; /* course->levels[level].lessons[at] */
	size_t problem;   /* 1 + where course_lesson's diagnostics for it start in
	                   * course->late, or 0 when it gave none */
	size_t nproblems; /* how many it gave */
} CourseLesson;

typedef struct {
	const char *id; /* "1", "F"... */
	const char *name, *title;
	CourseLesson *lessons;
	size_t nlessons;
	int line;
} CourseLevel;

struct Course {
	Arena arena;
	const char *file;
	const char *src; /* a copy of the source text */
	size_t srclen;
	const char *name;
	int format;
	CourseLevel *levels;
	size_t nlevels;
	const char *dir;  /* the folder lesson paths are relative to (course_open) */
	const char *root; /* the folder with every link resolved (course_open): lesson
	                   * files read later must lie inside it */
	DiagList late;    /* what reading lessons on first use found (course_lesson) */
};

/* Returns the parameter of w called key, or NULL. */
const Param *widget_param(const Widget *w, const char *key);

/* The id of a widget, quiz or @steps block (what its saved state is kept under), or
 * NULL for other blocks. */
const char *block_id(const Block *b);

/* Returns the name of a kind as written in lesson files ("single", "takeaway", "game"). */
const char *quiz_kind_name(QuizKind k);
const char *callout_kind_name(CalloutKind k);
const char *unit_kind_name(UnitKind k);

/* Writes the text's spans without markup into buf (size bytes, NUL-terminated,
 * truncated if short); returns the length the whole text needs. */
size_t text_plain(const Text *t, char *buf, size_t size);

#endif
