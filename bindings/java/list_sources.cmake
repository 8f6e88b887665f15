# Writes the .java files under DIR, one quoted path a line, to OUT (a javac @file).
file(GLOB_RECURSE _files "${DIR}/*.java")
list(SORT _files)
set(_text "")
foreach(_f IN LISTS _files)
  string(APPEND _text "\"${_f}\"\n")
endforeach()
file(WRITE "${OUT}" "${_text}")
