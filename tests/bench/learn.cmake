# Training: one epoch of a 784-128-10 MLP on Fashion-MNIST (our side of scripts/bench-learn;
# tests/bench/torch_mlp_epoch.py and numpy_mlp_epoch.py are the others).
add_executable(bench_learn ${CMAKE_CURRENT_LIST_DIR}/bench_learn.cpp)
target_link_libraries(bench_learn PRIVATE gradscape_core benchmark::benchmark)
