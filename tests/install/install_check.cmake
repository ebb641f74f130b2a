# `cmake --install` into a temporary prefix, then use what was installed:
# the program, a tiny program built through pkg-config and through
# find_package, the bash completion (loads, completes a rule id), the man
# pages (groff finds no error, when groff is there).
file(REMOVE_RECURSE ${WORK})
set(P ${WORK}/prefix)
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD} --prefix ${P})
foreach(f ${BINDIR}/vmcs-audit ${MANDIR}/man1/vmcs-audit.1 ${MANDIR}/man7/vmcs-audit-rules.7
    ${DATADIR}/bash-completion/completions/vmcs-audit ${DATADIR}/fish/vendor_completions.d/vmcs-audit.fish
    ${INCLUDEDIR}/vmcs-audit/audit.h ${INCLUDEDIR}/vmcs-audit/capture.h ${INCLUDEDIR}/vmcs-audit/compact_report.h
    ${LIBDIR}/libvmcs-audit.a ${LIBDIR}/pkgconfig/vmcs-audit.pc ${LIBDIR}/cmake/vmcs-audit/vmcs-audit-config.cmake
    ${DATADIR}/vmcs-audit/embed/vmcs_audit.c ${DATADIR}/vmcs-audit/embed/vmcs_audit.h
    ${DOCDIR}/examples/skylake-64bit-guest.state)
  if(NOT EXISTS ${P}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB zsh ${P}/${DATADIR}/zsh/*/_vmcs-audit)
if(NOT zsh)
  message(FATAL_ERROR "not installed: the zsh completion")
endif()

# The installed program runs from its new place.
run("installed vmcs-audit check" ${P}/${BINDIR}/vmcs-audit check ${P}/${DOCDIR}/examples/skylake-64bit-guest.state)

# pkg-config: the .pc file finds its prefix from its own place.
find_program(PKG_CONFIG pkg-config REQUIRED)
run("pkg-config" ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${P}/${LIBDIR}/pkgconfig
  ${PKG_CONFIG} --cflags --libs vmcs-audit)
string(STRIP "${out}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(FLAGS UNIX_COMMAND "${FLAGS}")
run("compiling against pkg-config's flags" ${CC} -std=c11 -Wall -Wextra -Werror ${FLAGS} ${SRC}/tiny.c ${flags}
  -o ${WORK}/tiny-pkgconfig)
run("the pkg-config program" ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${P}/${LIBDIR} ${WORK}/tiny-pkgconfig)
message(STATUS "pkg-config program: ${out}")

# find_package: a CMake project gets the imported target vmcs-audit::engine.
run("configuring a find_package project" ${CMAKE_COMMAND} -S ${SRC}/consumer -B ${WORK}/consumer
  -DCMAKE_PREFIX_PATH=${P} -DCMAKE_C_COMPILER=${CC} "-DCMAKE_C_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${FLAGS}")
run("building it" ${CMAKE_COMMAND} --build ${WORK}/consumer)
run("the find_package program" ${WORK}/consumer/tiny)

# bash: the completion loads, and completes a rule id after `explain`.
set(bc ${P}/${DATADIR}/bash-completion/completions/vmcs-audit)
run("loading the bash completion" bash -c "source '${bc}' && complete -p vmcs-audit")
run("completing a rule id" bash -c "source '${bc}' && COMP_WORDS=(vmcs-audit explain GUEST.SEG.TR.TY) COMP_CWORD=2 && _vmcs_audit && printf '%s\\n' \"\${COMPREPLY[@]}\"")
if(NOT out STREQUAL "GUEST.SEG.TR.TYPE\n")
  message(FATAL_ERROR "completing 'explain GUEST.SEG.TR.TY' gave: '${out}'")
endif()
run("completing an input kind" bash -c "source '${bc}' && COMP_WORDS=(vmcs-audit check --from xe) COMP_CWORD=3 && _vmcs_audit && printf '%s\\n' \"\${COMPREPLY[@]}\"")
if(NOT out STREQUAL "xen\n")
  message(FATAL_ERROR "completing 'check --from xe' gave: '${out}'")
endif()
# zsh and fish: the scripts parse, where the shells are installed.
find_program(ZSH zsh)
if(ZSH)
  run("zsh -n" ${ZSH} -n ${zsh})
endif()
find_program(FISH fish)
if(FISH)
  set(fc ${P}/${DATADIR}/fish/vendor_completions.d/vmcs-audit.fish)
  run("fish -n" ${FISH} -n ${fc})
  run("fish completing a rule id" ${FISH} --no-config -c "source '${fc}' && complete -C 'vmcs-audit explain GUEST.SEG.TR.TY'")
  if(NOT out STREQUAL "GUEST.SEG.TR.TYPE\n")
    message(FATAL_ERROR "fish completing 'explain GUEST.SEG.TR.TY' gave: '${out}'")
  endif()
endif()

find_program(GROFF groff)
if(GROFF)
  foreach(page man1/vmcs-audit.1 man7/vmcs-audit-rules.7)
    run("groff ${page}" ${GROFF} -man -Tutf8 -ww -z ${P}/${MANDIR}/${page})
    if(NOT err STREQUAL "")
      message(FATAL_ERROR "groff warns about ${page}:\n${err}")
    endif()
  endforeach()
endif()
message(STATUS "installed into ${P} and used it")
