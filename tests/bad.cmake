# tests/bad.cmake — hostile and broken input (included from tests/tests.cmake).
#
# One ctest test per case in tests/bad/: NN-name.yaml (an input as it is) or NN-name.gen (a
# shell script that writes a huge, deep or binary input at test time), with NN-name.expect
# (exit status, then texts stderr must hold; English, LANG=C) and optionally NN-name.args and
# NN-name.expect.ja (the same under LANG=ja_JP.UTF-8: the Japanese messages). See tests/run_bad.sh.
# Every case must finish within 5 s on a normal build; the timeout leaves room for sanitizers.

file(GLOB HYOKA_BAD_CASES CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/tests/bad/*.yaml ${CMAKE_SOURCE_DIR}/tests/bad/*.gen)
list(SORT HYOKA_BAD_CASES)
foreach(case IN LISTS HYOKA_BAD_CASES)
  get_filename_component(name ${case} NAME)
  string(REGEX REPLACE "\\.(yaml|gen)$" "" name ${name})
  add_test(NAME bad_${name}
           COMMAND sh ${CMAKE_SOURCE_DIR}/tests/run_bad.sh $<TARGET_FILE:hyoka> ${case}
                   ${CMAKE_BINARY_DIR}/bad-cases)
  set_tests_properties(bad_${name} PROPERTIES TIMEOUT 20 SKIP_RETURN_CODE 77 LABELS bad)
  # The Japanese run (LANG=ja_JP.UTF-8) of the cases with NN-name.expect.ja.
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/bad/${name}.expect.ja)
    add_test(NAME bad_ja_${name}
             COMMAND sh ${CMAKE_SOURCE_DIR}/tests/run_bad.sh $<TARGET_FILE:hyoka> ${case}
                     ${CMAKE_BINARY_DIR}/bad-cases ja)
    set_tests_properties(bad_ja_${name} PROPERTIES TIMEOUT 20 SKIP_RETURN_CODE 77 LABELS bad)
  endif()
endforeach()

add_executable(test_yaml_load tests/test_yaml_load.c)
target_link_libraries(test_yaml_load PRIVATE hyoka_core)
add_test(NAME unit_yaml_load COMMAND test_yaml_load)
set_tests_properties(unit_yaml_load PROPERTIES TIMEOUT 20)
