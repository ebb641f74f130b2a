/*
 * VA_NEED(id, what, how): inputs a rule can need besides VMCS fields.  A rule
 * whose need is not met is "unknown" (unless it has the same outcome for
 * every value the input could take), with `what` as the reason and `how` as
 * the way to supply it.  The control capabilities are the effective ones:
 * the TRUE_ MSR when IA32_VMX_BASIC[55] is 1, the plain one otherwise.
 */
#define VA_HOW_RDMSR(n) "paste rdmsr " n " output, or use --profile"
VA_NEED(BASIC, "IA32_VMX_BASIC (0x480)", VA_HOW_RDMSR("0x480"))
VA_NEED(PINCAP, "the pin-based capability MSR (0x48D, or 0x481)", VA_HOW_RDMSR("0x480, 0x481 and 0x48d"))
VA_NEED(PROCCAP, "the processor-based capability MSR (0x48E, or 0x482)", VA_HOW_RDMSR("0x480, 0x482 and 0x48e"))
VA_NEED(PROC2CAP, "IA32_VMX_PROCBASED_CTLS2 (0x48B)", VA_HOW_RDMSR("0x48b"))
VA_NEED(PROC3CAP, "IA32_VMX_PROCBASED_CTLS3 (0x492)", VA_HOW_RDMSR("0x492"))
VA_NEED(EXITCAP, "the VM-exit capability MSR (0x48F, or 0x483)", VA_HOW_RDMSR("0x480, 0x483 and 0x48f"))
VA_NEED(EXIT2CAP, "IA32_VMX_EXIT_CTLS2 (0x493)", VA_HOW_RDMSR("0x493"))
VA_NEED(ENTRYCAP, "the VM-entry capability MSR (0x490, or 0x484)", VA_HOW_RDMSR("0x480, 0x484 and 0x490"))
VA_NEED(MISC, "IA32_VMX_MISC (0x485)", VA_HOW_RDMSR("0x485"))
VA_NEED(CR0_FIXED0, "IA32_VMX_CR0_FIXED0 (0x486)", VA_HOW_RDMSR("0x486"))
VA_NEED(CR0_FIXED1, "IA32_VMX_CR0_FIXED1 (0x487)", VA_HOW_RDMSR("0x487"))
VA_NEED(CR4_FIXED0, "IA32_VMX_CR4_FIXED0 (0x488)", VA_HOW_RDMSR("0x488"))
VA_NEED(CR4_FIXED1, "IA32_VMX_CR4_FIXED1 (0x489)", VA_HOW_RDMSR("0x489"))
VA_NEED(EPTCAP, "IA32_VMX_EPT_VPID_CAP (0x48C)", VA_HOW_RDMSR("0x48c"))
VA_NEED(VMFUNCCAP, "IA32_VMX_VMFUNC (0x491)", VA_HOW_RDMSR("0x491"))
VA_NEED(MAXPHYADDR, "the physical-address width ([cpu] maxphyaddr)",
	"CPUID.80000008H:EAX[7:0] as [cpu] maxphyaddr, or use --profile")
VA_NEED(LINEAR, "the linear-address width ([cpu] linear_address_bits)",
	"CPUID.80000008H:EAX[15:8] as [cpu] linear_address_bits, IA32_VMX_CR4_FIXED1 (0x489), or use --profile")
VA_NEED(PERF_GLOBAL_VALID, "the valid bits of IA32_PERF_GLOBAL_CTRL ([cpu] perf_global_ctrl_valid)",
	"from CPUID.0AH, as [cpu] perf_global_ctrl_valid")
VA_NEED(DEBUGCTL_VALID, "the valid bits of IA32_DEBUGCTL ([cpu] debugctl_valid)",
	"the processor model's, as [cpu] debugctl_valid")
VA_NEED(RTIT_VALID, "the valid bits of IA32_RTIT_CTL ([cpu] rtit_ctl_valid)",
	"from CPUID.14H, as [cpu] rtit_ctl_valid")
VA_NEED(LBR_VALID, "the valid bits of IA32_LBR_CTL ([cpu] lbr_ctl_valid)",
	"from CPUID.1CH, as [cpu] lbr_ctl_valid")
VA_NEED(SPEC_CTRL_VALID, "the valid bits of IA32_SPEC_CTRL ([cpu] spec_ctrl_valid)",
	"from CPUID.(7,0):EDX and CPUID.(7,2):EDX, as [cpu] spec_ctrl_valid")
VA_NEED(CET, "whether the CPU supports CET ([cpu] cet, or IA32_VMX_CR4_FIXED1)",
	"CPUID.(7,0):ECX[7] as [cpu] cet, or paste rdmsr 0x489, or use --profile")
VA_NEED(CET_SHSTK, "whether the CPU supports CET shadow stacks ([cpu] cet_shstk)",
	"CPUID.(7,0):ECX[7] as [cpu] cet_shstk")
VA_NEED(CET_IBT, "whether the CPU supports CET indirect-branch tracking ([cpu] cet_ibt)",
	"CPUID.(7,0):EDX[20] as [cpu] cet_ibt")
VA_NEED(FRED, "whether the CPU supports FRED ([cpu] fred, or IA32_VMX_CR4_FIXED1)",
	"CPUID.(7,1):EAX[17] as [cpu] fred, or paste rdmsr 0x489, or use --profile")
VA_NEED(RTM, "whether the CPU supports RTM ([cpu] rtm)", "CPUID.(7,0):EBX[11] as [cpu] rtm")
VA_NEED(SGX, "whether the CPU supports SGX ([cpu] sgx)", "CPUID.(7,0):EBX[2] as [cpu] sgx")
VA_NEED(LAM, "whether the CPU supports linear-address masking ([cpu] lam, or IA32_VMX_CR4_FIXED1)",
	"CPUID.(7,1):EAX[26] as [cpu] lam, or paste rdmsr 0x489, or use --profile")
VA_NEED(CURRENT_VMCS_POINTER, "the current-VMCS pointer ([entry] current_vmcs_pointer)",
	"the VMPTRLD operand, as [entry] current_vmcs_pointer")
VA_NEED(TRUE_CTLS, "whether the default1 controls may be 0 (IA32_VMX_BASIC bit 55 and the TRUE_ "
	"capability MSRs 0x48D-0x490)", VA_HOW_RDMSR("0x480 and 0x48d-0x490"))
#undef VA_HOW_RDMSR
