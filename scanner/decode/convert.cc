// Conversion to UTF-8. The UTF-8 path is a validator that skips ASCII sixteen bytes at a
// time and copies the input whole when it is well-formed, which is the common case.

#include "scanner/decode/convert.h"

#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "scanner/decode/text_file.h"

namespace iescan::scanner {
namespace decode_internal {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

const iconv_t kBadIconv = reinterpret_cast<iconv_t>(-1);  // NOLINT: iconv_open's failure value

// Writes U+FFFD at `dst`; returns the number of bytes written.
inline size_t PutReplacement(char* dst) {
  dst[0] = kReplacement[0];
  dst[1] = kReplacement[1];
  dst[2] = kReplacement[2];
  return 3;
}

// Writes `cp` as UTF-8 at `dst`; returns the number of bytes written.
inline size_t PutUtf8(uint32_t cp, char* dst) {
  if (cp < 0x80) {
    dst[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    dst[0] = static_cast<char>(0xC0 | (cp >> 6));
    dst[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    dst[0] = static_cast<char>(0xE0 | (cp >> 12));
    dst[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    dst[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  dst[0] = static_cast<char>(0xF0 | (cp >> 18));
  dst[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  dst[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  dst[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Length of the well-formed sequence starting at p (p < end), 0 when it is not one.
inline size_t SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned c = p[0];
  const size_t avail = static_cast<size_t>(end - p);
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (avail >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (c < 0xF0) {
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
    if (avail < 3 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80) return 0;
    return 3;
  }
  if (c > 0xF4) return 0;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  if (avail < 4 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
    return 0;
  }
  return 4;
}

void DecodeUtf8(std::string_view bytes, std::string* out, uint32_t* replaced) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t valid = Utf8ValidPrefix(bytes.substr(pos));
    out->append(bytes.data() + pos, valid);
    pos += valid;
    if (pos < bytes.size()) {  // one bad byte
      out->append(kReplacement, 3);
      ++*replaced;
      ++pos;
    }
  }
}

void DecodeUtf16(std::string_view bytes, bool little_endian, std::string* out, uint32_t* replaced) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t units = bytes.size() / 2;
  const size_t base = out->size();
  out->resize(base + units * 3 + 3);  // no unit yields more than 3 bytes
  char* dst = out->data() + base;
  auto unit = [&](size_t i) -> uint32_t {
    return little_endian ? (p[2 * i] | (p[2 * i + 1] << 8)) : ((p[2 * i] << 8) | p[2 * i + 1]);
  };
  size_t i = 0;
  while (i < units) {
    const uint32_t u = unit(i);
    if (u < 0x80) {
      *dst++ = static_cast<char>(u);
      ++i;
    } else if (u < 0xD800 || u > 0xDFFF) {
      dst += PutUtf8(u, dst);
      ++i;
    } else if (u < 0xDC00 && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
      dst += PutUtf8(0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00), dst);
      i += 2;
    } else {
      dst += PutReplacement(dst);
      *replaced += 2;
      ++i;
    }
  }
  if (bytes.size() % 2 != 0) {
    dst += PutReplacement(dst);
    ++*replaced;
  }
  out->resize(static_cast<size_t>(dst - out->data()));
}

// windows-1252 as browsers decode it: 0x80-0x9F through this table (the five bytes the
// code page leaves undefined map to the C1 control of the same value), the rest as
// ISO-8859-1.
constexpr uint16_t kWin1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void DecodeWindows1252(std::string_view bytes, std::string* out) {
  out->reserve(out->size() + bytes.size() + bytes.size() / 8);
  size_t pos = 0;
  char buf[4];
  while (pos < bytes.size()) {
    size_t run = pos;
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out->append(bytes.data() + pos, run - pos);
    pos = run;
    if (pos == bytes.size()) break;
    const unsigned b = static_cast<unsigned char>(bytes[pos++]);
    const uint32_t cp = b < 0xA0 ? kWin1252High[b - 0x80] : b;
    out->append(buf, PutUtf8(cp, buf));
  }
}

// One iconv descriptor per charset name and thread. Failed opens are cached too.
class IconvCache {
 public:
  IconvCache() = default;
  IconvCache(const IconvCache&) = delete;
  IconvCache& operator=(const IconvCache&) = delete;
  ~IconvCache() {
    for (Entry& entry : entries_) {
      if (entry.cd != kBadIconv) iconv_close(entry.cd);
    }
  }

  iconv_t Get(const std::string& name) {
    for (const Entry& entry : entries_) {
      if (entry.name == name) return entry.cd;
    }
    if (entries_.size() >= kMaxEntries) {
      if (entries_.front().cd != kBadIconv) iconv_close(entries_.front().cd);
      entries_.erase(entries_.begin());
    }
    entries_.push_back({name, iconv_open("UTF-8", name.c_str())});
    return entries_.back().cd;
  }

 private:
  static constexpr size_t kMaxEntries = 12;
  struct Entry {
    std::string name;
    iconv_t cd;
  };
  std::vector<Entry> entries_;
};

IconvCache& ThreadIconvCache() {
  thread_local IconvCache cache;
  return cache;
}

// Runs iconv until it stops; returns false on an error other than a full output buffer,
// leaving *in at the offending byte. `used` counts output bytes written after `base`.
bool RunIconv(iconv_t cd, char** in, size_t* in_left, std::string* out, size_t base, size_t* used,
              bool flush) {
  for (;;) {
    if (out->size() - base - *used < 16) out->resize(out->size() + out->size() / 2 + 64);
    char* dst = out->data() + base + *used;
    size_t dst_left = out->size() - base - *used;
    char* dst_start = dst;
    const size_t rc = flush ? iconv(cd, nullptr, nullptr, &dst, &dst_left)
                            : iconv(cd, in, in_left, &dst, &dst_left);
    *used += static_cast<size_t>(dst - dst_start);
    if (rc != static_cast<size_t>(-1)) return true;
    if (errno != E2BIG) return false;
    out->resize(out->size() + out->size() / 2 + 64);
  }
}

bool DecodeIconv(std::string_view bytes, const std::string& iconv_name, std::string* out,
                 uint32_t* replaced) {
  iconv_t cd = ThreadIconvCache().Get(iconv_name);
  if (cd == kBadIconv) return false;
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // initial shift state
  const size_t base = out->size();
  out->resize(base + bytes.size() + bytes.size() / 2 + 64);
  size_t used = 0;
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it only reads
  size_t in_left = bytes.size();
  while (in_left > 0) {
    if (RunIconv(cd, &in, &in_left, out, base, &used, false)) break;
    // EILSEQ or EINVAL: the byte at `in` cannot start a character here.
    if (out->size() - base - used < 4) out->resize(out->size() + 64);
    char* dst = out->data() + base + used;
    const char bad = *in;
    if (bad == '\r' || bad == '\n') {
      *dst = bad;  // keep line ends; a stateful decoder restarts in its initial state
      used += 1;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    } else {
      used += PutReplacement(dst);
      ++*replaced;
    }
    ++in;
    --in_left;
  }
  RunIconv(cd, &in, &in_left, out, base, &used, true);
  out->resize(base + used);
  return true;
}

}  // namespace

size_t Utf8ValidPrefix(std::string_view bytes) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  const unsigned char* p = begin;
  while (p < end) {
    while (end - p >= 16) {  // ASCII, sixteen bytes at a time
      uint64_t a;
      uint64_t b;
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + 8, 8);
      if (((a | b) & kHighBits) != 0) break;
      p += 16;
    }
    while (p < end && *p < 0x80) ++p;  // at most 15 bytes after the loop above
    while (p < end && *p >= 0x80) {    // a run of multi-byte sequences
      const size_t n = SequenceLength(p, end);
      if (n == 0) return static_cast<size_t>(p - begin);
      p += n;
    }
  }
  return static_cast<size_t>(p - begin);
}

size_t CountNonAscii(std::string_view bytes) {
  // Eight bytes at a time: their high bits moved to the low bit of each byte, then summed
  // across the word by one multiplication (each byte holds 0 or 1, so no carry).
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  size_t count = 0;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, bytes.data() + i, 8);
    count += static_cast<size_t>((((x & kHighBits) >> 7) * kOnes) >> 56);
  }
  for (; i < bytes.size(); ++i) count += static_cast<unsigned char>(bytes[i]) >> 7;
  return count;
}

uint32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto c = static_cast<unsigned char>(text[*pos]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (*pos + len > text.size()) len = text.size() - *pos;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t i = 1; i < len; ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[*pos + i]) & 0x3F);
  }
  *pos += len;
  return cp;
}

bool CanDecode(const Charset& charset) {
  if (charset.codec != Codec::kIconv) return true;
  return ThreadIconvCache().Get(charset.iconv_name) != kBadIconv;
}

bool DecodeBytes(std::string_view bytes, const Charset& charset, std::string* out,
                 uint32_t* replaced) {
  switch (charset.codec) {
    case Codec::kUtf8:
      DecodeUtf8(bytes, out, replaced);  // one validation pass; a single copy when valid
      return true;
    case Codec::kUtf16Le:
    case Codec::kUtf16Be:
      DecodeUtf16(bytes, charset.codec == Codec::kUtf16Le, out, replaced);
      return true;
    case Codec::kWindows1252:
      DecodeWindows1252(bytes, out);
      return true;
    case Codec::kIconv:
      return DecodeIconv(bytes, charset.iconv_name, out, replaced);
  }
  return false;
}

}  // namespace decode_internal

bool IsWellFormedUtf8(std::string_view bytes) { return decode_internal::IsValidUtf8(bytes); }

Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view encoding,
                                  uint32_t* replaced) {
  uint32_t count = 0;
  auto charset = decode_internal::LookupCharset(encoding);
  if (!charset) return Status::Error("unknown encoding \"" + std::string(encoding) + "\"");
  std::string out;
  if (!decode_internal::DecodeBytes(bytes, *charset, &out, &count)) {
    return Status::Error("encoding \"" + std::string(encoding) + "\" is not supported");
  }
  if (replaced != nullptr) *replaced = count;
  return out;
}

}  // namespace iescan::scanner
