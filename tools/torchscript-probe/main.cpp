// rdbm-torchscript-probe: loads one TorchScript file and runs a probe through it, in a
// process of its own. Model::load starts it before loading a TorchScript file that the
// user allowed, so that a crash or hang in LibTorch ends this process, not the caller.
#include "model/TorchScriptProbe.h"

int main(int argc, char** argv) { return rdbm::torchScriptProbeMain(argc, argv); }
