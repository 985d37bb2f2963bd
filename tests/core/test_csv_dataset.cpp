// Data sets from CSV files: the same table written with or without a header, with quoted fields,
// with a label column that is not last, or with semicolons, reads to the same matrix; every
// malformed row or file has a message that names its line and column, and nothing crashes.

#include "learn/csv_dataset.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include <sys/stat.h>

using namespace gs::learn;

namespace {

// Four examples of three classes with two features.
const char* const kPlain = "sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n"
                           "6.3,6.0,virginica\n4.9,1.4,setosa\n";

CsvDataset parsed(const std::string& text, CsvDatasetOptions o = {}) {
    return parseCsvDataset(text, "points.csv", o);
}

} // namespace

class TestCsvDataset : public QObject {
    Q_OBJECT
private slots:
    void formsOfOneTableReadTheSame_data();
    void formsOfOneTableReadTheSame();
    void integerLabelsKeepTheirOrder();
    void malformedFilesSayWhere_data();
    void malformedFilesSayWhere();
    void filesThatAreNotDataAreRefused();
};

void TestCsvDataset::formsOfOneTableReadTheSame_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("labelColumn");
    QTest::addColumn<QString>("labelName");
    QTest::newRow("header") << QByteArray(kPlain) << -1 << "";
    QTest::newRow("no header") << QByteArray(
                                      "5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n"
                                      "4.9,1.4,setosa\n")
                               << -1 << "";
    QTest::newRow("quoted fields, CRLF, BOM")
        << QByteArray("\xEF\xBB\xBF\"sepal\",\"petal\",\"species\"\r\n\"5.1\",1.4,\"setosa\"\r\n"
                      "7.0,\"4.7\",versicolor\r\n6.3,6.0,\"virginica\"\r\n4.9,1.4,setosa\r\n")
        << -1 << "";
    QTest::newRow("label first, by number")
        << QByteArray("species,sepal,petal\nsetosa,5.1,1.4\nversicolor,7.0,4.7\nvirginica,6.3,6.0\n"
                      "setosa,4.9,1.4\n")
        << 0 << "";
    QTest::newRow("label in the middle, by name")
        << QByteArray("sepal,species,petal\n5.1,setosa,1.4\n7.0,versicolor,4.7\n6.3,virginica,6.0\n"
                      "4.9,setosa,1.4\n")
        << -1 << "species";
    QTest::newRow("semicolons, spaces, blank lines")
        << QByteArray("sepal; petal; species\n\n 5.1 ; 1.4 ; setosa\n7.0;4.7;versicolor\n\n"
                      "6.3;6.0;virginica\n4.9;1.4;setosa")
        << -1 << "";
    QTest::newRow("a quoted label with a comma and a quote")
        << QByteArray("sepal,petal,species\n5.1,1.4,\"a, \"\"b\"\"\"\n7.0,4.7,c\n6.3,6.0,d\n"
                      "4.9,1.4,\"a, \"\"b\"\"\"\n")
        << -1 << "";
}

void TestCsvDataset::formsOfOneTableReadTheSame() {
    QFETCH(QByteArray, text);
    QFETCH(int, labelColumn);
    QFETCH(QString, labelName);
    CsvDatasetOptions o;
    o.labelColumn = labelColumn;
    o.labelName = labelName.toStdString();
    const CsvDataset d = parsed(text.toStdString(), o);
    QVERIFY2(d.ok(), d.error.c_str());
    Eigen::MatrixXf expected(2, 4);
    expected << 5.1f, 7.0f, 6.3f, 4.9f, 1.4f, 4.7f, 6.0f, 1.4f;
    QCOMPARE(d.data.features.rows(), 2);
    QCOMPARE(d.data.features.cols(), 4);
    QVERIFY(d.data.features.isApprox(expected));
    QCOMPARE(d.data.classes, 3);
    // The same label twice is the same class, and the first and last rows are it.
    QCOMPARE(d.data.labels(0), d.data.labels(3));
    QVERIFY(d.data.labels(0) != d.data.labels(1) && d.data.labels(1) != d.data.labels(2));
    if (text.startsWith("sepal") || text.contains("\"sepal\"")) {
        QCOMPARE(d.featureNames, (std::vector<std::string>{"sepal", "petal"}));
        QCOMPARE(d.labelName, std::string("species"));
    }
}

void TestCsvDataset::integerLabelsKeepTheirOrder() {
    const CsvDataset d = parsed("1,2,10\n3,4,2\n5,6,9\n7,8,2\n");
    QVERIFY2(d.ok(), d.error.c_str());
    QCOMPARE(d.data.classNames, (std::vector<std::string>{"2", "9", "10"})); // not "10" < "2"
    QCOMPARE(d.data.labels(0), 2);
    QCOMPARE(d.data.labels(1), 0);
    QVERIFY(!d.header);
}

void TestCsvDataset::malformedFilesSayWhere_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("message");
    const QByteArray head = "a,b,label\n";
    QTest::newRow("not a number") << head + "1,2,x\n3,abc,y\n"
                                  << ""
                                  << "points.csv:3: column 2: 'abc' is not a finite number";
    QTest::newRow("empty field") << head + "1,2,x\n,4,y\n"
                                 << ""
                                 << "points.csv:3: column 1: empty, not a number";
    QTest::newRow("nan") << head + "1,2,x\nnan,4,y\n"
                         << ""
                         << "points.csv:3: column 1: 'nan' is not a finite number";
    QTest::newRow("infinity") << head + "1,2,x\n3,inf,y\n"
                              << ""
                              << "points.csv:3: column 2: 'inf' is not a finite number";
    QTest::newRow("huge") << head + "1,2,x\n3,1e999,y\n"
                          << ""
                          << "points.csv:3: column 2: '1e999' is not a finite number";
    QTest::newRow("too few columns") << head + "1,2,x\n3,y\n"
                                     << ""
                                     << "points.csv:3: 2 columns, but the header has 3";
    QTest::newRow("too many columns") << head + "1,2,x\n3,4,5,y\n"
                                      << ""
                                      << "points.csv:3: 4 columns, but the header has 3";
    QTest::newRow("ragged without header") << QByteArray("1,2,x\n3,4,5,y\n") << ""
                                           << "points.csv:2: 4 columns, but the first row has 3";
    QTest::newRow("empty label") << head + "1,2,x\n3,4, \n"
                                 << ""
                                 << "points.csv:3: column 3: the label is empty";
    QTest::newRow("unclosed quote") << head + "1,2,\"x\n3,4,y\n"
                                    << ""
                                    << "points.csv:2: a quote is not closed";
    QTest::newRow("text after a quote") << head + "1,2,\"x\"z\n"
                                        << ""
                                        << "points.csv:2: text after a closing quote";
    QTest::newRow("quote inside a field") << head + "1,2,x\"y\n"
                                          << ""
                                          << "points.csv:2: a quote inside an unquoted field";
    QTest::newRow("one class") << head + "1,2,x\n3,4,x\n"
                               << ""
                               << "points.csv: one class only ('x')";
    QTest::newRow("one column") << QByteArray("1\n2\n") << ""
                                << "points.csv:1: one column only";
    QTest::newRow("header only") << head << ""
                                 << "points.csv: a header and no rows";
    QTest::newRow("empty file") << QByteArray("") << ""
                                << "points.csv: the file is empty";
    QTest::newRow("blank file") << QByteArray(" \n\n\t\n") << ""
                                << "points.csv: the file is empty";
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x01\0\0\0",
                                          10)
                            << ""
                            << "points.csv: this is not a text file";
    QTest::newRow("unknown label name")
        << head + "1,2,x\n"
        << "species"
        << "points.csv:1: no column named 'species' (the columns are 'a', 'b', 'label')";
    QTest::newRow("label column out of range")
        << head + "1,2,x\n3,4,y\n"
        << "#7"
        << "points.csv:1: there is no label column 8: the rows have 3 columns";
    QTest::newRow("label named, a feature not a number")
        << QByteArray("x,species,y\n1,a,2\n3,b,oops\n") << "species"
        << "points.csv:3: column 3: 'oops' is not a finite number";
    QTest::newRow("a very long bad value is quoted short")
        << head + "1,2,x\n" + QByteArray(5000, 'q') + ",4,y\n"
        << ""
        << "points.csv:3: column 1: 'qqqq";
}

void TestCsvDataset::malformedFilesSayWhere() {
    QFETCH(QByteArray, text);
    QFETCH(QString, label);
    QFETCH(QString, message);
    CsvDatasetOptions o;
    if (label.startsWith('#'))
        o.labelColumn = label.mid(1).toInt();
    else
        o.labelName = label.toStdString();
    const CsvDataset d =
        parseCsvDataset(std::string(text.constData(), size_t(text.size())), "points.csv", o);
    QVERIFY(!d.ok());
    QVERIFY2(QString::fromStdString(d.error).startsWith(message), d.error.c_str());
    QVERIFY(d.error.size() < 300); // one line for people, whatever the file held
    QCOMPARE(d.data.size(), 0);
}

void TestCsvDataset::filesThatAreNotDataAreRefused() {
    QTemporaryDir dir;
    // A directory, a missing file, a FIFO and a file over the bound each say what they are.
    const std::string folder = dir.path().toStdString();
    QVERIFY(readCsvDataset(folder).error.find("directory") != std::string::npos);
    QVERIFY(readCsvDataset(folder + "/missing.csv").error.find("missing.csv") == 0);
    const std::string fifo = folder + "/pipe.csv";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    QVERIFY2(readCsvDataset(fifo).error.find("FIFO") != std::string::npos,
             readCsvDataset(fifo).error.c_str());
    const std::string big = folder + "/big.csv";
    {
        std::ofstream f(big);
        f << kPlain;
        for (int i = 0; i < 2000; ++i)
            f << "1.0,2.0,setosa\n";
    }
    CsvDatasetOptions small;
    small.maxBytes = 1000;
    QVERIFY(readCsvDataset(big, small).error.find("too large") != std::string::npos);
    const CsvDataset whole = readCsvDataset(big);
    QVERIFY2(whole.ok(), whole.error.c_str());
    QCOMPARE(whole.data.size(), 2004);
    std::atomic<bool> cancel{true};
    CsvDatasetOptions cancelled;
    cancelled.cancel = &cancel;
    QVERIFY(readCsvDataset(big, cancelled).error.find("cancelled") != std::string::npos);
}

QTEST_MAIN(TestCsvDataset)
#include "test_csv_dataset.moc"
