# Decision regions: a 2-32-32-2 MLP over a 200 x 200 grid, computed and painted (target 10 ms).
if(TARGET gradscape_app)
    add_executable(bench_regions ${CMAKE_CURRENT_LIST_DIR}/bench_regions.cpp)
    target_link_libraries(bench_regions PRIVATE gradscape_app benchmark::benchmark)
endif()
