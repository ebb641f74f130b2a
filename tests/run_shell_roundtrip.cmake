# Load EXAMPLE in the shell, save it, and `check --json` both: the same
# report (the file name aside) and the same exit status.
get_filename_component(name ${EXAMPLE} NAME_WE)
set(work ${WORK}/roundtrip-${name})
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})
execute_process(COMMAND ${VMCS_AUDIT} shell ${EXAMPLE} -c "save ${work}/saved.state"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "shell failed (${rc}):\n${out}${err}")
endif()
execute_process(COMMAND ${VMCS_AUDIT} check --json ${EXAMPLE} RESULT_VARIABLE rc1 OUTPUT_VARIABLE a)
execute_process(COMMAND ${VMCS_AUDIT} check --json ${work}/saved.state RESULT_VARIABLE rc2 OUTPUT_VARIABLE b)
string(REGEX REPLACE "\"file\":\"[^\"]*\"" "" a "${a}")
string(REGEX REPLACE "\"file\":\"[^\"]*\"" "" b "${b}")
if(NOT a STREQUAL b OR NOT rc1 EQUAL rc2)
  message(FATAL_ERROR "verdicts differ (${rc1} vs ${rc2}):\n${a}\n${b}")
endif()
