# Install rules: the library (static, and shared with its SONAME), the public
# headers, the claimdb command, a CMake package (find_package(claimdb), target
# claimdb::claimdb) and claimdb.pc for pkg-config.
include(CMakePackageConfigHelpers)

set(CLAIMDB_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/claimdb)

install(TARGETS ${CLAIMDB_INSTALL_TARGETS} EXPORT claimdbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/claimdb ${PROJECT_BINARY_DIR}/include/claimdb
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")
if(CLAIMDB_BUILD_CLI)
  install(TARGETS claimdb-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()

install(EXPORT claimdbTargets NAMESPACE claimdb:: DESTINATION ${CLAIMDB_CMAKE_DIR}
        COMPONENT development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/claimdbConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/claimdbConfig.cmake
                              INSTALL_DESTINATION ${CLAIMDB_CMAKE_DIR})
# Before 1.0, a minor release may break compatibility.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/claimdbConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/claimdbConfig.cmake ${PROJECT_BINARY_DIR}/claimdbConfigVersion.cmake
        DESTINATION ${CLAIMDB_CMAKE_DIR} COMPONENT development)

# pkg-config: Libs links the shared library when there is one (the linker's
# default), Libs.private lists what a static link needs as well. Debian's
# SQLiteCpp ships as a static library without a .pc file of its own.
# The prefix is found from the .pc file's own place, so the installed tree can
# be moved (and `cmake --install --prefix P` works).
file(RELATIVE_PATH CLAIMDB_PC_UP "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
string(REGEX REPLACE "/$" "" CLAIMDB_PC_UP "${CLAIMDB_PC_UP}")
set(CLAIMDB_PC_PREFIX "\${pcfiledir}/${CLAIMDB_PC_UP}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CLAIMDB_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CLAIMDB_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(CLAIMDB_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CLAIMDB_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CLAIMDB_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/claimdb.pc.in ${PROJECT_BINARY_DIR}/claimdb.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/claimdb.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)
