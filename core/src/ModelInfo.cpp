#include "rdbm/ModelInfo.h"

#include "rdbm/Error.h"

namespace rdbm {

std::string toString(Objective o) {
    switch (o) {
    case Objective::X0: return "x0";
    case Objective::PiEps: return "pi_eps";
    case Objective::Eps: return "eps";
    }
    return "x0";
}

std::string toString(PiMode p) {
    switch (p) {
    case PiMode::Residual: return "residual";
    case PiMode::One: return "one";
    case PiMode::Zero: return "zero";
    }
    return "residual";
}

Objective objectiveFromString(const std::string& s) {
    if (s == "x0" || s == "pred_x_start") return Objective::X0;
    if (s == "pi_eps" || s == "pred_pi_noise") return Objective::PiEps;
    if (s == "eps" || s == "pred_noise") return Objective::Eps;
    throw Error(ErrorKind::Usage, "unknown objective '" + s +
                                      "' (expected x0, pi_eps or eps; for RDDM pred_res_noise, pred_res_add_noise, "
                                      "pred_x0_noise, pred_x0_add_noise, pred_res or pred_noise)");
}

PiMode piModeFromString(const std::string& s) {
    if (s == "residual" || s == "x0-mu") return PiMode::Residual;
    if (s == "one" || s == "1") return PiMode::One;
    if (s == "zero" || s == "0") return PiMode::Zero;
    throw Error(ErrorKind::Usage, "unknown pi mode '" + s + "' (expected residual, one or zero)");
}

std::string toString(Method m) { return m == Method::Rddm ? "rddm" : "rdbm"; }

Method methodFromString(const std::string& s) {
    if (s == "rdbm") return Method::Rdbm;
    if (s == "rddm") return Method::Rddm;
    throw Error(ErrorKind::Usage, "unknown method '" + s + "' (expected rdbm or rddm)");
}

namespace {

struct RddmObjectiveName {
    RddmObjective objective;
    const char* name;
};
constexpr RddmObjectiveName kRddmObjectives[] = {
    {RddmObjective::ResNoise, "pred_res_noise"},
    {RddmObjective::ResAddNoise, "pred_res_add_noise"},
    {RddmObjective::X0Noise, "pred_x0_noise"},
    {RddmObjective::X0AddNoise, "pred_x0_add_noise"},
    {RddmObjective::Res, "pred_res"},
    {RddmObjective::Noise, "pred_noise"},
};

} // namespace

std::string toString(RddmObjective o) {
    for (const auto& entry : kRddmObjectives)
        if (entry.objective == o) return entry.name;
    return "pred_res_noise";
}

bool isRddmObjectiveName(const std::string& s) {
    for (const auto& entry : kRddmObjectives)
        if (s == entry.name) return true;
    return false;
}

RddmObjective rddmObjectiveFromString(const std::string& s) {
    for (const auto& entry : kRddmObjectives)
        if (s == entry.name) return entry.objective;
    throw Error(ErrorKind::Usage, "unknown RDDM objective '" + s +
                                      "' (expected pred_res_noise, pred_res_add_noise, pred_x0_noise, "
                                      "pred_x0_add_noise, pred_res or pred_noise)");
}

int rddmOutputCount(RddmObjective o) { return o == RddmObjective::Res || o == RddmObjective::Noise ? 1 : 2; }

} // namespace rdbm
