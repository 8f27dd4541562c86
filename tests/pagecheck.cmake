# tests/pagecheck.cmake — the laid-out pages as an official would check them before publishing
# (tests/pagecheck.py): no heading last on a page, continued rows labelled, no forbidden line
# start, no lone ※, bookmarks on the page of their row. On every example and fixture, and on a
# sweep: 200 documents of bench/gen.py and every example at 70 lengths (filler lines shift each
# section's rows over the page breaks). The sweep takes about 15 s; label `nosan`.

file(GLOB HYOKA_PAGECHECK_DOCS CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/examples/*.yaml ${CMAKE_SOURCE_DIR}/tests/fixtures/*.yaml)
add_test(NAME pagecheck_documents
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/pagecheck.py $<TARGET_FILE:hyoka>
          ${HYOKA_PAGECHECK_DOCS})
add_test(NAME pagecheck_sweep
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/pagecheck.py $<TARGET_FILE:hyoka>
          --sweep 200 --lengths 70 --workdir ${CMAKE_BINARY_DIR}/pagecheck-sweep)
set_tests_properties(pagecheck_sweep PROPERTIES LABELS nosan TIMEOUT 300)

# The PDF's dates are Japan time, D:…+09'00', from the document's date or SOURCE_DATE_EPOCH.
file(GLOB HYOKA_DATE_DOCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/*.yaml)
add_test(NAME pdf_dates_japan_time
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/test_dates.py $<TARGET_FILE:hyoka>
          ${CMAKE_BINARY_DIR}/dates-out ${HYOKA_DATE_DOCS})
