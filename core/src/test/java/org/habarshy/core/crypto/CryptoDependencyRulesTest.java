package org.habarshy.core.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The crypto package depends on neither protobuf nor Netty. (That only crypto uses Bouncy Castle is checked by
 * the project-wide architecture test.)
 */
class CryptoDependencyRulesTest {
    @Test
    void cryptoDoesNotUseProtobufOrNetty() {
        JavaClasses crypto = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.habarshy.core.crypto");
        noClasses().that().resideInAPackage("org.habarshy.core.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.protobuf..", "io.netty..",
                        "org.habarshy.proto..")
                .check(crypto);
    }
}
