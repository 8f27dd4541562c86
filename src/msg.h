/* msg.h — the catalogue of messages for writers and operators, in English and Japanese.
 * Every message a person reads is one entry of msg_cat.h: an id, the English sentence and the
 * Japanese sentence, both printf formats taking the same arguments in the same order (the
 * unit test test_msg checks the conversions match). The language is chosen once per process:
 * `--lang ja|en`, else the locale (LC_ALL, then LC_MESSAGES, then LANG, the POSIX precedence:
 * the first one set and non-empty decides; `ja` or `ja_*` is Japanese, anything else English).
 * Compiled in: there is no catalogue file to install. */
#ifndef HY_MSG_H
#define HY_MSG_H

#include <stdbool.h>

typedef enum { HY_LANG_EN, HY_LANG_JA } hy_lang;

#define HY_MSG_ENTRY(id, en, ja) HY_M_##id,
typedef enum {
#include "msg_cat.h"
    HY_M_COUNT
} hy_msg_id;
#undef HY_MSG_ENTRY

/* The language of the messages (default: English until set). */
void hy_msg_set_lang(hy_lang lang);
hy_lang hy_msg_lang(void);
/* The language the environment asks for (LC_ALL, LC_MESSAGES, LANG). */
hy_lang hy_msg_lang_from_env(void);
/* "ja" or "en" (also "ja_JP.UTF-8" and the like) into *out; false for anything else. */
bool hy_msg_lang_parse(const char *s, hy_lang *out);

/* The format of message `id` in the current language (static storage). */
const char *hy_msg(hy_msg_id id);
/* The format of `id` in `lang`, and the id's name ("UNKNOWN_KEY"); NULL if out of range. */
const char *hy_msg_in(hy_msg_id id, hy_lang lang);
const char *hy_msg_name(hy_msg_id id);

/* en or ja by the current language: for short words composed into a message (both static). */
const char *hy_msg_pick(const char *en, const char *ja);

#endif
