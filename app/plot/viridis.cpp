#include "plot/viridis.h"

#include <cmath>

#include <array>

namespace gs::app {

QCPColorGradient viridisGradient() {
    // matplotlib's viridis sampled at 0.0, 0.1, …, 1.0; ten linear pieces between them stay within
    // one just-noticeable difference of the full 256-entry table.
    static constexpr std::array<QRgb, 11> stops = {0x440154, 0x482475, 0x414487, 0x355f8d,
                                                   0x2a788e, 0x21918c, 0x22a884, 0x44bf70,
                                                   0x7ad151, 0xbddf26, 0xfde725};
    QCPColorGradient g;
    g.clearColorStops();
    for (size_t i = 0; i < stops.size(); ++i)
        g.setColorStopAt(double(i) / double(stops.size() - 1), QColor::fromRgb(stops[i]));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(256);
    return g;
}

QCPColorMap* makeHeatMap(QCPAxis* x, QCPAxis* y) {
    auto* map = new QCPColorMap(x, y);
    map->setInterpolate(true);
    map->setGradient(viridisGradient());
    return map;
}

void showGrid(QCPColorMap& map, const Grid& grid, double offset, bool spanColors) {
    QCPColorMapData* data = map.data();
    data->setSize(grid.nx, grid.ny);
    data->setRange(QCPRange(grid.xMin, grid.xMax), QCPRange(grid.yMin, grid.yMax));
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i)
            data->setCell(i, j, grid.value(i, j) - offset);
    const double lo = grid.minValue(), hi = grid.maxValue();
    if (spanColors && std::isfinite(lo) && std::isfinite(hi) && hi > lo)
        map.setDataRange(QCPRange(lo - offset, hi - offset));
}

} // namespace gs::app
