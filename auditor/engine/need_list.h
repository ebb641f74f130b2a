/*
 * VA_NEED(id, what): inputs a rule can need besides VMCS fields.  A rule whose
 * need is not met is "unknown", with `what` as the reason.  The control
 * capabilities are the effective ones: the TRUE_ MSR when IA32_VMX_BASIC[55]
 * is 1, the plain one otherwise.
 */
VA_NEED(BASIC, "IA32_VMX_BASIC (0x480)")
VA_NEED(PINCAP, "the pin-based capability MSR (0x48D, or 0x481)")
VA_NEED(PROCCAP, "the processor-based capability MSR (0x48E, or 0x482)")
VA_NEED(PROC2CAP, "IA32_VMX_PROCBASED_CTLS2 (0x48B)")
VA_NEED(PROC3CAP, "IA32_VMX_PROCBASED_CTLS3 (0x492)")
VA_NEED(EXITCAP, "the VM-exit capability MSR (0x48F, or 0x483)")
VA_NEED(EXIT2CAP, "IA32_VMX_EXIT_CTLS2 (0x493)")
VA_NEED(ENTRYCAP, "the VM-entry capability MSR (0x490, or 0x484)")
VA_NEED(MISC, "IA32_VMX_MISC (0x485)")
VA_NEED(CR0_FIXED, "IA32_VMX_CR0_FIXED0 and IA32_VMX_CR0_FIXED1 (0x486, 0x487)")
VA_NEED(CR4_FIXED, "IA32_VMX_CR4_FIXED0 and IA32_VMX_CR4_FIXED1 (0x488, 0x489)")
VA_NEED(EPTCAP, "IA32_VMX_EPT_VPID_CAP (0x48C)")
VA_NEED(VMFUNCCAP, "IA32_VMX_VMFUNC (0x491)")
VA_NEED(MAXPHYADDR, "the physical-address width ([cpu] maxphyaddr)")
VA_NEED(LINEAR, "the linear-address width ([cpu] linear_address_bits)")
VA_NEED(PERF_GLOBAL_VALID, "the valid bits of IA32_PERF_GLOBAL_CTRL ([cpu] perf_global_ctrl_valid)")
VA_NEED(DEBUGCTL_VALID, "the valid bits of IA32_DEBUGCTL ([cpu] debugctl_valid)")
VA_NEED(RTIT_VALID, "the valid bits of IA32_RTIT_CTL ([cpu] rtit_ctl_valid)")
VA_NEED(LBR_VALID, "the valid bits of IA32_LBR_CTL ([cpu] lbr_ctl_valid)")
VA_NEED(SPEC_CTRL_VALID, "the valid bits of IA32_SPEC_CTRL ([cpu] spec_ctrl_valid)")
VA_NEED(CET, "whether the CPU supports CET ([cpu] cet, or IA32_VMX_CR4_FIXED1)")
VA_NEED(CET_SHSTK, "whether the CPU supports CET shadow stacks ([cpu] cet_shstk)")
VA_NEED(CET_IBT, "whether the CPU supports CET indirect-branch tracking ([cpu] cet_ibt)")
VA_NEED(FRED, "whether the CPU supports FRED ([cpu] fred, or IA32_VMX_CR4_FIXED1)")
VA_NEED(RTM, "whether the CPU supports RTM ([cpu] rtm)")
VA_NEED(SGX, "whether the CPU supports SGX ([cpu] sgx)")
VA_NEED(LAM, "whether the CPU supports linear-address masking ([cpu] lam)")
VA_NEED(CURRENT_VMCS_POINTER, "the current-VMCS pointer ([entry] current_vmcs_pointer)")
