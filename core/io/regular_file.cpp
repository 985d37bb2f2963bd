#include "io/regular_file.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gs::io {

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_), error_(std::move(other.error_)) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        size_ = other.size_;
        error_ = std::move(other.error_);
    }
    return *this;
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

int InputFile::release() {
    return std::exchange(fd_, -1);
}

namespace {

std::string notRegular(mode_t mode) {
    if (S_ISDIR(mode)) return "is a directory, not a file";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

std::string systemReason(int error) {
    if (error == ENOENT) return "no such file";
    std::string s = std::strerror(error);
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

} // namespace

InputFile openRegularFile(const std::string& path) {
    // stat first, so a directory or a device is named without opening it (opening some devices
    // has effects of its own); the fstat after the open guards against a swap in between.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return InputFile(systemReason(errno));
    if (!S_ISREG(st.st_mode)) return InputFile(notRegular(st.st_mode));
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return InputFile(systemReason(errno));
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const std::string why = notRegular(st.st_mode);
        ::close(fd);
        return InputFile(why);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return InputFile(fd, static_cast<std::uint64_t>(st.st_size));
}

} // namespace gs::io
