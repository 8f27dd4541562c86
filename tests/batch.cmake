# tests/batch.cmake — the `batch` test: `hyoka batch` over a small tree built from the examples
# (tests/test_batch.sh). Included from CMakeLists.txt after tests/tests.cmake.
add_test(NAME batch COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_batch.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(batch PROPERTIES TIMEOUT 300)
