# The writer's tools (issue 13 items 7, 8): hyoka schema against an independent validator,
# hyoka new passes check and renders, the committed guide pages are what hyoka guide writes.
add_test(NAME writer_schema
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/test_schema.py $<TARGET_FILE:hyoka>
          ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/writer-schema)
set_tests_properties(writer_schema PROPERTIES TIMEOUT 300)
add_test(NAME writer_tools
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_writer.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/writer-tools)
set_tests_properties(writer_tools PROPERTIES TIMEOUT 300)
add_test(NAME writer_watch
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_watch.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR}
          ${CMAKE_BINARY_DIR}/writer-watch)
set_tests_properties(writer_watch PROPERTIES TIMEOUT 120)
