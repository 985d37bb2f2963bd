# The landscape page: dragging the start with many long runs, and field rebuild vs replot.
if(TARGET gradscape_app)
    add_executable(bench_landscape ${CMAKE_CURRENT_LIST_DIR}/bench_landscape.cpp)
    target_link_libraries(bench_landscape PRIVATE gradscape_app benchmark::benchmark)
endif()
