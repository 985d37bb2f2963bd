// gs::quote: how every message shows a value somebody else wrote.

#include "text/quote.h"

#include <QTest>

#include <string>

using gs::quote;

class TestTextQuote : public QObject {
    Q_OBJECT
private slots:
    void quotes_data();
    void quotes();
    void longValuesStayShort_data();
    void longValuesStayShort();
};

void TestTextQuote::quotes_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("a plain name") << QByteArray("rosenbrock") << QByteArray("'rosenbrock'");
    QTest::newRow("empty") << QByteArray("") << QByteArray("''");
    QTest::newRow("newline and tab") << QByteArray("a\nb\tc\r") << QByteArray("'a\\nb\\tc\\r'");
    QTest::newRow("quote and backslash")
        << QByteArray("it's a\\b") << QByteArray("'it\\'s a\\\\b'");
    QTest::newRow("NUL and escape")
        << QByteArray("a\0b\x1b", 4) << QByteArray("'a\\u{0000}b\\u{001B}'");
    QTest::newRow("DEL") << QByteArray("a\x7f") << QByteArray("'a\\u{007F}'");
    QTest::newRow("UTF-8 kept") << QByteArray("Größe λ ∇f") << QByteArray("'Größe λ ∇f'");
    QTest::newRow("a C1 control (U+0085, next line)")
        << QByteArray("a\xc2\x85z") << QByteArray("'a\\u{0085}z'");
    QTest::newRow("line separator U+2028")
        << QByteArray("a\xe2\x80\xa8z") << QByteArray("'a\\u{2028}z'");
    QTest::newRow("right-to-left override U+202E")
        << QByteArray("a\xe2\x80\xaez") << QByteArray("'a\\u{202E}z'");
    QTest::newRow("invalid byte") << QByteArray("a\xff") << QByteArray("'a\\xFF'");
    QTest::newRow("overlong encoding of '/'")
        << QByteArray("\xc0\xaf") << QByteArray("'\\xC0\\xAF'");
    QTest::newRow("a cut-off sequence") << QByteArray("ab\xe2\x80") << QByteArray("'ab\\xE2\\x80'");
    QTest::newRow("a surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("'\\xED\\xA0\\x80'");
}

void TestTextQuote::quotes() {
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    const std::string out = quote(std::string_view(value.constData(), value.size()));
    QCOMPARE(QByteArray::fromStdString(out), expected);
}

void TestTextQuote::longValuesStayShort_data() {
    QTest::addColumn<QByteArray>("unit");
    QTest::addColumn<int>("repeat");
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("3 MB of one letter") << QByteArray("a") << (3 << 20) << QByteArray(40, 'a');
    QTest::newRow("3 MB of newlines")
        << QByteArray("\n") << (3 << 20) << QByteArray("\\n").repeated(40);
    // 40 two-byte characters are 80 bytes: the cut falls between characters, never inside one.
    QTest::newRow("a long Greek name") << QByteArray("λ") << 1000 << QByteArray("λ").repeated(40);
    QTest::newRow("exactly 40: whole") << QByteArray("b") << 40 << QByteArray();
}

void TestTextQuote::longValuesStayShort() {
    QFETCH(QByteArray, unit);
    QFETCH(int, repeat);
    QFETCH(QByteArray, prefix);
    const QByteArray value = unit.repeated(repeat);
    const QByteArray out = QByteArray::fromStdString(quote(value.toStdString()));
    QVERIFY2(out.size() < 300, out.left(300).constData());
    QVERIFY(!out.contains('\n'));
    if (prefix.isEmpty()) {
        QCOMPARE(out, "'" + value + "'");
        return;
    }
    QCOMPARE(out, "'" + prefix + "…' (" + QByteArray::number(value.size()) + " bytes)");
}

QTEST_APPLESS_MAIN(TestTextQuote)
#include "test_text_quote.moc"
