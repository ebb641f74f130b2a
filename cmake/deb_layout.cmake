# CPack pre-build step (CPACK_PRE_BUILD_SCRIPTS): Debian's zsh reads
# vendor completions from share/zsh/vendor-completions, not from
# site-functions (the place for a local install), so the package moves
# the zsh completion there.
file(GLOB_RECURSE zsh_files "${CPACK_TEMPORARY_DIRECTORY}/_vmcs-audit")
list(FILTER zsh_files INCLUDE REGEX "/share/zsh/site-functions/_vmcs-audit$")
foreach(f IN LISTS zsh_files)
  get_filename_component(dir ${f} DIRECTORY)
  get_filename_component(zsh ${dir} DIRECTORY)
  file(MAKE_DIRECTORY ${zsh}/vendor-completions)
  file(RENAME ${f} ${zsh}/vendor-completions/_vmcs-audit)
  file(REMOVE_RECURSE ${dir})
endforeach()
