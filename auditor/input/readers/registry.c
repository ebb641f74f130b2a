#include <string.h>

#include "reader.h"

#define VA_READER(sym) extern const struct va_reader va_reader_##sym;
#include "reader_list.h"
#undef VA_READER

static const struct va_reader *const all[] = {
#define VA_READER(sym) &va_reader_##sym,
#include "reader_list.h"
#undef VA_READER
};

const struct va_reader *const *va_readers(size_t *count)
{
	*count = sizeof all / sizeof all[0];
	return all;
}

const struct va_reader *va_reader_by_kind(const char *kind)
{
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (!strcmp(all[i]->kind, kind))
			return all[i];
	return NULL;
}
