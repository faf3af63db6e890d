#include "report/writers/html_escape.h"

#include <array>
#include <cstdint>
#include <cstdio>

#include "report/writers/escape.h"

namespace iescan::report {
namespace {

// Decodes the next code point of valid UTF-8 `s` at `*pos` and advances past it.
char32_t NextCodePoint(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  size_t length = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
  if (*pos + length > s.size()) length = s.size() - *pos;
  char32_t cp = length == 1 ? b0 : length == 2 ? (b0 & 0x1F) : length == 3 ? (b0 & 0x0F)
                                                                          : (b0 & 0x07);
  for (size_t i = 1; i < length; ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + i]) & 0x3F);
  }
  *pos += length;
  return cp;
}

void AppendNumericReference(char32_t cp, std::string* out) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "&#x%X;", static_cast<unsigned>(cp));
  *out += buffer;
}

void AppendHtml(std::string_view text, bool attribute, std::string* out) {
  const std::string valid = ValidUtf8(text);
  out->reserve(out->size() + valid.size());
  size_t pos = 0;
  while (pos < valid.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(valid, &pos);
    switch (cp) {
      case '&': *out += "&amp;"; continue;
      case '<': *out += "&lt;"; continue;
      case '>': *out += "&gt;"; continue;
      case '"': *out += attribute ? "&quot;" : "\""; continue;
      case '\'': *out += attribute ? "&#39;" : "'"; continue;
      default: break;
    }
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      if (attribute) {
        AppendNumericReference(cp, out);
      } else {
        *out += static_cast<char>(cp);
      }
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      *out += "\xEF\xBF\xBD";  // HTML forbids these even as references
    } else if (cp == 0x2028 || cp == 0x2029) {
      AppendNumericReference(cp, out);
    } else {
      out->append(valid, start, pos - start);
    }
  }
}

// SHA-256 (FIPS 180-4).
constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void Compress(const unsigned char* block, std::array<uint32_t, 8>* state) {
  std::array<uint32_t, 64> w{};
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t{block[4 * i]} << 24) | (uint32_t{block[4 * i + 1]} << 16) |
           (uint32_t{block[4 * i + 2]} << 8) | uint32_t{block[4 * i + 3]};
  }
  for (int i = 16; i < 64; ++i) {
    const uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::array<uint32_t, 8> v = *state;
  for (int i = 0; i < 64; ++i) {
    const uint32_t s1 = Rotr(v[4], 6) ^ Rotr(v[4], 11) ^ Rotr(v[4], 25);
    const uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    const uint32_t t1 = v[7] + s1 + ch + kRound[i] + w[i];
    const uint32_t s0 = Rotr(v[0], 2) ^ Rotr(v[0], 13) ^ Rotr(v[0], 22);
    const uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    v = {t1 + s0 + maj, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
  }
  for (int i = 0; i < 8; ++i) (*state)[i] += v[i];
}

std::string Base64(const unsigned char* data, size_t size) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < size; i += 3) {
    const uint32_t n = (uint32_t{data[i]} << 16) | (i + 1 < size ? uint32_t{data[i + 1]} << 8 : 0) |
                       (i + 2 < size ? uint32_t{data[i + 2]} : 0);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < size ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < size ? kAlphabet[n & 63] : '=';
  }
  return out;
}

}  // namespace

std::string HtmlText(std::string_view text) {
  std::string out;
  AppendHtml(text, false, &out);
  return out;
}

std::string HtmlAttr(std::string_view text) {
  std::string out;
  AppendHtml(text, true, &out);
  return out;
}

std::string JsonScriptString(std::string_view text) {
  const std::string valid = ValidUtf8(text);
  std::string out = "\"";
  size_t pos = 0;
  while (pos < valid.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(valid, &pos);
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 ||
               cp == 0x2029 || cp == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(cp));
      out += buffer;
    } else {
      out.append(valid, start, pos - start);
    }
  }
  return out + "\"";
}

std::string Sha256Base64(std::string_view data) {
  std::array<uint32_t, 8> state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string padded(data);
  const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  padded += static_cast<char>(0x80);
  while (padded.size() % 64 != 56) padded += '\0';
  for (int i = 7; i >= 0; --i) padded += static_cast<char>((bits >> (8 * i)) & 0xFF);
  const auto* bytes = reinterpret_cast<const unsigned char*>(padded.data());
  for (size_t i = 0; i < padded.size(); i += 64) Compress(bytes + i, &state);
  std::array<unsigned char, 32> digest{};
  for (int i = 0; i < 8; ++i) {
    for (int j = 0; j < 4; ++j) digest[4 * i + j] = (state[i] >> (24 - 8 * j)) & 0xFF;
  }
  return Base64(digest.data(), digest.size());
}

}  // namespace iescan::report
