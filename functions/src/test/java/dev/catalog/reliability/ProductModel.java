package dev.catalog.reliability;

import java.util.HashSet;
import java.util.Set;

/**
 * What a client may believe about one product from the answers it was told: the set of states the table may hold.
 * A success or a read narrows it to one state; a 503 to a write widens it by the write's outcome, since the write may
 * have been applied before its answer was lost.
 */
final class ProductModel {
  /** One state: absent, or present with this stock and (when an answer told it) this ETag. */
  record State(boolean exists, int stock, String etag) {
    static final State ABSENT = new State(false, 0, null);

    boolean matches(State stored) {
      return exists == stored.exists
          && (!exists || stock == stored.stock && (etag == null || etag.equals(stored.etag)));
    }
  }

  private Set<State> possible = new HashSet<>(Set.of(State.ABSENT));

  Set<State> possible() {
    return Set.copyOf(possible);
  }

  void is(State state) {
    possible = new HashSet<>(Set.of(state));
  }

  void mayAlsoBe(State state) {
    possible.add(state);
  }

  /** The one state the client knows, or null when answers left it ambiguous. */
  State known() {
    return possible.size() == 1 ? possible.iterator().next() : null;
  }

  boolean mayBeAbsent() {
    return possible.stream().anyMatch(state -> !state.exists());
  }

  boolean mayExist() {
    return possible.stream().anyMatch(State::exists);
  }

  boolean allows(State stored) {
    return possible.stream().anyMatch(state -> state.matches(stored));
  }
}
