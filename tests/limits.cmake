# tests/limits.cmake — configuration as input and bounded resources (included from
# tests/tests.cmake; see issue 11).

# Every attribute of the layouts and of the fonts file mutated (wrong type, removed, absurd or
# non-finite number): a PDF or located errors, never a crash. The sanitizer build runs every
# fifth mutation.
if(HYOKA_SANITIZE)
  set(mutate_stride 5)
else()
  set(mutate_stride 1)
endif()
foreach(pair "juten;004-sakai-kodomo" "revision;000-chiba-kouki-revision")
  list(GET pair 0 layout)
  list(GET pair 1 doc)
  add_test(NAME config_mutate_${layout}
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/config_mutate.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/layouts/${layout}.yaml ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml
            ${CMAKE_SOURCE_DIR}/fonts/fonts.yaml ${CMAKE_BINARY_DIR}/config-mutate-${layout} ${mutate_stride})
  set_tests_properties(config_mutate_${layout} PROPERTIES TIMEOUT 600)
endforeach()
