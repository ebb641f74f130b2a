# A bad input: `vmcs-audit check` exits 2 and stderr carries the line given
# in the case's first comment ("# expect: ...").
get_filename_component(dir ${CASE} DIRECTORY)
get_filename_component(name ${CASE} NAME)
file(STRINGS ${CASE} header LIMIT_COUNT 1)
string(REGEX REPLACE "^# expect: " "" expect "${header}")
execute_process(COMMAND ${VMCS_AUDIT} check ${name}
  WORKING_DIRECTORY ${dir} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "exit status ${rc}, expected 2\n${err}")
endif()
string(FIND "${err}" "${expect}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "stderr lacks: ${expect}\n--- stderr\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "bad input printed a result:\n${out}")
endif()
