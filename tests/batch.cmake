# tests/batch.cmake — the `batch` test: `hyoka batch` over a small tree built from the examples
# (tests/test_batch.sh). Included from CMakeLists.txt after tests/tests.cmake.
add_test(NAME batch COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_batch.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(batch PROPERTIES TIMEOUT 300)

# Output safety (issue 11): `render` never writes where it should not, and `batch` run
# unattended and attacked (tests/test_outputs.sh, tests/test_batch_safety.sh).
add_test(NAME outputs COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_outputs.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(outputs PROPERTIES TIMEOUT 120)
add_test(NAME batch_safety
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_batch_safety.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(batch_safety PROPERTIES TIMEOUT 300)
