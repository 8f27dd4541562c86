# tests/pdfa.cmake — PDF/A-2u and PDF/UA-1 checks (tests/pdfa_check.py: archival and tagging)
# on every example and fixture, a stamped and watermarked correction table and form, and a title
# with XML markup characters.
# HY_DEBIAN_PYTHON (tests.cmake): the python3 that has Debian's python3-pikepdf.
set(HY_PDFA_CHECK ${HY_DEBIAN_PYTHON} ${CMAKE_SOURCE_DIR}/tests/pdfa_check.py $<TARGET_FILE:hyoka>)
foreach(doc 000-chiba-kouki-revision 001-meguro-kaigo 002-chiba-kenshin 004-sakai-kodomo)
  add_test(NAME pdfa_${doc}
    COMMAND ${HY_PDFA_CHECK} ${CMAKE_SOURCE_DIR}/examples/${doc}.yaml ${CMAKE_BINARY_DIR}/pdfa)
endforeach()
file(GLOB HY_PDFA_FIXTURES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fixtures/*.yaml)
foreach(doc ${HY_PDFA_FIXTURES})
  get_filename_component(name ${doc} NAME_WLE)
  add_test(NAME pdfa_fixture_${name} COMMAND ${HY_PDFA_CHECK} ${doc} ${CMAKE_BINARY_DIR}/pdfa)
endforeach()
foreach(doc revision-3col minimal)
  add_test(NAME pdfa_${doc}-stamped
    COMMAND ${HY_PDFA_CHECK} ${CMAKE_SOURCE_DIR}/tests/fixtures/${doc}.yaml ${CMAKE_BINARY_DIR}/pdfa
            -- --stamp 資料2-1 --watermark 委員限り)
endforeach()
add_test(NAME pdfa_xml-title
  COMMAND ${HY_PDFA_CHECK} ${CMAKE_SOURCE_DIR}/tests/fixtures/minimal.yaml ${CMAKE_BINARY_DIR}/pdfa
          --title "A&B <C> \"D\" 'E' &amp; 試験")
