#include "learn/idx_file.h"

#include "io/regular_file.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <limits>
#include <memory>

namespace gs::learn {

namespace {

struct GzCloser {
    void operator()(gzFile f) const { gzclose(f); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

std::string hex32(std::uint32_t v) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", v);
    return text;
}

std::uint32_t bigEndian(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

// At most this much is read between two looks at the cancel flag: about 10 ms of inflating.
constexpr std::size_t kChunk = std::size_t{1} << 20;
// More than this is not an IDX file a lesson could use: Fashion-MNIST's largest is 47 MB.
constexpr std::size_t kMaxDataBytes = std::size_t{1} << 30;

// Reads up to `size` bytes; returns the count read, −1 with `why` set on a gzip error, or −2 when
// `cancel` was raised.
long long readFully(gzFile f, unsigned char* out, std::size_t size, std::string& why,
                    const std::atomic<bool>* cancel) {
    std::size_t done = 0;
    while (done < size) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return -2;
        const auto chunk = static_cast<unsigned>(std::min(size - done, kChunk));
        const int got = gzread(f, out + done, chunk);
        if (got < 0) {
            int code = Z_OK;
            why = gzerror(f, &code);
            return -1;
        }
        if (got == 0) break;
        done += static_cast<std::size_t>(got);
    }
    int code = Z_OK;
    const char* message = gzerror(f, &code);
    // A stream cut short reads as Z_BUF_ERROR ("unexpected end of file"): that is truncation,
    // reported by the caller from the byte count; anything else is corrupt data.
    if (code != Z_OK && code != Z_BUF_ERROR) {
        why = message;
        return -1;
    }
    return static_cast<long long>(done);
}

} // namespace

IdxFile readIdx(const std::string& path, int dimensions, int maxItems,
                const std::atomic<bool>* cancel) {
    IdxFile out;
    auto fail = [&](const std::string& what) {
        out.error = path + ": " + what;
        out.dims.clear();
        out.bytes.clear();
        out.items = 0;
        return out;
    };
    auto tooLarge = [] {
        return "implausible size: more than " + std::to_string(kMaxDataBytes >> 20) +
               " MiB of data";
    };
    io::InputFile file = io::openRegularFile(path);
    if (!file.ok()) return fail(file.error());
    GzHandle f(gzdopen(file.fd(), "rb"));
    if (!f) return fail("cannot be opened for reading");
    file.release(); // gzclose closes it now

    std::string why;
    unsigned char header[4 + 4 * 8];
    const std::uint32_t expected = 0x00000800u | static_cast<std::uint32_t>(dimensions);
    long long got = readFully(f.get(), header, 4, why, cancel);
    if (got == -2) return fail("reading cancelled");
    if (got < 0) return fail("corrupt gzip data (" + why + ")");
    if (got < 4) return fail("truncated: no complete header (" + std::to_string(got) + " bytes)");
    const std::uint32_t magic = bigEndian(header);
    if (magic != expected)
        return fail("bad magic number " + hex32(magic) + ", expected " + hex32(expected) +
                    " (unsigned bytes, " + std::to_string(dimensions) + " dimensions)");

    const auto sizeBytes = static_cast<std::size_t>(4 * dimensions);
    got = readFully(f.get(), header + 4, sizeBytes, why, cancel);
    if (got == -2) return fail("reading cancelled");
    if (got < 0) return fail("corrupt gzip data (" + why + ")");
    if (got < static_cast<long long>(sizeBytes)) return fail("truncated inside the header");
    std::size_t itemSize = 1;
    for (int d = 0; d < dimensions; ++d) {
        const std::uint32_t n = bigEndian(header + 4 + 4 * d);
        if (n == 0 || n > (1u << 28)) return fail("implausible size " + std::to_string(n));
        out.dims.push_back(static_cast<int>(n));
        if (d > 0 && itemSize > kMaxDataBytes / n) return fail(tooLarge());
        if (d > 0) itemSize *= n;
    }
    const int count = out.dims[0];
    out.items = maxItems >= 0 ? std::min(count, maxItems) : count;
    if (itemSize * static_cast<std::size_t>(out.items) > kMaxDataBytes) return fail(tooLarge());
    const std::size_t want = itemSize * static_cast<std::size_t>(out.items);
    out.bytes.resize(want);
    got = readFully(f.get(), out.bytes.data(), want, why, cancel);
    if (got == -2) return fail("reading cancelled");
    if (got < 0) return fail("corrupt gzip data (" + why + ")");
    if (static_cast<std::size_t>(got) < want)
        return fail("truncated: the header promises " + std::to_string(want) +
                    " bytes of data for " + std::to_string(out.items) + " items, the file holds " +
                    std::to_string(got));
    return out;
}

} // namespace gs::learn
