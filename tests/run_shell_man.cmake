# docs/vmcs-audit.1 holds exactly what `vmcs-audit shell --commands-man` prints,
# from ".SH SHELL COMMANDS" up to the next ".SH".
execute_process(COMMAND ${VMCS_AUDIT} shell --commands-man OUTPUT_VARIABLE want RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "--commands-man failed")
endif()
file(READ ${MAN} man)
string(FIND "${man}" ".SH SHELL COMMANDS\n" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${MAN} has no SHELL COMMANDS section; paste the output of "
                      "'vmcs-audit shell --commands-man' into it:\n${want}")
endif()
string(SUBSTRING "${man}" ${start} -1 rest)
string(LENGTH ".SH SHELL COMMANDS\n" skip)
string(SUBSTRING "${rest}" ${skip} -1 after)
string(FIND "${after}" "\n.SH " end)
math(EXPR end "${end} + ${skip} + 1")
string(SUBSTRING "${rest}" 0 ${end} got)
if(NOT got STREQUAL want)
  message(FATAL_ERROR "the SHELL COMMANDS section differs from the command table; replace it "
                      "with:\n${want}")
endif()
