/* test_date.c — dates as writers type them (date.h): the forms accepted, the impossible dates
 * refused with their reason, and texts that are not dates. */
#include "date.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

/* want: "YYYY-MM-DD" or "YYYY-MM" for a date; "!reason part" for a refusal with a reason;
 * "" for a text that is not a date at all. */
static void expect(const char *s, const char *want)
{
    hy_date d;
    char why[128], got[160];
    if (hy_date_read(s, &d, why, sizeof why)) {
        if (d.d) snprintf(got, sizeof got, "%04d-%02d-%02d", d.y, d.m, d.d);
        else snprintf(got, sizeof got, "%04d-%02d", d.y, d.m);
    } else {
        snprintf(got, sizeof got, "%s%s", why[0] ? "!" : "", why);
    }
    bool ok = want[0] == '!' ? got[0] == '!' && strstr(got, want + 1) : !strcmp(got, want);
    if (ok) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "'%s': got '%s', want '%s'\n", s, got, want);
    }
}

int main(void)
{
    /* accepted */
    expect("2025-01-31", "2025-01-31");
    expect("2025/1/31", "2025-01-31");
    expect("2025.1.31", "2025-01-31");
    expect("2025年1月31日", "2025-01-31");
    expect("２０２５年１月３１日", "2025-01-31");
    expect("令和7年1月31日", "2025-01-31");
    expect("令和７年１月３１日", "2025-01-31");
    expect("令和 7年 1月 31日", "2025-01-31");
    expect("R7.1.31", "2025-01-31");
    expect("r7/1/31", "2025-01-31");
    expect("Ｒ７．１．３１", "2025-01-31");
    expect("令和元年5月1日", "2019-05-01");
    expect("令和1年5月1日", "2019-05-01");
    expect("平成31年4月30日", "2019-04-30");
    expect("H31.4.30", "2019-04-30");
    expect("平成元年1月8日", "1989-01-08");
    expect("昭和64年1月7日", "1989-01-07");
    expect("S64.1.7", "1989-01-07");
    expect("大正15年12月24日", "1926-12-24");
    expect("令和7年1月", "2025-01");
    expect("2016-01", "2016-01");
    expect("2016/1", "2016-01");
    expect("平成28年1月", "2016-01");
    expect("令和元年5月", "2019-05");
    expect("平成31年4月", "2019-04");
    expect("2024/2/29", "2024-02-29");
    /* impossible, with the reason */
    expect("令和0年1月1日", "!no year 0");
    expect("2025/2/30", "!has 28 days");
    expect("令和7年2月29日", "!has 28 days");
    expect("2025-13-01", "!no month 13");
    expect("令和7年0月1日", "!no month 0");
    expect("平成32年1月1日", "!平成 ended on 2019-04-30 (平成31年4月30日)");
    expect("平成31年5月1日", "!平成 ended on 2019-04-30");
    expect("令和元年4月30日", "!令和 began on 2019-05-01");
    expect("令和元年4月", "!令和 began on 2019-05-01");
    expect("昭和64年1月8日", "!昭和 ended on 1989-01-07");
    expect("平成元年1月7日", "!平成 began on 1989-01-08");
    /* not dates */
    expect("", "");
    expect("未定", "");
    expect("令和7年", "");
    expect("25/1/31", "");
    expect("2025年1/31", "");
    expect("2025-01-31T00:00", "");
    expect("令和123年1月1日", "");
    expect("R7.1.31 ごろ", "");
    printf("test_date: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
