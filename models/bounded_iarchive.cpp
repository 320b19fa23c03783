// models/bounded_iarchive.cpp: instantiates Boost's archive templates for BoundedIArchive, as
// Boost's own binary_iarchive.cpp does for binary_iarchive.
#include "models/bounded_iarchive.hpp"

#include <boost/archive/detail/archive_serializer_map.hpp>
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>

namespace boost::archive {
template class detail::archive_serializer_map<chainlens::BoundedIArchive>;
template class basic_binary_iprimitive<chainlens::BoundedIArchive, std::istream::char_type, std::istream::traits_type>;
template class basic_binary_iarchive<chainlens::BoundedIArchive>;
template class binary_iarchive_impl<chainlens::BoundedIArchive, std::istream::char_type, std::istream::traits_type>;
}  // namespace boost::archive
