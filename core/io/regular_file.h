#pragma once
// Opening a file a user named (a scene, a lesson, a data set) for reading, safely: only a regular
// file is opened, and the open itself never blocks. A FIFO with no writer would make open() wait
// forever, a device such as /dev/zero never ends, and a directory is not data.

#include <cstdint>
#include <string>

namespace gs::io {

/// A file descriptor open for reading, closed when the object goes; or, when the file could not
/// be opened, the reason ("no such file", "is a FIFO (named pipe), not a regular file", …).
class InputFile {
public:
    InputFile() = default;
    InputFile(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
    explicit InputFile(std::string error) : error_(std::move(error)) {}
    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&& other) noexcept;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile();

    bool ok() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    std::uint64_t size() const { return size_; } ///< bytes, as the file was when opened
    const std::string& error() const { return error_; }
    /// Hands the descriptor over (to gzdopen, QFile::open, …): the caller closes it from now on.
    int release();

private:
    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::string error_;
};

/// Opens `path` read-only (close-on-exec) when it names a regular file, or a link to one. The
/// open does not wait on a FIFO, and the descriptor is back in blocking mode once it is known to
/// be a regular file. The error says what the path is instead, without the path itself.
InputFile openRegularFile(const std::string& path);

} // namespace gs::io
