// Fuzz target: the JavaScript, VBScript and CSS lexers and the string-literal helpers.
//
// Input: a selector byte (which lexer), then the source text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "scanner/lex/lexers.h"
#include "scanner/lex/token.h"

namespace {

using iescan::scanner::Token;
using iescan::scanner::TokenKind;
using iescan::scanner::Tokens;

// Tokens lie inside the text, in order, without overlapping.
void CheckTokens(std::string_view text, const Tokens& tokens) {
  uint32_t previous_end = 0;
  for (const Token& token : tokens) {
    IESCAN_FUZZ_CHECK(token.begin <= token.end && token.end <= text.size());
    IESCAN_FUZZ_CHECK(token.begin >= previous_end);
    previous_end = token.end;
  }
}

// A string helper's map holds one entry per result byte plus one, each inside the literal.
void CheckMap(std::string_view literal, const std::string& value,
              const std::vector<uint32_t>& map) {
  IESCAN_FUZZ_CHECK(map.size() == value.size() + 1);
  for (uint32_t offset : map) IESCAN_FUZZ_CHECK(offset <= literal.size());
}

void FuzzJs(std::string_view text) {
  Tokens tokens = iescan::scanner::LexJs(text);
  CheckTokens(text, tokens);
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kString && token.kind != TokenKind::kTemplate) continue;
    std::string_view literal = token.Text(text);
    std::vector<uint32_t> map;
    std::string value = iescan::scanner::JsStringValue(literal, &map);
    CheckMap(literal, value, map);
    IESCAN_FUZZ_CHECK(iescan::scanner::JsStringValue(literal, nullptr) == value);
  }
  // The helper must also survive text that is not a literal at all.
  std::vector<uint32_t> map;
  std::string value = iescan::scanner::JsStringValue(text, &map);
  CheckMap(text, value, map);
}

void FuzzVbs(std::string_view text) {
  Tokens tokens = iescan::scanner::LexVbs(text);
  CheckTokens(text, tokens);
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kString) continue;
    std::string_view literal = token.Text(text);
    std::vector<uint32_t> map;
    std::string value = iescan::scanner::VbsStringValue(literal, &map);
    CheckMap(literal, value, map);
  }
}

void FuzzCss(std::string_view text) {
  Tokens tokens = iescan::scanner::LexCss(text);
  CheckTokens(text, tokens);
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kString || token.kind == TokenKind::kUrl) {
      iescan::scanner::CssStringValue(token.Text(text));
    }
  }
  for (bool inline_style : {false, true}) {
    for (const auto& decl : iescan::scanner::CssDeclarations(text, tokens, inline_style)) {
      IESCAN_FUZZ_CHECK(decl.property_token < tokens.size());
      IESCAN_FUZZ_CHECK(decl.value_begin <= decl.value_end);
      IESCAN_FUZZ_CHECK(decl.value_end <= tokens.size());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iescan::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.TakeByte();
  std::string_view text = input.Rest();
  switch (selector % 3) {
    case 0: FuzzJs(text); break;
    case 1: FuzzVbs(text); break;
    default: FuzzCss(text); break;
  }
  return 0;
}
