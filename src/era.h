/* era.h — Gregorian ISO dates to the Japanese era (和暦) as the forms print them. */
#ifndef HY_ERA_H
#define HY_ERA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct { int y, m, d; } hy_date;  /* d == 0: a month only (2016-01) */

/* An era: its name, its one-letter abbreviation (R7.1.31) and its first day. */
typedef struct { const char *name; char letter; hy_date start; } hy_era;
/* The eras since the solar calendar, newest first (*n gets their number). */
const hy_era *hy_eras(size_t *n);

/* Parses `YYYY-MM-DD` or `YYYY-MM`; false if malformed or not a real calendar date. */
bool hy_date_parse(const char *s, hy_date *out);
/* Writes e.g. 令和7年11月26日 (or 平成28年1月 for a month). The first year of an era prints
 * as `gannen` (元年 or 1年). Returns false for dates before 明治6年 (1873, the solar calendar). */
bool hy_date_format(hy_date dt, const char *gannen, char *out, size_t cap);

/* The number of days of month m (1-12) of Gregorian year y (leap years by the Gregorian
 * rule). */
int hy_era_days_in_month(int y, int m);

#endif
