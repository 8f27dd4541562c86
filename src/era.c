/* era.c — ISO date → 和暦 (see era.h). Era start dates are facts from the imperial edicts. */
#include "era.h"

#include <stdio.h>
#include <string.h>

/* Newest first: the first era whose start is on or before the date wins. */
static const hy_era ERAS[] = {
    {"令和", 'R', {2019, 5, 1}},
    {"平成", 'H', {1989, 1, 8}},
    {"昭和", 'S', {1926, 12, 25}},
    {"大正", 'T', {1912, 7, 30}},
    {"明治", 'M', {1868, 1, 25}},
};

const hy_era *hy_eras(size_t *n)
{
    *n = sizeof ERAS / sizeof *ERAS;
    return ERAS;
}

static int cmp_date(hy_date a, hy_date b)
{
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    return a.d < b.d ? -1 : a.d > b.d;
}

int hy_era_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool hy_date_parse(const char *s, hy_date *out)
{
    size_t n = strlen(s);
    hy_date dt = {0};
    if (n != 7 && n != 10) return false;
    if (!digits(s, 4, &dt.y) || s[4] != '-' || !digits(s + 5, 2, &dt.m)) return false;
    if (n == 10 && (s[7] != '-' || !digits(s + 8, 2, &dt.d))) return false;
    if (dt.m < 1 || dt.m > 12) return false;
    if (n == 10 && (dt.d < 1 || dt.d > hy_era_days_in_month(dt.y, dt.m))) return false;
    *out = dt;
    return true;
}

bool hy_date_format(hy_date dt, const char *gannen, char *out, size_t cap)
{
    if (dt.y < 1873) return false;
    /* A month-only date belongs to the era in force at the end of that month (平成元年1月 would be
     * ambiguous; we take the month's last day). */
    hy_date probe = dt;
    if (!probe.d) probe.d = hy_era_days_in_month(dt.y, dt.m);
    for (size_t i = 0; i < sizeof ERAS / sizeof *ERAS; i++) {
        if (cmp_date(probe, ERAS[i].start) < 0) continue;
        int year = dt.y - ERAS[i].start.y + 1;
        char ybuf[16];
        if (year == 1) snprintf(ybuf, sizeof ybuf, "%s", gannen);
        else snprintf(ybuf, sizeof ybuf, "%d年", year);
        if (dt.d) snprintf(out, cap, "%s%s%d月%d日", ERAS[i].name, ybuf, dt.m, dt.d);
        else snprintf(out, cap, "%s%s%d月", ERAS[i].name, ybuf, dt.m);
        return true;
    }
    return false;
}
