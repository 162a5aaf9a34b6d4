package app.stride.infra.capability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The DynamoDB key schema of a capability's table, mirroring the {@code @DynamoDbPartitionKey},
 * {@code @DynamoDbSortKey} and index annotations of its {@code ...Item} in {@code
 * functions/<name>/aws}. Only key attributes are declared (DynamoDB is schemaless otherwise).
 *
 * @param partitionKey the table's hash key
 * @param sortKey the table's range key, if any
 * @param localIndexes local secondary indexes (same partition key, another sort key)
 * @param globalIndexes global secondary indexes
 * @param ttlAttribute the epoch-seconds attribute DynamoDB expires items by, if any
 */
public record TableSchema(
    Key partitionKey,
    Optional<Key> sortKey,
    List<Index> localIndexes,
    List<Index> globalIndexes,
    Optional<String> ttlAttribute) {

  /** A key attribute: its name and DynamoDB scalar type ({@code S}, {@code N} or {@code B}). */
  public record Key(String name, String type) {

    /** Validates the type. */
    public Key {
      Objects.requireNonNull(name, "name");
      if (!List.of("S", "N", "B").contains(type)) {
        throw new IllegalArgumentException("not a DynamoDB key type: " + type);
      }
    }

    /** A string key. */
    public static Key string(String name) {
      return new Key(name, "S");
    }

    /** A number key. */
    public static Key number(String name) {
      return new Key(name, "N");
    }
  }

  /**
   * A secondary index projecting every attribute.
   *
   * @param name the index name the adapter queries
   * @param partitionKey the index's hash key; for a local index, the table's partition key
   * @param sortKey the index's range key
   */
  public record Index(String name, Key partitionKey, Optional<Key> sortKey) {}

  /** Requires a partition key; a local index needs a sort key and the table's partition key. */
  public TableSchema {
    Objects.requireNonNull(partitionKey, "partitionKey");
    localIndexes = List.copyOf(localIndexes);
    globalIndexes = List.copyOf(globalIndexes);
    for (Index lsi : localIndexes) {
      if (sortKey.isEmpty() || lsi.sortKey().isEmpty()) {
        throw new IllegalArgumentException("local index " + lsi.name() + " needs sort keys");
      }
      if (!lsi.partitionKey().equals(partitionKey)) {
        throw new IllegalArgumentException(lsi.name() + " must share the table's partition key");
      }
    }
    attributesOf(partitionKey, sortKey, localIndexes, globalIndexes);
  }

  /** {@code pk}/{@code sk} strings: the single-table default. */
  public static TableSchema pkSk() {
    return new TableSchema(
        Key.string("pk"), Optional.of(Key.string("sk")), List.of(), List.of(), Optional.empty());
  }

  /** This schema with {@code index} added as a global secondary index. */
  public TableSchema withGlobalIndex(Index index) {
    List<Index> gsis = new ArrayList<>(globalIndexes);
    gsis.add(index);
    return new TableSchema(partitionKey, sortKey, localIndexes, gsis, ttlAttribute);
  }

  /** This schema with {@code index} added as a local secondary index. */
  public TableSchema withLocalIndex(Index index) {
    List<Index> lsis = new ArrayList<>(localIndexes);
    lsis.add(index);
    return new TableSchema(partitionKey, sortKey, lsis, globalIndexes, ttlAttribute);
  }

  /** This schema with items expiring by {@code attribute}. */
  public TableSchema withTtl(String attribute) {
    return new TableSchema(
        partitionKey, sortKey, localIndexes, globalIndexes, Optional.of(attribute));
  }

  /** Whether {@code name} is one of its global indexes. */
  public boolean hasGlobalIndex(String name) {
    return globalIndexes.stream().anyMatch(i -> i.name().equals(name));
  }

  /**
   * Every key attribute once, in order: table keys, then local and global index keys. Fails when
   * one name is declared with two types.
   */
  public List<Key> attributes() {
    return attributesOf(partitionKey, sortKey, localIndexes, globalIndexes);
  }

  private static List<Key> attributesOf(
      Key partitionKey,
      Optional<Key> sortKey,
      List<Index> localIndexes,
      List<Index> globalIndexes) {
    Map<String, Key> byName = new LinkedHashMap<>();
    List<Key> all = new ArrayList<>();
    all.add(partitionKey);
    sortKey.ifPresent(all::add);
    for (Index index : concat(localIndexes, globalIndexes)) {
      all.add(index.partitionKey());
      index.sortKey().ifPresent(all::add);
    }
    for (Key key : all) {
      Key previous = byName.putIfAbsent(key.name(), key);
      if (previous != null && !previous.equals(key)) {
        throw new IllegalArgumentException("attribute " + key.name() + " has two types");
      }
    }
    return List.copyOf(byName.values());
  }

  private static List<Index> concat(List<Index> a, List<Index> b) {
    List<Index> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
