package org.habarshy.desktop.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the view models free of Swing, and the UI off the core's internals. */
class GuiArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.habarshy.desktop");

    @Test
    void viewModelsUseNoSwingOrAwt() {
        noClasses().that().resideInAPackage("org.habarshy.desktop.gui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..",
                        "com.formdev..", "com.google.zxing..")
                .check(CLASSES);
    }

    @Test
    void viewsReachTheCoreOnlyThroughTheModel() {
        noClasses().that().resideInAPackage("org.habarshy.desktop.gui.view..")
                .should().dependOnClassesThat().resideInAnyPackage("org.habarshy.core.node..",
                        "org.habarshy.core.store..", "org.habarshy.core.crypto..", "org.habarshy.core.identity..",
                        "org.habarshy.core.message..", "org.habarshy.core.wire..", "org.habarshy.core.rtt..")
                .check(CLASSES);
    }

    @Test
    void onlyTheQrPackageUsesZxing() {
        noClasses().that().resideOutsideOfPackage("org.habarshy.desktop.gui.qr..")
                .should().dependOnClassesThat().resideInAPackage("com.google.zxing..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineDoesNotDependOnTheGui() {
        noClasses().that().resideInAPackage("org.habarshy.desktop.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.habarshy.desktop.gui..")
                .check(CLASSES);
    }
}
