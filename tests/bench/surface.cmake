# The 3D surface view: orbiting a 120×120 mesh with 4 paths at 1600×1000, draft and full quality.
if(TARGET gradscape_app)
    add_executable(bench_surface ${CMAKE_CURRENT_LIST_DIR}/bench_surface.cpp)
    target_link_libraries(bench_surface PRIVATE gradscape_app benchmark::benchmark)
endif()
