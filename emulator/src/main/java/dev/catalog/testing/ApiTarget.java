package dev.catalog.testing;

/** Where an {@link ApiCall} goes: the handlers in-process, or a running local API over HTTP. */
public interface ApiTarget {
  ApiResult send(ApiCall call);

  default ApiCall call(String method, String pathAndQuery) {
    return new ApiCall(this, method, pathAndQuery);
  }

  default ApiCall get(String pathAndQuery) {
    return call("GET", pathAndQuery);
  }

  default ApiCall post(String pathAndQuery) {
    return call("POST", pathAndQuery);
  }

  default ApiCall put(String pathAndQuery) {
    return call("PUT", pathAndQuery);
  }

  default ApiCall patch(String pathAndQuery) {
    return call("PATCH", pathAndQuery);
  }

  default ApiCall delete(String pathAndQuery) {
    return call("DELETE", pathAndQuery);
  }
}
