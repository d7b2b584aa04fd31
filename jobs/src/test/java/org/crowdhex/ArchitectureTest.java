package org.crowdhex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The few structural rules that matter, stated where a build enforces them. Plain JUnit tests
 * (rather than ArchUnit's own engine) so every build runner counts and reports them.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // The main classes only, wherever the build puts its output folder.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("org.crowdhex");
  }

  /** The cores are plain Java: their logic and tests never need a Flink runtime. */
  @Test
  void coresDoNotUseFlink() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.crowdhex.plan..",
            "org.crowdhex.geo..",
            "org.crowdhex.venue..",
            "org.crowdhex.post..",
            "org.crowdhex.locate..",
            "org.crowdhex.density..",
            "org.crowdhex.generate..",
            "org.crowdhex.output..",
            "org.crowdhex.tile..",
            "org.crowdhex.vectortile..",
            "org.crowdhex.pmtiles..",
            "org.crowdhex.serve..",
            "org.crowdhex.privacy..",
            "org.crowdhex.hygiene..",
            "org.crowdhex.flow..",
            "org.crowdhex.replay..",
            "org.crowdhex.cluster..",
            "org.crowdhex.disclosure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.flink..")
        .check(classes);
  }

  /** The command line sits on top: nothing depends on it. */
  @Test
  void nothingUsesTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.crowdhex.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.crowdhex.cli..")
        .check(classes);
  }

  /** The job wires the cores; no core reaches back into it. */
  @Test
  void coresDoNotUseTheJob() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.crowdhex.job..", "org.crowdhex.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.crowdhex.job..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.crowdhex.(*)..").should().beFreeOfCycles().check(classes);
  }
}
