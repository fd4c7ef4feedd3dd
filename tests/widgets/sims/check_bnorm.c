/* check_bnorm.c: measure */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "widgets/core/registry.h"
#include "widgets/wtest.h"

START_TEST(bnorm_measure)
{
	WTest t;
	int on, l;

	for (on = 0; on < 2; on++) {
		wt_open(&t, on ? "@widget bnorm id=b bn=yes\nalt: a\n@end\n" : "@widget bnorm id=b\nalt: a\n@end\n");
		for (l = 0; l < 10; l++) {
			Data m, v, tm, tv, hs;
			Instance *in = wt_get(&t, "b");
			scene_output(in, "mean", 0, &m);
			scene_output(in, "var", 0, &v);
			scene_output(in, "total_mean", 0, &tm);
			scene_output(in, "total_var", 0, &tv);
			scene_output(in, "hist", 0, &hs);
			printf("bn %d layer %d mean %.4f var %.4f total %.4f %.4f hist", on, l + 1, m.scalar, v.scalar, tm.scalar, tv.scalar);
			for (size_t k = 0; k < hs.n; k++) printf(" %g", hs.v[k]);
			printf("\n");
			wt_key(in, K_RIGHT);
		}
		wt_close(&t);
	}
}
END_TEST

static Suite *bnorm_suite(void)
{
	Suite *s = suite_create("bnorm");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, bnorm_measure);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(bnorm_suite());
}
