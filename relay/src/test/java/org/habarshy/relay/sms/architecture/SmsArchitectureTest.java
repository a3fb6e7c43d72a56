package org.habarshy.relay.sms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependency rules of the SMS bridge (docs/ARCHITECTURE.md, "SMS bridge"). */
class SmsArchitectureTest {
    private static JavaClasses sms;

    @BeforeAll
    static void importSms() {
        sms = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.habarshy.relay.sms");
    }

    @Test
    void noBouncyCastleOrProtobufOutsideCore() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.bouncycastle..", "com.google.protobuf..", "org.habarshy.proto..").check(sms);
    }

    @Test
    void onlyTheSmppGatewayUsesJsmpp() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.relay.sms.gateway.smpp..")
                .should().dependOnClassesThat().resideInAPackage("org.jsmpp..").check(sms);
    }

    @Test
    void onlyTheStoreUsesSql() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.relay.sms.store..")
                .and().doNotHaveSimpleName("SmsBridge").and().doNotHaveSimpleName("OutboundQueue")
                .and().doNotHaveSimpleName("InboundAssembler")
                .should().dependOnClassesThat().resideInAPackage("java.sql..").check(sms);
    }

    @Test
    void gatewaysAndCodecsDoNotDependOnTheBridge() {
        noClasses().that().resideInAnyPackage("org.habarshy.relay.sms.gateway..", "org.habarshy.relay.sms.codec..",
                "org.habarshy.relay.sms.segment..", "org.habarshy.relay.sms.store..")
                .should().dependOnClassesThat().resideInAPackage("org.habarshy.relay.sms").check(sms);
    }
}
