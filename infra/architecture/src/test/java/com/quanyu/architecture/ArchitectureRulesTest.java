package com.quanyu.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.quanyu.architecture.Modules.Kind;
import com.quanyu.architecture.Modules.Module;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the README, enforced on the compiled classes:
 * <ul>
 *   <li>a function never depends on another function;</li>
 *   <li>{@code shared/} never depends on a function; nothing in {@code functions/} or {@code shared/}
 *       depends on tooling under {@code infra/};</li>
 *   <li>an {@code internal} package is used only from below its parent package;</li>
 *   <li>Lambda handlers only wire: they make no storage calls themselves;</li>
 *   <li>domain packages are free of AWS types and of {@code shared.http}.</li>
 * </ul>
 * Every rule holds with no exception (the last two were frozen while storage code still lived in
 * domain packages; that debt is paid and the frozen lists are gone).
 * {@code ArchitectureRulesSelfTest} shows each rule failing on classes that break it.
 */
class ArchitectureRulesTest {
    private static Modules modules;

    @BeforeAll
    static void load() {
        modules = Modules.load();
    }

    @Test
    void everyModuleOfTheBuildIsChecked() {
        assertFalse(modules.ofKind(Kind.FUNCTION).isEmpty(), "no function module found");
        assertFalse(modules.ofKind(Kind.SHARED).isEmpty(), "shared module not found");
    }

    @Test
    void aFunctionNeverDependsOnAnotherFunction() {
        List<Module> functions = modules.ofKind(Kind.FUNCTION);
        for (Module function : functions) {
            for (Module other : functions) {
                if (other != function) {
                    Rules.noDependencyOn(other).check(function.classes());
                }
            }
        }
    }

    @Test
    void sharedNeverDependsOnAFunctionOrOnTooling() {
        for (Module shared : modules.ofKind(Kind.SHARED)) {
            for (Module function : modules.ofKind(Kind.FUNCTION)) {
                Rules.noDependencyOn(function).check(shared.classes());
            }
            for (Module tool : modules.ofKind(Kind.TOOLING)) {
                Rules.noDependencyOn(tool).check(shared.classes());
            }
        }
    }

    @Test
    void functionsNeverDependOnTooling() {
        for (Module function : modules.ofKind(Kind.FUNCTION)) {
            for (Module tool : modules.ofKind(Kind.TOOLING)) {
                Rules.noDependencyOn(tool).check(function.classes());
            }
        }
    }

    @Test
    void internalPackagesAreUsedOnlyBelowTheirParent() {
        Rules.INTERNAL_STAYS_INTERNAL.check(modules.all());
    }

    @Test
    void handlersOnlyWire() {
        Rules.HANDLERS_ONLY_WIRE.check(modules.allOf(Kind.FUNCTION));
    }

    @Test
    void domainPackagesAreFreeOfAwsTypesAndHttp() {
        Rules.DOMAIN_FREE_OF_AWS_AND_HTTP.check(modules.allOf(Kind.FUNCTION, Kind.SHARED));
    }

    /** The rules themselves, shared with the self-test that proves each can fail. */
    static final class Rules {
        private Rules() {}

        /** Adapter packages: where AWS types and HTTP belong (handlers, APIs, stores, webhooks, clients). */
        static final Set<String> ADAPTER_PACKAGES = Set.of("api", "store", "webhook", "aws", "http", "admin", "source");

        static ArchRule noDependencyOn(Module other) {
            Set<String> names = other.classNames();
            return noClasses()
                    .should()
                    .dependOnClassesThat(DescribedPredicate.describe(
                            "belong to module " + other.path(), (JavaClass c) -> names.contains(c.getName())))
                    .allowEmptyShould(true);
        }

        static final ArchRule INTERNAL_STAYS_INTERNAL = classes()
                .should(new ArchCondition<JavaClass>("use internal packages only from below their parent package") {
                    private final Pattern internal = Pattern.compile("^(.*)\\.internal(\\..*)?$");

                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            Matcher m =
                                    internal.matcher(dependency.getTargetClass().getPackageName());
                            if (m.matches() && !isBelow(origin.getPackageName(), m.group(1))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);

        static final ArchRule HANDLERS_ONLY_WIRE = noClasses()
                .that(DescribedPredicate.describe("are Lambda handlers", Rules::isHandler))
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a storage operation of an AWS SDK client", (JavaMethodCall call) -> isSdkOperation(call)))
                .allowEmptyShould(true);

        static final ArchRule DOMAIN_FREE_OF_AWS_AND_HTTP = noClasses()
                .that(DescribedPredicate.describe("are in a domain package", Rules::isDomain))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.quanyu.shared.http..")
                .allowEmptyShould(true);

        static boolean isBelow(String pkg, String parent) {
            return pkg.equals(parent) || pkg.startsWith(parent + ".");
        }

        /** By interface name: the handler interface is not imported, so ArchUnit only knows its name. */
        static boolean isHandler(JavaClass c) {
            return c.getAllRawInterfaces().stream()
                    .anyMatch(i -> i.getName().startsWith("com.amazonaws.services.lambda.runtime.Request"));
        }

        static boolean isSdkOperation(JavaMethodCall call) {
            String owner = call.getTargetOwner().getName();
            String method = call.getName();
            return owner.startsWith("software.amazon.awssdk.services.")
                    && owner.endsWith("Client")
                    && !method.equals("builder")
                    && !method.equals("create")
                    && !method.equals("close")
                    && !method.equals("serviceName");
        }

        /** A domain package is any function or shared package that is not a handler root or an adapter. */
        static boolean isDomain(JavaClass c) {
            String pkg = c.getPackageName();
            String[] parts = pkg.split("\\.");
            if (parts.length <= 3) {
                return false; // com.quanyu.<function>: the handlers that wire adapters together
            }
            for (int i = 2; i < parts.length; i++) {
                if (ADAPTER_PACKAGES.contains(parts[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
