package dev.catalog.local.events.sns;

import java.util.Map;

/**
 * SNS's responses in the Query protocol's XML: {@code <ActionResponse>} with {@code <ActionResult>} and the request
 * id, or {@code <ErrorResponse>} with type, code and message.
 */
final class SnsXml {
  static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
  static final String CONTENT_TYPE = "text/xml";

  private SnsXml() {}

  /** @param result the inner XML of {@code <ActionResult>}, already escaped */
  static String response(String action, String result, String requestId) {
    return "<"
        + action
        + "Response xmlns=\""
        + NAMESPACE
        + "\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>"
        + requestId
        + "</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  static String error(SnsError error, String requestId) {
    return "<ErrorResponse xmlns=\""
        + NAMESPACE
        + "\"><Error><Type>"
        + (error.senderFault() ? "Sender" : "Receiver")
        + "</Type><Code>"
        + escape(error.code())
        + "</Code><Message>"
        + escape(error.getMessage())
        + "</Message></Error><RequestId>"
        + requestId
        + "</RequestId></ErrorResponse>";
  }

  static String element(String name, String text) {
    return "<" + name + ">" + escape(text) + "</" + name + ">";
  }

  /** A map as the Query protocol writes one: {@code <entry><key/><value/></entry>} per pair. */
  static String entries(Map<String, String> map) {
    StringBuilder xml = new StringBuilder();
    map.forEach(
        (key, value) ->
            xml.append("<entry>")
                .append(element("key", key))
                .append(element("value", value))
                .append("</entry>"));
    return xml.toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                escaped.append(
                    switch (c) {
                      case '<' -> "&lt;";
                      case '>' -> "&gt;";
                      case '&' -> "&amp;";
                      case '"' -> "&quot;";
                      case '\'' -> "&apos;";
                      case '\r' -> "&#13;";
                      default -> Character.toString(c);
                    }));
    return escaped.toString();
  }
}
