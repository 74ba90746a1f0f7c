// The restricted unpickler on hand-assembled streams: opcodes, memo, OrderedDict with
// _metadata, tensor rebuilds, and everything it must refuse.
#include <gtest/gtest.h>

#include <string>

#include "checkpoint/FormatError.h"
#include "checkpoint/PickleReader.h"

using namespace rdbm::checkpoint;
using Kind = PyObject::Kind;
using namespace std::string_literals;

namespace {

std::string u32(uint32_t n) { return std::string{char(n & 0xff), char(n >> 8 & 0xff), char(n >> 16 & 0xff), char(n >> 24)}; }
std::string bu(const std::string& s) { return "X" + u32(static_cast<uint32_t>(s.size())) + s; } // BINUNICODE

struct Loaded {
    std::string bytes;
    std::unique_ptr<PickleReader> reader;
    PyRef root = nullptr;
};

Loaded load(std::string bytes, PickleReader::Limits limits = {}) {
    Loaded l;
    l.bytes = std::move(bytes);
    l.reader = std::make_unique<PickleReader>(reinterpret_cast<const unsigned char*>(l.bytes.data()), l.bytes.size(), limits);
    l.root = l.reader->load();
    return l;
}

std::string errorOf(const std::string& bytes) {
    try {
        load(bytes);
    } catch (const FormatError& e) {
        return e.what();
    }
    return "(no error)";
}

PyRef dictGet(PyRef d, const std::string& key) {
    for (size_t i = 0; i + 1 < d->items.size(); i += 2)
        if (d->items[i]->kind == Kind::Str && d->items[i]->s == key) return d->items[i + 1];
    return nullptr;
}

// A _rebuild_tensor_v2 call over storage `key` of `numel` floats: shape (2, 3), strides (1, 2).
std::string tensorPickle(const std::string& key, int numel) {
    return "ctorch._utils\n_rebuild_tensor_v2\n((" + bu("storage") + "ctorch\nFloatStorage\n" + bu(key) + bu("cpu") +
           "K" + char(numel) + "tQK\x01K\x02K\x03\x86K\x01K\x02\x86\x89" "ccollections\nOrderedDict\n)RtR";
}

} // namespace

TEST(PickleReader, ScalarsStringsAndContainers) {
    // {'a': 1, 'b': -2 (BININT), 'c': 2**40+1 (LONG1), 'd': -300 (LONG1), 'e': 0.5, 'f': True, 'g': None,
    //  'h': [1, 2], 'i': (b'xy',)}
    std::string p = "\x80\x02}q\x00("s;
    p += bu("a") + "K\x01";
    p += bu("b") + "J" + u32(0xfffffffe);
    p += bu("c") + std::string("\x8a\x06\x01\x00\x00\x00\x00\x01", 8);
    p += bu("d") + std::string("\x8a\x02\xd4\xfe", 4);
    p += bu("e") + std::string("G\x3f\xe0\x00\x00\x00\x00\x00\x00", 9);
    p += bu("f") + "\x88";
    p += bu("g") + "N";
    p += bu("h") + "](K\x01K\x02" "e";
    p += bu("i") + "C\x02xy\x85";
    p += "u.";
    const auto l = load(p);
    ASSERT_EQ(l.root->kind, Kind::Dict);
    EXPECT_EQ(dictGet(l.root, "a")->i, 1);
    EXPECT_EQ(dictGet(l.root, "b")->i, -2);
    EXPECT_EQ(dictGet(l.root, "c")->i, (int64_t(1) << 40) + 1);
    EXPECT_EQ(dictGet(l.root, "d")->i, -300);
    EXPECT_EQ(dictGet(l.root, "e")->f, 0.5);
    EXPECT_EQ(dictGet(l.root, "f")->kind, Kind::Bool);
    EXPECT_EQ(dictGet(l.root, "f")->i, 1);
    EXPECT_EQ(dictGet(l.root, "g")->kind, Kind::None);
    ASSERT_EQ(dictGet(l.root, "h")->items.size(), 2u);
    EXPECT_EQ(dictGet(l.root, "h")->items[1]->i, 2);
    EXPECT_EQ(dictGet(l.root, "i")->items.at(0)->s, "xy");
}

TEST(PickleReader, OrderedDictWithMetadataBuild) {
    // What torch.save(net.state_dict()) writes: OrderedDict() REDUCE, items, then
    // BUILD with {'_metadata': OrderedDict(...)} (the step LibTorch 1.13 cannot do).
    std::string p = "\x80\x02" "ccollections\nOrderedDict\nq\x00)Rq\x01("s + bu("w") + "K\x07u";
    p += "}q\x02" + bu("_metadata") + "h\x00)Rq\x03("s + bu("") + "}" + bu("version") + "K\x01sus" + "b.";
    const auto l = load(p);
    ASSERT_EQ(l.root->kind, Kind::Dict);
    ASSERT_EQ(l.root->items.size(), 2u);
    EXPECT_EQ(dictGet(l.root, "w")->i, 7);
}

TEST(PickleReader, TensorRebuildAndSharedStorage) {
    std::string p = "\x80\x02}(" + bu("a") + tensorPickle("0", 6) + bu("b") + tensorPickle("0", 6) + "u.";
    const auto l = load(p);
    PyRef a = dictGet(l.root, "a"), b = dictGet(l.root, "b");
    ASSERT_EQ(a->kind, Kind::Tensor);
    EXPECT_EQ(a->dtype, DType::F32);
    EXPECT_EQ(a->tensor->shape, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(a->tensor->strides, (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(a->tensor->storage, b->tensor->storage);
    EXPECT_EQ(a->tensor->storage->s, "0");
    EXPECT_EQ(a->tensor->storage->i, 6);
}

TEST(PickleReader, ParameterAndProtocol4) {
    // torch._utils._rebuild_parameter(tensor, True, OrderedDict()), spelled with STACK_GLOBAL and MEMOIZE.
    const std::string sg = "\x8c\x0ctorch._utils\x94\x8c\x12_rebuild_parameter\x94\x93\x94";
    std::string p = "\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00}\x94\x8c\x01p\x94"s + sg + "(" + tensorPickle("3", 6) +
                    "\x88" "ccollections\nOrderedDict\n)RtRs.";
    const auto l = load(p);
    PyRef t = dictGet(l.root, "p");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->kind, Kind::Tensor);
    EXPECT_EQ(t->tensor->storage->s, "3");
}

TEST(PickleReader, RefusesForbiddenGlobalsByName) {
    const std::string os = "\x80\x02}" + bu("x") + "cos\nsystem\n" + bu("echo pwned") + "\x85Rs.";
    const std::string e = errorOf(os);
    EXPECT_NE(e.find("refuses to load global 'os.system'"), std::string::npos) << e;
    EXPECT_NE(e.find("only tensor rebuild functions, storage types and OrderedDict are allowed"), std::string::npos);

    EXPECT_NE(errorOf("\x80\x02" "cbuiltins\neval\n.").find("'builtins.eval'"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x04\x8c\x08\x62uiltins\x8c\x04\x65xec\x93.").find("'builtins.exec'"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02" "ctorch\nload\n.").find("'torch.load'"), std::string::npos);
    const std::string module = errorOf("\x80\x02" "ctorch.nn.modules.conv\nConv2d\n.");
    EXPECT_NE(module.find("state_dict()"), std::string::npos) << module;
    // An allowed global may still not be called with the wrong meaning.
    EXPECT_NE(errorOf("\x80\x02" "ctorch\nFloatStorage\n)R.").find("cannot be called"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02" "ctorch\nComplexFloatStorage\n.").find("unsupported storage type"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02" "ctorch\nuint16\n.").find("unsupported tensor dtype 'torch.uint16'"), std::string::npos);
}

TEST(PickleReader, RejectsCorruptStreams) {
    EXPECT_NE(errorOf("").find("unexpected end"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02}").find("unexpected end"), std::string::npos);          // no STOP
    EXPECT_NE(errorOf("\x80\x02h\x05.").find("memo key 5"), std::string::npos);          // undefined memo
    EXPECT_NE(errorOf("\x80\x02j\xff\xff\xff\xff.").find("memo key"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02.").find("stack underflow"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02(.").find("stack underflow"), std::string::npos);        // STOP right after MARK
    EXPECT_NE(errorOf("\x80\x02t.").find("MARK"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02\xff.").find("unsupported opcode 0xff"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x09.").find("protocol 9"), std::string::npos);
    EXPECT_NE(errorOf("\x80\x02X\xff\xff\xff\x7f" "abc.").find("past end"), std::string::npos); // huge length
    EXPECT_NE(errorOf("\x80\x02K\x03K\x01K\x02s.").find("SETITEM"), std::string::npos);       // SETITEM on an int
    EXPECT_NE(errorOf("\x80\x02}K\x01\x88\x85R.").find("REDUCE"), std::string::npos);     // calling a dict
    EXPECT_NE(errorOf("\x80\x02\x82\x01.").find("unsupported opcode"), std::string::npos); // EXT1
    // A storage reference that is not ('storage', <storage type>, key, location, numel).
    EXPECT_NE(errorOf("\x80\x02(" + bu("storage") + "K\x01" + bu("0") + bu("cpu") + "K\x01tQ.").find("storage type"),
              std::string::npos);
    // The same storage key with two different sizes.
    std::string twice = "\x80\x02}(" + bu("a") + tensorPickle("0", 6) + bu("b") + tensorPickle("0", 7) + "u.";
    EXPECT_NE(errorOf(twice).find("two different"), std::string::npos);
}

TEST(PickleReader, ObjectLimitStopsExplosions) {
    PickleReader::Limits limits;
    limits.maxObjects = 1000;
    std::string p = "\x80\x02]";
    for (int i = 0; i < 2000; ++i) p += "]a";
    p += ".";
    try {
        load(p, limits);
        FAIL() << "no error";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("more than 1000 objects"), std::string::npos) << e.what();
    }
}

// The real data.pkl torch.save wrote, damaged at every byte and cut at every length:
// the reader returns or throws FormatError, never crashes. (Inside the archive the CRC
// would catch this first; here the unpickler itself is exercised.)
#include "checkpoint/ZipArchive.h"
#include "test_checkpoint_expect.h"

TEST(PickleReader, DamagedRealPickleNeverCrashes) {
    ZipArchive zip(checkpoint_test::fixture("trainer.pt"));
    const auto* e = zip.find("trainer/data.pkl");
    ASSERT_NE(e, nullptr);
    const std::vector<unsigned char> good = zip.read(*e);
    ASSERT_GT(good.size(), 1000u);
    size_t errors = 0, runs = 0;
    for (size_t i = 0; i < good.size(); i += 5) {
        for (unsigned char x : {0x01, 0x80, 0xff}) {
            std::vector<unsigned char> bad = good;
            bad[i] ^= x;
            ++runs;
            try {
                PickleReader(bad.data(), bad.size()).load();
            } catch (const FormatError&) {
                ++errors;
            }
        }
    }
    EXPECT_GT(errors, runs / 10);
    for (size_t len = 0; len < good.size(); len += 5)
        EXPECT_THROW(PickleReader(good.data(), len).load(), FormatError) << len;
}

TEST(PickleReader, RebuildTensorV3OverUntypedStorage) {
    // What PyTorch 2.x writes for dtypes without a legacy storage class: bytes + a dtype.
    const std::string p = "\x80\x02}" + bu("t") + "ctorch._utils\n_rebuild_tensor_v3\n((" + bu("storage") +
                          "ctorch\nUntypedStorage\n" + bu("0") + bu("cpu") + "K\x08tQK\x01K\x02\x85K\x01\x85\x89" +
                          "ccollections\nOrderedDict\n)R" + "ctorch\nbfloat16\ntRs.";
    const auto l = load(p);
    PyRef t = dictGet(l.root, "t");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->kind, Kind::Tensor);
    EXPECT_EQ(t->dtype, DType::BF16);
    EXPECT_EQ(t->tensor->storage->dtype, DType::U8);
    EXPECT_EQ(t->tensor->storage->i, 8); // bytes
    EXPECT_EQ(t->tensor->offset, 1);     // elements of the tensor's dtype
}
