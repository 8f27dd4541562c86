# tests/tests.cmake — every test ctest runs. Unit tests are small C programs; document tests
# are scripts that run the hyoka binary and inspect its output with poppler's tools.

foreach(t )
  add_executable(test_${t} tests/test_${t}.c)
  target_link_libraries(test_${t} PRIVATE hyoka_core)
  add_test(NAME unit_${t} COMMAND test_${t})
endforeach()
