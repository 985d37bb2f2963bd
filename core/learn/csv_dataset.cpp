#include "learn/csv_dataset.h"

#include "io/regular_file.h"
#include "text/quote.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <unistd.h>

namespace gs::learn {

namespace {

struct Failure {
    int line; ///< 1-based; 0 for the whole file
    std::string message;
};

struct Field {
    std::string text;
    bool quoted = false;
};

struct Row {
    int line = 0; ///< where the row starts
    std::vector<Field> fields;
};

/// Splits the text into rows of fields (RFC 4180 quotes; a quoted field may hold the separator,
/// doubled quotes and line breaks). Blank lines are skipped.
class Splitter {
public:
    Splitter(std::string_view text, char separator, int maxColumns, const std::atomic<bool>* cancel)
        : s_(text), sep_(separator), maxColumns_(maxColumns), cancel_(cancel) {}

    bool next(Row& row) {
        row.fields.clear();
        for (;;) {
            if (i_ >= s_.size()) return false;
            if (s_[i_] == '\n' || s_[i_] == '\r') { // a blank line
                newline();
                continue;
            }
            break;
        }
        row.line = line_;
        for (;;) {
            if (cancel_ && (i_ & 0xFFFF) == 0 && cancel_->load())
                throw Failure{0, "reading cancelled"};
            row.fields.push_back(field());
            if (int(row.fields.size()) > maxColumns_)
                throw Failure{row.line, "more than " + std::to_string(maxColumns_) + " columns"};
            if (i_ >= s_.size()) return true;
            if (s_[i_] == sep_) {
                ++i_;
                continue;
            }
            newline(); // the row ends
            return true;
        }
    }

private:
    Field field() {
        Field f;
        if (i_ < s_.size() && s_[i_] == '"') {
            f.quoted = true;
            const int open = line_;
            ++i_;
            for (;;) {
                if (i_ >= s_.size()) throw Failure{open, "a quote is not closed"};
                const char c = s_[i_];
                if (c == '"') {
                    if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
                        f.text += '"';
                        i_ += 2;
                        continue;
                    }
                    ++i_;
                    break;
                }
                if (c == '\n') ++line_;
                f.text += c;
                ++i_;
            }
            if (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\n' && s_[i_] != '\r')
                throw Failure{line_, "text after a closing quote"};
            return f;
        }
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\n' && s_[i_] != '\r') {
            if (s_[i_] == '"') throw Failure{line_, "a quote inside an unquoted field"};
            ++i_;
        }
        f.text.assign(s_.substr(start, i_ - start));
        return f;
    }

    void newline() {
        if (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
        ++i_;
        ++line_;
    }

    std::string_view s_;
    char sep_;
    int maxColumns_;
    const std::atomic<bool>* cancel_;
    std::size_t i_ = 0;
    int line_ = 1;
};

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// A finite number, the whole field (spaces around it allowed); nothing otherwise.
bool parseNumber(const std::string& field, double& out) {
    const std::string t = trimmed(field);
    if (t.empty()) return false;
    const char* first = t.data() + (t[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(first, t.data() + t.size(), out);
    return r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(out);
}

char detectSeparator(std::string_view text) {
    // The first line's most frequent of , ; and tab (quotes aside): a German CSV uses ';'.
    const std::string_view first = text.substr(0, text.find('\n'));
    std::map<char, int> counts{{',', 0}, {';', 0}, {'\t', 0}};
    bool quoted = false;
    for (char c : first) {
        if (c == '"') quoted = !quoted;
        if (!quoted && counts.count(c)) ++counts[c];
    }
    char best = ',';
    for (const auto& [c, n] : counts)
        if (n > counts[best]) best = c;
    return best;
}

std::string columnText(int c) {
    return "column " + std::to_string(c + 1);
}

} // namespace

CsvDataset parseCsvDataset(std::string_view text, const std::string& name,
                           const CsvDatasetOptions& o) {
    CsvDataset out;
    try {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // a spreadsheet's BOM
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            throw Failure{0, "the file is empty"};
        if (text.find('\0') != std::string_view::npos)
            throw Failure{0, "this is not a text file (it holds zero bytes)"};
        Splitter split(text, detectSeparator(text), o.maxColumns, o.cancel);
        std::vector<Row> rows;
        Row row;
        while (split.next(row))
            rows.push_back(row);

        // A header: a first row with a field that is not a number (and not quoted as a number).
        const std::size_t columns = rows.front().fields.size();
        if (columns < 2)
            throw Failure{rows.front().line,
                          "one column only: a data set needs features and a label column"};
        int labelColumn = o.labelColumn;
        // A header row: a name over a feature column. A first row of numbers but for its label (a
        // class name) is data.
        const std::size_t probe = labelColumn >= 0 ? std::size_t(labelColumn) : columns - 1;
        auto isNumber = [](const Row& r, std::size_t c) {
            double v;
            return c < r.fields.size() && parseNumber(r.fields[c].text, v);
        };
        auto featuresAreNumbers = [&](const Row& r) {
            for (std::size_t c = 0; c < r.fields.size(); ++c)
                if (c != probe && !isNumber(r, c)) return false;
            return true;
        };
        out.header = !o.labelName.empty() || !featuresAreNumbers(rows.front());
        std::vector<std::string> names;
        if (out.header)
            for (const Field& f : rows.front().fields)
                names.push_back(trimmed(f.text));
        else
            for (std::size_t c = 0; c < columns; ++c)
                names.push_back(columnText(int(c)));
        if (!o.labelName.empty()) {
            const auto it = std::find(names.begin(), names.end(), o.labelName);
            if (it == names.end()) {
                std::string list;
                for (const std::string& n : names)
                    list += (list.empty() ? "" : ", ") + gs::quote(n);
                throw Failure{rows.front().line, "no column named " + gs::quote(o.labelName) +
                                                     " (the columns are " + list + ")"};
            }
            labelColumn = int(it - names.begin());
        }
        if (labelColumn < 0) labelColumn = int(columns) - 1;
        if (labelColumn >= int(columns))
            throw Failure{rows.front().line, "there is no label " + columnText(labelColumn) +
                                                 ": the rows have " + std::to_string(columns) +
                                                 " columns"};
        const std::size_t first = out.header ? 1 : 0;
        if (rows.size() <= first) throw Failure{0, "a header and no rows"};

        // Features column by column; labels as written.
        const int examples = int(rows.size() - first);
        out.data.features.resize(Eigen::Index(columns - 1), examples);
        std::vector<std::string> labels;
        labels.reserve(std::size_t(examples));
        for (std::size_t r = first; r < rows.size(); ++r) {
            const Row& row = rows[r];
            if (row.fields.size() != columns)
                throw Failure{row.line,
                              std::to_string(row.fields.size()) + " columns, but " +
                                  (out.header ? "the header has " : "the first row has ") +
                                  std::to_string(columns)};
            int feature = 0;
            for (std::size_t c = 0; c < columns; ++c) {
                const std::string& t = row.fields[c].text;
                if (int(c) == labelColumn) {
                    const std::string label = trimmed(t);
                    if (label.empty())
                        throw Failure{row.line, columnText(int(c)) + ": the label is empty"};
                    labels.push_back(label);
                    continue;
                }
                double v;
                if (!parseNumber(t, v))
                    throw Failure{row.line,
                                  columnText(int(c)) + ": " +
                                      (trimmed(t).empty()
                                           ? std::string("empty, not a number")
                                           : gs::quote(trimmed(t)) + " is not a finite number")};
                out.data.features(feature++, Eigen::Index(r - first)) = float(v);
            }
        }

        // Classes: integer labels in numeric order, names in sorted order.
        const bool integers = std::all_of(labels.begin(), labels.end(), [](const std::string& l) {
            int v;
            const auto r = std::from_chars(l.data(), l.data() + l.size(), v);
            return r.ec == std::errc() && r.ptr == l.data() + l.size();
        });
        const std::set<std::string> unique(labels.begin(), labels.end());
        std::vector<std::string> classes(unique.begin(), unique.end());
        if (integers)
            std::sort(classes.begin(), classes.end(),
                      [](const std::string& a, const std::string& b) {
                          return std::stoll(a) < std::stoll(b);
                      });
        if (classes.size() < 2)
            throw Failure{0, "one class only (" + gs::quote(classes.front()) +
                                 "): a classifier needs two or more"};
        std::map<std::string, int> index;
        for (std::size_t k = 0; k < classes.size(); ++k)
            index[classes[k]] = int(k);
        out.data.labels.resize(examples);
        for (int i = 0; i < examples; ++i)
            out.data.labels(i) = index[labels[std::size_t(i)]];
        out.data.classes = int(classes.size());
        out.data.classNames = classes;
        for (std::size_t c = 0; c < columns; ++c)
            if (int(c) != labelColumn) out.featureNames.push_back(names[c]);
        out.labelName = names[std::size_t(labelColumn)];
    } catch (const Failure& f) {
        out = CsvDataset{};
        out.error =
            name + (f.line > 0 ? ":" + std::to_string(f.line) : std::string()) + ": " + f.message;
    }
    return out;
}

CsvDataset readCsvDataset(const std::string& path, const CsvDatasetOptions& o) {
    const std::string name = path.substr(path.find_last_of('/') + 1);
    io::InputFile in = io::openRegularFile(path);
    CsvDataset failed;
    if (!in.ok()) {
        failed.error = name + ": " + in.error();
        return failed;
    }
    if (in.size() > o.maxBytes) {
        failed.error = name + ": too large for a data set here (more than " +
                       std::to_string(o.maxBytes >> 20) + " MiB)";
        return failed;
    }
    // Read at most the bound (and one byte more, to tell a file that grew while it was read).
    std::string text;
    text.resize(std::size_t(in.size()) + 1);
    std::size_t done = 0;
    for (;;) {
        if (o.cancel && o.cancel->load()) {
            failed.error = name + ": reading cancelled";
            return failed;
        }
        if (done == text.size()) {
            if (text.size() > o.maxBytes) {
                failed.error = name + ": it grew past " + std::to_string(o.maxBytes >> 20) +
                               " MiB while it was read";
                return failed;
            }
            text.resize(std::min(o.maxBytes + 1, text.size() * 2 + 1));
        }
        const ssize_t got =
            ::read(in.fd(), text.data() + done, std::min<std::size_t>(text.size() - done, 1 << 20));
        if (got < 0) {
            failed.error = name + ": cannot be read";
            return failed;
        }
        if (got == 0) break;
        done += std::size_t(got);
    }
    text.resize(done);
    return parseCsvDataset(text, name, o);
}

} // namespace gs::learn
