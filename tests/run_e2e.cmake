# Runs `vmcs-audit check --json CASE` and compares with CASE's .json twin,
# and the exit status with the one the verdict implies (docs/json.md):
# 0 success, 3 inconclusive, 1 any failure.
# Regenerate an expectation: vmcs-audit check --json NAME.state > NAME.json
# (in tests/e2e), then read the difference before committing it.
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
string(REGEX MATCH "\"verdict\":{\"result\":\"([a-z_]+)\"" found "${want}")
if(NOT found)
  message(FATAL_ERROR "no verdict result in ${name}.json")
endif()
if(CMAKE_MATCH_1 STREQUAL "success")
  set(expect_rc 0)
elseif(CMAKE_MATCH_1 STREQUAL "inconclusive")
  set(expect_rc 3)
else()
  set(expect_rc 1)
endif()
if(NOT rc EQUAL expect_rc)
  message(FATAL_ERROR "exit status ${rc}, expected ${expect_rc} for ${CMAKE_MATCH_1}")
endif()
