package app.stride.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule of STYLE.md §1: domain ← application ← adapters, never the reverse. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.stride.planner");

  @Test
  void domain_dependsOnNoFrameworkNorOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage("..planner.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..application..",
            "..adapter..",
            "org.springframework..",
            "tools.jackson..",
            "software.amazon..",
            "com.google..",
            "app.stride.core..")
        .check(CLASSES);
  }

  @Test
  void application_doesNotDependOnAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..planner.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..adapter..", "org.springframework..", "tools.jackson..")
        .check(CLASSES);
  }

  @Test
  void icalWriter_knowsNoPlannerType() {
    noClasses()
        .that()
        .resideInAPackage("..planner.ical..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..planner.domain..",
            "..planner.application..",
            "..planner.adapter..",
            "app.stride.core..")
        .check(CLASSES);
  }
}
