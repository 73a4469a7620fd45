# The interface in Korean and English (Qt Linguist). Included from
# common/CMakeLists.txt: the compiled .qm files are embedded in chorus_common
# at :/i18n, so both programs, the headless server and the tests load them
# without an installed file (the .deb carries them inside the programs).
#
# After adding or changing a user-visible string:
#   cmake --build build --target chorus_lupdate    # refresh the .ts files
# then translate the new entries (Qt Linguist, or by hand in the .ts) until
# tst_translations passes. The .ts files hold no source locations
# (-locations none), so a moved line never touches them.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(CHORUS_TS_DIR ${PROJECT_SOURCE_DIR}/translations)
set(CHORUS_TS_FILES ${CHORUS_TS_DIR}/chorus_ko.ts ${CHORUS_TS_DIR}/chorus_en.ts)
# Every folder whose strings a person reads (bench/ and tests/ are not shown).
set(CHORUS_LUPDATE_SOURCES
    ${PROJECT_SOURCE_DIR}/common ${PROJECT_SOURCE_DIR}/widgets
    ${PROJECT_SOURCE_DIR}/server_gui ${PROJECT_SOURCE_DIR}/client_gui)
set(CHORUS_LUPDATE_OPTIONS -recursive -extensions cpp,h -locations none -no-obsolete -silent)

# One command line per .ts file, @TS@ standing for the file. English is the
# source language: its file holds only the plural forms (-pluralonly).
set(CHORUS_LUPDATE_COMMANDS "")
foreach(ts ${CHORUS_TS_FILES})
    set(extra "")
    if(ts MATCHES "_en\\.ts$")
        set(extra -pluralonly)
    endif()
    list(APPEND CHORUS_LUPDATE_TARGET_COMMANDS
         COMMAND Qt6::lupdate ${CHORUS_LUPDATE_OPTIONS} ${extra} ${CHORUS_LUPDATE_SOURCES} -ts ${ts})
    list(JOIN CHORUS_LUPDATE_OPTIONS "\t" options_line)
    list(JOIN CHORUS_LUPDATE_SOURCES "\t" sources_line)
    string(APPEND CHORUS_LUPDATE_COMMANDS "${ts}\t${options_line}\t${extra}\t${sources_line}\n")
endforeach()
add_custom_target(chorus_lupdate ${CHORUS_LUPDATE_TARGET_COMMANDS}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Updating translations/*.ts from the sources"
    VERBATIM)
# The same command lines for tst_translations (file<TAB>arguments…, one a line).
file(WRITE ${PROJECT_BINARY_DIR}/translations/lupdate-commands.txt "${CHORUS_LUPDATE_COMMANDS}")

qt_add_lrelease(chorus_common TS_FILES ${CHORUS_TS_FILES}
    QM_FILES_OUTPUT_VARIABLE CHORUS_QM_FILES OPTIONS -silent)
qt_add_resources(chorus_common chorus_translations
    PREFIX /i18n
    BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${CHORUS_QM_FILES})
