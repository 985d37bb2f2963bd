// The network passes are compiled for generic x86-64, AVX2 and AVX-512 (network_kernel_isa.h).
// Every variant this CPU runs must give the generic one's loss, predictions and gradient, to the
// rounding of its arithmetic (FMA and wider sums reorder the additions), in float and double.
// A variant the CPU lacks is reported as skipped, never run.

#include "learn/network.h"
#include "learn/network_kernel.h"
#include "learn/random.h"

#include <QTest>

#include <cmath>

using namespace gs;
using namespace gs::learn;

Q_DECLARE_METATYPE(gs::learn::kernel::Isa)

namespace {

// Largest |a − b| relative to the largest |b| (1 when both are zero-free of scale).
template <class V> double relativeGap(const V& a, const V& b) {
    const double scale = std::max(1e-30, static_cast<double>(b.cwiseAbs().maxCoeff()));
    return static_cast<double>((a - b).cwiseAbs().maxCoeff()) / scale;
}

template <class T> void compareWithGeneric(kernel::Isa isa, const NetworkSpec& spec, int batch) {
    using Kernel = NetworkKernel<T>;
    const Network net(spec);
    Rng rng(7);
    typename Kernel::Matrix x(spec.inputs, batch);
    Eigen::VectorXi y(batch);
    for (int j = 0; j < batch; ++j) {
        for (int i = 0; i < spec.inputs; ++i)
            x(i, j) = static_cast<T>(rng.normal());
        y[j] = j % spec.classes;
    }
    const typename Kernel::Vector p = net.initialParameters(3).cast<T>();
    typename Kernel::Vector gGeneric(p.size()), gVariant(p.size());
    Kernel generic(net, batch, kernel::Isa::Generic), variant(net, batch, isa);
    QCOMPARE(variant.isa(), isa);
    const auto a = generic.run(p.data(), x, y.data(), gGeneric.data());
    const auto b = variant.run(p.data(), x, y.data(), gVariant.data());
    const double tol = std::is_same_v<T, float> ? 2e-5 : 1e-12;
    QVERIFY2(
        std::abs(a.lossSum - b.lossSum) <= tol * std::max(1.0, std::abs(a.lossSum)),
        qPrintable(QString("loss %1 vs %2").arg(a.lossSum, 0, 'g', 17).arg(b.lossSum, 0, 'g', 17)));
    QCOMPARE(b.correct, a.correct);
    QCOMPARE(variant.predictions().head(batch), generic.predictions().head(batch));
    const double gap = relativeGap(gVariant, gGeneric);
    QVERIFY2(gap <= (std::is_same_v<T, float> ? 1e-4 : 1e-11), qPrintable(QString::number(gap)));
    QVERIFY(gGeneric.cwiseAbs().maxCoeff() > 0); // a gradient that could differ at all
    // The loss alone (no gradient) is the same pass's first half.
    const auto c = variant.run(p.data(), x, y.data(), nullptr);
    QCOMPARE(c.lossSum, b.lossSum);
}

} // namespace

class TestLearnKernelIsa : public QObject {
    Q_OBJECT
private slots:
    void variantsAgreeWithGeneric_data();
    void variantsAgreeWithGeneric();
    void bestIsSupported();
};

void TestLearnKernelIsa::variantsAgreeWithGeneric_data() {
    QTest::addColumn<kernel::Isa>("isa");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<QList<int>>("hidden");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("activation");
    QTest::addColumn<int>("batch");
    QTest::addColumn<bool>("float32");
    // Rows only for the variants this CPU runs (a wider one cannot be executed here at all).
    for (kernel::Isa isa : {kernel::Isa::Avx2, kernel::Isa::Avx512})
        for (bool f32 : {true, false}) {
            if (!kernel::supported(isa)) continue;
            const QString tag = QString(kernel::name(isa)) + (f32 ? " float" : " double");
            QTest::newRow(qPrintable(tag + ": 784-128-10 ReLU, batch 64"))
                << isa << 784 << QList<int>{128} << 10 << int(Activation::ReLU) << 64 << f32;
            QTest::newRow(qPrintable(tag + ": 784-128-10 ReLU, batch 7"))
                << isa << 784 << QList<int>{128} << 10 << int(Activation::ReLU) << 7 << f32;
            QTest::newRow(qPrintable(tag + ": softmax regression 33 → 5, batch 1"))
                << isa << 33 << QList<int>{} << 5 << int(Activation::Tanh) << 1 << f32;
            QTest::newRow(qPrintable(tag + ": 19-31-17-3 tanh, batch 100"))
                << isa << 19 << QList<int>{31, 17} << 3 << int(Activation::Tanh) << 100 << f32;
        }
}

void TestLearnKernelIsa::variantsAgreeWithGeneric() {
    QFETCH(kernel::Isa, isa);
    QFETCH(int, inputs);
    QFETCH(QList<int>, hidden);
    QFETCH(int, classes);
    QFETCH(int, activation);
    QFETCH(int, batch);
    QFETCH(bool, float32);
    const NetworkSpec spec =
        mlp(inputs, {hidden.begin(), hidden.end()}, classes, static_cast<Activation>(activation));
    if (float32)
        compareWithGeneric<float>(isa, spec, batch);
    else
        compareWithGeneric<double>(isa, spec, batch);
}

void TestLearnKernelIsa::bestIsSupported() {
    QVERIFY(kernel::supported(kernel::Isa::Generic));
    QVERIFY(kernel::supported(kernel::best()));
    // The widest variant is chosen unless GRADSCAPE_LEARN_ISA narrows it.
    if (!qEnvironmentVariableIsSet("GRADSCAPE_LEARN_ISA"))
        for (kernel::Isa isa : {kernel::Isa::Avx2, kernel::Isa::Avx512})
            if (kernel::supported(isa)) QVERIFY(kernel::best() >= isa);
    const Network net(mlp(4, {3}, 2, Activation::ReLU));
    QCOMPARE(NetworkKernel<float>(net, 8).isa(), kernel::best());
}

QTEST_APPLESS_MAIN(TestLearnKernelIsa)
#include "test_learn_kernel_isa.moc"
