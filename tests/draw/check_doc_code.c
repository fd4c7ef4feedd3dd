/* check_doc_code.c: the layout of a @code block from a hand-built model: lines verbatim
 * (tabs to the next multiple of 4), a long line cut with a marker in the player and
 * broken in --plain, notes beside their lines when there is room and under them when
 * not, in UTF-8 and in ASCII; golden text for each. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "draw/doc.h"
#include "testlib.h"

#define SPAN(k, s) {.kind = k, .text = s, .len = sizeof s - 1}
#define TEXT(a) {a, sizeof a / sizeof *a}

#define LONG_LINE                                                                           \
	"print(sigmoid(0.7))  # about 0.668; a comment far too long for the column of a lesson"

static const Span n_def[] = {SPAN(SPAN_TEXT, "the squash: any number in, a number between 0 "
					     "and 1 out")};
static const Span n_ret[] = {SPAN(SPAN_TEXT, "for very negative z, "),
			     SPAN(SPAN_CODE, "exp(-z)"), SPAN(SPAN_TEXT, " overflows")};
static const Span s_para[] = {SPAN(SPAN_TEXT, "The sigmoid in Python:")};
static const CodeLine lines[] = {
    {"import math", {NULL, 0}, 0},
    {"def sigmoid(z):", TEXT(n_def), 0},
    {"\treturn 1 / (1 + math.exp(-z))", TEXT(n_ret), 0},
    {"", {NULL, 0}, 0},
    {LONG_LINE, {NULL, 0}, 0},
    {"σ = 1 / (1 + e⁻ᶻ)", {NULL, 0}, 0},
};
static Block blocks[2];
static LessonUnit unit;
static Lesson lesson;

static void build(void)
{
	memset(blocks, 0, sizeof blocks);
	blocks[0].kind = BLOCK_PARA;
	blocks[0].para = (Text)TEXT(s_para);
	blocks[1].kind = BLOCK_CODE;
	blocks[1].code.lang = "python";
	blocks[1].code.lines = lines;
	blocks[1].code.nlines = sizeof lines / sizeof *lines;
	memset(&unit, 0, sizeof unit);
	unit.id = "T.code";
	unit.blocks = blocks;
	unit.nblocks = 2;
	memset(&lesson, 0, sizeof lesson);
	lesson.id = "T-code";
	lesson.units = &unit;
	lesson.nunits = 1;
}

/* The layout at width, as text. */
static char *layout(int width, bool unicode, bool plain)
{
	DocLayout d;
	DocOptions o;
	char *t;

	memset(&o, 0, sizeof o);
	o.caps.unicode = unicode;
	o.width = width;
	o.plain = plain;
	build();
	ck_assert_int_eq(doc_layout(&d, &lesson, &o), 0);
	t = grid_to_text(&d.g);
	doc_free(&d);
	return t;
}

/* The line of text that contains needle (a copy, without its end), or NULL. */
static char *row_with(const char *text, const char *needle)
{
	const char *at = strstr(text, needle), *start, *end;
	char *row;

	if (!at)
		return NULL;
	for (start = at; start > text && start[-1] != '\n'; start--)
		;
	end = strchr(at, '\n');
	end = end ? end : at + strlen(at);
	row = malloc((size_t)(end - start) + 1);
	memcpy(row, start, (size_t)(end - start));
	row[end - start] = '\0';
	return row;
}

/* The display column of needle in the row that holds it, or -1. */
static int col_of(const char *text, const char *needle)
{
	char *row = row_with(text, needle);
	int col = row ? utf8_width(row, (size_t)(strstr(row, needle) - row)) : -1;

	free(row);
	return col;
}

START_TEST(player_utf8_80)
{
	char *t = layout(80, true, false), *row;

	test_golden("tests/draw/golden/doc-code-utf8-80.txt", t);
	/* The column is 76 wide at x = 2; the code starts after the bar, at x = 4. */
	ck_assert_int_eq(col_of(t, "│ import math"), 2);
	/* A tab goes to the next multiple of 4. */
	ck_assert_int_eq(col_of(t, "return"), 4 + 4);
	/* Beside: the widest noted line ("    return ...", 33 columns), two blanks, the
	 * marker: both notes start in one column, x + 2 + 33 + 2. */
	ck_assert_int_eq(col_of(t, "← the squash"), col_of(t, "← for very"));
	row = row_with(t, "def sigmoid");
	ck_assert_ptr_nonnull(strstr(row, "← the squash"));
	free(row);
	/* The long line is cut: the last column of the text column (x + 76 - 1 = 77)
	 * shows the marker. */
	row = row_with(t, "print(sigmoid");
	ck_assert_ptr_nonnull(row);
	ck_assert_ptr_null(strstr(row, "of a lesson"));
	ck_assert_str_eq(row + strlen(row) - strlen("→"), "→");
	ck_assert_int_eq(utf8_width(row, strlen(row)), 78);
	free(row);
	free(t);
}
END_TEST

START_TEST(player_ascii_80)
{
	char *t = layout(80, false, false), *row;
	size_t i;

	test_golden("tests/draw/golden/doc-code-ascii-80.txt", t);
	for (i = 0; t[i]; i++)
		ck_assert_msg((unsigned char)t[i] < 0x80, "not ASCII at byte %zu", i);
	ck_assert_int_eq(col_of(t, "<- the squash"), col_of(t, "<- for very"));
	ck_assert_ptr_nonnull(strstr(t, "| sigma = 1 / (1 + e"));
	row = row_with(t, "print(sigmoid");
	ck_assert_int_eq(row[strlen(row) - 1], '>');
	free(row);
	free(t);
}
END_TEST

/* At 40 columns a note beside its line would get too little room: it goes under its
 * line, indented as the line is. */
START_TEST(notes_under_when_narrow)
{
	char *t = layout(40, true, false), *row;

	test_golden("tests/draw/golden/doc-code-utf8-40.txt", t);
	row = row_with(t, "def sigmoid");
	ck_assert_ptr_null(strstr(row, "←"));
	free(row);
	ck_assert_int_eq(col_of(t, "↳ the squash"), 4);
	ck_assert_int_eq(col_of(t, "↳ for very"), 4 + 4);
	free(t);
}
END_TEST

/* --plain loses nothing: the long line goes on over the next rows after a marker,
 * and the notes are under their lines. */
START_TEST(plain_breaks_long_lines)
{
	char *t = layout(60, true, true), *a, *b;
	size_t cw = 60 - 4 - 2, more = strlen("↪ ");

	test_golden("tests/draw/golden/doc-code-plain-60.txt", t);
	ck_assert_ptr_nonnull(strstr(t, "Code (python):"));
	ck_assert_ptr_null(strstr(t, "│"));
	a = row_with(t, "print(sigmoid");
	b = strstr(t, a) + strlen(a) + 1; /* the next row */
	ck_assert_int_eq(col_of(t, "↪ "), 4);
	/* The code column is 60 - 4 (margins) - 2 wide: the first row holds that much of
	 * the line (its trailing blank is not printed), the next row the rest. */
	ck_assert_uint_le(strlen(a + 4), cw);
	ck_assert_int_eq(strncmp(a + 4, LONG_LINE, strlen(a + 4)), 0);
	ck_assert_uint_eq(strcspn(b + 4 + more, "\n"), strlen(LONG_LINE + cw));
	ck_assert_int_eq(strncmp(b + 4 + more, LONG_LINE + cw, strlen(LONG_LINE + cw)), 0);
	free(a);
	ck_assert_int_eq(col_of(t, "↳ the squash"), 4);
	free(t);
}
END_TEST

static Suite *code_suite(void)
{
	Suite *s = suite_create("doc-code");
	TCase *tc = tcase_create("code");

	tcase_add_test(tc, player_utf8_80);
	tcase_add_test(tc, player_ascii_80);
	tcase_add_test(tc, notes_under_when_narrow);
	tcase_add_test(tc, plain_breaks_long_lines);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(code_suite());
}
