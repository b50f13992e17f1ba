# kpd_add_layer(NAME <target> [DEPENDS <targets…>])
# Adds one layer of the core the same way each time: a static library of every
# .cpp in the calling folder, headers included as "<layer>/<file>.h" from src/,
# the project's warnings, and the layers and packages it may depend on.
function(kpd_add_layer)
  cmake_parse_arguments(ARG "" "NAME" "DEPENDS" ${ARGN})
  file(GLOB _sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  add_library(${ARG_NAME} STATIC ${_sources})
  target_include_directories(${ARG_NAME} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPENDS} PRIVATE kpd_warnings)
  set_target_properties(${ARG_NAME} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
