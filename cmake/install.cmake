# What `cmake --install` puts where (GNUInstallDirs): the program, its desktop entry, icons,
# AppStream metainfo, the scene file type, the man page and the documentation. Included from the
# top-level CMakeLists.txt after app/, for the full (not core-only) build.

set(GRADSCAPE_APP_ID io.github.gradscape.Gradscape)
set(desktop_dir ${PROJECT_SOURCE_DIR}/resources/desktop)
set(icon_dir ${PROJECT_SOURCE_DIR}/resources/icons)
# Debian's place for a package's documentation, /usr/share/doc/gradscape (GNUInstallDirs' DOCDIR
# would take the project's capitalized name).
set(GRADSCAPE_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/gradscape)
if(IS_ABSOLUTE ${GRADSCAPE_DOC_DIR})
    set(GRADSCAPE_FULL_DOC_DIR ${GRADSCAPE_DOC_DIR})
else()
    set(GRADSCAPE_FULL_DOC_DIR ${CMAKE_INSTALL_PREFIX}/${GRADSCAPE_DOC_DIR})
endif()
# Help > About finds the installed scene format page from the program's own folder, so the path
# compiled in is relative and the same for every prefix: moving the prefix rebuilds nothing.
file(RELATIVE_PATH doc_dir_from_bin ${CMAKE_INSTALL_FULL_BINDIR} ${GRADSCAPE_FULL_DOC_DIR})
target_compile_definitions(gradscape_app PRIVATE GRADSCAPE_DOC_DIR_FROM_BIN="${doc_dir_from_bin}")

install(TARGETS gradscape RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(FILES ${desktop_dir}/${GRADSCAPE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${desktop_dir}/${GRADSCAPE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${desktop_dir}/${GRADSCAPE_APP_ID}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${GRADSCAPE_APP_ID}.xml)

foreach(size 16 22 24 32 48 64 128 256)
    install(FILES ${icon_dir}/gradscape-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${GRADSCAPE_APP_ID}.png)
endforeach()
install(FILES ${icon_dir}/gradscape.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${GRADSCAPE_APP_ID}.svg)

# Debian keeps a package's licence in /usr/share/doc/PACKAGE/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${GRADSCAPE_DOC_DIR} RENAME copyright)
install(FILES ${PROJECT_SOURCE_DIR}/docs/scene-format.md DESTINATION ${GRADSCAPE_DOC_DIR})

# The man page is help2man's reading of `gradscape --help`, plus the sections in resources/man.
# AUTO builds it when help2man is there and says so when it is not; ON requires help2man
# (scripts/package sets it); OFF skips it.
set(GRADSCAPE_MANPAGE AUTO CACHE STRING "Build the man page with help2man: AUTO, ON or OFF")
set_property(CACHE GRADSCAPE_MANPAGE PROPERTY STRINGS AUTO ON OFF)
set(build_man_page OFF)
if(GRADSCAPE_MANPAGE STREQUAL "AUTO")
    find_program(HELP2MAN help2man)
    if(HELP2MAN)
        set(build_man_page ON)
    else()
        message(STATUS "help2man not found: no man page (apt-get install help2man)")
    endif()
elseif(GRADSCAPE_MANPAGE)
    find_program(HELP2MAN help2man REQUIRED)
    set(build_man_page ON)
endif()

if(build_man_page)
    set(GRADSCAPE_SCENE_FORMAT_DOC ${GRADSCAPE_FULL_DOC_DIR}/scene-format.md)
    configure_file(${PROJECT_SOURCE_DIR}/resources/man/gradscape.h2m.in gradscape.h2m @ONLY)
    set(man_page ${CMAKE_CURRENT_BINARY_DIR}/gradscape.1)
    # The program's name comes from the file, not from --version's "Gradscape 0.1.0".
    add_custom_command(
        OUTPUT ${man_page}.gz
        COMMAND ${HELP2MAN} --no-info --section=1
                "--name=see how optimization for deep learning works"
                --include=${CMAKE_CURRENT_BINARY_DIR}/gradscape.h2m
                --version-string=${PROJECT_VERSION} --output=${man_page}
                $<TARGET_FILE:gradscape>
        COMMAND gzip -9 -n -f ${man_page}
        DEPENDS gradscape ${CMAKE_CURRENT_BINARY_DIR}/gradscape.h2m
        COMMENT "Generating the man page gradscape.1 with help2man"
        VERBATIM)
    add_custom_target(gradscape_man_page ALL DEPENDS ${man_page}.gz)
    install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
