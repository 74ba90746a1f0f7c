// Schedule values against numbers computed independently (float64 math and the
// reference's own PyTorch float32 arithmetic), and the sampled step pairs against
// the pairs PyTorch itself produced (tests/data/step_pairs.txt).
#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "rdbm/Error.h"
#include "rdbm/Schedule.h"

using namespace rdbm;

namespace {
double abar(double s) {
    const double c = std::cos((s + 0.008) / 1.008 * M_PI / 2.0);
    return c * c;
}
} // namespace

TEST(RdbmSchedule, CosineMatchesReferenceValues) {
    RdbmSchedule s({ScheduleKind::Cosine, 100, 10.0 / 255.0});
    // Printed by the reference formulas in PyTorch 1.13 float32.
    EXPECT_FLOAT_EQ(s.thetas()[0], 0.00063128158217296f);
    EXPECT_FLOAT_EQ(s.thetas()[99], 0.999f);
    EXPECT_FLOAT_EQ(s.cumsum()[50], 0.7302499413490295f);
    EXPECT_FLOAT_EQ(s.Theta(0), 0.9993689060211182f);
    EXPECT_FLOAT_EQ(s.Theta(50), 0.4817883372306824f);
    EXPECT_FLOAT_EQ(s.Theta(89), 0.027942711487412453f);
    EXPECT_FLOAT_EQ(s.Sigma(0), 0.007034275680780411f);
    EXPECT_FLOAT_EQ(s.Sigma(50), 0.17353075742721558f);
    EXPECT_FLOAT_EQ(s.Sigma(98), 0.18411345779895782f);
    EXPECT_EQ(s.Theta(99), 0.0f);
    EXPECT_EQ(s.Sigma(99), 0.0f);
}

TEST(RdbmSchedule, AgreesWithFloat64FormulasForOtherTAndLambda) {
    for (int T : {10, 100, 1000}) {
        for (double lambda : {1e-4, 1.0 / 255.0, 100.0 / 255.0}) {
            RdbmSchedule s({ScheduleKind::Cosine, T, lambda});
            double c = 0.0, cT = 0.0;
            for (int i = 0; i < T; ++i) cT += std::min(1.0 - abar(double(i + 1) / T) / abar(double(i) / T), 0.999);
            for (int i = 0; i < T; ++i) {
                c += std::min(1.0 - abar(double(i + 1) / T) / abar(double(i) / T), 0.999);
                const double r = cT - c;
                const double Theta = std::sinh(r) / std::sinh(cT);
                const double Sigma = std::sqrt(2.0 * lambda * std::sinh(c) * std::sinh(r) / std::sinh(cT));
                ASSERT_NEAR(s.Theta(i), Theta, 2e-6) << "T=" << T << " t=" << i;
                ASSERT_NEAR(s.Sigma(i), Sigma, 2e-6 + 1e-5 * Sigma) << "T=" << T << " t=" << i;
            }
        }
    }
}

TEST(RdbmSchedule, BridgeEndpointsAndMonotonicity) {
    for (auto kind : {ScheduleKind::Cosine, ScheduleKind::Linear, ScheduleKind::Sigmoid}) {
        RdbmSchedule s({kind, 100, 10.0 / 255.0});
        EXPECT_EQ(s.Theta(99), 0.0f) << toString(kind);
        EXPECT_EQ(s.Sigma(99), 0.0f) << toString(kind);
        EXPECT_GT(s.Theta(0), 0.95f) << toString(kind);
        for (int t = 1; t < 100; ++t) EXPECT_LE(s.Theta(t), s.Theta(t - 1)) << toString(kind) << " t=" << t;
        for (float th : s.thetas()) {
            EXPECT_GE(th, 0.0f);
            EXPECT_LE(th, 0.999f);
        }
    }
}

TEST(RdbmSchedule, RnrForResidualPiMatchesDefinition) {
    const double lambda = 10.0 / 255.0;
    RdbmSchedule s({ScheduleKind::Cosine, 100, lambda});
    for (int t : {0, 10, 50, 98}) {
        // R = residual^2 Theta^2 / (pi^2 Sigma^2) with pi = residual, i.e. Theta^2 / Sigma^2.
        const double ratio = double(s.Theta(t)) * s.Theta(t) / (double(s.Sigma(t)) * s.Sigma(t));
        EXPECT_NEAR(s.rnrResidual(t) / ratio, 1.0, 1e-4) << "t=" << t;
        EXPECT_GT(s.rnrResidual(t), s.rnrResidual(t + 1));
    }
    EXPECT_EQ(s.rnrResidual(99), 0.0);
    EXPECT_DOUBLE_EQ(s.rnrGlobal(0.25, 10), 0.25 * s.rnrResidual(10));
}

TEST(RdbmSchedule, RejectsBadParameters) {
    EXPECT_THROW(RdbmSchedule({ScheduleKind::Cosine, 0, 0.1}), Error);
    EXPECT_THROW(RdbmSchedule({ScheduleKind::Cosine, 100, 0.0}), Error);
    EXPECT_THROW(scheduleKindFromString("cubic"), Error);
    EXPECT_EQ(scheduleKindFromString("sigmoid"), ScheduleKind::Sigmoid);
}

TEST(SamplingStepPairs, ReferenceExamples) {
    auto p = samplingStepPairs(100, 10);
    ASSERT_EQ(p.size(), 10u);
    EXPECT_EQ(p.front(), std::make_pair(99, 89));
    EXPECT_EQ(p.back(), std::make_pair(9, -1));
    auto p3 = samplingStepPairs(100, 3);
    ASSERT_EQ(p3.size(), 3u);
    EXPECT_EQ(p3[0], std::make_pair(99, 65));
    EXPECT_EQ(p3[1], std::make_pair(65, 32));
    EXPECT_EQ(p3[2], std::make_pair(32, -1));
    EXPECT_THROW(samplingStepPairs(100, 0), Error);
    EXPECT_THROW(samplingStepPairs(100, 101), Error);
}

TEST(SamplingStepPairs, MatchPyTorchForEveryRecordedStepCount) {
    std::ifstream f(std::string(RDBM_TEST_DATA_DIR) + "/step_pairs.txt");
    ASSERT_TRUE(f) << "missing tests/data/step_pairs.txt";
    std::string line;
    int checked = 0;
    while (std::getline(f, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream in(line);
        int T = 0, S = 0;
        in >> T >> S;
        std::vector<int> times;
        for (int v; in >> v;) times.push_back(v);
        auto pairs = samplingStepPairs(T, S);
        ASSERT_EQ(pairs.size() + 1, times.size()) << "T=" << T << " S=" << S;
        for (size_t i = 0; i < pairs.size(); ++i) {
            ASSERT_EQ(pairs[i].first, times[i]) << "T=" << T << " S=" << S << " i=" << i;
            ASSERT_EQ(pairs[i].second, times[i + 1]) << "T=" << T << " S=" << S << " i=" << i;
        }
        ++checked;
    }
    EXPECT_GE(checked, 200);
}
