#pragma once
// The run record: how a result was made, written into the output image (a PNG iTXt
// chunk, a JPEG COM segment, XMP in TIFF and WebP) and, on request, into a JSON file
// beside it. Torch-free, so the application can read the record of a file it opens.
#include <cstdint>
#include <optional>
#include <string>

namespace rdbm {

class Model;
struct SamplerOptions;

struct RestoreRecord {
    std::string modelFile;   // as given (a path)
    std::string modelSha256; // lower-case hex of the checkpoint file
    std::string method;      // "rdbm" or "rddm"
    std::string objective;   // what the network predicts ("x0", "pred_res_noise", ...)
    std::string pi;          // RDBM's noise coefficient pi ("residual", "one", "zero"); empty for RDDM
    int steps = 0;
    double eta = 0.0;
    std::string piNoise; // scale of the eta > 0 noise per pixel
    std::uint64_t seed = 0;
    // More than 1: the image is the per-pixel mean of this many runs with the seeds seed,
    // seed+1, ... (rdbm-restore --seeds); written only then.
    int seeds = 1;
    int tileSize = 0; // 0: one whole-image call
    int tileOverlap = 0;
    int border = -1;     // SamplerOptions::borderPad as asked (-1: automatic, which the model decides)
    std::string device;  // "cpu", "cuda:0", ...
    std::string version; // RDBM Studio's version
    std::string time;    // when the result was written, UTC, ISO 8601
};

// The record of one result, made the same way by rdbm-restore and RDBM Studio: the model
// (its file as loaded, Model::info().path, and that file's SHA-256, rdbm/Sha256.h), its
// method, objective and pi, the sampler's steps, eta, noise modulation, seed and tile
// overlap, `seeds` runs averaged (1: a single run), the tile size the run used
// (RestoreResult::tileSize), the model's device, this version and the time now.
RestoreRecord makeRestoreRecord(const Model& model, const std::string& modelSha256, const SamplerOptions& options,
                                int seeds, int tileSize);

// One line of JSON (the form stored in images and in the --record file).
std::string toJson(const RestoreRecord& record);
// Throws Error(Image) naming `source` when the text is not a record.
RestoreRecord restoreRecordFromJson(const std::string& text, const std::string& source);

// The record an image file carries, if any (PNG, JPEG, TIFF, WebP written by rdbm).
// Throws Error(Image) when the file cannot be read; nullopt when it has no record.
std::optional<RestoreRecord> readRestoreRecord(const std::string& imagePath);

// The current time as "2026-12-02T18:11:28Z".
std::string utcTimestamp();

} // namespace rdbm
