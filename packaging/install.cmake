# packaging/install.cmake — what `cmake --install` puts where, and the Debian package made from
# it with CPack (included from CMakeLists.txt). The layout under the prefix:
#   bin/hyoka
#   share/hyoka/layouts/*.yaml, share/hyoka/fonts/fonts.yaml   (found by src/datadir.c)
#   share/man/man1/hyoka.1.gz
#   share/bash-completion/completions/hyoka
#   share/doc/hyoka/{README.md, *.md, examples/*.yaml}
# See docs/install.md.

install(TARGETS hyoka RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY layouts/ DESTINATION ${CMAKE_INSTALL_DATADIR}/hyoka/layouts FILES_MATCHING PATTERN "*.yaml")
install(FILES fonts/fonts.yaml DESTINATION ${CMAKE_INSTALL_DATADIR}/hyoka/fonts)
install(FILES packaging/hyoka.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME hyoka)

# The man page, compressed as Debian ships man pages (-n: no name or time in the gzip header,
# so the package is reproducible).
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/hyoka.1.gz
  COMMAND gzip -9n -c ${CMAKE_SOURCE_DIR}/docs/hyoka.1 > ${CMAKE_BINARY_DIR}/hyoka.1.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/hyoka.1 VERBATIM)
add_custom_target(hyoka_man ALL DEPENDS ${CMAKE_BINARY_DIR}/hyoka.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/hyoka.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

file(GLOB HYOKA_DOCS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES README.md ${HYOKA_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY docs/ja/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/ja FILES_MATCHING PATTERN "*.md")

# `cpack -G DEB` in the build directory (configured with -DCMAKE_INSTALL_PREFIX=/usr) makes
# hyoka_VERSION_ARCH.deb. The shared libraries come from dpkg-shlibdeps (the exact Debian 12
# packages the binary links: libhpdf-2.3.0, libyaml-0-2, libfreetype6, libfontconfig1,
# libharfbuzz0b, libharfbuzz-subset0, libdeflate0, libc6); the fonts named in fonts/fonts.yaml
# are listed here. Nothing to build with: a render host needs the .deb alone.
set(CPACK_PACKAGE_NAME hyoka)
set(CPACK_PACKAGE_VENDOR "hyoka")
set(CPACK_PACKAGE_CONTACT "hyoka maintainers <hyoka@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Japanese privacy impact assessments (特定個人情報保護評価書) from YAML to PDF")
set(CPACK_PACKAGE_DESCRIPTION
  "hyoka turns a YAML description of a Japanese privacy impact assessment into the official table-style form pages as a PDF with embedded CJK font subsets, and renders the committee's correction tables. It renders single documents and whole trees in parallel, incrementally.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fontconfig, fonts-morisawa-bizud-gothic, fonts-ipaexfont-gothic, fonts-ipaexfont-mincho, fonts-ipamj-mincho")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-morisawa-bizud-mincho")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)
