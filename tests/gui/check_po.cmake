# Fails when resources/po/ru.po misses a string of ui/ or has an untranslated
# or fuzzy entry: extracts the strings afresh (xgettext), merges them into a
# copy of ru.po (msgmerge) and reads msgfmt --statistics.
# Variables: XGETTEXT MSGMERGE MSGFMT SOURCE_DIR WORK_DIR
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE
          --directory=${SOURCE_DIR} --output=${WORK_DIR}/check.pot ${sources}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed")
endif()
execute_process(
  COMMAND ${MSGMERGE} --quiet --no-fuzzy-matching --output-file=${WORK_DIR}/ru.merged.po
          ${SOURCE_DIR}/resources/po/ru.po ${WORK_DIR}/check.pot
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgmerge failed")
endif()
execute_process(
  COMMAND ${MSGFMT} --check --statistics --output-file=/dev/null ${WORK_DIR}/ru.merged.po
  RESULT_VARIABLE rc ERROR_VARIABLE stats OUTPUT_VARIABLE out)
string(STRIP "${stats}${out}" stats)
message(STATUS "ru.po: ${stats}")
if(NOT rc EQUAL 0 OR stats MATCHES "untranslated|fuzzy")
  message(FATAL_ERROR "ru.po is not complete (${stats}). Run: ninja partner-desk-pot && msgmerge -U resources/po/ru.po <build>/resources/partner-desk.pot, then translate.")
endif()
