package app.stride.infra.capability;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One HTTP capability as the stacks deploy it in every region: one function per cloud serving the
 * spec's operations whose {@code x-stride-function} is {@link #name()}, over its own table or
 * database.
 *
 * @param name the capability, its {@code x-stride-function} and the stem of every name ({@code
 *     stride-<name>-<regionId>}: table, function, role, service account)
 * @param tableVariable the variable naming its DynamoDB table ({@code STRIDE_<NAME>_TABLE})
 * @param awsMainClass the Lambda jar's {@code MAIN_CLASS}
 * @param httpDefinition the Spring Cloud Function bean serving HTTP ({@code <name>Http})
 * @param gcpEntryPoint the Functions Framework target of the Cloud Function
 * @param table its DynamoDB key schema
 * @param reads other capabilities' tables of the same region it may read, and how
 * @param outbox its event outbox, if it emits events
 * @param firestoreIndexes the composite indexes its Firestore queries need
 */
public record Capability(
    String name,
    String tableVariable,
    String awsMainClass,
    String httpDefinition,
    String gcpEntryPoint,
    TableSchema table,
    List<TableRead> reads,
    Optional<Outbox> outbox,
    List<FirestoreIndexSpec> firestoreIndexes) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,15}");

  /**
   * Read-only access to another capability's table in the same region.
   *
   * @param capability the capability owning the table
   * @param actions the DynamoDB read actions, e.g. {@code dynamodb:GetItem}
   */
  public record TableRead(String capability, List<String> actions) {

    /** Only read actions are allowed: a capability never writes another's table. */
    public TableRead {
      actions = List.copyOf(actions);
      for (String action : actions) {
        if (!List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query")
            .contains(action)) {
          throw new IllegalArgumentException("not a read action: " + action);
        }
      }
    }

    /** Reading single items of {@code capability}'s table by key. */
    public static TableRead getItem(String capability) {
      return new TableRead(capability, List.of("dynamodb:GetItem"));
    }
  }

  /**
   * Events written to the table with the change and relayed on a schedule (DESIGN.md section 5).
   *
   * @param eventsName the stem of the events queue or topic ({@code stride-<eventsName>-<id>})
   * @param relayDefinition the bean of the same jar that relays pending events
   * @param index the sparse global index of items with pending events
   */
  public record Outbox(String eventsName, String relayDefinition, String index) {}

  /** Validates the name and that the outbox's index is one of the table's global indexes. */
  public Capability {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("capability name must match " + NAME + ": " + name);
    }
    reads = List.copyOf(reads);
    firestoreIndexes = List.copyOf(firestoreIndexes);
    outbox.ifPresent(
        o -> {
          if (table.globalIndexes().stream().noneMatch(i -> i.name().equals(o.index()))) {
            throw new IllegalArgumentException(name + " outbox index is not in its table");
          }
        });
  }
}
