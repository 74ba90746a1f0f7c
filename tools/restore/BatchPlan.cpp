#include "BatchPlan.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"

namespace rdbm::cli {
namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

fs::path canonicalOrEmpty(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::path() : c;
}

bool isInside(const fs::path& p, const fs::path& dir) {
    if (dir.empty()) return false;
    const auto [d, q] = std::mismatch(dir.begin(), dir.end(), p.begin(), p.end());
    return d == dir.end();
}

// The images of one folder, as paths relative to it, sorted.
std::vector<fs::path> imagesIn(const fs::path& folder, bool recursive, const fs::path& outDir) {
    std::vector<fs::path> found;
    std::error_code ec;
    const auto consider = [&](const fs::directory_entry& e) {
        std::error_code ignored;
        if (hidden(e.path()) || !e.is_regular_file(ignored) || !isSupportedImageExtension(e.path().string())) return;
        found.push_back(e.path().lexically_relative(folder));
    };
    if (!recursive) {
        for (fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            consider(*it);
    } else {
        fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code ignored;
            if (it->is_directory(ignored)) {
                if (hidden(it->path()) || isInside(canonicalOrEmpty(it->path()), outDir))
                    it.disable_recursion_pending();
                continue;
            }
            consider(*it);
        }
    }
    if (ec) throw Error(ErrorKind::Usage, folder.string() + ": cannot list the folder: " + ec.message());
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

std::vector<PlannedImage> planImages(const RestoreOptions& o) {
    if (!o.output.empty()) return {{o.inputs.at(0), o.output, fs::path(o.output).filename().string()}};
    std::string dir = o.outDir;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    const fs::path outDir = canonicalOrEmpty(dir);
    std::vector<PlannedImage> plan;
    std::set<std::string> names;
    const auto add = [&](const std::string& input, const std::string& name) {
        if (!names.insert(name).second)
            throw Error(ErrorKind::Usage,
                        "two inputs would both be written to " + dir + "/" + name + " (the second is " + input + ")");
        plan.push_back({input, dir == "/" ? "/" + name : dir + "/" + name, name});
    };
    for (const std::string& input : o.inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec)) {
            add(input, fs::path(input).filename().string());
            continue;
        }
        const std::vector<fs::path> images = imagesIn(input, o.recursive, outDir);
        for (const fs::path& rel : images) add((fs::path(input) / rel).string(), rel.generic_string());
    }
    if (plan.empty())
        throw Error(ErrorKind::Usage, std::string("no images to restore in the given folder") +
                                          (o.inputs.size() > 1 ? "s" : "") +
                                          (o.recursive ? "" : " (subfolders need --recursive)"));
    return plan;
}

} // namespace rdbm::cli
