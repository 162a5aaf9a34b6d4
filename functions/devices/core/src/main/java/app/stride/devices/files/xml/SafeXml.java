package app.stride.devices.files.xml;

import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.files.LimitedInputStream.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way activity XML is opened: the JDK's StAX parser with DTDs and external entities
 * switched off, so no entity is ever declared, expanded or fetched. A GPX or TCX document with a
 * DOCTYPE at all is refused ({@code unsafe-xml}); an Apple Health {@code export.xml}, which always
 * carries an internal DTD of element declarations, may keep it as long as it declares no entity and
 * references nothing external.
 */
final class SafeXml {
  private SafeXml() {}

  /** A reader over {@code in} (a byte-order mark is accepted; the encoding comes from the XML). */
  static XMLStreamReader open(InputStream in) throws ActivityFileException, IOException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try {
      return factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  /** Refuses any DOCTYPE (GPX, TCX). */
  static ActivityFileException doctypeRefused() {
    return new ActivityFileException(
        FailureCode.UNSAFE_XML, "the XML declares a DOCTYPE, which activity files never need");
  }

  /**
   * Accepts a DOCTYPE of element and attribute declarations only (Apple Health), refusing one that
   * declares entities or references an external DTD.
   */
  static void checkDeclarationsOnly(String doctype) throws ActivityFileException {
    String upper = doctype == null ? "" : doctype.toUpperCase(Locale.ROOT);
    if (upper.contains("<!ENTITY") || upper.contains("SYSTEM") || upper.contains("PUBLIC")) {
      throw new ActivityFileException(
          FailureCode.UNSAFE_XML, "the XML's DOCTYPE declares entities or external references");
    }
  }

  /**
   * The failure for a parse error: a bound passed while reading keeps its code, a read error of the
   * source stays an {@link IOException}, anything else is malformed XML.
   */
  static ActivityFileException failure(XMLStreamException e) throws IOException {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof LimitExceededException limit) {
        return limit.toFailure();
      }
      if (t instanceof IOException io) {
        throw io;
      }
    }
    Location location = e.getLocation();
    String where = location == null ? "" : " at line " + location.getLineNumber();
    return new ActivityFileException(FailureCode.CORRUPT_FILE, "malformed XML" + where, e);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof XMLStreamException x && x.getNestedException() != null) {
      return x.getNestedException() == t ? null : x.getNestedException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
