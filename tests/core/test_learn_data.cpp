// Learning data: IDX files (read, and every way they can be broken), Fashion-MNIST, and the
// seeded synthetic 2D sets.

#include "learn/fashion_mnist.h"
#include "learn/idx_file.h"
#include "learn/idx_folder.h"
#include "learn/synthetic.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <sys/stat.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

using namespace gs::learn;

namespace {

using Bytes = std::vector<std::uint8_t>;

void putBigEndian(Bytes& b, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        b.push_back(static_cast<std::uint8_t>(v >> shift));
}

/// An IDX file: magic, sizes, then `dataBytes` bytes 0, 1, 2, … (mod `modulo`).
Bytes idx(std::uint32_t magic, const std::vector<std::uint32_t>& dims, std::size_t dataBytes,
          int modulo = 256) {
    Bytes b;
    putBigEndian(b, magic);
    for (auto d : dims)
        putBigEndian(b, d);
    for (std::size_t i = 0; i < dataBytes; ++i)
        b.push_back(static_cast<std::uint8_t>(i % static_cast<std::size_t>(modulo)));
    return b;
}

void writePlain(const std::string& path, const Bytes& b) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void writeGzip(const std::string& path, const Bytes& b) {
    gzFile f = gzopen(path.c_str(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, b.data(), static_cast<unsigned>(b.size())), int(b.size()));
    QCOMPARE(gzclose(f), Z_OK);
}

Bytes readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class TestLearnData : public QObject {
    Q_OBJECT
private slots:
    void idxReadsPlainAndGzip_data();
    void idxReadsPlainAndGzip();
    void brokenFilesAreNamed_data();
    void brokenFilesAreNamed();
    void readingStopsWhenCancelled_data();
    void readingStopsWhenCancelled();
    void imagesAndLabelsMustAgree_data();
    void imagesAndLabelsMustAgree();
    void fashionMnistLoads();
    void fashionMnistMissingDirectoryIsNamed();
    void idxFolderLoadsPlainAndGzipAlike();
    void syntheticIsSeeded_data();
    void syntheticIsSeeded();
    void syntheticShapes();
    void badSyntheticParamsAreNamed_data();
    void badSyntheticParamsAreNamed();
};

void TestLearnData::idxReadsPlainAndGzip_data() {
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<int>("maxItems");
    QTest::addColumn<int>("items");
    QTest::newRow("plain, all") << false << -1 << 5;
    QTest::newRow("gzip, all") << true << -1 << 5;
    QTest::newRow("gzip, first 3") << true << 3 << 3;
    QTest::newRow("plain, more than there are") << false << 9 << 5;
}

void TestLearnData::idxReadsPlainAndGzip() {
    QFETCH(bool, gzip);
    QFETCH(int, maxItems);
    QFETCH(int, items);
    QTemporaryDir dir;
    const std::string path = dir.filePath("x.idx").toStdString();
    const Bytes b = idx(0x00000803, {5, 2, 3}, 30);
    if (gzip)
        writeGzip(path, b);
    else
        writePlain(path, b);
    const IdxFile f = readIdx(path, 3, maxItems);
    QVERIFY2(f.ok(), f.error.c_str());
    QCOMPARE(f.dims, (std::vector<int>{5, 2, 3}));
    QCOMPARE(f.items, items);
    QCOMPARE(int(f.bytes.size()), items * 6);
    for (int i = 0; i < items * 6; ++i)
        QCOMPARE(int(f.bytes[std::size_t(i)]), i);
}

void TestLearnData::brokenFilesAreNamed_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing"
                             << "no such file";
    QTest::newRow("a directory") << "directory"
                                 << "is a directory";
    QTest::newRow("bad magic (labels file given as images)") << "magic"
                                                             << "bad magic number";
    QTest::newRow("bad magic (not IDX at all)") << "text"
                                                << "bad magic number";
    QTest::newRow("empty") << "empty"
                           << "truncated";
    QTest::newRow("truncated header") << "header"
                                      << "truncated inside the header";
    QTest::newRow("truncated data") << "data"
                                    << "truncated: the header promises 30 bytes";
    QTest::newRow("truncated gzip stream") << "gzcut"
                                           << "truncated";
    QTest::newRow("corrupt gzip") << "gzbad"
                                  << "corrupt gzip data";
    // gzopen on a FIFO nobody writes to waited forever: the window froze on "Train again".
    QTest::newRow("a FIFO without a writer (returns at once)") << "fifo"
                                                               << "is a FIFO (named pipe)";
    QTest::newRow("a device") << "device"
                              << "is a device";
    QTest::newRow("sizes whose product is 2^54 bytes") << "huge"
                                                       << "implausible size";
}

void TestLearnData::brokenFilesAreNamed() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string path = dir.filePath("broken-images.idx.gz").toStdString();
    const Bytes good = idx(0x00000803, {5, 2, 3}, 30);
    if (kind == "directory") QVERIFY(QDir(dir.path()).mkdir("broken-images.idx.gz"));
    if (kind == "magic") writeGzip(path, idx(0x00000801, {5}, 5));
    if (kind == "text") writePlain(path, Bytes{'h', 'e', 'l', 'l', 'o', '\n'});
    if (kind == "empty") writePlain(path, {});
    if (kind == "header") writePlain(path, Bytes(good.begin(), good.begin() + 10));
    if (kind == "data") writeGzip(path, Bytes(good.begin(), good.end() - 1));
    if (kind == "gzcut" || kind == "gzbad") {
        writeGzip(path, idx(0x00000803, {50, 20, 30}, 30000, 251));
        Bytes z = readAll(path);
        if (kind == "gzcut") z.resize(z.size() / 2);
        if (kind == "gzbad")
            for (std::size_t i = 40; i < 80; ++i)
                z[i] ^= 0x5a;
        writePlain(path, z);
    }
    if (kind == "fifo") QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
    if (kind == "device")
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), QString::fromStdString(path)));
    if (kind == "huge") writeGzip(path, idx(0x00000803, {1u << 26, 1u << 14, 1u << 14}, 30));
    const IdxFile f = readIdx(path, 3);
    QVERIFY(!f.ok());
    QVERIFY(f.bytes.empty());
    QVERIFY2(contains(f.error, path + ": "), f.error.c_str());
    QVERIFY2(contains(f.error, expected.toStdString()), f.error.c_str());
}

void TestLearnData::readingStopsWhenCancelled_data() {
    QTest::addColumn<bool>("cancelled");
    QTest::newRow("not cancelled: all of it") << false;
    QTest::newRow("cancelled: stops with a reason") << true;
}

void TestLearnData::readingStopsWhenCancelled() {
    QFETCH(bool, cancelled);
    QTemporaryDir dir;
    const std::string path = dir.filePath("big.idx.gz").toStdString();
    writeGzip(path, idx(0x00000803, {4000, 28, 28}, 4000 * 784, 251)); // 3 MB inflated
    const std::atomic<bool> cancel{cancelled};
    const IdxFile f = readIdx(path, 3, -1, &cancel);
    QCOMPARE(f.ok(), !cancelled);
    if (cancelled) {
        QVERIFY2(contains(f.error, "reading cancelled"), f.error.c_str());
        QVERIFY(f.bytes.empty());
    } else {
        QCOMPARE(f.bytes.size(), std::size_t(4000 * 784));
        QCOMPARE(int(f.bytes.back()), (4000 * 784 - 1) % 251);
    }
}

void TestLearnData::imagesAndLabelsMustAgree_data() {
    QTest::addColumn<int>("labelCount");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("badLabel");
    QTest::addColumn<QString>("blamed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all good") << 4 << 3 << -1 << ""
                              << "";
    QTest::newRow("wrong count") << 3 << 3 << -1 << "labels"
                                 << "wrong count: 3 labels for the 4";
    QTest::newRow("wrong dimensions") << 4 << 2 << -1 << "images"
                                      << "wrong dimensions";
    QTest::newRow("label out of range") << 4 << 3 << 7 << "labels"
                                        << "label 7 of example 2";
}

void TestLearnData::imagesAndLabelsMustAgree() {
    QFETCH(int, labelCount);
    QFETCH(int, rows);
    QFETCH(int, badLabel);
    QFETCH(QString, blamed);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string images = dir.filePath("images.gz").toStdString();
    const std::string labels = dir.filePath("labels.gz").toStdString();
    writeGzip(images, idx(0x00000803, {4, std::uint32_t(rows), 3}, std::size_t(4 * rows * 3)));
    Bytes l = idx(0x00000801, {std::uint32_t(labelCount)}, std::size_t(labelCount), 3);
    if (badLabel >= 0) l[8 + 2] = std::uint8_t(badLabel);
    writeGzip(labels, l);
    const DataResult r = loadIdxImages(images, labels, 3, 3, 3);
    if (expected.isEmpty()) {
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.data.size(), 4);
        QCOMPARE(r.data.dimension(), 9);
        QCOMPARE(r.data.classes, 3);
        QCOMPARE(r.data.labels[3], 0);
        // Bytes 0, 1, 2, … scaled by 1/255; image 1 starts at byte 9.
        QVERIFY(std::abs(r.data.features(2, 1) - 11.0f / 255.0f) < 1e-7f);
        return;
    }
    QVERIFY(!r.ok());
    QVERIFY(r.data.size() == 0);
    const std::string file = blamed == "labels" ? labels : images;
    QVERIFY2(contains(r.error, file + ": "), r.error.c_str());
    QVERIFY2(contains(r.error, expected.toStdString()), r.error.c_str());
}

void TestLearnData::fashionMnistLoads() {
    const DataResult test = loadFashionMnist(Split::Test);
    QVERIFY2(test.ok(), ("Fashion-MNIST is missing (scripts/setup installs Debian's "
                         "dataset-fashion-mnist): " +
                         test.error)
                            .c_str());
    QCOMPARE(test.data.size(), 10000);
    QCOMPARE(test.data.dimension(), 784);
    QCOMPARE(test.data.classes, 10);
    QCOMPARE(int(test.data.classNames.size()), 10);
    QVERIFY(test.data.features.minCoeff() >= 0.0f);
    QCOMPARE(test.data.features.maxCoeff(), 1.0f);
    // The test split is balanced: 1,000 of each class.
    for (int c : test.data.classCounts())
        QCOMPARE(c, 1000);
    // The first test image is an ankle boot (class 9), the first training image too.
    QCOMPARE(test.data.labels[0], 9);
    const DataResult train = loadFashionMnist(Split::Train, 100);
    QVERIFY2(train.ok(), train.error.c_str());
    QCOMPARE(train.data.size(), 100);
    QCOMPARE(train.data.labels[0], 9);
}

void TestLearnData::fashionMnistMissingDirectoryIsNamed() {
    QTemporaryDir dir;
    const DataResult r = loadFashionMnist(Split::Train, -1, dir.path().toStdString());
    QVERIFY(!r.ok());
    const std::string file = fashionMnistImagesPath(Split::Train, dir.path().toStdString());
    QVERIFY2(contains(r.error, file + ": no such file"), r.error.c_str());
    QVERIFY(contains(file, "train-images-idx3-ubyte.gz"));
}

void TestLearnData::syntheticIsSeeded_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("classes");
    QTest::newRow("blobs") << int(SyntheticKind::Blobs) << 4;
    QTest::newRow("moons") << int(SyntheticKind::Moons) << 2;
    QTest::newRow("spirals") << int(SyntheticKind::Spirals) << 3;
    QTest::newRow("xor") << int(SyntheticKind::Xor) << 2;
}

void TestLearnData::syntheticIsSeeded() {
    QFETCH(int, kind);
    QFETCH(int, classes);
    SyntheticParams p;
    p.kind = SyntheticKind(kind);
    p.classes = classes;
    p.samples = 301;
    p.noise = 0.2;
    p.seed = 42;
    const DataResult a = makeSynthetic(p), b = makeSynthetic(p);
    QVERIFY2(a.ok(), a.error.c_str());
    QCOMPARE(a.data.size(), 301);
    QCOMPARE(a.data.dimension(), 2);
    QCOMPARE(a.data.classes, classes);
    QVERIFY(a.data.features == b.data.features);
    QVERIFY(a.data.labels == b.data.labels);
    QVERIFY(a.data.features.allFinite());
    // Classes as even as 301 examples allow.
    for (int c : a.data.classCounts())
        QVERIFY2(std::abs(c - 301.0 / classes) < 1, qPrintable(QString::number(c)));
    p.seed = 43;
    const DataResult other = makeSynthetic(p);
    QVERIFY(other.data.features != a.data.features);
}

void TestLearnData::syntheticShapes() {
    // Without noise each set has its exact shape.
    SyntheticParams p;
    p.noise = 0;
    p.samples = 200;
    p.kind = SyntheticKind::Moons;
    const Dataset moons = makeSynthetic(p).data;
    for (int i = 0; i < moons.size(); ++i) {
        const Eigen::Vector2d x = moons.features.col(i).cast<double>();
        const Eigen::Vector2d centre =
            moons.labels[i] == 0 ? Eigen::Vector2d(0, 0) : Eigen::Vector2d(1, 0.5);
        QVERIFY(std::abs((x - centre).norm() - 1) < 1e-6);
    }
    p.kind = SyntheticKind::Xor;
    const Dataset xorSet = makeSynthetic(p).data;
    for (int i = 0; i < xorSet.size(); ++i)
        QCOMPARE(int(xorSet.features(0, i) * xorSet.features(1, i) > 0), xorSet.labels[i]);
    p.kind = SyntheticKind::Blobs;
    p.classes = 3;
    const Dataset blobs = makeSynthetic(p).data;
    for (int i = 0; i < blobs.size(); ++i)
        QVERIFY(std::abs(blobs.features.col(i).cast<double>().norm() - 2) < 1e-6);
    p.kind = SyntheticKind::Spirals;
    const Dataset spirals = makeSynthetic(p).data;
    QVERIFY(spirals.features.colwise().norm().maxCoeff() <= 1.0f + 1e-6f);
}

void TestLearnData::badSyntheticParamsAreNamed_data() {
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("classes");
    QTest::addColumn<double>("noise");
    QTest::addColumn<QString>("field");
    QTest::newRow("one class") << 100 << 1 << 0.1 << "classes";
    QTest::newRow("fewer samples than classes") << 2 << 3 << 0.1 << "samples";
    QTest::newRow("negative noise") << 100 << 3 << -0.1 << "noise";
    QTest::newRow("NaN noise") << 100 << 3 << std::nan("") << "noise";
}

void TestLearnData::badSyntheticParamsAreNamed() {
    QFETCH(int, samples);
    QFETCH(int, classes);
    QFETCH(double, noise);
    QFETCH(QString, field);
    SyntheticParams p;
    p.samples = samples;
    p.classes = classes;
    p.noise = noise;
    const DataResult r = makeSynthetic(p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.rfind(field.toStdString(), 0) == 0, r.error.c_str());
}

// A folder of MNIST-named IDX files, plain or gzip, of any image size: the same images either
// way, the classes from the labels; a missing file or a count that differs is named.
void TestLearnData::idxFolderLoadsPlainAndGzipAlike() {
    QTemporaryDir plain, gzip, broken;
    const std::uint32_t n = 6;
    const Bytes images = idx(0x00000803, {n, 3, 5}, n * 15), labels = idx(0x00000801, {n}, n, 3);
    writePlain(plain.filePath("train-images-idx3-ubyte").toStdString(), images);
    writePlain(plain.filePath("train-labels-idx1-ubyte").toStdString(), labels);
    writeGzip(gzip.filePath("train-images-idx3-ubyte.gz").toStdString(), images);
    writeGzip(gzip.filePath("train-labels-idx1-ubyte.gz").toStdString(), labels);
    const DataResult a = loadIdxFolder(plain.path().toStdString(), Split::Train);
    const DataResult b = loadIdxFolder(gzip.path().toStdString(), Split::Train);
    QVERIFY2(a.ok(), a.error.c_str());
    QVERIFY2(b.ok(), b.error.c_str());
    QCOMPARE(a.data.dimension(), 15); // 3 × 5 pixels, read from the header
    QCOMPARE(a.data.size(), int(n));
    QCOMPARE(a.data.classes, 3); // labels 0, 1, 2
    QVERIFY(a.data.features == b.data.features);
    QVERIFY(a.data.labels == b.data.labels);
    // The test split is not there; labels that do not match the images in number are named.
    const DataResult none = loadIdxFolder(plain.path().toStdString(), Split::Test);
    QVERIFY2(contains(none.error, "no t10k-images-idx3-ubyte[.gz]"), none.error.c_str());
    writePlain(broken.filePath("train-images-idx3-ubyte").toStdString(), images);
    writePlain(broken.filePath("train-labels-idx1-ubyte").toStdString(),
               idx(0x00000801, {n - 1}, n - 1, 3));
    const DataResult disagree = loadIdxFolder(broken.path().toStdString(), Split::Train);
    QVERIFY2(contains(disagree.error, "5 labels for the 6 images"), disagree.error.c_str());
    writePlain(broken.filePath("train-labels-idx1-ubyte").toStdString(),
               idx(0x00000801, {n}, n, 1));
    const DataResult single = loadIdxFolder(broken.path().toStdString(), Split::Train);
    QVERIFY2(contains(single.error, "one class only"), single.error.c_str());
}

QTEST_APPLESS_MAIN(TestLearnData)
#include "test_learn_data.moc"
