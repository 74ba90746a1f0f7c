#include "model/TorchScriptProbe.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <torch/torch.h>

#include "model/NetworkFactory.h"
#include "rdbm/Error.h"

extern char** environ;

namespace rdbm {
namespace {

namespace fs = std::filesystem;

double timeoutSeconds() {
    if (const char* s = std::getenv("RDBM_TORCHSCRIPT_TIMEOUT")) {
        char* end = nullptr;
        const double v = std::strtod(s, &end);
        if (end != s && v > 0) return v;
    }
    return 120.0;
}

bool executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// The last non-empty line of the helper's output: its error message.
std::string lastLine(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    const auto nl = text.find_last_of('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
}

// Closes the fd and reaps the child on every path out.
struct Child {
    pid_t pid = -1;
    int fd = -1;
    ~Child() {
        if (fd >= 0) ::close(fd);
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            int st = 0;
            ::waitpid(pid, &st, 0);
        }
    }
};

} // namespace

std::string torchScriptProbeExecutable() {
    const char* name = "rdbm-torchscript-probe";
    if (const char* env = std::getenv("RDBM_TORCHSCRIPT_PROBE"); env && *env) return executable(env) ? env : "";
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && executable(self.parent_path() / name)) return (self.parent_path() / name).string();
#ifdef RDBM_TORCHSCRIPT_PROBE_BUILD_PATH
    if (executable(RDBM_TORCHSCRIPT_PROBE_BUILD_PATH)) return RDBM_TORCHSCRIPT_PROBE_BUILD_PATH;
#endif
    return {};
}

void probeTorchScriptInChild(const std::string& path, const ModelMetadata& meta, int padMultiple) {
    const std::string exe = torchScriptProbeExecutable();
    if (exe.empty())
        throw Error(ErrorKind::Runtime, path + ": TorchScript files are loaded through the helper "
                                               "rdbm-torchscript-probe, which is not installed next to this program");
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw Error(ErrorKind::Runtime, std::string("pipe: ") + std::strerror(errno));
    Child child;
    child.fd = fds[0];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    const std::string addsMu = meta.addsMu ? "1" : "0", multiple = std::to_string(padMultiple);
    std::vector<char*> argv{const_cast<char*>(exe.c_str()), const_cast<char*>(path.c_str()),
                            const_cast<char*>(meta.padMode.c_str()), const_cast<char*>(addsMu.c_str()),
                            const_cast<char*>(multiple.c_str()), nullptr};
    const int rc = ::posix_spawn(&child.pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        child.pid = -1;
        throw Error(ErrorKind::Runtime, "cannot start " + exe + ": " + std::strerror(rc));
    }

    // Read its output until it exits or the time is up.
    const double limit = timeoutSeconds();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limit);
    std::string output;
    int status = 0;
    bool exited = false, eof = false;
    while (!exited) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        if (!eof) {
            pollfd p{child.fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 100))) > 0) {
                char buf[4096];
                const ssize_t n = ::read(child.fd, buf, sizeof buf);
                if (n > 0 && output.size() < 65536) output.append(buf, static_cast<size_t>(n));
                if (n == 0) eof = true;
            }
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        const pid_t w = ::waitpid(child.pid, &status, WNOHANG);
        if (w == child.pid) {
            exited = true;
            child.pid = -1;
        }
    }
    if (!exited)
        throw Error(ErrorKind::Checkpoint,
                    path + ": the TorchScript module did not finish loading and running a probe within " +
                        std::to_string(static_cast<int>(limit)) +
                        " s in a separate process (stopped; a hostile or broken file?)");
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = sigabbrev_np(sig);
        throw Error(ErrorKind::Checkpoint, path + ": the TorchScript module crashed the loader (signal " +
                                               std::to_string(sig) + (name ? std::string(", SIG") + name : "") +
                                               ") in a separate process; the file is damaged or hostile");
    }
    if (WEXITSTATUS(status) != 0) {
        std::string message = lastLine(output);
        const std::string prefix = "rdbm-torchscript-probe: ";
        if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
        throw Error(ErrorKind::Checkpoint, message.empty() ? path + ": the TorchScript module could not be loaded"
                                                           : message);
    }
}

int torchScriptProbeMain(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "rdbm-torchscript-probe: usage: rdbm-torchscript-probe FILE PAD_MODE ADDS_MU PAD_MULTIPLE\n"
                             "(started by RDBM Studio to load a TorchScript file in a separate process)\n");
        return 2;
    }
    try {
        ModelMetadata meta;
        meta.padMode = argv[2];
        meta.addsMu = std::string(argv[3]) == "1";
        const int multiple = std::atoi(argv[4]);
        torch::NoGradGuard noGrad;
        makeTorchScriptNetwork(argv[1], meta, multiple, torch::Device(torch::kCPU), torch::kFloat32);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rdbm-torchscript-probe: %s\n", e.what());
        return 4;
    }
    return 0;
}

} // namespace rdbm
