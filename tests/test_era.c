/* test_era.c — ISO dates to the Japanese era: era boundaries, 元年/1年, months, bad dates. */
#include "era.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

static void expect(const char *iso, const char *gannen, const char *want)
{
    hy_date d;
    char out[64] = "";
    bool ok = hy_date_parse(iso, &d) && hy_date_format(d, gannen, out, sizeof out);
    if (want ? ok && !strcmp(out, want) : !ok) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "%s (%s): got '%s', want '%s'\n", iso, gannen, ok ? out : "(error)", want ? want : "(error)");
    }
}

int main(void)
{
    expect("2025-11-26", "元年", "令和7年11月26日");
    expect("2019-05-01", "元年", "令和元年5月1日");
    expect("2019-05-30", "1年", "令和1年5月30日");
    expect("2019-04-30", "元年", "平成31年4月30日");
    expect("1989-01-07", "元年", "昭和64年1月7日");
    expect("1989-01-08", "元年", "平成元年1月8日");
    expect("2016-01", "元年", "平成28年1月");
    expect("2019-05", "元年", "令和元年5月");   /* the month ends in 令和 */
    expect("1926-12-25", "元年", "昭和元年12月25日");
    expect("1912-07-30", "元年", "大正元年7月30日");
    expect("2024-02-29", "元年", "令和6年2月29日");
    expect("2023-02-29", "元年", NULL);
    expect("2024-13-01", "元年", NULL);
    expect("2024-00-10", "元年", NULL);
    expect("24-1-1", "元年", NULL);
    expect("2024/01/01", "元年", NULL);
    expect("1850-01-01", "元年", NULL);
    expect("", "元年", NULL);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
