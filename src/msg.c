/* msg.c — the message catalogue and the choice of language (see msg.h). */
#include "msg.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name, *en, *ja;
} msg_entry;

#define HY_MSG_ENTRY(id, en, ja) {#id, en, ja},
static const msg_entry catalogue[] = {
#include "msg_cat.h"
};
#undef HY_MSG_ENTRY

static hy_lang current = HY_LANG_EN;

void hy_msg_set_lang(hy_lang lang)
{
    current = lang;
}

hy_lang hy_msg_lang(void)
{
    return current;
}

bool hy_msg_lang_parse(const char *s, hy_lang *out)
{
    if (!s) return false;
    if (!strncmp(s, "ja", 2) && (s[2] == 0 || s[2] == '_' || s[2] == '.' || s[2] == '@')) {
        *out = HY_LANG_JA;
        return true;
    }
    if (!strncmp(s, "en", 2) && (s[2] == 0 || s[2] == '_' || s[2] == '.' || s[2] == '@')) {
        *out = HY_LANG_EN;
        return true;
    }
    return false;
}

hy_lang hy_msg_lang_from_env(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v) continue;
        hy_lang l;
        return hy_msg_lang_parse(v, &l) && l == HY_LANG_JA ? HY_LANG_JA : HY_LANG_EN;
    }
    return HY_LANG_EN;
}

const char *hy_msg_in(hy_msg_id id, hy_lang lang)
{
    if ((unsigned)id >= HY_M_COUNT) return NULL;
    return lang == HY_LANG_JA ? catalogue[id].ja : catalogue[id].en;
}

const char *hy_msg(hy_msg_id id)
{
    const char *s = hy_msg_in(id, current);
    return s ? s : "";
}

const char *hy_msg_name(hy_msg_id id)
{
    return (unsigned)id < HY_M_COUNT ? catalogue[id].name : NULL;
}

const char *hy_msg_pick(const char *en, const char *ja)
{
    return current == HY_LANG_JA ? ja : en;
}
