#include "field/isolines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <thread>
#include <unordered_map>

namespace gs {

namespace {

// A crossing point is named by the grid edge it lies on, so segments from neighbouring cells that
// meet on an edge are joined exactly, without comparing floating-point coordinates.
// Horizontal edge (i, j)–(i+1, j): id 2(j·nx + i); vertical edge (i, j)–(i, j+1): id 2(j·nx + i)
// + 1.
struct Segment {
    int32_t e0, e1;
    Point2 p0, p1;
};

enum Side { Bottom, Right, Top, Left };

// Segment ends per marching-squares case; corner bits a = (i,j) 1, b = (i+1,j) 2, c = (i+1,j+1) 4,
// d = (i,j+1) 8, set when the corner is ≥ level. Saddles 5 and 10 are resolved separately.
constexpr std::array<std::array<int8_t, 4>, 16> kCases = {{
    {-1, -1, -1, -1},        // 0
    {Left, Bottom, -1, -1},  // 1  a
    {Bottom, Right, -1, -1}, // 2  b
    {Left, Right, -1, -1},   // 3  a b
    {Right, Top, -1, -1},    // 4  c
    {-1, -1, -1, -1},        // 5  saddle a c
    {Bottom, Top, -1, -1},   // 6  b c
    {Left, Top, -1, -1},     // 7  a b c
    {Top, Left, -1, -1},     // 8  d
    {Bottom, Top, -1, -1},   // 9  a d
    {-1, -1, -1, -1},        // 10 saddle b d
    {Right, Top, -1, -1},    // 11 a b d
    {Left, Right, -1, -1},   // 12 c d
    {Bottom, Right, -1, -1}, // 13 a c d
    {Left, Bottom, -1, -1},  // 14 b c d
    {-1, -1, -1, -1},        // 15
}};

// Smallest and largest finite corner value of each kBlock × kBlock tile of cells. A level outside
// a tile's range crosses none of its cells, so tracing one level visits only the tiles along its
// lines instead of every cell of a 400 × 400 grid.
constexpr int kBlock = 16;

struct Tiles {
    int nx = 0, ny = 0; // tiles per row and column
    std::vector<double> lo, hi;

    explicit Tiles(const Grid& g)
        : nx((g.nx - 2) / kBlock + 1), ny((g.ny - 2) / kBlock + 1), lo(size_t(nx) * ny, INFINITY),
          hi(size_t(nx) * ny, -INFINITY) {
        for (int j = 0; j < g.ny; ++j)
            for (int i = 0; i < g.nx; ++i) {
                const double v = g.value(i, j);
                if (std::isnan(v)) continue;
                // A corner on a tile boundary belongs to the cells on both sides.
                for (int tj = std::max(0, (j - 1) / kBlock); tj <= std::min(ny - 1, j / kBlock);
                     ++tj)
                    for (int ti = std::max(0, (i - 1) / kBlock); ti <= std::min(nx - 1, i / kBlock);
                         ++ti) {
                        const size_t t = size_t(tj) * nx + ti;
                        lo[t] = std::min(lo[t], v);
                        hi[t] = std::max(hi[t], v);
                    }
            }
    }
};

class Tracer {
public:
    Tracer(const Grid& g, const Tiles& tiles, double level) : g_(g), tiles_(tiles), level_(level) {}

    std::vector<Polyline> run() {
        collectSegments();
        return joinSegments();
    }

private:
    int32_t edgeId(int i, int j, Side s) const {
        switch (s) {
        case Bottom:
            return 2 * (j * g_.nx + i);
        case Top:
            return 2 * ((j + 1) * g_.nx + i);
        case Left:
            return 2 * (j * g_.nx + i) + 1;
        case Right:
            return 2 * (j * g_.nx + i + 1) + 1;
        }
        return -1;
    }

    // The crossing on edge s of cell (i, j): P + t (Q − P) with t = (level − f(P)) / (f(Q) − f(P)).
    Point2 crossing(int i, int j, Side s) const {
        int i0 = i, j0 = j, i1 = i, j1 = j;
        switch (s) {
        case Bottom:
            i1 = i + 1;
            break;
        case Top:
            j0 = j1 = j + 1, i1 = i + 1;
            break;
        case Left:
            j1 = j + 1;
            break;
        case Right:
            i0 = i1 = i + 1, j1 = j + 1;
            break;
        }
        const double p = g_.value(i0, j0), q = g_.value(i1, j1);
        const double t = q != p ? (level_ - p) / (q - p) : 0.5;
        return {g_.x(i0) + t * (g_.x(i1) - g_.x(i0)), g_.y(j0) + t * (g_.y(j1) - g_.y(j0))};
    }

    void add(int i, int j, Side s0, Side s1) {
        segments_.push_back(
            {edgeId(i, j, s0), edgeId(i, j, s1), crossing(i, j, s0), crossing(i, j, s1)});
    }

    void collectSegments() {
        for (int tj = 0; tj < tiles_.ny; ++tj)
            for (int ti = 0; ti < tiles_.nx; ++ti) {
                const size_t t = size_t(tj) * tiles_.nx + ti;
                // A cell is crossed when some corner is ≥ level and another is below it.
                if (!(tiles_.hi[t] >= level_ && tiles_.lo[t] < level_)) continue;
                const int i1 = std::min((ti + 1) * kBlock, g_.nx - 1);
                const int j1 = std::min((tj + 1) * kBlock, g_.ny - 1);
                for (int j = tj * kBlock; j < j1; ++j)
                    for (int i = ti * kBlock; i < i1; ++i)
                        addCell(i, j);
            }
    }

    void addCell(int i, int j) {
        const double a = g_.value(i, j), b = g_.value(i + 1, j), c = g_.value(i + 1, j + 1),
                     d = g_.value(i, j + 1);
        if (std::isnan(a) || std::isnan(b) || std::isnan(c) || std::isnan(d)) return;
        const int code =
            (a >= level_) | (b >= level_) << 1 | (c >= level_) << 2 | (d >= level_) << 3;
        if (code == 5 || code == 10) {
            // When the centre (mean of the corners) is above, the above corners connect through
            // it and each below corner is cut off; otherwise the reverse.
            const bool centreAbove = (a + b + c + d) / 4 >= level_;
            const bool cutBAndD = (code == 5) == centreAbove;
            if (cutBAndD) {
                add(i, j, Bottom, Right);
                add(i, j, Top, Left);
            } else {
                add(i, j, Left, Bottom);
                add(i, j, Right, Top);
            }
        } else if (kCases[code][0] >= 0) {
            add(i, j, Side(kCases[code][0]), Side(kCases[code][1]));
        }
    }

    // Each edge is shared by at most two cells, hence by at most two segments. A hash map keeps
    // the cost proportional to the line's length, not to the grid's size.
    std::vector<Polyline> joinSegments() {
        std::unordered_map<int32_t, std::array<int32_t, 2>> byEdge;
        byEdge.reserve(2 * segments_.size());
        for (int32_t s = 0; s < static_cast<int32_t>(segments_.size()); ++s)
            for (int32_t e : {segments_[s].e0, segments_[s].e1}) {
                auto [it, fresh] = byEdge.try_emplace(e, std::array<int32_t, 2>{s, -1});
                if (!fresh) it->second[1] = s;
            }
        std::vector<char> used(segments_.size(), 0);

        // Follows the chain leaving segment `from` through edge `edge`, appending far points,
        // until it ends or comes back to `stopEdge`. Returns true when it closed.
        auto walk = [&](int32_t from, int32_t edge, int32_t stopEdge, std::vector<Point2>& out) {
            for (;;) {
                const auto& slots = byEdge.at(edge);
                const int32_t next = slots[0] == from ? slots[1] : slots[0];
                if (next < 0 || used[static_cast<size_t>(next)]) return false;
                used[static_cast<size_t>(next)] = 1;
                const Segment& n = segments_[static_cast<size_t>(next)];
                const bool forward = n.e0 == edge;
                const int32_t far = forward ? n.e1 : n.e0;
                if (far == stopEdge) return true;
                out.push_back(forward ? n.p1 : n.p0);
                from = next;
                edge = far;
            }
        };

        std::vector<Polyline> lines;
        for (int32_t s = 0; s < static_cast<int32_t>(segments_.size()); ++s) {
            if (used[static_cast<size_t>(s)]) continue;
            used[static_cast<size_t>(s)] = 1;
            const Segment& seg = segments_[static_cast<size_t>(s)];
            Polyline line;
            line.points = {seg.p0, seg.p1};
            line.closed = walk(s, seg.e1, seg.e0, line.points);
            if (!line.closed) {
                std::vector<Point2> back;
                walk(s, seg.e0, -1, back);
                std::reverse(back.begin(), back.end());
                line.points.insert(line.points.begin(), back.begin(), back.end());
            }
            lines.push_back(std::move(line));
        }
        return lines;
    }

    const Grid& g_;
    const Tiles& tiles_;
    double level_;
    std::vector<Segment> segments_;
};

} // namespace

std::vector<Polyline> isolines(const Grid& grid, double level) {
    if (grid.nx < 2 || grid.ny < 2 || !std::isfinite(level)) return {};
    const Tiles tiles(grid);
    return Tracer(grid, tiles, level).run();
}

std::vector<Isoline> isolines(const Grid& grid, const std::vector<double>& levels, int threads) {
    std::vector<Isoline> out(levels.size());
    if (grid.nx < 2 || grid.ny < 2) return out;
    const Tiles tiles(grid); // shared by every level
    const int n = workerCount(static_cast<int>(levels.size()), threads);
    auto work = [&](size_t first) {
        for (size_t k = first; k < levels.size(); k += static_cast<size_t>(n))
            out[k] = {levels[k], std::isfinite(levels[k]) ? Tracer(grid, tiles, levels[k]).run()
                                                          : std::vector<Polyline>{}};
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < n; ++w)
        pool.emplace_back(work, static_cast<size_t>(w));
    work(0);
    for (std::thread& t : pool)
        t.join();
    return out;
}

} // namespace gs
