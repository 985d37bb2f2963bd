# Training: one epoch of a 784-128-10 MLP on Fashion-MNIST (issue 11's benchmark, our side).
add_executable(bench_learn ${CMAKE_CURRENT_LIST_DIR}/bench_learn.cpp)
target_link_libraries(bench_learn PRIVATE gradscape_core benchmark::benchmark)
