package org.habarshy.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md, enforced. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.habarshy.core");
    }

    @Test
    void onlyCryptoUsesBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.core.crypto..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..").check(core);
    }

    @Test
    void onlyWireUsesGeneratedProtobuf() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.core.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("org.habarshy.proto..", "com.google.protobuf..")
                .check(core);
    }

    @Test
    void onlyDiscoveryUsesJmdns() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.core.discovery..")
                .should().dependOnClassesThat().resideInAPackage("javax.jmdns..").check(core);
    }

    @Test
    void apiDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("org.habarshy.core.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..",
                        "java.nio.charset..", "org.habarshy.core.api..")
                .check(core);
    }

    @Test
    void syncSessionsDoNotTouchNettyOrSql() {
        noClasses().that().resideInAPackage("org.habarshy.core.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.sql..").check(core);
    }

    @Test
    void reconciliationUsesOnlyTheJdkAndTheApi() {
        classes().that().resideInAPackage("org.habarshy.core.sync.reconcile..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.habarshy.core.api..",
                        "org.habarshy.core.sync.reconcile..")
                .check(core);
    }

    @Test
    void smsRequestsUseOnlyTheJdk() {
        classes().that().resideInAPackage("org.habarshy.core.sms..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.habarshy.core.sms..")
                .check(core);
    }

    @Test
    void compactCodecsUseOnlyTheJdkTheApiAndCrypto() {
        classes().that().resideInAPackage("org.habarshy.core.compact..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.habarshy.core.api..",
                        "org.habarshy.core.compact..", "org.habarshy.core.crypto..")
                .check(core);
    }

    @Test
    void routingUsesOnlyTheJdkTheApiAndTheStore() {
        classes().that().resideInAPackage("org.habarshy.core.routing..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.habarshy.core.api..",
                        "org.habarshy.core.routing..", "org.habarshy.core.store..")
                .check(core);
    }

    @Test
    void theSimulatorRunsRealSyncButNoStoreNodeOrSockets() {
        noClasses().that().resideInAPackage("org.habarshy.core.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.habarshy.core.store..",
                        "org.habarshy.core.node..", "org.habarshy.core.transport..", "java.net..",
                        "io.netty.channel.socket..")
                .check(core);
        noClasses().that().resideOutsideOfPackage("org.habarshy.core.sim..")
                .should().dependOnClassesThat().resideInAPackage("org.habarshy.core.sim..")
                .check(core);
    }

    @Test
    void groupsUseNoNettySqlOrWireLibrariesAndTheMessagePathDoesNotKnowThem() {
        noClasses().that().resideInAPackage("org.habarshy.core.group..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.sql..", "java.net..",
                        "org.habarshy.core.node..", "org.habarshy.core.transport..", "org.habarshy.core.sync..")
                .check(core);
        noClasses().that().resideInAnyPackage("org.habarshy.core.message..", "org.habarshy.core.store..",
                        "org.habarshy.core.crypto..", "org.habarshy.core.wire..")
                .should().dependOnClassesThat().resideInAPackage("org.habarshy.core.group..").check(core);
    }

    @Test
    void channelsUseOnlyTheJdkTheApiCryptoStoreAndCodes() {
        classes().that().resideInAPackage("org.habarshy.core.channel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.habarshy.core.api..",
                        "org.habarshy.core.channel..", "org.habarshy.core.crypto..", "org.habarshy.core.store..",
                        "org.habarshy.core.identity..")
                .check(core);
    }

    @Test
    void realTimeTextStaysInMemoryAndOnTheLink() {
        classes().that().resideInAPackage("org.habarshy.core.rtt..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.netty..",
                        "org.habarshy.core.api..", "org.habarshy.core.crypto..", "org.habarshy.core.link..",
                        "org.habarshy.core.routing..", "org.habarshy.core.sync..", "org.habarshy.core.rtt..")
                .check(core);
    }

    @Test
    void onlyStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.core.store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..").check(core);
    }

    @Test
    void theMailboxClientWorksThroughTheAccountAndNodeOnly() {
        noClasses().that().resideInAPackage("org.habarshy.core.mailbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.sql..",
                        "org.habarshy.core.store.Database", "org.habarshy.core.sync..", "org.habarshy.core.link..")
                .check(core);
        noClasses().that().resideOutsideOfPackage("org.habarshy.core.mailbox..")
                .should().dependOnClassesThat().resideInAPackage("org.habarshy.core.mailbox..").check(core);
    }

    @Test
    void attachmentsUseTheMessagePathButNoSqlNettyOrProtobuf() {
        classes().that().resideInAPackage("org.habarshy.core.attachment..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.habarshy.core.api..",
                        "org.habarshy.core.attachment..", "org.habarshy.core.crypto..", "org.habarshy.core.message..",
                        "org.habarshy.core.store..", "org.habarshy.core.wire..")
                .check(core);
        noClasses().that().resideOutsideOfPackages("org.habarshy.core.attachment..", "org.habarshy.core.node..")
                .should().dependOnClassesThat().resideInAPackage("org.habarshy.core.attachment..").check(core);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("org.habarshy.core.(*)..").should().beFreeOfCycles().check(core);
    }
}
