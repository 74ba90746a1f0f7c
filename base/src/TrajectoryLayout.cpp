#include "rdbm/TrajectoryLayout.h"

#include <cstdio>
#include <sstream>

namespace rdbm::trajectory {
namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += esc;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

template <typename T, typename F>
std::string list(const std::vector<T>& v, F item) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + item(v[i]);
    return s + "]";
}

} // namespace

std::string fileName(Frame kind, int index) {
    const char* stem = kind == Frame::Xt ? "xt" : kind == Frame::X0 ? "x0" : "pieps";
    char name[32];
    std::snprintf(name, sizeof name, "%s_%03d.png", stem, index);
    return name;
}

std::vector<std::string> imageFileNames(int steps) {
    std::vector<std::string> names;
    for (int i = 0; i <= steps; ++i) names.push_back(fileName(Frame::Xt, i));
    for (int i = 1; i <= steps; ++i) names.push_back(fileName(Frame::X0, i));
    for (int i = 1; i <= steps; ++i) names.push_back(fileName(Frame::PiEps, i));
    return names;
}

std::string manifestJson(const Manifest& m) {
    const auto number = [](int v) { return std::to_string(v); };
    std::ostringstream limit;
    limit.precision(9); // a float round-trips in 9 significant digits
    limit << m.piEpsLimit;
    std::ostringstream j;
    j << "{\n"
      << "  \"writer\": " << quoted(m.writer) << ",\n"
      << "  \"frames\": " << m.t.size() + 1 << ",\n"
      << "  \"steps\": " << m.t.size() << ",\n"
      << "  \"width\": " << m.width << ",\n"
      << "  \"height\": " << m.height << ",\n"
      << "  \"t\": " << list(m.t, number) << ",\n"
      << "  \"t_next\": " << list(m.tNext, number) << ",\n"
      << "  \"pieps_colormap_limit\": " << limit.str() << ",\n"
      << "  \"pieps_colormap\": "
      << quoted("diverging blue-white-red, channel mean, white at 0, limit = 99th percentile of |pi*eps| over all "
                "steps")
      << ",\n"
      << "  \"xt_note\": " << quoted("xt_000 is the input mu; xt_k is x after step k; values in [0,1]") << ",\n"
      << "  \"pieps_note\": " << quoted("pi*eps in the model's [-1,1] units (zero at t = T-1)") << ",\n"
      << "  \"files\": " << list(m.files, quoted) << "\n"
      << "}\n";
    return j.str();
}

} // namespace rdbm::trajectory
