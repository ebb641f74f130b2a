# CPack: `cpack -G DEB` in the build directory makes three Debian packages,
# split the way Debian splits a tool with a library:
#   vmcs-audit        the program, its man pages, shell completion
#   libvmcs-audit0    the shared engine
#   libvmcs-audit-dev headers, static library, pkg-config, CMake package,
#                     the amalgamation and the embedding guide
# Runtime dependencies come from dpkg-shlibdeps when it is installed.
set(CPACK_PACKAGE_NAME vmcs-audit)
set(CPACK_PACKAGE_VENDOR "vmcs-audit")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "predict why VMLAUNCH or VMRESUME fails, from capability MSRs and VMCS fields")
set(CPACK_PACKAGE_CONTACT "vmcs-audit maintainers <vmcs-audit@localhost>")
set(CPACK_RESOURCE_FILE_README ${CMAKE_SOURCE_DIR}/README.md)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tool lib dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/vmcs-audit/vmcs-audit")

set(CPACK_DEBIAN_TOOL_PACKAGE_NAME vmcs-audit)
set(CPACK_DEBIAN_TOOL_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_LIB_PACKAGE_NAME libvmcs-audit${PROJECT_VERSION_MAJOR})
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libvmcs-audit-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_TOOL_DESCRIPTION "predict why VMLAUNCH or VMRESUME fails
 vmcs-audit evaluates every VM-entry check of the Intel SDM against the VMX
 capability MSRs and the VMCS fields of one attempt, and predicts what the
 processor does: success, VMfailInvalid, VMfailValid with its error number,
 or a VM-entry failure with its exit reason and qualification.")
set(CPACK_COMPONENT_LIB_DESCRIPTION "VM-entry checks of the Intel SDM (shared library)
 The vmcs-audit engine: audits a VMCS against every VM-entry check, with no
 libc dependency of its own.")
set(CPACK_COMPONENT_DEV_DESCRIPTION "VM-entry checks of the Intel SDM (development files)
 Headers, static library, pkg-config and CMake package files of the
 vmcs-audit engine, and its amalgamation (one .c/.h pair) for embedding
 into a hypervisor.")
# The -dev package needs the shared library its .so link points to.
set(CPACK_COMPONENT_DEV_DEPENDS lib)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

find_program(VA_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(VA_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
else()
  # Debian 12's names; dpkg-shlibdeps derives exact ones where it exists.
  set(CPACK_DEBIAN_TOOL_PACKAGE_DEPENDS "libc6, libjansson4, libncursesw6, libtinfo6, libedit2")
  set(CPACK_DEBIAN_LIB_PACKAGE_DEPENDS "libc6")
endif()
set(CPACK_DEBIAN_TOOL_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_SOURCE_DIR}/cmake/deb_layout.cmake)
include(CPack)
