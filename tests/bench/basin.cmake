# Basin maps: 256 x 256 starts x 500 GD steps, ours vs a hand-written SLEEF loop at the widest
# vectors the CPU has (and numpy, through scripts/bench-basin). Only the reference loops are
# compiled for AVX2 / AVX-512; bench_basin checks the CPU before calling them.
add_executable(bench_basin ${CMAKE_CURRENT_LIST_DIR}/bench_basin.cpp
    ${CMAKE_CURRENT_LIST_DIR}/basin_sleef_avx2.cpp ${CMAKE_CURRENT_LIST_DIR}/basin_sleef_avx512.cpp)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/basin_sleef_avx2.cpp
    PROPERTIES COMPILE_OPTIONS "-mavx2;-mfma")
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/basin_sleef_avx512.cpp
    PROPERTIES COMPILE_OPTIONS "-mavx512f")
target_link_libraries(bench_basin PRIVATE gradscape_core PkgConfig::SLEEF)
