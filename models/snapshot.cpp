// models/snapshot.cpp: Boost.Serialization of the model types (non-intrusive, kept in
// this one file) and the checked header around the archive.
#include "models/snapshot.hpp"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/map.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <algorithm>
#include <cstring>
#include <vector>
#include <fstream>
#include <exception>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <sys/mman.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>
#include <xxhash.h>

#include "models/bounded_iarchive.hpp"
#include "models/content_hash.hpp"
#include "models/read_file.hpp"
#include "models/record_pack.hpp"

// Every model type is written inline, without Boost's per-object class information and
// tracking: through Boost's object machinery each of millions of small objects cost a
// registry lookup (strcmp of type keys), most of a large snapshot's load time (issue 16).
#define CHAINLENS_INLINE_TYPE(T)                                              \
  BOOST_CLASS_IMPLEMENTATION(T, boost::serialization::object_serializable) \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)
CHAINLENS_INLINE_TYPE(chainlens::SourcePos)
CHAINLENS_INLINE_TYPE(chainlens::SharedPos)
CHAINLENS_INLINE_TYPE(chainlens::SegmentIds)
CHAINLENS_INLINE_TYPE(chainlens::InternedId)
CHAINLENS_INLINE_TYPE(chainlens::RegionPath)
CHAINLENS_INLINE_TYPE(chainlens::Region)
CHAINLENS_INLINE_TYPE(chainlens::Source)
CHAINLENS_INLINE_TYPE(chainlens::SourceRef)
CHAINLENS_INLINE_TYPE(chainlens::Declared)
CHAINLENS_INLINE_TYPE(chainlens::SegmentInput)
CHAINLENS_INLINE_TYPE(chainlens::Segment)
CHAINLENS_INLINE_TYPE(chainlens::DeclaredGap)
CHAINLENS_INLINE_TYPE(chainlens::Goal)
CHAINLENS_INLINE_TYPE(chainlens::TargetList)
CHAINLENS_INLINE_TYPE(chainlens::Chain)
CHAINLENS_INLINE_TYPE(chainlens::Enterprise)
CHAINLENS_INLINE_TYPE(chainlens::Supply)
CHAINLENS_INLINE_TYPE(chainlens::Demand)
CHAINLENS_INLINE_TYPE(chainlens::ScoreWeights)
CHAINLENS_INLINE_TYPE(chainlens::ImportanceWeights)
CHAINLENS_INLINE_TYPE(chainlens::Workspace)

namespace boost::serialization {
// The standard containers the model uses, inline too (partial specializations of Boost's traits).
#define CHAINLENS_INLINE_TEMPLATE(PARAMS, T)                         \
  template <PARAMS>                                                  \
  struct implementation_level_impl<const T> {                        \
    typedef mpl::integral_c_tag tag;                                 \
    typedef mpl::int_<object_serializable> type;                     \
    BOOST_STATIC_CONSTANT(int, value = implementation_level_impl::type::value); \
  };                                                                 \
  template <PARAMS>                                                  \
  struct tracking_level_impl<const T> {                              \
    typedef mpl::integral_c_tag tag;                                 \
    typedef mpl::int_<track_never> type;                             \
    BOOST_STATIC_CONSTANT(int, value = tracking_level_impl::type::value); \
  };
#define CHAINLENS_COMMA ,
CHAINLENS_INLINE_TEMPLATE(class T CHAINLENS_COMMA class A, std::vector<T CHAINLENS_COMMA A>)
CHAINLENS_INLINE_TEMPLATE(class T, std::optional<T>)
CHAINLENS_INLINE_TEMPLATE(class K CHAINLENS_COMMA class V CHAINLENS_COMMA class C CHAINLENS_COMMA class A,
                          std::map<K CHAINLENS_COMMA V CHAINLENS_COMMA C CHAINLENS_COMMA A>)
CHAINLENS_INLINE_TEMPLATE(class A CHAINLENS_COMMA class B, std::pair<A CHAINLENS_COMMA B>)
#undef CHAINLENS_COMMA
#undef CHAINLENS_INLINE_TEMPLATE
}  // namespace boost::serialization

// Boost 1.74 serializes boost::optional only; std::optional is a flag then the value.
namespace boost::serialization {
template <class Ar, class T>
void save(Ar& a, const std::optional<T>& o, unsigned) {
  const bool has = o.has_value();
  a << has;
  if (has) a << *o;
}
// A bool is one byte on disk; reading any other byte value into a bool is undefined, so it
// is read as a byte and checked (a damaged payload with a valid checksum: fuzz_snapshot).
template <class Ar>
bool load_flag(Ar& a) {
  std::uint8_t byte = 0;
  a >> byte;
  if (byte > 1) throw std::runtime_error("a flag byte is " + std::to_string(byte) + ", not 0 or 1");
  return byte == 1;
}
template <class Ar, class T>
void load(Ar& a, std::optional<T>& o, unsigned) {
  if (!load_flag(a)) {
    o.reset();
    return;
  }
  if constexpr (std::is_same_v<T, bool>) {
    o = load_flag(a);
  } else {
    T v{};
    a >> v;
    o = std::move(v);
  }
}
template <class Ar, class T>
void serialize(Ar& a, std::optional<T>& o, unsigned version) {
  split_free(a, o, version);
}
}  // namespace boost::serialization

namespace chainlens {

// Field order is the format: changing it means bumping kSnapshotVersion.
template <class Ar> void serialize(Ar& a, SourcePos& p, unsigned) { a & p.file & p.line & p.column; }
// The same bytes as a SourcePos. Read, consecutive records of a block name one file (a bulk
// file's rows): they share the name the previous record decoded.
template <class Ar> void serialize(Ar& a, SharedPos& p, unsigned) {
  if constexpr (Ar::is_saving::value) {
    a & p.file() & p.line & p.column;
  } else {
    thread_local std::string file;
    a & file;
    const std::string* pooled = nullptr;
    if (!file.empty()) {
      if constexpr (requires { a.last_file; }) {
        if (!a.last_file || a.last_file_text != file) a.last_file = &intern(file), a.last_file_text = file;
        pooled = a.last_file;
      } else {
        pooled = &intern(file);
      }
    }
    int line = 0, column = 0;
    a & line & column;
    p = pooled ? SharedPos::of_interned(*pooled, line, column) : SharedPos({}, line, column);
  }
}
// The same bytes as a string.
template <class Ar> void serialize(Ar& a, InternedId& id, unsigned) {
  if constexpr (Ar::is_saving::value) {
    a & id.str();
  } else if constexpr (requires { a.text_view(); }) {
    id = InternedId(a.text_view());
  } else {
    std::string text;
    a & text;
    id = InternedId(text);
  }
}
// The same bytes as a list of strings.
template <class Ar> void serialize(Ar& a, SegmentIds& s, unsigned) {
  if constexpr (Ar::is_saving::value) {
    const std::vector<std::string> ids = s.strings();
    a & ids;
  } else if constexpr (requires { a.text_view(); }) {
    SegmentIds read;  // a packed block: each id interned straight from its bytes
    for (std::size_t i = 0, n = a.list_length(); i < n; ++i) read.push_back(a.text_view());
    s = std::move(read);
  } else {
    std::vector<std::string> ids;
    a & ids;
    s = SegmentIds(ids);
  }
}
template <class Ar> void serialize(Ar& a, RegionPath& r, unsigned) {
  if constexpr (Ar::is_saving::value) {
    a & r.parts();
  } else {
    // Read into a scratch list and shared through the archive's pool when it has one (the
    // enterprise blocks: a million locations, a few hundred places).
    thread_local std::vector<std::string> parts;
    a & parts;
    if constexpr (requires { a.regions; }) r = a.regions ? a.regions->intern(parts) : RegionPath(parts);
    else r = RegionPath(parts);
  }
}
template <class Ar> void serialize(Ar& a, Region& r, unsigned) { a & r.path & r.aliases & r.pos; }
template <class Ar> void serialize(Ar& a, Source& s, unsigned) { a & s.id & s.title & s.file & s.year & s.pos; }
template <class Ar> void serialize(Ar& a, SourceRef& s, unsigned) { a & s.id & s.quote & s.note & s.pos; }
template <class Ar> void serialize(Ar& a, Declared& d, unsigned) {
  a & d.metric & d.value & d.bound & d.segment & d.note & d.source & d.pos;
}
template <class Ar> void serialize(Ar& a, SegmentInput& i, unsigned) { a & i.from & i.share & i.source; }
template <class Ar> void serialize(Ar& a, Segment& s, unsigned) {
  a & s.id & s.name & s.name_en & s.stage & s.type & s.parent & s.input_intensity & s.final_demand & s.value_added &
      s.inputs & s.unit & s.source & s.pos;
}
template <class Ar> void serialize(Ar& a, DeclaredGap& g, unsigned) { a & g.segment & g.kind & g.note & g.source & g.pos; }
template <class Ar> void serialize(Ar& a, Goal& g, unsigned) {
  a & g.metric & g.value & g.unit & g.year & g.note & g.source & g.pos;
}
template <class Ar> void serialize(Ar& a, TargetList& t, unsigned) { a & t.id & t.name & t.enterprises & t.source & t.pos; }
template <class Ar> void serialize(Ar& a, Chain& c, unsigned) {
  a & c.id & c.name & c.name_en & c.scope & c.goals & c.segments & c.gaps & c.target_lists & c.declared & c.note &
      c.source & c.pos;
}
template <class Ar> void serialize(Ar& a, Enterprise& e, unsigned) {
  // The detail's fields keep their places among the others; loaded, it is kept only when it
  // holds something (a registry row has none).
  EnterpriseDetail scratch;
  EnterpriseDetail& d = Ar::is_saving::value ? const_cast<EnterpriseDetail&>(e.detail()) : scratch;
  a & e.id & e.name & d.aliases & e.location & e.segments & d.inferred_segments & e.role & e.status & e.kind & e.group &
      e.revenue & e.revenue_year & e.listed & d.capacity & d.declared & d.note & d.source & d.link_sources & e.pos;
  if constexpr (!Ar::is_saving::value) {
    if (d.empty()) e.more.reset();
    else e.edit_detail() = std::move(d);
  }
}
template <class Ar> void serialize(Ar& a, Supply& s, unsigned) {
  a & s.from & s.to & s.segment & s.value & s.confidence & s.source & s.pos;
}
template <class Ar> void serialize(Ar& a, Demand& d, unsigned) { a & d.segment & d.value & d.unit & d.source & d.pos; }
template <class Ar> void serialize(Ar& a, ScoreWeights& w, unsigned) {
  a & w.gap & w.fit & w.strength & w.link & w.related & w.listed & w.revenue_ref & w.unknown_strength;
}
template <class Ar> void serialize(Ar& a, ImportanceWeights& w, unsigned) { a & w.value & w.dependence & w.plan & w.import; }
// The supply columns as contiguous arrays (Boost's array optimization: one binary block each).
template <class Ar> void serialize_table(Ar& a, SupplyTable& t) {
  const SupplyTable::Columns c = t.columns();
  a & *c.chars & *c.offsets & *c.from & *c.to & *c.segment & *c.value & *c.flags;
  if constexpr (!Ar::is_saving::value)
    if (std::string bad = t.check(); !bad.empty()) throw std::runtime_error(bad);
}
// A million enterprises are half a gigabyte of structs: first touched in 2 MiB pages instead
// of 4 KiB ones, constructing them takes a fraction of the page faults (Linux's transparent
// huge pages in their default `madvise` mode; elsewhere, or refused, nothing changes).
inline void advise_huge_pages(void* data, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = std::uintptr_t(1) << 21;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

// Enterprises as blocks of packed records (models/record_pack.hpp): one Boost string per block
// of kEnterpriseBlock records, decoded side by side as they are read. Through the archive
// field by field, a million enterprises were most of loading the largest benchmark.
constexpr std::size_t kEnterpriseBlock = 4096;
template <class Ar> void serialize_enterprises(Ar& a, std::vector<Enterprise>& list, TextPool& texts) {
  if constexpr (Ar::is_saving::value) {
    const std::uint64_t count = list.size();
    a << count;
    std::string block;
    for (std::size_t first = 0; first < list.size(); first += kEnterpriseBlock) {
      block.clear();
      PackOut out(block);
      for (std::size_t i = first; i < std::min(list.size(), first + kEnterpriseBlock); ++i) out & list[i];
      a << block;
    }
  } else {
    std::uint64_t count = 0;
    a >> count;
    a.check_length(count, "an enterprise list");  // each record is bytes of the payload
    list.reserve(static_cast<std::size_t>(count));
    advise_huge_pages(list.data(), list.capacity() * sizeof(Enterprise));
    list.resize(static_cast<std::size_t>(count));
    struct Block {
      std::size_t first = 0;
      std::string bytes;
    };
    std::size_t next = 0;
    // A pool per thread, not per block: a block's few hundred kilobytes of names would leave
    // most of each pool block empty.
    tbb::enumerable_thread_specific<TextPool> thread_texts;
    tbb::parallel_pipeline(
        4,
        tbb::make_filter<void, std::shared_ptr<Block>>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& fc) -> std::shared_ptr<Block> {
              if (next >= list.size()) {
                fc.stop();
                return nullptr;
              }
              auto b = std::make_shared<Block>();
              b->first = next;
              a >> b->bytes;
              next = std::min(list.size(), next + kEnterpriseBlock);
              return b;
            }) &
            tbb::make_filter<std::shared_ptr<Block>, void>(tbb::filter_mode::parallel, [&](const std::shared_ptr<Block>& b) {
              PackIn in(b->bytes.data(), b->bytes.data() + b->bytes.size());
              RegionPool regions;  // per block: blocks decode side by side
              in.regions = &regions;
              in.texts = &thread_texts.local();
              for (std::size_t i = b->first; i < std::min(list.size(), b->first + kEnterpriseBlock); ++i) in & list[i];
              if (!in.done()) throw std::runtime_error("packed record: an enterprise block has bytes left over");
            }));
    for (TextPool& t : thread_texts) texts.adopt(std::move(t));
  }
}
template <class Ar> void serialize(Ar& a, Workspace& w, unsigned) {
  a & w.name & w.scope & w.scoring & w.importance & w.includes & w.sources & w.regions & w.chains;
  serialize_enterprises(a, w.enterprises, *w.text_pool);
  a & w.supplies;
  serialize_table(a, w.supply_table);
  if constexpr (Ar::is_saving::value) {
    // A snapshot always holds an index that fits, whatever the workspace carries.
    EnterpriseIndex fresh;
    const EnterpriseIndex& x = fitting_index(w.enterprise_index, w.enterprises, w.supply_table, fresh);
    a << x.by_id << x.firm_of;
  } else {
    a >> w.enterprise_index.by_id >> w.enterprise_index.firm_of;
    if (std::string bad = w.enterprise_index.check(w.enterprises.size(), w.supply_table.id_count()); !bad.empty())
      throw std::runtime_error(bad);
  }
  a & w.demand & w.files & w.file_keys & w.include_folders & w.root;
  // A plain bool would be read raw (undefined for a damaged byte): written as one checked byte.
  if constexpr (Ar::is_saving::value) {
    const std::uint8_t flag = w.root_is_folder ? 1 : 0;
    a << flag;
  } else {
    w.root_is_folder = boost::serialization::load_flag(a);
  }
  a & w.content_hash;
}

namespace {

constexpr char kMagic[8] = {'C', 'H', 'L', 'N', 'S', 'N', 'A', 'P'};
constexpr std::size_t kHeaderSize = kSnapshotHeaderSize;
constexpr std::size_t kChecksumAt = 20;

void put_le(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get_le(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= std::uint64_t(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return v;
}

[[noreturn]] void refuse(const std::string& name, const std::string& message, const std::string& hint) {
  throw InputError({{{name, 0, 0}, message, hint}});
}

constexpr const char* kRecompile = "recompile it with `chainlens compile WORKSPACE -o FILE.snap`";

}  // namespace

std::string write_snapshot_bytes(const Workspace& ws) {
  std::ostringstream payload_stream(std::ios::binary);
  {
    // no_header: the Boost archive header carries a library version that would make
    // snapshots differ between Boost builds; our own header versions the format.
    boost::archive::binary_oarchive ar(payload_stream, boost::archive::no_header);
    ar << ws;  // no copy: the types are untracked, so a const object is fine
  }
  const std::string payload = payload_stream.str();
  std::string out(kMagic, sizeof kMagic);
  put_le(out, kSnapshotVersion, 4);
  put_le(out, payload.size(), 8);
  put_le(out, 0, 8);  // the checksum, filled in below
  std::string source_hash = ws.content_hash;
  source_hash.resize(16, '0');
  out += source_hash;
  out += payload;
  const std::uint64_t sum = snapshot_checksum(out);
  for (int i = 0; i < 8; ++i) out[kChecksumAt + i] = static_cast<char>((sum >> (8 * i)) & 0xff);
  return out;
}

// xxh3-64 over the bytes as one stream, the checksum's own 8 bytes left out.
class RawHasher {
 public:
  RawHasher() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~RawHasher() { XXH3_freeState(state_); }
  RawHasher(const RawHasher&) = delete;
  RawHasher& operator=(const RawHasher&) = delete;
  void add(std::string_view b) { XXH3_64bits_update(state_, b.data(), b.size()); }
  std::uint64_t digest() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

std::uint64_t snapshot_checksum(std::string_view bytes) {
  RawHasher h;
  h.add(bytes.substr(0, std::min(bytes.size(), kChecksumAt)));
  if (bytes.size() > kChecksumAt + 8) h.add(bytes.substr(kChecksumAt + 8));
  return h.digest();
}

namespace {

struct Header {
  std::uint64_t size = 0, hash = 0;
};

// Checks magic and version of the first bytes and the payload size against `payload_bytes`.
Header check_header(std::string_view head, std::uint64_t payload_bytes, const std::string& name) {
  if (head.size() < sizeof kMagic || std::memcmp(head.data(), kMagic, sizeof kMagic) != 0)
    refuse(name, "not a chainlens snapshot (bad magic)", kRecompile);
  if (head.size() < kHeaderSize) refuse(name, "snapshot is truncated inside its header", kRecompile);
  const auto version = static_cast<std::uint32_t>(get_le(head, 8, 4));
  if (version != kSnapshotVersion)
    refuse(name,
           "snapshot format version " + std::to_string(version) + " is not supported (this chainlens reads version " +
               std::to_string(kSnapshotVersion) + ")",
           kRecompile);
  Header h{get_le(head, 12, 8), get_le(head, 20, 8)};
  if (payload_bytes != h.size)
    refuse(name,
           "snapshot is truncated or has trailing bytes: payload is " + std::to_string(payload_bytes) +
               " bytes, header says " + std::to_string(h.size),
           kRecompile);
  return h;
}

// A read-only stream buffer over bytes already in memory (istringstream would copy them).
struct ViewBuffer : std::streambuf {
  explicit ViewBuffer(std::string_view v) {
    char* p = const_cast<char*>(v.data());
    setg(p, p, p + v.size());
  }
};

// Reads a stream's next `bytes` in blocks of 4 MiB and hands them out with memcpy: through
// std::filebuf each of the millions of small fields of a large snapshot took a call down its
// general path, a fifth of loading the largest benchmark. Each block read is also hashed, so
// the checksum takes no second pass over the file.
class BlockBuffer : public std::streambuf {
 public:
  BlockBuffer(std::istream& in, std::uint64_t bytes, RawHasher& sum)
      : in_(in),
        left_(bytes),
        // No larger than the payload and not zeroed: every page of a fresh buffer is a page
        // fault, and a 4 MB zeroed block was a tenth of loading a small snapshot.
        size_(static_cast<std::size_t>(std::clamp<std::uint64_t>(bytes, 1, std::uint64_t(1) << 22))),
        block_(std::make_unique_for_overwrite<char[]>(size_)),
        sum_(sum) {}

  /// Reads and hashes what the parser left unread; false when the file ended early.
  bool drain() {
    while (left_ > 0) {
      setg(block_.get(), block_.get(), block_.get());
      if (traits_type::eq_int_type(underflow(), traits_type::eof())) return false;
    }
    return true;
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (left_ == 0) return traits_type::eof();
    const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(left_, size_));
    in_.read(block_.get(), want);
    const std::streamsize got = in_.gcount();
    if (got <= 0) return traits_type::eof();
    left_ -= static_cast<std::uint64_t>(got);
    sum_.add(std::string_view(block_.get(), static_cast<std::size_t>(got)));
    setg(block_.get(), block_.get(), block_.get() + got);
    return traits_type::to_int_type(*gptr());
  }
  std::streamsize xsgetn(char* out, std::streamsize n) override {
    std::streamsize done = 0;
    while (done < n) {
      if (gptr() == egptr() && traits_type::eq_int_type(underflow(), traits_type::eof())) break;
      const std::streamsize take = std::min<std::streamsize>(n - done, egptr() - gptr());
      std::memcpy(out + done, gptr(), static_cast<std::size_t>(take));
      gbump(static_cast<int>(take));
      done += take;
    }
    return done;
  }

 private:
  std::istream& in_;
  std::uint64_t left_;
  std::size_t size_;
  std::unique_ptr<char[]> block_;
  RawHasher& sum_;
};

// Enums arrive as integers: one outside its enum would reach switch statements unnamed.
template <class E>
void check_enum(E e, E last, const char* what) {
  const auto v = static_cast<int>(e);
  if (v < 0 || v > static_cast<int>(last)) throw std::runtime_error(std::string("bad ") + what + " value " + std::to_string(v));
}

void check_loaded(const Workspace& ws) {
  for (const Chain& c : ws.chains) {
    for (const Segment& s : c.segments) {
      if (s.stage) check_enum(*s.stage, Stage::downstream, "stage");
      if (s.value_added) check_enum(*s.value_added, ValueAdded::high, "value_added");
    }
    for (const DeclaredGap& g : c.gaps) check_enum(g.kind, DeclaredGapKind::technology, "gap kind");
    for (const Declared& d : c.declared) check_enum(d.bound, Bound::about, "bound");
  }
  for (const Enterprise& e : ws.enterprises) {
    if (e.role) check_enum(*e.role, Role::platform, "role");
    check_enum(e.status, EnterpriseStatus::closed, "status");
    check_enum(e.kind, EnterpriseKind::institute, "kind");
    for (const Declared& d : e.detail().declared) check_enum(d.bound, Bound::about, "bound");
  }
  for (const Supply& s : ws.supplies) check_enum(s.confidence, Confidence::inferred, "confidence");
}

Workspace parse_payload(std::streambuf& in, std::size_t payload_bytes, const std::string& name) {
  Workspace ws;
  try {
    BoundedIArchive ar(in, payload_bytes, boost::archive::no_header);
    ar >> ws;
    check_loaded(ws);
  } catch (const std::exception& e) {
    // The checksum matched, so this is a snapshot written by an incompatible build.
    refuse(name, std::string("snapshot payload cannot be read: ") + e.what(), kRecompile);
  }
  return ws;
}

}  // namespace

Workspace read_snapshot_bytes(std::string_view bytes, const std::string& name) {
  const Header h = check_header(bytes, bytes.size() < kHeaderSize ? 0 : bytes.size() - kHeaderSize, name);
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (snapshot_checksum(bytes) != h.hash) refuse(name, "snapshot is corrupted (checksum mismatch)", kRecompile);
  ViewBuffer buffer(payload);
  return parse_payload(buffer, payload.size(), name);
}

bool is_snapshot_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[sizeof kMagic] = {};
  return in.read(head, sizeof head) && std::memcmp(head, kMagic, sizeof kMagic) == 0;
}

void check_snapshot_sources(const Workspace& ws, const std::string& name) {
  // The same sequence as the loader: each file's key (relative to the root), then its bytes.
  namespace fs = std::filesystem;
  ContentHasher hasher;
  std::set<std::string> known;
  for (std::size_t i = 0; i < ws.files.size(); ++i) {
    const bool keyed = i < ws.file_keys.size() && !ws.root.empty();
    const std::string key = keyed ? ws.file_keys[i] : ws.files[i];
    const fs::path at = keyed ? fs::path(ws.root) / key : fs::path(ws.files[i]);
    std::string bytes;
    if (!read_whole_file(at, bytes))
      refuse(name, "snapshot is stale: its source file " + at.lexically_normal().generic_string() + " cannot be read",
             kRecompile);
    hasher.add(key);
    hasher.add(bytes);
    known.insert(key);
  }
  if (hex64(hasher.digest()) != ws.content_hash)
    refuse(name, "snapshot is stale: its source files changed since it was compiled", kRecompile);
  auto added = [&](const std::string& key) {
    refuse(name, "snapshot is stale: " + (fs::path(ws.root) / key).lexically_normal().generic_string() +
                     " was added to the workspace since it was compiled", kRecompile);
  };
  std::error_code ec;
  if (ws.root_is_folder) {
    for (const fs::path& f : list_workspace_files(ws.root, ec))
      if (const std::string key = f.lexically_relative(ws.root).generic_string(); !known.count(key)) added(key);
    if (ec) refuse(name, "snapshot is stale: its workspace folder " + ws.root + " cannot be read: " + ec.message(), kRecompile);
  }
  // Included folders, keyed as the loader keyed their files (through symlinks, relative to
  // the root): one outside the root is in no scan above.
  if (ws.root.empty()) return;
  for (const std::string& folder : ws.include_folders) {
    const fs::path at = (fs::path(ws.root) / folder).lexically_normal();
    for (const fs::path& f : list_workspace_files(at, ec)) {
      std::error_code cec;
      const fs::path full = fs::weakly_canonical(f, cec);
      const std::string key = (cec ? f : full).lexically_relative(ws.root).generic_string();
      if (!known.count(key)) added(key);
    }
    if (ec)
      refuse(name, "snapshot is stale: its included folder " + at.generic_string() + " cannot be read: " + ec.message(),
             kRecompile);
  }
}

Workspace load_workspace_or_snapshot(const std::filesystem::path& path, const LoadOptions& options) {
  std::error_code ec;
  const std::string name = path.generic_string();
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec) {
    // An empty file (a snapshot cut short, a failed download) says so, not "not a workspace file".
    const auto ext = path.extension();
    if (ext != ".yaml" && ext != ".yml" && ext != ".csv" && ext != ".jsonl" && ext != ".ndjson" && ext != ".json")
      refuse(name, "the file is empty (0 bytes)", "expected a workspace folder, a YAML or bulk file, or a snapshot");
  }
  if (!std::filesystem::is_regular_file(path, ec) || !is_snapshot_file(path)) return load_workspace(path, options);
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) refuse(name, "cannot read the snapshot: " + ec.message(), {});
  if (size > options.limits.max_file_bytes)
    refuse(name, "snapshot is larger than the limit of " + std::to_string(options.limits.max_file_bytes >> 20) + " MiB",
           "raise it with --max-file-mb");
  // Streamed once from the file, parsed and hashed as it is read, instead of held in memory
  // (on the largest benchmark the bytes and a copy of them were 1.7 GB of the peak). The
  // parser is hardened against any bytes (fuzz_snapshot), so parsing before the checksum is
  // known is safe; a damaged file is still reported as one, before any parse error.
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse(name, "cannot read the snapshot", {});
  std::string head(kHeaderSize, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const Header h = check_header(head, size < kHeaderSize ? 0 : size - kHeaderSize, name);
  // The checksum covers the header (but its own 8 bytes) and the payload.
  RawHasher sum;
  sum.add(std::string_view(head).substr(0, kChecksumAt));
  sum.add(std::string_view(head).substr(kChecksumAt + 8));
  BlockBuffer blocks(in, h.size, sum);
  std::optional<Workspace> ws;
  std::exception_ptr parse_error;
  try {
    ws.emplace(parse_payload(blocks, h.size, name));
  } catch (const InputError&) {
    parse_error = std::current_exception();
  }
  if (!blocks.drain()) refuse(name, "snapshot is truncated (the file shrank while reading)", kRecompile);
  if (sum.digest() != h.hash) refuse(name, "snapshot is corrupted (checksum mismatch)", kRecompile);
  if (parse_error) std::rethrow_exception(parse_error);
  return std::move(*ws);
}

}  // namespace chainlens
