# tests/diff.cmake — `hyoka diff` (docs/committee.md): versions made from an example compared
# item by item; 別添2 rows and the revision document read back, render and carry the pages
# where each item stands; git REV:path (git is in tools/bootstrap.sh) and standard input.
foreach(doc 002-chiba-kenshin)
  add_test(NAME diff_${doc}
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/test_diff.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml ${CMAKE_BINARY_DIR}/diff-${doc})
  set_tests_properties(diff_${doc} PROPERTIES TIMEOUT 300)
endforeach()

# Every example against mechanical versions of itself: sorted, quoted and folded is no change;
# each long text with a sentence added is exactly one change; the revision document renders.
foreach(doc 000-chiba-kouki-revision 001-meguro-kaigo 002-chiba-kenshin 004-sakai-kodomo)
  add_test(NAME diff_examples_${doc}
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/diff_examples.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml ${CMAKE_BINARY_DIR}/diff-examples-${doc})
  set_tests_properties(diff_examples_${doc} PROPERTIES TIMEOUT 300)
endforeach()
