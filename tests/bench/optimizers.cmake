# Optimizer benchmark: steps per second of each method on Rosenbrock, against hand-written GD.
# Included from tests/bench/CMakeLists.txt.
find_package(benchmark REQUIRED)
add_executable(bench_optimizers ${CMAKE_CURRENT_LIST_DIR}/bench_optimizers.cpp)
target_link_libraries(bench_optimizers PRIVATE gradscape_core benchmark::benchmark)
