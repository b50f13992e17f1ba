# Every dependency comes from Debian packages (scripts/install-deps installs them).
# Targets with no config package of their own are wrapped here once, so layers
# link names, never paths.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(CURL REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)
find_package(Intl)

pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# SOCI 4.0 ships neither a CMake config nor a pkg-config file on Debian 12.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(kpd_soci INTERFACE)
target_include_directories(kpd_soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(kpd_soci INTERFACE
  ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY}
  SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

if(KPD_BUILD_GUI)
  find_package(wxWidgets 3.2 REQUIRED COMPONENTS core base adv aui propgrid html net)
  # The wxWidgets::wxWidgets target needs CMake 3.27; wrap the variables instead.
  add_library(kpd_wx INTERFACE)
  target_include_directories(kpd_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
  target_compile_definitions(kpd_wx INTERFACE ${wxWidgets_DEFINITIONS})
  separate_arguments(_kpd_wx_flags UNIX_COMMAND "${wxWidgets_CXX_FLAGS}")
  target_compile_options(kpd_wx INTERFACE ${_kpd_wx_flags})
  target_link_libraries(kpd_wx INTERFACE ${wxWidgets_LIBRARIES})
endif()
