package app.stride.auth.credential;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 (alphabet {@code A-Z2-7}), as authenticator apps expect TOTP secrets. Encodes
 * without padding; decoding ignores case, spaces and padding.
 */
final class Base32 {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int BITS_PER_CHAR = 5;

  private Base32() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / BITS_PER_CHAR);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= BITS_PER_CHAR) {
        bits -= BITS_PER_CHAR;
        out.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (BITS_PER_CHAR - bits)) & 0x1F));
    }
    return out.toString();
  }

  /**
   * Decodes base32 text.
   *
   * @throws IllegalArgumentException if the text is empty or has a character outside the alphabet
   *     (the message does not repeat the text: it is usually a secret)
   */
  static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    int chars = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '=' || c == '-') {
        continue;
      }
      int value = ALPHABET.indexOf(Character.toUpperCase(c));
      if (c > 0x7F || value < 0) {
        throw new IllegalArgumentException("not valid base32");
      }
      chars++;
      buffer = (buffer << BITS_PER_CHAR) | value;
      bits += BITS_PER_CHAR;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >>> bits) & 0xFF);
      }
    }
    if (chars == 0) {
      throw new IllegalArgumentException("not valid base32");
    }
    return out.toByteArray();
  }
}
