/* date.c — dates in the forms writers type (see date.h). The text is folded first (NFKC,
 * textfold.h), so full-width digits and letters read as ASCII ones. */
#include "date.h"

#include "msg.h"
#include "textfold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(hy_date a, hy_date b)
{
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    return a.d < b.d ? -1 : a.d > b.d;
}

static bool starts(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n)) return false;
    *p += n;
    return true;
}

/* A number of 1–4 digits; -1 if none. */
static int number(const char **p, int *digits)
{
    int v = 0;
    *digits = 0;
    while (**p >= '0' && **p <= '9' && *digits < 5) {
        v = v * 10 + (**p - '0');
        ++*p;
        ++*digits;
    }
    return *digits ? v : -1;
}

static void say(char *why, size_t cap, const char *fmt, int a, int b)
{
    if (why && cap) snprintf(why, cap, fmt, a, b);
}

static bool parse(const char *s, hy_date *out, char *why, size_t cap)
{
    const char *p = s;
    size_t n_eras;
    const hy_era *eras = hy_eras(&n_eras), *era = NULL;
    for (size_t i = 0; i < n_eras && !era; i++)
        if (starts(&p, eras[i].name) || ((*p == eras[i].letter || *p == eras[i].letter + 32) && p++))
            era = &eras[i];
    /* year, then month, then an optional day; 年 月 日 or one of - / . between them */
    int dg, y;
    bool kanji = false;
    if (era && starts(&p, "元")) {
        y = 1;
        dg = 1;
    } else {
        y = number(&p, &dg);
    }
    if (y < 0 || (era ? dg > 2 : dg != 4)) return false;
    if (starts(&p, "年")) kanji = true;
    else if (*p == '-' || *p == '/' || *p == '.') p++;
    else return false;
    int m = number(&p, &dg), d = 0;
    if (m < 0 || dg > 2) return false;
    if (kanji && !starts(&p, "月")) return false;
    if (*p) {
        if (!kanji && (*p == '-' || *p == '/' || *p == '.')) p++;
        else if (!kanji) return false;
        d = number(&p, &dg);
        if (d < 0 || dg > 2) return false;
        if (kanji && !starts(&p, "日")) return false;
        if (!kanji) starts(&p, "日");
        if (*p) return false;
    }
    /* Written as a date: from here on, a problem is a reason. */
    if (era && y == 0) {
        if (why && cap) snprintf(why, cap, hy_msg(HY_M_WHY_ERA_YEAR0), era->name);
        return false;
    }
    hy_date dt = {era ? era->start.y + y - 1 : y, m, d};
    if (m < 1 || m > 12) {
        say(why, cap, hy_msg(HY_M_WHY_NO_MONTH), m, 0);
        return false;
    }
    if (d && (d < 1 || d > hy_era_days_in_month(dt.y, m))) {
        if (why && cap) {
            if (era) snprintf(why, cap, hy_msg(HY_M_WHY_ERA_DAYS), era->name, y, m, hy_era_days_in_month(dt.y, m));
            else snprintf(why, cap, hy_msg(HY_M_WHY_DAYS), dt.y, m, hy_era_days_in_month(dt.y, m));
        }
        return false;
    }
    if (era) {
        /* A month alone is in the era if any of its days is. */
        hy_date first = {dt.y, m, d ? d : 1}, last = {dt.y, m, d ? d : hy_era_days_in_month(dt.y, m)};
        const hy_era *next = era == eras ? NULL : era - 1;
        if (cmp(last, era->start) < 0) {
            if (why && cap)
                snprintf(why, cap, hy_msg(HY_M_WHY_ERA_BEGAN), era->name, era->start.y,
                         era->start.m, era->start.d, era->name, era->start.m, era->start.d);
            return false;
        }
        if (next && cmp(first, next->start) >= 0) {
            hy_date end = next->start;  /* the day before the next era */
            if (--end.d == 0) {
                if (--end.m == 0) {
                    end.m = 12;
                    end.y--;
                }
                end.d = hy_era_days_in_month(end.y, end.m);
            }
            if (why && cap)
                snprintf(why, cap, hy_msg(HY_M_WHY_ERA_ENDED), era->name, end.y, end.m,
                         end.d, era->name, end.y - era->start.y + 1, end.m, end.d);
            return false;
        }
    }
    *out = dt;
    return true;
}

bool hy_date_read(const char *s, hy_date *out, char *why, size_t cap)
{
    if (why && cap) why[0] = '\0';
    char *f = tf_fold(s);
    bool ok = parse(f, out, why, cap);
    free(f);
    return ok;
}
