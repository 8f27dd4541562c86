/* date.h — dates as writers type them: ISO (2025-01-31), with slashes (2025/1/31), in
 * Japanese (2025年1月31日), and in the Japanese era (令和7年1月31日, 令和元年5月1日, R7.1.31,
 * H31.4.30, S64.1.7; also 大正/T and 明治/M), with full-width digits too; each also as a month
 * alone (令和7年1月, 2016-01). */
#ifndef HY_DATE_H
#define HY_DATE_H

#include "era.h"

#include <stdbool.h>
#include <stddef.h>

/* Reads `s` as a date. False if it is none: then `why` (cap bytes, may be NULL) holds the reason
 * when s is written as a date but no such day exists ("there is no month 13", "2025年2月 has 28
 * days", "令和 has no year 0: its first year is 元年", "平成 ended on 2019-04-30 (平成31年4月30日)"),
 * or is empty when s is not written as a date at all. An era date must fall within its era:
 * 平成32年 or 令和元年4月 are refused, not moved into the neighbouring era. */
bool hy_date_read(const char *s, hy_date *out, char *why, size_t cap);

#endif
