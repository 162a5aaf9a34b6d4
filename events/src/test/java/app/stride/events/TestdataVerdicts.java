package app.stride.events;

import app.stride.events.EventCatalog.Sample;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks samples against a schema and reports every sample whose verdict is not the expected one.
 */
public final class TestdataVerdicts {

  private TestdataVerdicts() {}

  /** An empty list when valid samples pass and invalid samples fail. */
  public static List<String> mismatches(Schema schema, List<Sample> samples) {
    List<String> mismatches = new ArrayList<>();
    for (Sample sample : samples) {
      List<Error> errors = schema.validate(EventSchemas.readTree(sample.resource()));
      if (sample.valid() && !errors.isEmpty()) {
        mismatches.add(sample + " should pass but fails: " + errors);
      } else if (!sample.valid() && errors.isEmpty()) {
        mismatches.add(sample + " should fail but passes");
      }
    }
    return mismatches;
  }
}
