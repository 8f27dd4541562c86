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

# The largest inputs of several shapes: peak RSS of the hyoka process (wait4) within 256 MiB,
# rendered or refused at the page limit; out of memory is a message naming the document,
# exit 2, no core dump. Not under the sanitizers (they multiply memory and ignore RLIMIT_AS).
add_test(NAME limits_memory
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/test_limits.py $<TARGET_FILE:hyoka>
          ${CMAKE_BINARY_DIR}/limits)
set_tests_properties(limits_memory PROPERTIES LABELS nosan TIMEOUT 300)

# The configuration fuzzer's harness as a plain program (tests/fuzz_config.c): ctest replays
# the inputs that found bugs, and seeds of every kind, in the normal and the sanitizer build.
add_executable(fuzz_config_replay tests/fuzz_config.c)
target_compile_definitions(fuzz_config_replay PRIVATE HYOKA_REPLAY_MAIN)
target_link_libraries(fuzz_config_replay PRIVATE hyoka_core)
file(GLOB fuzz_config_cases ${CMAKE_SOURCE_DIR}/tests/fuzz-config-regress/*)
add_test(NAME fuzz_config_regress COMMAND fuzz_config_replay ${fuzz_config_cases})
set_tests_properties(fuzz_config_regress PROPERTIES TIMEOUT 300 ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/bad/lsan.supp:print_suppressions=0")

# A batch with a broken fonts file or layout names that file for its documents.
add_test(NAME batch_broken_config
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_batch_config.sh $<TARGET_FILE:hyoka> ${CMAKE_BINARY_DIR}/batch-config)
set_tests_properties(batch_broken_config PROPERTIES TIMEOUT 120 ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/bad/lsan.supp:print_suppressions=0")
