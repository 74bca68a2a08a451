package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.local.events.stream.ShardLineage.Shard;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shards are read in their lineage's order: a child after its parent, as Lambda keeps order across a split. */
class ShardLineageTest {
  static final Shard ROOT = new Shard("root", null);
  static final Shard LEFT = new Shard("left", "root");
  static final Shard RIGHT = new Shard("right", "root");
  static final Shard GRANDCHILD = new Shard("grandchild", "left");

  static List<String> ready(List<Shard> listed, Set<String> started, Set<String> finished) {
    return ShardLineage.ready(listed, started, finished).stream().map(Shard::id).toList();
  }

  @Test
  void childrenOfASplitShardWaitUntilItIsReadToItsEnd() {
    List<Shard> listed = List.of(ROOT, LEFT, RIGHT, GRANDCHILD);
    assertEquals(List.of("root"), ready(listed, Set.of(), Set.of()));
    assertEquals(List.of(), ready(listed, Set.of("root"), Set.of()));
    assertEquals(List.of("left", "right"), ready(listed, Set.of("root"), Set.of("root")));
    assertEquals(
        List.of("grandchild"),
        ready(listed, Set.of("root", "left", "right"), Set.of("root", "left")));
  }

  @Test
  void aShardWhoseParentWasTrimmedFromTheStreamStartsAtOnce() {
    assertEquals(List.of("left", "right"), ready(List.of(LEFT, RIGHT), Set.of(), Set.of()));
  }

  @Test
  void aShardIsNeverStartedTwice() {
    assertEquals(List.of("right"), ready(List.of(LEFT, RIGHT), Set.of("left"), Set.of()));
  }
}
