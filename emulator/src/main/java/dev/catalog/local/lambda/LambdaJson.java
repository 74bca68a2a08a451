package dev.catalog.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON Lambda passes to a stream handler and reads back from it: the REST proxy event as API Gateway sends it
 * (absent fields left out) and the proxy response. The emulator, the in-process target and the bench call functions
 * through this, as Lambda does.
 */
public final class LambdaJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private LambdaJson() {}

  public static byte[] event(APIGatewayProxyRequestEvent event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response a handler wrote; an IOException when it is not a proxy response object. */
  public static APIGatewayProxyResponseEvent response(byte[] json) throws IOException {
    return MAPPER.readValue(json, APIGatewayProxyResponseEvent.class);
  }

  /** Calls {@code handler} with the event's JSON and reads its response, as Lambda does. */
  public static APIGatewayProxyResponseEvent invoke(
      RequestStreamHandler handler, APIGatewayProxyRequestEvent event, Context context) {
    var out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event(event)), out, context);
      return response(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
