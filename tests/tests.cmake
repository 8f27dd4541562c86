# tests/tests.cmake — every test ctest runs. Unit tests are small C programs; document tests
# are scripts that run the hyoka binary and inspect its output with poppler's tools.
# Label `nosan`: too slow or meaningless under the sanitizers (golden pixels, benchmarks).

foreach(t linebreak paginate era content textdiff model yaml_emit date textfold yaml_scalar yaml_traps msg)
  add_executable(test_${t} tests/test_${t}.c)
  target_link_libraries(test_${t} PRIVATE hyoka_core)
  add_test(NAME unit_${t} COMMAND test_${t})
endforeach()

# Round trip: every text of each example is in the PDF, the labels are in layout order, no
# line starts with a forbidden character, and poppler extracts the text without a warning.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
# The round trip and the PDF/A checks read PDFs with pikepdf, which is Debian's python3-pikepdf:
# they run with Debian's own python3.
find_program(HY_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT HY_DEBIAN_PYTHON)
  set(HY_DEBIAN_PYTHON Python3::Interpreter)
endif()
foreach(doc 001-meguro-kaigo 002-chiba-kenshin 004-sakai-kodomo)
  add_test(NAME roundtrip_${doc}
    COMMAND ${HY_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/tests/roundtrip.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml ${CMAKE_SOURCE_DIR}/layouts/juten.yaml
            ${CMAKE_BINARY_DIR}/roundtrip)
endforeach()
foreach(doc unchecked-paren nonbmp gaiji widths long-tokens kinsoku long-cell groups-max choices-1 brackets-lists orphan-heading)
  add_test(NAME roundtrip_fixture_${doc}
    COMMAND ${HY_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/tests/roundtrip.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/tests/fixtures/${doc}.yaml ${CMAKE_SOURCE_DIR}/layouts/juten.yaml
            ${CMAKE_BINARY_DIR}/roundtrip)
endforeach()
add_test(NAME roundtrip_000-chiba-kouki-revision
  COMMAND ${HY_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/tests/roundtrip.py $<TARGET_FILE:hyoka>
          ${CMAKE_SOURCE_DIR}/examples/000-chiba-kouki-revision.yaml
          ${CMAKE_SOURCE_DIR}/layouts/revision.yaml ${CMAKE_BINARY_DIR}/roundtrip)

foreach(part bad golden batch pdfa pagecheck limits diff writer)
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/${part}.cmake)
    include(${CMAKE_SOURCE_DIR}/tests/${part}.cmake)
  endif()
endforeach()

# Inputs that once crashed or hung the fuzzer: each must now end with a message or a PDF
# (exit 0 or 2), never a crash, within the timeout.
file(GLOB fuzz_cases ${CMAKE_SOURCE_DIR}/tests/fuzz-regress/*.yaml)
foreach(case ${fuzz_cases})
  get_filename_component(name ${case} NAME_WE)
  add_test(NAME fuzz_${name}
    COMMAND sh -c "\"$0\" render \"$1\" -o \"$2\"; rc=$?; rm -f \"$2\"; [ $rc -eq 0 ] || [ $rc -eq 2 ]"
            $<TARGET_FILE:hyoka> ${case} ${CMAKE_BINARY_DIR}/fuzz-${name}.pdf)
  set_tests_properties(fuzz_${name} PROPERTIES TIMEOUT 20)
endforeach()

# valgrind memcheck on every example: no invalid access, no uninitialised use, no leak.
find_program(VALGRIND valgrind)
if(VALGRIND)
  foreach(doc 000-chiba-kouki-revision 001-meguro-kaigo 002-chiba-kenshin 004-sakai-kodomo)
    add_test(NAME valgrind_${doc}
      COMMAND ${VALGRIND} --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
              --show-leak-kinds=definite,indirect -q
              $<TARGET_FILE:hyoka> render ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml -o ${CMAKE_BINARY_DIR}/valgrind-${doc}.pdf)
    set_tests_properties(valgrind_${doc} PROPERTIES LABELS nosan TIMEOUT 300)
  endforeach()
endif()

# The installed program: cmake --install into a temporary prefix that is then moved, and run
# from an empty directory (tests/test_install.sh).
add_test(NAME install_relocated
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_install.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
          ${CMAKE_INSTALL_FULL_DATADIR}/hyoka)
# The round trip inside it reads PDFs with pikepdf: Debian's python3 (HY_DEBIAN_PYTHON).
set_tests_properties(install_relocated PROPERTIES TIMEOUT 120
  ENVIRONMENT "HY_PYTHON=${HY_DEBIAN_PYTHON}")

# Command-line conventions: '-' for stdin/stdout, default output name, --help, usage errors.
add_test(NAME cli COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_cli.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(cli PROPERTIES TIMEOUT 120)

# The Debian package (cpack; Depends, contents, the unpacked program) and the deployment
# examples (Containerfile, Kubernetes CronJob / Indexed Job, systemd service + timer).
add_test(NAME deb_package COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_deb.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
set_tests_properties(deb_package PROPERTIES TIMEOUT 120 LABELS nosan)
add_test(NAME deploy_examples
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/check_deploy.py ${CMAKE_SOURCE_DIR} $<TARGET_FILE:hyoka>)
set_tests_properties(deploy_examples PROPERTIES TIMEOUT 60)

# Anchors: the laid-out document says where each item was drawn (hy_engine_document); the
# pages must agree with the PDF the binary renders (its outline and its text per page).
add_executable(anchors_dump tests/anchors_dump.c)
target_link_libraries(anchors_dump PRIVATE hyoka_core)
foreach(doc examples/004-sakai-kodomo examples/001-meguro-kaigo examples/000-chiba-kouki-revision tests/fixtures/groups-max)
  get_filename_component(name ${doc} NAME)
  add_test(NAME anchors_${name}
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/anchors.py $<TARGET_FILE:hyoka>
            $<TARGET_FILE:anchors_dump> ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/${doc}.yaml
            ${CMAKE_BINARY_DIR}/anchors)
endforeach()

# A writer's typing of each example (Ⅲ for III, era dates, full-width options and items)
# renders byte-identical to the example (tests/variants.py).
foreach(doc 001-meguro-kaigo 002-chiba-kenshin 004-sakai-kodomo)
  add_test(NAME variants_${doc}
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/variants.py $<TARGET_FILE:hyoka>
            ${CMAKE_SOURCE_DIR}/layouts/juten.yaml ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml
            ${CMAKE_BINARY_DIR}/variants)
endforeach()

# The language of the messages: locale variables and --lang (tests/test_lang.sh).
add_test(NAME lang COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_lang.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(lang PROPERTIES TIMEOUT 60)

# The batch report lists each document's warnings apart from its errors.
add_test(NAME batch_warnings COMMAND sh ${CMAKE_SOURCE_DIR}/tests/test_batch_warnings.sh $<TARGET_FILE:hyoka> ${CMAKE_SOURCE_DIR})
set_tests_properties(batch_warnings PROPERTIES TIMEOUT 60)

# Every diagnostic comes from the message catalogue (tests/check_msgs.sh).
add_test(NAME msgs_catalogue_only COMMAND sh ${CMAKE_SOURCE_DIR}/tests/check_msgs.sh ${CMAKE_SOURCE_DIR})

# Text as meant: wrapped Japanese lines without stray spaces, decomposed kana composed
# (tests/text/, the cases of ../shared/cases; the cut-comment case is tests/bad/t15).
add_test(NAME text_cases
  COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/tests/text_cases.py $<TARGET_FILE:hyoka>
          ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/text-cases)
