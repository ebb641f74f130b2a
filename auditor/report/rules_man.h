/* The rule catalogue as a man page, vmcs-audit-rules(7), from the rule table. */
#ifndef VA_RULES_MAN_H
#define VA_RULES_MAN_H

#include <stdio.h>

void va_write_rules_man(FILE *out, const char *version);

#endif
