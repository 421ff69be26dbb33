package com.quanyu.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.architecture.ArchitectureRulesTest.Rules;
import com.quanyu.architecture.Modules.Kind;
import com.quanyu.architecture.Modules.Module;
import com.quanyu.architecture.fixture.alpha.Alpha;
import com.quanyu.architecture.fixture.alpha.internal.Hidden;
import com.quanyu.architecture.fixture.beta.Beta;
import com.quanyu.architecture.fixture.beta.StoringHandler;
import com.quanyu.architecture.fixture.domain.LeakyDomain;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each architecture rule fails on fixture classes that break it, and passes on ones that keep it. */
class ArchitectureRulesSelfTest {
    private static final JavaClasses ALPHA = new ClassFileImporter().importClasses(Alpha.class, Hidden.class);
    private static final JavaClasses BETA = new ClassFileImporter().importClasses(Beta.class, StoringHandler.class);

    @Test
    void moduleDependencyRuleFailsWhenOneModuleUsesAnother() {
        Module alpha = new Module(Kind.FUNCTION, "functions/alpha", ALPHA);
        Module beta = new Module(Kind.FUNCTION, "functions/beta", BETA);
        AssertionError error = assertThrows(
                AssertionError.class, () -> Rules.noDependencyOn(alpha).check(BETA));
        assertTrue(error.getMessage().contains("Beta"), error.getMessage());
        Rules.noDependencyOn(beta).check(ALPHA);
    }

    @Test
    void internalRuleFailsOutsideTheParentPackage() {
        AssertionError error = assertThrows(AssertionError.class, () -> Rules.INTERNAL_STAYS_INTERNAL.check(BETA));
        assertTrue(error.getMessage().contains("Hidden"), error.getMessage());
        Rules.INTERNAL_STAYS_INTERNAL.check(ALPHA);
    }

    @Test
    void handlerRuleFailsOnAStorageCall() {
        AssertionError error = assertThrows(AssertionError.class, () -> Rules.HANDLERS_ONLY_WIRE.check(BETA));
        assertTrue(error.getMessage().contains("listTables"), error.getMessage());
    }

    @Test
    void domainRuleFailsOnAwsTypes() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyDomain.class);
        AssertionError error = assertThrows(AssertionError.class, () -> Rules.DOMAIN_FREE_OF_AWS_AND_HTTP.check(leaky));
        assertTrue(error.getMessage().contains("AttributeValue"), error.getMessage());
        Rules.DOMAIN_FREE_OF_AWS_AND_HTTP.check(ALPHA);
    }
}
