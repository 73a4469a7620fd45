# What `cmake --install` puts where (FHS / freedesktop.org), and the Debian
# package CPack builds from it (./dev.sh package). Desktop entries and
# AppStream metainfo live in resources/desktop/, named by the application id.
include(GNUInstallDirs)

set(CHORUS_APP_IDS net.chorus_tools.ChorusServer net.chorus_tools.ChorusClient)

# qt_standard_project_setup() gives every target the install RUNPATH
# $ORIGIN:$ORIGIN/../lib/<arch>, for projects that install their own shared
# libraries. Chorus installs none (its libraries are static), and in /usr/bin that
# RUNPATH only makes the loader look in /usr/bin before the system's library path.
set_target_properties(chorus-server chorus-client PROPERTIES INSTALL_RPATH "")
install(TARGETS chorus-server chorus-client RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(id ${CHORUS_APP_IDS})
    install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${id}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${id}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/chorus-server.svg
              ${PROJECT_SOURCE_DIR}/resources/icons/chorus-client.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# Manual pages from each program's --help (help2man), when help2man is there.
find_program(CHORUS_HELP2MAN help2man)
if(CHORUS_HELP2MAN)
    set(CHORUS_MAN_NAME_chorus-server "multi-client TCP test server with a live connection monitor")
    set(CHORUS_MAN_NAME_chorus-client "chat-style TCP test client with round-trip times")
    foreach(program chorus-server chorus-client)
        set(page ${CMAKE_CURRENT_BINARY_DIR}/man/${program}.1)
        add_custom_command(
            OUTPUT ${page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
            # In English whatever the builder's locale or saved language (a private HOME).
            COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=
                    HOME=${CMAKE_CURRENT_BINARY_DIR}/man XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/man
                    ${CHORUS_HELP2MAN} --no-info --no-discard-stderr --section=1
                    "--name=${CHORUS_MAN_NAME_${program}}" --output=${page} $<TARGET_FILE:${program}>
            COMMAND gzip -9 -n -f ${page}
            DEPENDS ${program}
            VERBATIM)
        list(APPEND CHORUS_MAN_PAGES ${page}.gz)
    endforeach()
    add_custom_target(chorus_man_pages ALL DEPENDS ${CHORUS_MAN_PAGES})
    install(FILES ${CHORUS_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# Debian's documentation files: the copyright and a changelog.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/chorus)
set(CHORUS_CHANGELOG ${CMAKE_CURRENT_BINARY_DIR}/changelog.Debian.gz)
add_custom_command(
    OUTPUT ${CHORUS_CHANGELOG}
    COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/packaging/changelog.Debian > ${CHORUS_CHANGELOG}
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog.Debian
    VERBATIM)
add_custom_target(chorus_changelog ALL DEPENDS ${CHORUS_CHANGELOG})
install(FILES ${CHORUS_CHANGELOG} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/chorus)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME chorus)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Chorus developers <chorus@chorus-tools.net>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "TCP test server monitor and chat-style client for devices")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents each line of
# this and turns an empty line into Debian's " ." paragraph break.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Chorus is a pair of desktop programs for engineers who test networked devices
(drone ground links, PLCs, embedded boards) on a LAN.

chorus-server answers many TCP clients at once from an editable reply book and
lists every live connection with its statistics; chorus-client sends text or
hex bytes and shows each reply with its round-trip time. Both speak device
framings (CR, delimiters, length fields, Modbus/TCP) and a small JSON-lines
protocol with client ids, broadcast and ping.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# A Debian revision: the package is not "native", so its changelog is changelog.Debian.gz.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibdeps sees only the libraries the programs link. Qt loads its plugins at run
# time: the X11 platform plugin (libqxcb.so) is in libqt6gui6, which shlibdeps
# already lists, but the SVG icon engine that draws the window icons is in
# libqt6svg6. (qt6-qpa-plugins holds only the VNC and touch plugins on Debian 12.)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
# Korean input: Debian's Korean desktop uses ibus-hangul, whose Qt 6 plugin is in
# libqt6gui6; fcitx5 users need its Qt 6 frontend.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fcitx5-frontend-qt6")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
# Packages install under /usr whatever CMAKE_INSTALL_PREFIX a build was configured with.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
