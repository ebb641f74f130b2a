/* Names of the bits of control fields and registers, so that every message
 * names bits instead of printing masks. */
#ifndef VA_BITNAMES_H
#define VA_BITNAMES_H

enum va_bitset {
	VA_BITS_NONE,
	VA_BITS_PIN,        /* PIN_BASED_VM_EXEC_CONTROL */
	VA_BITS_PROC,       /* CPU_BASED_VM_EXEC_CONTROL */
	VA_BITS_PROC2,      /* SECONDARY_VM_EXEC_CONTROL */
	VA_BITS_PROC3,      /* TERTIARY_VM_EXEC_CONTROL */
	VA_BITS_EXIT,       /* VM_EXIT_CONTROLS */
	VA_BITS_EXIT2,      /* SECONDARY_VM_EXIT_CONTROLS */
	VA_BITS_ENTRY,      /* VM_ENTRY_CONTROLS */
	VA_BITS_VMFUNC,     /* VM_FUNCTION_CONTROL */
	VA_BITS_CR0,
	VA_BITS_CR4,
	VA_BITS_EFER,
	VA_BITS_RFLAGS,
	VA_BITS_INTERRUPTIBILITY,
	VA_BITS_INTR_INFO,  /* VM-entry interruption-information field */
	VA_BITS_AR,         /* segment access rights */
	VA_BITS_PENDING_DBG,
	VA_BITS_EPTP,
	VA_BITS_S_CET,
	VA_BITS_VMX_BASIC,  /* IA32_VMX_BASIC */
	VA_BITS_COUNT
};

/* Name of bit `bit` of `set`, or NULL where the bit has no name. */
const char *va_bit_name(enum va_bitset set, unsigned bit);
/* Short name of the set ("PIN_BASED_VM_EXEC_CONTROL", "CR0", ...). */
const char *va_bitset_name(enum va_bitset set);
/* Bitset by its short name (case-insensitive); VA_BITS_NONE if unknown. */
enum va_bitset va_bitset_by_name(const char *name, unsigned len);

#endif
