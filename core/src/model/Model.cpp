#include "rdbm/Model.h"

#include "model/ModelImpl.h"

namespace rdbm {

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;

const ModelInfo& Model::info() const { return impl_->info; }
const RdbmSchedule& Model::schedule() const { return impl_->schedule; }
const RddmSchedule& Model::rddmSchedule() const { return impl_->rddmSchedule; }
std::string Model::device() const { return impl_->deviceName; }

} // namespace rdbm
