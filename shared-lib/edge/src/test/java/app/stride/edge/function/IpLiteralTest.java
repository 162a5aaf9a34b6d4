package app.stride.edge.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The IPv4 check is a loop on the request path: it must accept exactly what the pattern does. */
class IpLiteralTest {
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

  @Test
  void isIpv4_agreesWithTheDottedQuadPattern_onEveryOctetSpelling() {
    for (int n = 0; n < 1000; n++) {
      for (String octet : new String[] {Integer.toString(n), String.format("%02d", n), "0" + n}) {
        for (String address :
            new String[] {octet + ".1.2.3", "1." + octet + ".2.3", "1.2.3." + octet}) {
          assertThat(IpLiteral.isIpv4(address))
              .as(address)
              .isEqualTo(DOTTED_QUAD.matcher(address).matches());
        }
      }
    }
  }

  @Test
  void isIpv4_agreesWithTheDottedQuadPattern_onRandomStrings() {
    Random random = new Random(11);
    String alphabet = "0123456789....:x ";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(18);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(IpLiteral.isIpv4(text.toString()))
          .as("'%s'", text)
          .isEqualTo(DOTTED_QUAD.matcher(text).matches());
    }
  }

  @Test
  void parse_keepsIpv4AsWritten_andNormalizesIpv6() {
    assertThat(IpLiteral.parse("203.0.113.7")).hasValue("203.0.113.7");
    assertThat(IpLiteral.parse("255.255.255.255")).hasValue("255.255.255.255");
    assertThat(IpLiteral.parse("203.0.113.07")).isEmpty();
    assertThat(IpLiteral.parse("203.0.113.7.")).isEmpty();
    assertThat(IpLiteral.parse("\u0661.2.3.4")).as("Arabic-Indic digit").isEmpty();
    assertThat(IpLiteral.parse("2001:DB8::1")).hasValue("2001:db8:0:0:0:0:0:1");
  }
}
