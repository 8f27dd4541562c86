# tests/tests.cmake — every test ctest runs. Unit tests are small C programs; document tests
# are scripts that run the hyoka binary and inspect its output with poppler's tools.
# Label `nosan`: too slow or meaningless under the sanitizers (golden pixels, benchmarks).

foreach(t linebreak paginate era)
  add_executable(test_${t} tests/test_${t}.c)
  target_link_libraries(test_${t} PRIVATE hyoka_core)
  add_test(NAME unit_${t} COMMAND test_${t})
endforeach()

# Round trip: every text of each example is in the PDF, the labels are in layout order, no
# line starts with a forbidden character, and poppler extracts the text without a warning.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
foreach(doc 001-meguro-kaigo 002-chiba-kenshin 004-sakai-kodomo)
  add_test(NAME roundtrip_${doc}
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/roundtrip.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml ${CMAKE_SOURCE_DIR}/layouts/juten.yaml
            ${CMAKE_BINARY_DIR}/roundtrip)
endforeach()
add_test(NAME roundtrip_000-chiba-kouki-revision
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/roundtrip.py $<TARGET_FILE:hyoka>
          ${CMAKE_SOURCE_DIR}/examples/000-chiba-kouki-revision.yaml
          ${CMAKE_SOURCE_DIR}/layouts/revision.yaml ${CMAKE_BINARY_DIR}/roundtrip)

foreach(part bad golden batch)
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/${part}.cmake)
    include(${CMAKE_SOURCE_DIR}/tests/${part}.cmake)
  endif()
endforeach()
