package org.crowdhex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The few structural rules that matter, stated where a build enforces them. */
@AnalyzeClasses(packages = "org.crowdhex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The cores are plain Java: their logic and tests never need a Flink runtime. */
  @ArchTest
  static final ArchRule coresDoNotUseFlink =
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
              "org.crowdhex.output..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.flink..");

  /** The command line sits on top: nothing depends on it. */
  @ArchTest
  static final ArchRule nothingUsesTheCommandLine =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.crowdhex.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.crowdhex.cli..");

  /** The job wires the cores; no core reaches back into it. */
  @ArchTest
  static final ArchRule coresDoNotUseTheJob =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.crowdhex.job..", "org.crowdhex.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.crowdhex.job..");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.crowdhex.(*)..").should().beFreeOfCycles();
}
