// Detection by trial decoding. Each candidate decodes a sample of the file; every non-ASCII
// character of the result is weighed by how typical it is of text in that encoding and by
// its neighbours (accented letters sit next to ASCII letters in Western text; Shift_JIS
// read as windows-1252 yields runs of punctuation and symbols).

#include "scanner/decode/detect.h"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <vector>

#include "scanner/decode/convert.h"

namespace iescan::scanner::decode_internal {
namespace {

constexpr size_t kSniffWindow = 4096;
constexpr size_t kSampleSize = size_t{256} * 1024;
constexpr int64_t kTieMargin = 1;  // scores this close count as a tie

bool InRange(uint32_t c, uint32_t lo, uint32_t hi) { return c >= lo && c <= hi; }
bool IsAsciiLetter(uint32_t c) { return InRange(c | 0x20, 'a', 'z'); }
bool IsWordish(uint32_t c) {
  return IsAsciiLetter(c) || InRange(c, '0', '9') || c == ' ' || c == '\t' || c == '\r' ||
         c == '\n';
}
bool IsC1OrBad(uint32_t c) { return InRange(c, 0x80, 0x9F) || c == 0xFFFD; }
bool IsHalfwidthKana(uint32_t c) { return InRange(c, 0xFF61, 0xFF9F); }

int JapaneseWeight(uint32_t prev, uint32_t c, uint32_t next) {
  if (IsC1OrBad(c)) return -8;
  if (InRange(c, 0x3041, 0x3096) || InRange(c, 0x30A1, 0x30FA) || c == 0x30FC || c == 0x3001 ||
      c == 0x3002 || c == 0x300C || c == 0x300D) {
    return 3;  // kana and the commonest punctuation
  }
  if (InRange(c, 0x4E00, 0x9FFF)) return 2;
  if (IsHalfwidthKana(c)) return (IsHalfwidthKana(prev) || IsHalfwidthKana(next)) ? 1 : -2;
  if (InRange(c, 0xE000, 0xF8FF)) return -4;  // user-defined area
  if (InRange(c, 0x3000, 0x303F) || InRange(c, 0xFF01, 0xFF5E) || InRange(c, 0x2010, 0x266F)) {
    return 1;  // full-width forms, symbols, box drawing
  }
  return 0;
}

// Letters of windows-1252 outside U+00C0-U+00FF: Œ œ Š š Ÿ Ž ž.
constexpr uint32_t kExtraLetters[] = {0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E};
// Punctuation that Western text commonly uses: dashes, curly quotes, bullet, ellipsis,
// euro, trade mark, no-break space, pound, section, copyright, guillemets, registered,
// degree, middle dot.
constexpr uint32_t kWesternPunctuation[] = {0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                            0x2026, 0x20AC, 0x2122, 0xA0,   0xA3,   0xA7,   0xA9,
                                            0xAB,   0xAE,   0xB0,   0xB7,   0xBB};

template <size_t N>
bool OneOf(uint32_t c, const uint32_t (&set)[N]) {
  return std::find(std::begin(set), std::end(set), c) != std::end(set);
}

bool IsWesternLetter(uint32_t c) {
  if (InRange(c, 0xC0, 0xFF)) return c != 0xD7 && c != 0xF7;
  return OneOf(c, kExtraLetters);
}

bool IsWesternPunctuation(uint32_t c) { return OneOf(c, kWesternPunctuation); }

int WesternWeight(uint32_t prev, uint32_t c, uint32_t next) {
  if (IsC1OrBad(c)) return -8;
  int weight;
  if (IsWesternLetter(c)) {
    weight = (IsAsciiLetter(prev) || IsAsciiLetter(next)) ? 3 : 1;
  } else if (IsWesternPunctuation(c)) {
    weight = (IsWordish(prev) || IsWordish(next)) ? 2 : 0;
  } else {
    weight = -1;
  }
  if (prev >= 0x80 && next >= 0x80) weight -= 2;  // deep inside a run of non-ASCII
  return weight;
}

// A well-formed multi-byte UTF-8 sequence rarely arises by chance from legacy bytes, so
// each one counts in proportion to its length.
int Utf8Weight(uint32_t c) {
  if (IsC1OrBad(c)) return -8;
  return c < 0x800 ? 4 : c < 0x10000 ? 6 : 8;
}

std::string UchardetGuess(std::string_view sample) {
  struct Holder {
    uchardet_t handle = uchardet_new();
    Holder() = default;
    Holder(const Holder&) = delete;
    Holder& operator=(const Holder&) = delete;
    ~Holder() { uchardet_delete(handle); }
  };
  thread_local Holder holder;
  if (holder.handle == nullptr) return {};
  uchardet_reset(holder.handle);
  if (uchardet_handle_data(holder.handle, sample.data(), sample.size()) != 0) return {};
  uchardet_data_end(holder.handle);
  const char* name = uchardet_get_charset(holder.handle);
  return name == nullptr ? std::string() : std::string(name);
}

// The first kSampleSize bytes, cut after a line end when there is one in the second half
// so that no character is split.
std::string_view Sample(std::string_view bytes) {
  if (bytes.size() <= kSampleSize) return bytes;
  std::string_view sample = bytes.substr(0, kSampleSize);
  const size_t lf = sample.rfind('\n');
  if (lf != std::string_view::npos && lf >= kSampleSize / 2) sample = sample.substr(0, lf + 1);
  return sample;
}

}  // namespace

Utf16Guess SniffUtf16(std::string_view bytes) {
  const size_t units = std::min(bytes.size(), kSniffWindow) / 2;
  if (units < 2) return Utf16Guess::kNone;
  size_t le = 0;
  size_t be = 0;
  for (size_t i = 0; i < units; ++i) {
    const bool even_zero = bytes[2 * i] == 0;
    const bool odd_zero = bytes[2 * i + 1] == 0;
    le += !even_zero && odd_zero;
    be += even_zero && !odd_zero;
  }
  if (le * 10 >= units * 3 && be * 20 <= le) return Utf16Guess::kLittleEndian;
  if (be * 10 >= units * 3 && le * 20 <= be) return Utf16Guess::kBigEndian;
  return Utf16Guess::kNone;
}

int64_t PlausibilityScore(std::string_view utf8, const Charset& charset) {
  std::vector<uint32_t> cps;
  cps.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) cps.push_back(NextCodePoint(utf8, &pos));
  int64_t score = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const uint32_t c = cps[i];
    if (c < 0x80) continue;
    const uint32_t prev = i > 0 ? cps[i - 1] : ' ';
    const uint32_t next = i + 1 < cps.size() ? cps[i + 1] : ' ';
    switch (charset.codec) {
      case Codec::kWindows1252:
        score += WesternWeight(prev, c, next);
        break;
      case Codec::kUtf8:
        score += Utf8Weight(c);
        break;
      default:
        score += JapaneseWeight(prev, c, next);
        break;
    }
  }
  return score;
}

Detection DetectCharset(std::string_view bytes) {
  switch (SniffUtf16(bytes)) {
    case Utf16Guess::kLittleEndian:
      return {Utf16Charset(true), false};
    case Utf16Guess::kBigEndian:
      return {Utf16Charset(false), false};
    case Utf16Guess::kNone:
      break;
  }
  if (IsValidUtf8(bytes)) return {Utf8Charset(), true};

  // Candidates in order of preference when everything else is equal.
  const std::array<Charset, 4> candidates = {Windows1252Charset(), Utf8Charset(), ShiftJisCharset(),
                                             EucJpCharset()};
  std::array<int64_t, 4> scores{};
  const std::string_view sample = Sample(bytes);
  std::string decoded;
  for (size_t i = 0; i < candidates.size(); ++i) {
    decoded.clear();
    uint32_t replaced = 0;
    if (!DecodeBytes(sample, candidates[i], &decoded, &replaced)) {
      scores[i] = INT64_MIN / 2;
      continue;
    }
    scores[i] = PlausibilityScore(decoded, candidates[i]);
  }
  size_t best = 0;
  size_t second = 1;
  for (size_t i = 1; i < candidates.size(); ++i) {
    if (scores[i] > scores[best]) {
      second = best;
      best = i;
    } else if (i != second && scores[i] > scores[second]) {
      second = i;
    }
  }
  if (scores[best] - scores[second] <= kTieMargin) {
    if (auto hint = LookupCharset(UchardetGuess(sample))) {
      if (hint->name == candidates[second].name) best = second;
    }
  }
  return {candidates[best], false};
}

}  // namespace iescan::scanner::decode_internal
