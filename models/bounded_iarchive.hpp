// models/bounded_iarchive.hpp: Boost's binary input archive, refusing any string or collection
// longer than the payload it reads from. A hostile snapshot (its checksum is easy to forge)
// could otherwise make Boost allocate gigabytes for one length field (found by fuzz_snapshot).
#pragma once
#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/detail/register_archive.hpp>
#include <boost/serialization/collection_size_type.hpp>
#include <cstddef>
#include <istream>
#include <stdexcept>
#include <string>

namespace chainlens {

class BoundedIArchive
    : public boost::archive::binary_iarchive_impl<BoundedIArchive, std::istream::char_type, std::istream::traits_type> {
  using Base = boost::archive::binary_iarchive_impl<BoundedIArchive, std::istream::char_type, std::istream::traits_type>;

 public:
  /// `limit`: no string or collection may be longer than this (the payload's size).
  BoundedIArchive(std::streambuf& in, std::size_t limit, unsigned flags)
      : Base(in, flags), limit_(limit) {
    init(flags);
  }

  // Boost calls these through This(), so they hide the base versions for every load.
  template <class T>
  void load(T& t) {
    Base::load(t);
  }
  void load(std::string& s) {
    std::size_t length = 0;
    Base::load(length);
    check(length, "a text");
    s.resize(length);
    if (length > 0) load_binary(s.data(), length);
  }
  /// Throws unless `n` items fit in the payload (each at least a byte long).
  void check_length(std::size_t n, const char* what) const { check(n, what); }
  template <class T>
  void load_override(T& t) {
    Base::load_override(t);
  }
  void load_override(boost::serialization::collection_size_type& t) {
    Base::load_override(t);
    check(t, "a list");
  }

 private:
  friend class boost::archive::detail::interface_iarchive<BoundedIArchive>;
  friend class boost::archive::basic_binary_iarchive<BoundedIArchive>;
  friend class boost::archive::basic_binary_iprimitive<BoundedIArchive, char, std::char_traits<char>>;
  friend class boost::archive::load_access;

  void check(std::size_t n, const char* what) const {
    if (n > limit_)
      throw std::length_error(std::string(what) + " of " + std::to_string(n) + " items in a payload of " +
                              std::to_string(limit_) + " bytes");
  }
  std::size_t limit_;
};

}  // namespace chainlens

BOOST_SERIALIZATION_REGISTER_ARCHIVE(chainlens::BoundedIArchive)
BOOST_SERIALIZATION_USE_ARRAY_OPTIMIZATION(chainlens::BoundedIArchive)
