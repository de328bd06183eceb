# Runs at install time (cmake --install, and CPack building the .deb): writes the units with
# the installed programs' absolute path and installs them with the sysusers.d file. At configure
# time the prefix is not known yet: `cmake --install build --prefix P` may choose another.
# CMakeLists.txt beside this file sets GAZETTE_UNITS_SOURCE, GAZETTE_UNITS_BINARY and
# GAZETTE_INSTALL_BINDIR (relative to the prefix) before including it.
set(GAZETTE_BINDIR "${CMAKE_INSTALL_PREFIX}/${GAZETTE_INSTALL_BINDIR}")
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    # The .deb's prefix (and Debian's own packages'): Debian 12 keeps their units in
    # /lib/systemd/system, where debhelper puts them.
    set(unit_dir "/lib/systemd/system")
else()
    # systemd also reads /usr/local/lib/systemd/system and /usr/local/lib/sysusers.d.
    set(unit_dir "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
endif()
foreach(unit gazette-search.service gazette-index.service gazette-index-watch.service)
    configure_file("${GAZETTE_UNITS_SOURCE}/${unit}.in" "${GAZETTE_UNITS_BINARY}/${unit}" @ONLY)
endforeach()
file(INSTALL
     "${GAZETTE_UNITS_BINARY}/gazette-search.service"
     "${GAZETTE_UNITS_BINARY}/gazette-index.service"
     "${GAZETTE_UNITS_BINARY}/gazette-index-watch.service"
     "${GAZETTE_UNITS_SOURCE}/gazette-index.timer"
     DESTINATION "${unit_dir}" FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
file(INSTALL "${GAZETTE_UNITS_SOURCE}/gazette.sysusers"
     DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/sysusers.d" RENAME gazette.conf
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
