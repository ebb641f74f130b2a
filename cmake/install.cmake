# What `cmake --install` puts where (GNUInstallDirs).  Components: tool (the
# program, its man pages and shell completion), lib (the shared engine) and
# dev (headers, static library, pkg-config, CMake package, amalgamation).
include(CMakePackageConfigHelpers)

install(TARGETS vmcs-audit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
install(FILES ${CMAKE_SOURCE_DIR}/docs/vmcs-audit.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT tool)
install(FILES ${CMAKE_BINARY_DIR}/docs/vmcs-audit-rules.7 DESTINATION ${CMAKE_INSTALL_MANDIR}/man7 COMPONENT tool)
install(FILES ${CMAKE_BINARY_DIR}/docs/rules.md ${CMAKE_SOURCE_DIR}/README.md
  ${CMAKE_SOURCE_DIR}/docs/state-file.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tool)
file(GLOB VA_EXAMPLE_STATES ${CMAKE_SOURCE_DIR}/docs/examples/*.state)
install(FILES ${VA_EXAMPLE_STATES} DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT tool)

# Completion directories where each shell looks by default.
set(VMCS_AUDIT_BASH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  CACHE STRING "Where the bash completion goes (relative to the prefix)")
set(VMCS_AUDIT_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/site-functions
  CACHE STRING "Where the zsh completion goes (Debian: share/zsh/vendor-completions)")
set(VMCS_AUDIT_FISH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
  CACHE STRING "Where the fish completion goes")
install(FILES ${CMAKE_BINARY_DIR}/completion/vmcs-audit.bash DESTINATION ${VMCS_AUDIT_BASH_COMPLETION_DIR}
  RENAME vmcs-audit COMPONENT tool)
install(FILES ${CMAKE_BINARY_DIR}/completion/_vmcs-audit DESTINATION ${VMCS_AUDIT_ZSH_COMPLETION_DIR} COMPONENT tool)
install(FILES ${CMAKE_BINARY_DIR}/completion/vmcs-audit.fish DESTINATION ${VMCS_AUDIT_FISH_COMPLETION_DIR} COMPONENT tool)

# The engine library and its public headers: audit.h and what it includes,
# capture.h, compact_report.h.  Users write #include <vmcs-audit/audit.h>.
set(VA_INSTALL_HEADERS audit.h bitnames.h capability_list.h capture.h compact_report.h entry_list.h
  fact_list.h field_list.h fields.h need_list.h rule.h state.h)
list(TRANSFORM VA_INSTALL_HEADERS PREPEND ${CMAKE_SOURCE_DIR}/auditor/engine/)
install(FILES ${VA_INSTALL_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/vmcs-audit COMPONENT dev)
set(VA_INSTALL_TARGETS vmcs_audit_engine)
if(VMCS_AUDIT_SHARED)
  list(APPEND VA_INSTALL_TARGETS vmcs_audit_engine_shared)
endif()
install(TARGETS ${VA_INSTALL_TARGETS} EXPORT vmcs-audit-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# pkg-config: `pkg-config --cflags --libs vmcs-audit` (add --static for the .a).
# Relocatable: the prefix is found from the .pc file's own place, so
# `cmake --install build --prefix P` and a package both get it right.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(VA_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH VA_PC_UP /x/${CMAKE_INSTALL_LIBDIR}/pkgconfig /x)
  set(VA_PC_PREFIX "\${pcfiledir}/${VA_PC_UP}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(VA_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(VA_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(VA_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(VA_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${CMAKE_SOURCE_DIR}/cmake/vmcs-audit.pc.in ${CMAKE_BINARY_DIR}/vmcs-audit.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/vmcs-audit.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# CMake: find_package(vmcs-audit) gives vmcs-audit::engine (static) and,
# when built, vmcs-audit::engine_shared.
set(VA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/vmcs-audit)
install(EXPORT vmcs-audit-targets NAMESPACE vmcs-audit:: DESTINATION ${VA_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/vmcs-audit-config.cmake.in
  ${CMAKE_BINARY_DIR}/vmcs-audit-config.cmake INSTALL_DESTINATION ${VA_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/vmcs-audit-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/vmcs-audit-config.cmake ${CMAKE_BINARY_DIR}/vmcs-audit-config-version.cmake
  DESTINATION ${VA_CMAKE_DIR} COMPONENT dev)

# The amalgamation and the guide to embedding it.
install(FILES ${VA_AMALGAMATION} ${CMAKE_SOURCE_DIR}/docs/embedding.md
  ${CMAKE_SOURCE_DIR}/docs/examples/embed/hypervisor_hook.c
  DESTINATION ${CMAKE_INSTALL_DATADIR}/vmcs-audit/embed COMPONENT dev)
