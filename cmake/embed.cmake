# claimdb_embed_text(OUTPUT <file.cpp> NAME <c++ identifier> FILES <files...>)
# Writes a C++ source defining
#   namespace claimdb::embedded {
#     extern const EmbeddedFile <NAME>[]; extern const std::size_t <NAME>_count;
#   }
# with each file's base name and contents, in the order given. The file is
# regenerated whenever one of the inputs changes.
function(claimdb_embed_text)
  cmake_parse_arguments(ARG "" "OUTPUT;NAME" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} -DNAME=${ARG_NAME}
            "-DFILES=${ARG_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${ARG_NAME}"
    VERBATIM)
endfunction()
