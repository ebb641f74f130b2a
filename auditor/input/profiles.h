/* CPU profiles built into the binary: the capability MSRs of real CPUs
 * (the files of msr_profiles/, state-file [cpu] sections with their sources). */
#ifndef VA_PROFILES_H
#define VA_PROFILES_H

#include <stddef.h>

struct va_profile {
	const char *name;   /* file name without .profile */
	const char *text;   /* the file, comments included */
};

extern const struct va_profile va_profiles[];
extern const unsigned va_profile_count;

/* By exact name, or NULL. */
const struct va_profile *va_profile_find(const char *name);
/*
 * For a name that is no profile: "did you mean A, B?" with the profiles
 * whose name contains it in any case (at most four, then how many more),
 * else the nearest name by edit distance; "" if nothing is close.
 */
void va_profile_suggest(const char *name, char *buf, size_t size);
/*
 * What the profile lacks that rules need, in words: IA32_VMX_BASIC, the
 * TRUE capability MSRs (when IA32_VMX_BASIC[55] = 1 or is not known).
 * "" when it lacks none of them.
 */
void va_profile_lacks(const struct va_profile *p, char *buf, size_t size);
/* The description line and the source line of a profile, without "# ". */
void va_profile_provenance(const struct va_profile *p, char *what, size_t what_size,
			   char *source, size_t source_size);

#endif
