/*
 * VA_ENTRY(id, key, kind, default, doc): facts of the [entry] section, about
 * the VMLAUNCH/VMRESUME attempt rather than the VMCS.  kind is VA_KIND_WORD
 * (one of the words listed in entry_words.h) or VA_KIND_NUMBER.
 * A default of VA_DERIVED means "derived from other input" (see va_ctx).
 */
VA_ENTRY(INSTRUCTION, "instruction", VA_KIND_WORD, VA_INSN_VMLAUNCH,
	"vmlaunch | vmresume")
VA_ENTRY(LAUNCH_STATE, "launch_state", VA_KIND_WORD, VA_DERIVED,
	"clear | launched (default: clear for vmlaunch, launched for vmresume)")
VA_ENTRY(CURRENT_VMCS, "current_vmcs", VA_KIND_WORD, VA_VMCS_ORDINARY,
	"ordinary | shadow | none: the current VMCS at the attempt")
VA_ENTRY(CURRENT_VMCS_POINTER, "current_vmcs_pointer", VA_KIND_NUMBER, VA_DERIVED,
	"physical address of the current VMCS (no default)")
VA_ENTRY(VMX_OPERATION, "vmx_operation", VA_KIND_WORD, VA_VMX_ROOT,
	"root | nonroot | none: where the VMM executes the instruction")
VA_ENTRY(VMM_MODE, "vmm_mode", VA_KIND_WORD, VA_DERIVED,
	"64bit | compatibility | protected | virtual8086 | real (default: 64bit if "
	"\"host address-space size\" is 1, else protected)")
VA_ENTRY(CPL, "cpl", VA_KIND_NUMBER, 0,
	"current privilege level of the VMM, 0-3")
VA_ENTRY(BLOCKED_BY_MOV_SS, "blocked_by_mov_ss", VA_KIND_NUMBER, 0,
	"1 if the instruction directly follows MOV SS/POP SS in the VMM")
VA_ENTRY(IN_SMM, "in_smm", VA_KIND_NUMBER, 0,
	"1 if the VMM runs in SMM")
VA_ENTRY(IA32E_MODE, "ia32e_mode", VA_KIND_NUMBER, VA_DERIVED,
	"IA32_EFER.LMA of the VMM at the attempt (default: \"host address-space size\")")
