/*
 * VA_FACT(id, key, default, has_default, doc): CPU facts of the [cpu]
 * section other than capability MSRs.  A fact without a default that a rule
 * needs makes that rule "unknown" when it is not given.  Feature facts are
 * 1/0.
 *
 * VA_FACT_FROM(id, msr, bit, if_set, if_clear), next to its fact: where the
 * capability MSRs already tell, the fact is derived from them (value if_set
 * when bit `bit` of the MSR is 1, if_clear when it is 0); a fact given in
 * the input overrides.  Includers that need only the facts leave
 * VA_FACT_FROM undefined.
 */
#ifndef VA_FACT_FROM
#define VA_FACT_FROM(id, msr, bit, if_set, if_clear)
#define VA_FACT_FROM_UNSET
#endif
VA_FACT(MAXPHYADDR, "maxphyaddr", 0, 0,
	"physical-address width, CPUID.80000008H:EAX[7:0]")
VA_FACT(LINEAR_ADDRESS_BITS, "linear_address_bits", 0, 0,
	"linear-address width, 48 or 57 (CPUID.80000008H:EAX[15:8])")
/* CR4.LA57 may be 1 exactly on CPUs with 5-level paging. */
VA_FACT_FROM(LINEAR_ADDRESS_BITS, IA32_VMX_CR4_FIXED1, 12, 57, 48)
VA_FACT(EFER_VALID, "efer_valid", 0xd01, 1,
	"IA32_EFER bits that may be 1 (default SCE, LME, LMA, NXE)")
VA_FACT(PERF_GLOBAL_CTRL_VALID, "perf_global_ctrl_valid", 0, 0,
	"IA32_PERF_GLOBAL_CTRL bits that may be 1 (from CPUID.0AH)")
VA_FACT(DEBUGCTL_VALID, "debugctl_valid", 0, 0,
	"IA32_DEBUGCTL bits that may be 1 (model-specific)")
VA_FACT(RTIT_CTL_VALID, "rtit_ctl_valid", 0, 0,
	"IA32_RTIT_CTL bits that may be 1 (from CPUID.14H)")
VA_FACT(LBR_CTL_VALID, "lbr_ctl_valid", 0, 0,
	"IA32_LBR_CTL bits that may be 1 (from CPUID.1CH)")
VA_FACT(SPEC_CTRL_VALID, "spec_ctrl_valid", 0, 0,
	"IA32_SPEC_CTRL bits that may be 1")
VA_FACT(CET, "cet", 0, 0,
	"CET supported (1/0)")
VA_FACT_FROM(CET, IA32_VMX_CR4_FIXED1, 23, 1, 0)
VA_FACT(CET_IBT, "cet_ibt", 0, 0,
	"CET indirect-branch tracking supported (1/0)")
VA_FACT(CET_SHSTK, "cet_shstk", 0, 0,
	"CET shadow stacks supported (1/0)")
VA_FACT(FRED, "fred", 0, 0,
	"FRED supported (1/0)")
VA_FACT_FROM(FRED, IA32_VMX_CR4_FIXED1, 32, 1, 0)
VA_FACT(LAM, "lam", 0, 0,
	"linear-address masking supported (1/0), CPUID.(7,1):EAX[26]")
/* CR4.LAM_SUP may be 1 exactly on CPUs with linear-address masking. */
VA_FACT_FROM(LAM, IA32_VMX_CR4_FIXED1, 28, 1, 0)
VA_FACT(RTM, "rtm", 0, 0,
	"RTM supported (1/0), CPUID.(7,0):EBX[11]")
VA_FACT(SGX, "sgx", 0, 0,
	"SGX supported (1/0), CPUID.(7,0):EBX[2]")
#ifdef VA_FACT_FROM_UNSET
#undef VA_FACT_FROM
#undef VA_FACT_FROM_UNSET
#endif
