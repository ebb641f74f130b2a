/* Which dump of an input a report is about, in words. */
#include "report_out.h"

int va_dump_place_shown(const struct va_dump_place *d)
{
	return d && d->index && (d->total > 1 || d->index > 1 || (!d->total && d->line > 1));
}

void va_dump_label(char *buf, size_t size, const char *file, const struct va_dump_place *d)
{
	if (!va_dump_place_shown(d))
		snprintf(buf, size, "%s", file);
	else if (d->total > 1)
		snprintf(buf, size, "%s (dump %u of %u, line %u)", file, d->index, d->total, d->line);
	else
		snprintf(buf, size, "%s (dump %u, line %u)", file, d->index, d->line);
}
