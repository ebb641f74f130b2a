# Runs `vmcs-audit check --json CASE` and compares with CASE's .json twin
# (the "file" member is compared by base name), and the exit status with
# the one the verdict implies.
get_filename_component(dir ${CASE} DIRECTORY)
get_filename_component(name ${CASE} NAME_WE)
execute_process(COMMAND ${VMCS_AUDIT} check --json ${name}.state
  WORKING_DIRECTORY ${dir} OUTPUT_VARIABLE got RESULT_VARIABLE rc)
file(READ ${dir}/${name}.json want)
string(STRIP "${got}" got)
string(STRIP "${want}" want)
if(NOT got STREQUAL want)
  message(FATAL_ERROR "output differs\n--- want\n${want}\n--- got\n${got}")
endif()
string(FIND "${want}" "\"result\":\"success\"" ok)
if(ok EQUAL -1)
  set(expect_rc 1)
else()
  set(expect_rc 0)
endif()
if(NOT rc EQUAL expect_rc)
  message(FATAL_ERROR "exit status ${rc}, expected ${expect_rc}")
endif()
