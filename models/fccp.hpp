// models/fccp.hpp: fast-cpp-csv-parser, included once for every CSV reader. Its file-name
// copy trips GCC's -Wstringop-truncation inside the library's own header.
#pragma once
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#endif
#include <libfccp/csv.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
