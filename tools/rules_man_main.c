/* Build step: writes vmcs-audit-rules(7) to standard output. */
#include <stdio.h>

#include "../auditor/report/rules_man.h"

int main(int argc, char **argv)
{
	va_write_rules_man(stdout, argc > 1 ? argv[1] : "");
	return fflush(stdout) ? 1 : 0;
}
