// rdbm-degrade: applies one of the synthetic degradations rdbm-train learns from
// (rain, lowlight, snow, haze, blur, mixed) to a clean photo. Seeded and reproducible,
// so a degraded test set can be rebuilt from its clean photos and a command line.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "rdbm/Degradations.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"

namespace {

const char* kUsage =
    "Usage: rdbm-degrade INPUT -o OUTPUT --kind rain|lowlight|snow|haze|blur|mixed\n"
    "                    [--seed N] [--strength S] [--overwrite]\n"
    "\n"
    "Writes a synthetically degraded copy of a clean photo (the generators rdbm-train uses).\n"
    "The same INPUT, kind, seed and strength always give the same output. Strength 1 is\n"
    "typical of the RDBM paper's data sets, 0 leaves the image as it is, 2 is harsh.\n"
    "Alpha is passed through; the output keeps the input's bit depth unless its format\n"
    "cannot hold it.\n"
    "\n"
    "Exit codes: 0 done, 2 usage, 3 image could not be read or written.\n";

int exitCodeFor(rdbm::ErrorKind kind) {
    switch (kind) {
    case rdbm::ErrorKind::Usage: return 2;
    case rdbm::ErrorKind::Image: return 3;
    default: return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
    using namespace rdbm;
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string input, output, kind;
    std::uint64_t seed = 0;
    double strength = 1.0;
    bool overwrite = false;
    try {
        for (size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= args.size()) throw Error(ErrorKind::Usage, a + " needs a value");
                return args[++i];
            };
            if (a == "-h" || a == "--help") {
                std::fputs(kUsage, stdout);
                return 0;
            } else if (a == "-o" || a == "--output") output = value();
            else if (a == "--kind") kind = value();
            else if (a == "--seed") {
                const std::string v = value();
                char* end = nullptr;
                seed = std::strtoull(v.c_str(), &end, 10);
                if (v.empty() || *end != '\0') throw Error(ErrorKind::Usage, "--seed expects a non-negative integer, got '" + v + "'");
            } else if (a == "--strength") {
                const std::string v = value();
                char* end = nullptr;
                strength = std::strtod(v.c_str(), &end);
                if (v.empty() || *end != '\0' || strength < 0.0 || strength > 2.0)
                    throw Error(ErrorKind::Usage, "--strength expects a number in [0, 2], got '" + v + "'");
            } else if (a == "--overwrite") overwrite = true;
            else if (!a.empty() && a[0] == '-') throw Error(ErrorKind::Usage, "unknown option " + a);
            else if (input.empty()) input = a;
            else throw Error(ErrorKind::Usage, "only one INPUT is accepted, got '" + input + "' and '" + a + "'");
        }
        if (input.empty() || output.empty() || kind.empty())
            throw Error(ErrorKind::Usage, "INPUT, -o OUTPUT and --kind are required (see --help)");
        const DegradationKind k = degradationKindFromString(kind);
        if (sameFile(input, output))
            throw Error(ErrorKind::Usage, output + ": is the input; refusing to overwrite it");
        Image image = readImage(input);
        image.rgb = degrade(image.rgb, k, seed, strength);
        WriteOptions w;
        w.overwrite = overwrite;
        writeImage(output, image, w);
        std::printf("rdbm-degrade: %s -> %s (%s, seed %llu, strength %g)\n", input.c_str(), output.c_str(),
                    toString(k).c_str(), static_cast<unsigned long long>(seed), strength);
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "rdbm-degrade: %s\n", e.what());
        return exitCodeFor(e.kind());
    }
}
