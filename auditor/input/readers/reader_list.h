/* VA_READER(symbol): every reader, each defined in readers/<symbol>.c as
 * `const struct va_reader va_reader_<symbol>`. */
VA_READER(state_file)
VA_READER(msr_tools)
VA_READER(windbg_rdmsr)
VA_READER(chipsec)
VA_READER(vmxcap)
VA_READER(vbox_log)
VA_READER(kvm_dump)
VA_READER(xen_dump)
VA_READER(qemu_entry)
VA_READER(haxm_dump)
VA_READER(listing)
