# `vmcs-audit new`: the file it writes passes `check`; -o never replaces a
# file without --force; a mode the CPU cannot run is refused naming the bit.
set(out ${WORK}/new-template.state)
file(REMOVE ${out})
execute_process(COMMAND ${VMCS_AUDIT} new --profile intel-skylake-i7-6700k --mode pae
  --with vpid,msr-bitmap -o ${out} RESULT_VARIABLE rc)
execute_process(COMMAND ${VMCS_AUDIT} check ${out} RESULT_VARIABLE check_rc OUTPUT_VARIABLE report)
if(NOT rc EQUAL 0 OR NOT check_rc EQUAL 0 OR NOT report MATCHES "0 not evaluated")
  message(FATAL_ERROR "new -o: exit ${rc}, check exit ${check_rc}\n${report}")
endif()
execute_process(COMMAND ${VMCS_AUDIT} new --profile intel-skylake-i7-6700k -o ${out}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "already exists")
  message(FATAL_ERROR "new -o over an existing file: exit ${rc}: ${err}")
endif()
execute_process(COMMAND ${VMCS_AUDIT} new --profile intel-skylake-i7-6700k -o ${out} --force
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "new --force: exit ${rc}")
endif()
execute_process(COMMAND ${VMCS_AUDIT} new --profile intel-conroe-core2-x6800 --mode real
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "unrestricted guest.*bit 39")
  message(FATAL_ERROR "new --mode real without unrestricted guest: exit ${rc}: ${err}")
endif()
