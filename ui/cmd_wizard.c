/* `vmcs-audit wizard [FILE|-]`: the full-screen wizard; `--keys` prints the
 * man page's KEYS section from the key table. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "wizard/keys.h"
#include "wizard/model.h"

int cmd_wizard(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--keys")) {
		wz_write_keys_man(stdout);
		return 0;
	}
	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1])) {
		fprintf(stderr, "vmcs-audit: wizard: usage: vmcs-audit wizard [FILE|-] | --keys\n");
		return 2;
	}
	return wz_run(argc == 2 ? argv[1] : NULL);
}
