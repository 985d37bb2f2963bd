#pragma once
// IDX files (the MNIST format), plain or gzip-compressed: a big-endian header (magic number
// 0x0000 08 nd — unsigned bytes, nd dimensions — then nd 32-bit sizes) and the bytes, row-major.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace gs::learn {

struct IdxFile {
    std::vector<int> dims;           ///< as the header gives them
    std::vector<std::uint8_t> bytes; ///< the first `items` items (all of dims[0] when not limited)
    int items = 0;                   ///< items read along the first dimension
    std::string error;               ///< "<path>: <what is wrong>", empty when it was read

    bool ok() const { return error.empty(); }
};

/// Reads an IDX file of unsigned bytes with `dimensions` dimensions, at most `maxItems` items
/// along the first (all when negative). Errors name the file: missing, not readable, corrupt gzip,
/// bad magic number, truncated (fewer bytes than the header promises), or more than 1 GiB of data.
/// Only a regular file is read (a FIFO or a device is refused without blocking). Raising `cancel`
/// stops the read within about a megabyte, with the error "reading cancelled".
IdxFile readIdx(const std::string& path, int dimensions, int maxItems = -1,
                const std::atomic<bool>* cancel = nullptr);

} // namespace gs::learn
