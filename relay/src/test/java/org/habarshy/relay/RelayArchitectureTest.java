package org.habarshy.relay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependency rules of the relay module (docs/ARCHITECTURE.md, "The relay"). */
class RelayArchitectureTest {
    private static final JavaClasses RELAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.habarshy.relay");

    @Test
    void cryptoAndProtobufOnlyThroughCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "com.google.protobuf..",
                "org.habarshy.proto..").check(RELAY);
    }

    /** The relay node's data lives in core's store; only the SMS bridge keeps a queue of its own (sms.db). */
    @Test
    void sqlOnlyInTheSmsBridge() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.relay.sms..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..").check(RELAY);
    }

    @Test
    void proxyAndConfigKnowNothingOfTheDaemonOrCli() {
        noClasses().that().resideInAnyPackage("org.habarshy.relay.proxy..", "org.habarshy.relay.config..",
                "org.habarshy.relay.status..", "org.habarshy.relay.federation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.habarshy.relay.daemon..",
                        "org.habarshy.relay.cli..")
                .check(RELAY);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.habarshy.relay.(*)..").should().beFreeOfCycles().check(RELAY);
    }
}
