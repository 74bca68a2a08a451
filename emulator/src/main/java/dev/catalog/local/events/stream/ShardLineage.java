package dev.catalog.local.events.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which shards of a stream may be read now, as Lambda keeps order across a shard's split or close: a shard whose
 * parent is still listed waits until the parent has been read to its end; one without a parent, or whose parent has
 * left the stream (trimmed), starts at once. Shards already started are not started again.
 */
final class ShardLineage {
  /** One shard as DescribeStream lists it. */
  record Shard(String id, String parentId) {}

  private ShardLineage() {}

  /**
   * @param listed the stream's shards now
   * @param started shards being read or read already
   * @param finished shards read to their end (closed, and every record delivered)
   */
  static List<Shard> ready(Collection<Shard> listed, Set<String> started, Set<String> finished) {
    Set<String> present = listed.stream().map(Shard::id).collect(Collectors.toSet());
    List<Shard> ready = new ArrayList<>();
    for (Shard shard : listed) {
      boolean parentDone =
          shard.parentId() == null
              || !present.contains(shard.parentId())
              || finished.contains(shard.parentId());
      if (!started.contains(shard.id()) && parentDone) {
        ready.add(shard);
      }
    }
    return ready;
  }
}
