# tests/golden.cmake — golden reference renders (docs/golden.md) and the determinism check.
# One test per document, golden_<name>, for every examples/*.yaml and tests/fixtures/*.yaml
# (globbed at configure time; CONFIGURE_DEPENDS re-globs when files are added). Label `nosan`:
# pixels do not change under the sanitizers, and rasterizing is slow there.

add_executable(imgdiff tests/imgdiff.c)
target_link_libraries(imgdiff PRIVATE PkgConfig::DEPS)

file(GLOB HYOKA_GOLDEN_DOCS CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/examples/*.yaml ${CMAKE_SOURCE_DIR}/tests/fixtures/*.yaml)
foreach(doc ${HYOKA_GOLDEN_DOCS})
  get_filename_component(name ${doc} NAME_WLE)
  add_test(NAME golden_${name}
    COMMAND sh ${CMAKE_SOURCE_DIR}/tests/golden.sh ${doc} ${name} $<TARGET_FILE:hyoka>
            $<TARGET_FILE:imgdiff> ${CMAKE_SOURCE_DIR}/golden ${CMAKE_BINARY_DIR}/golden-out)
  set_tests_properties(golden_${name} PROPERTIES LABELS nosan)
endforeach()

# The committee-meeting furniture: a document-number stamp and a translucent, rotated watermark
# (its own graphics state) over a correction table and a form page.
foreach(doc revision-3col minimal)
  add_test(NAME golden_${doc}-stamped
    COMMAND sh ${CMAKE_SOURCE_DIR}/tests/golden.sh ${CMAKE_SOURCE_DIR}/tests/fixtures/${doc}.yaml
            ${doc}-stamped $<TARGET_FILE:hyoka> $<TARGET_FILE:imgdiff> ${CMAKE_SOURCE_DIR}/golden
            ${CMAKE_BINARY_DIR}/golden-out --stamp 資料2-1 --watermark 委員限り)
  set_tests_properties(golden_${doc}-stamped PROPERTIES LABELS nosan)
endforeach()

file(GLOB HYOKA_EXAMPLES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/examples/*.yaml)
add_test(NAME determinism
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/determinism.sh $<TARGET_FILE:hyoka>
          ${CMAKE_BINARY_DIR}/determinism-out ${HYOKA_EXAMPLES})
